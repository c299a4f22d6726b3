#pragma once

// What every harness shares: a failed invariant stops the run with what broke (libFuzzer then
// saves the input as a crash), and the checks of text that reaches a user.

#include "decode/decoder.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define FUZZ_CHECK(condition, what)                                                                  \
    do {                                                                                             \
        if (!(condition)) {                                                                          \
            std::fprintf(stderr, "invariant broken at %s:%d: %s (%s)\n", __FILE__, __LINE__, what,   \
                         #condition);                                                                \
            std::abort();                                                                            \
        }                                                                                            \
    } while (false)

namespace paytriage::fuzz {

// Text a person reads: valid UTF-8, no NUL, and no control character but line breaks and tabs
// (nothing that moves a terminal's cursor or retitles its window).
inline bool readable(std::string_view text)
{
    if (firstByteProblem(text))
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return false;
        // C1 controls, U+0080..U+009F, are C2 80..C2 9F in UTF-8.
        if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xa0)
            return false;
    }
    return true;
}

// A JSON report parses, as one object with its summary (or, when the input broke while it was
// written, the error); a text report is readable.
inline void checkJsonReport(const std::string &report)
{
    const Json parsed = Json::parse(report, nullptr, false);
    FUZZ_CHECK(!parsed.is_discarded(), "a JSON report is JSON");
    FUZZ_CHECK(parsed.is_object() && (parsed.contains("summary") || parsed.contains("error")),
               "a JSON report is an object with a summary or an error");
}

inline void checkTextReport(const std::string &report, bool finished = true)
{
    FUZZ_CHECK(!finished || !report.empty(), "a finished text report says something");
    FUZZ_CHECK(readable(report), "a text report is readable");
}

} // namespace paytriage::fuzz
