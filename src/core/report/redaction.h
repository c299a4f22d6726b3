#pragma once

// What PayTriage masks in everything it copies, exports or keeps: one list, in one place, shown
// wherever masked text goes (a report lists it). Payment secrets and personal data: card and
// account numbers, names, e-mail addresses, phone and identity numbers.

#include "decode/decoder.h"

#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace paytriage {

enum class MaskStyle {
    Whole,         // nothing of it is kept: "[masked]"
    KeepLastFour,  // numbers: every character but the last four becomes *
    Name,          // the first character kept, the rest *
    Email          // the first character of the local part and the domain kept
};

struct MaskedField
{
    std::string_view key;     // the member's name, wherever it is
    std::string_view parent;  // only inside an object under this member ("" anywhere)
    MaskStyle style;
    const char *what;         // what it is, in English (masked() translates it)
};

const std::vector<MaskedField> &maskedFields();
// "payment secret, card number, …" in the UI language: what a masked text says it masked.
QString maskedFieldsDescription();

std::string maskValue(std::string_view value, MaskStyle style);

// How a member named key inside an object under parent is masked; null when it is not.
const MaskedField *maskedField(std::string_view key, std::string_view parent = {});

// Masks, in place, every string under a masked member anywhere in value (numbers under
// KeepLastFour too). Returns how many values were masked.
std::size_t redact(Json &value);

} // namespace paytriage
