#pragma once

// Byte-level helpers of the decoder (private to src/core/decode): UTF-8 validation, line and
// column bookkeeping, and the one-line excerpts shown next to repairs and errors.

#include "decode/decoder.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace paytriage::decode_detail {

inline bool isJsonSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Characters of an unquoted JavaScript key or of a bare word such as `undefined`.
inline bool isIdentifierChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '$';
}

inline bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Length (1 to 4) of the well-formed UTF-8 sequence at p, or 0 when the bytes there are not
// UTF-8: stray continuation bytes, overlong forms, surrogates, code points above U+10FFFF
// and sequences cut short all count as malformed.
std::size_t utf8SequenceLength(const unsigned char *p, std::size_t available);

struct ByteProblem
{
    std::size_t offset = 0;
    bool nul = false; // otherwise invalid UTF-8
};

// The first NUL byte or malformed UTF-8 sequence in text. Checked once up front so the
// parser can treat '\0' as "end of text" and never meets a broken sequence.
std::optional<ByteProblem> findByteProblem(std::string_view text);

// Turns increasing offsets into line/column in one sweep, so positioning many repairs of a
// large text stays linear.
class PositionCursor final
{
public:
    explicit PositionCursor(std::string_view text) : m_text(text) {}
    // offset must not be smaller than the one of the previous call.
    TextPosition advanceTo(std::size_t offset);

private:
    std::string_view m_text;
    std::size_t m_offset = 0;
    TextPosition m_position;
};

// The repaired bytes [begin, end) as one line of valid UTF-8, shortened to about 40 bytes.
std::string repairExcerpt(std::string_view text, std::size_t begin, std::size_t end);

// About 60 bytes of the line around offset, as valid UTF-8 without control characters.
std::string errorExcerpt(std::string_view text, std::size_t offset);

} // namespace paytriage::decode_detail
