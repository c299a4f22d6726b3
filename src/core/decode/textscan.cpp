#include "decode/textscan.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace paytriage::decode_detail {

namespace {

constexpr std::size_t kRepairExcerptBytes = 40;
constexpr std::size_t kErrorExcerptHalf = 30;

bool inRange(unsigned char c, unsigned char low, unsigned char high)
{
    return c >= low && c <= high;
}

bool isLineBreak(char c)
{
    return c == '\n' || c == '\r';
}

// Copies [begin, end) so that the result is printable on one line whatever the bytes are:
// the excerpt of an InvalidUtf8 or NulByte error is taken from exactly such bytes.
void appendSanitized(std::string &out, std::string_view text, std::size_t begin, std::size_t end)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    std::size_t i = begin;
    while (i < end) {
        const unsigned char c = bytes[i];
        if (c == 0) {
            out += "\xE2\x90\x80"; // U+2400 SYMBOL FOR NULL, visible where the NUL was
            ++i;
        } else if (c < 0x20 || c == 0x7F) {
            if (out.empty() || out.back() != ' ')
                out += ' ';
            ++i;
        } else if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
        } else {
            const std::size_t length = utf8SequenceLength(bytes + i, end - i);
            if (length == 0) {
                out += "\xEF\xBF\xBD"; // U+FFFD REPLACEMENT CHARACTER
                ++i;
            } else if ((length == 2 && c == 0xC2 && bytes[i + 1] < 0xA0)
                       || (length == 3 && c == 0xE2 && bytes[i + 1] == 0x80
                           && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9))) {
                // C1 controls (U+0080..U+009F: NEL, CSI, OSC) act on a terminal; U+2028/U+2029
                // would break the line in the UI.
                if (out.empty() || out.back() != ' ')
                    out += ' ';
                i += length;
            } else if (length == 3 && c == 0xEF && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF) {
                i += length; // U+FEFF is invisible; in an excerpt it only confuses
            } else {
                out.append(text.data() + i, length);
                i += length;
            }
        }
    }
}

void trimSpaces(std::string &s)
{
    const std::size_t first = s.find_first_not_of(' ');
    if (first == std::string::npos) {
        s.clear();
        return;
    }
    const std::size_t last = s.find_last_not_of(' ');
    s = s.substr(first, last - first + 1);
}

bool hasZeroByte(std::uint64_t v)
{
    return ((v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL) != 0;
}

} // namespace

std::size_t utf8SequenceLength(const unsigned char *p, std::size_t available)
{
    if (available == 0)
        return 0;
    const unsigned char b0 = p[0];
    if (b0 < 0x80)
        return 1;
    if (b0 < 0xC2) // a continuation byte, or C0/C1 which only start overlong forms
        return 0;
    if (b0 < 0xE0)
        return available >= 2 && inRange(p[1], 0x80, 0xBF) ? 2 : 0;
    if (b0 < 0xF0) {
        if (available < 3)
            return 0;
        // E0 needs A0.. to not be overlong; ED stops at 9F so surrogates are rejected.
        const unsigned char low = b0 == 0xE0 ? 0xA0 : 0x80;
        const unsigned char high = b0 == 0xED ? 0x9F : 0xBF;
        return inRange(p[1], low, high) && inRange(p[2], 0x80, 0xBF) ? 3 : 0;
    }
    if (b0 < 0xF5) {
        if (available < 4)
            return 0;
        // F0 needs 90.. to not be overlong; F4 stops at 8F to stay within U+10FFFF.
        const unsigned char low = b0 == 0xF0 ? 0x90 : 0x80;
        const unsigned char high = b0 == 0xF4 ? 0x8F : 0xBF;
        return inRange(p[1], low, high) && inRange(p[2], 0x80, 0xBF)
                       && inRange(p[3], 0x80, 0xBF)
                   ? 4
                   : 0;
    }
    return 0;
}

std::optional<ByteProblem> findByteProblem(std::string_view text)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        // Pasted JSON is mostly ASCII: check eight bytes at a time while that holds.
        if (size - i >= 8) {
            std::uint64_t word;
            std::memcpy(&word, bytes + i, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0 && !hasZeroByte(word)) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = bytes[i];
        if (c == 0)
            return ByteProblem{i, true};
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = utf8SequenceLength(bytes + i, size - i);
        if (length == 0)
            return ByteProblem{i, false};
        i += length;
    }
    return std::nullopt;
}

TextPosition PositionCursor::advanceTo(std::size_t offset)
{
    if (offset > m_text.size())
        offset = m_text.size();
    if (offset < m_offset) {
        m_offset = 0;
        m_position = {};
    }
    for (; m_offset < offset; ++m_offset) {
        const char c = m_text[m_offset];
        if (c == '\n') {
            ++m_position.line;
            m_position.column = 1;
        } else if (c == '\r') {
            // CR LF is one line break (counted at the LF); a lone CR is an old Mac one.
            if (m_offset + 1 >= m_text.size() || m_text[m_offset + 1] != '\n') {
                ++m_position.line;
                m_position.column = 1;
            }
        } else if (!isContinuationByte(c)) {
            ++m_position.column;
        }
    }
    return m_position;
}

std::string repairExcerpt(std::string_view text, std::size_t begin, std::size_t end)
{
    end = std::min(end, text.size());
    begin = std::min(begin, end);
    std::size_t stop = end;
    if (end - begin > kRepairExcerptBytes) {
        stop = begin + kRepairExcerptBytes;
        while (stop > begin && isContinuationByte(text[stop]))
            --stop;
    }
    std::string out;
    out.reserve(stop - begin + 4);
    appendSanitized(out, text, begin, stop);
    trimSpaces(out);
    if (stop < end)
        out += "\xE2\x80\xA6"; // …
    return out;
}

std::string errorExcerpt(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    // An error at the end of a line (or of the text) is best shown with what precedes it.
    std::size_t anchor = offset;
    if (anchor == text.size() || isJsonSpace(text[anchor])) {
        while (anchor > 0 && isJsonSpace(text[anchor - 1]))
            --anchor;
    }
    if (anchor > 0 && (anchor == text.size() || isLineBreak(text[anchor])))
        --anchor;

    std::size_t begin = anchor > kErrorExcerptHalf ? anchor - kErrorExcerptHalf : 0;
    for (std::size_t i = anchor; i > begin; --i) {
        if (isLineBreak(text[i - 1])) {
            begin = i;
            break;
        }
    }
    std::size_t end = std::min(text.size(), anchor + kErrorExcerptHalf);
    for (std::size_t i = anchor; i < end; ++i) {
        if (isLineBreak(text[i])) {
            end = i;
            break;
        }
    }
    for (int steps = 0; steps < 3 && begin < end && isContinuationByte(text[begin]); ++steps)
        ++begin;
    for (int steps = 0; steps < 3 && end > begin && end < text.size() && isContinuationByte(text[end]);
         ++steps)
        --end;

    std::string out;
    out.reserve(end - begin + 4);
    appendSanitized(out, text, begin, end);
    trimSpaces(out);
    return out;
}

} // namespace paytriage::decode_detail
