#pragma once

// Java and Kotlin toString() output, as merchants' logs print a response object instead of its
// JSON (private to src/core/decode):
//   {status=DONE, totalAmount=15000, card={issuerCode=61, number=43301234****123*}}   (a Map)
//   PaymentResponse(paymentKey=tgen_…, status=DONE, card=Card(number=…), cancels=[…])  (Lombok, data class)
// It carries no quotes, so a value's type is told from how it looks: null, true and false, a
// plain decimal number of at most 15 digits, or else a string (ids of 16 digits and more, dates,
// Korean text stay strings).

#include "decode/valueparser.h"

#include <cstddef>
#include <string_view>

namespace paytriage::decode_detail {

// Whether a toString() form starts at pos: "{key=" or "{}" or "Name(key=" / "Name()".
bool startsToStringForm(std::string_view text, std::size_t pos);

// Parses the form that starts at pos into out (value, range, source map, one ToStringForm
// repair). False when the text there is not one, or it nests deeper than maxDepth.
bool parseToStringForm(std::string_view text, std::size_t pos, const DecodeOptions &options, ParsedValue &out);

} // namespace paytriage::decode_detail
