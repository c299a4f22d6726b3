#include "textindex.h"

#include <algorithm>

namespace paytriage {

namespace {

// One step of the conversion: a character (or "\r\n") of the bytes and what the display
// text holds for it. Every scan over the bytes goes through readUnit, so the conversion and
// the position lookups can never disagree.
struct Unit
{
    int bytes = 1;
    char32_t shown = 0;     // the character put in the document
    bool lineBreak = false;

    int positions() const { return shown >= 0x10000 ? 2 : 1; }
};

constexpr char32_t replacementCharacter = 0xFFFD;

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

// Strict UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF); anything else is one
// byte of U+FFFD, which is also what a user would see from any other decoder.
Unit readUnit(const unsigned char *p, const unsigned char *end)
{
    const unsigned char lead = *p;
    if (lead < 0x80) {
        if (lead == '\n')
            return {1, U'\n', true};
        if (lead == '\r')
            return {(p + 1 < end && p[1] == '\n') ? 2 : 1, U'\n', true};
        if (lead == 0)
            return {1, 0x2400, false}; // SYMBOL FOR NULL: a NUL would be invisible
        return {1, lead, false};
    }
    int length = 0;
    char32_t value = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0F;
        if (lead == 0xE0)
            low = 0xA0; // overlong
        else if (lead == 0xED)
            high = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07;
        if (lead == 0xF0)
            low = 0x90; // overlong
        else if (lead == 0xF4)
            high = 0x8F; // past U+10FFFF
    } else {
        return {1, replacementCharacter, false};
    }
    if (end - p < length || p[1] < low || p[1] > high)
        return {1, replacementCharacter, false};
    for (int i = 1; i < length; ++i) {
        if (!isContinuation(p[i]))
            return {1, replacementCharacter, false};
        value = (value << 6) | (p[i] & 0x3F);
    }
    if (value == 0x2029) // PARAGRAPH SEPARATOR: QTextDocument starts a block there anyway
        return {length, U'\n', true};
    if (value == 0xFDD0 || value == 0xFDD1) // QTextBeginningOfFrame / QTextEndOfFrame
        return {length, replacementCharacter, false};
    return {length, value, false};
}

} // namespace

void TextIndex::reset(std::string_view text)
{
    m_text = text;
    m_checkpoints.assign(1, Checkpoint{});
    m_continuationBlocks.clear();
    m_loadedBytes = 0;
    m_loadedPositions = 0;
    m_blockIndex = 0;
    m_lineLength = 0;
    m_previous = 0;
}

std::size_t TextIndex::chunkEnd(std::size_t size, std::size_t limit) const
{
    limit = std::min(limit, m_text.size());
    const std::size_t from = m_loadedBytes;
    if (from >= limit)
        return limit;
    const std::size_t end = std::min(limit, from + std::max<std::size_t>(size, 1));
    if (end == limit)
        return limit;
    // Prefer to end just after a '\n' in the second half of the chunk: the next chunk then
    // starts a fresh block and the view re-lays out nothing it already showed.
    const std::size_t half = from + (end - from) / 2;
    for (std::size_t i = end; i > half; --i) {
        if (m_text[i - 1] == '\n')
            return i;
    }
    return end;
}

QString TextIndex::appendChunk(std::size_t end)
{
    end = std::min(end, m_text.size());
    if (end <= m_loadedBytes)
        return {};
    const auto *const bytes = reinterpret_cast<const unsigned char *>(m_text.data());
    const auto *const textEnd = bytes + m_text.size();

    // At most one character per byte, plus the inserted breaks.
    const std::size_t span = end - m_loadedBytes;
    QString out;
    out.resize(qsizetype(span + span / softLineLimit + 2));
    QChar *const begin = out.data();
    QChar *o = begin;

    std::size_t byte = m_loadedBytes;
    int position = m_loadedPositions;
    while (byte < end) {
        const Unit unit = readUnit(bytes + byte, textEnd);
        if (!unit.lineBreak
            && (m_lineLength >= hardLineLimit
                || (m_lineLength >= softLineLimit && (m_previous == U',' || m_previous == U' ')))) {
            *o++ = QLatin1Char('\n');
            ++position;
            ++m_blockIndex;
            m_continuationBlocks.push_back(m_blockIndex);
            m_lineLength = 0;
            m_checkpoints.push_back({byte, position, true});
        } else if (byte - m_checkpoints.back().byte >= checkpointInterval) {
            m_checkpoints.push_back({byte, position, false});
        }
        if (unit.shown >= 0x10000) {
            *o++ = QChar(QChar::highSurrogate(unit.shown));
            *o++ = QChar(QChar::lowSurrogate(unit.shown));
        } else {
            *o++ = QChar(char16_t(unit.shown));
        }
        position += unit.positions();
        byte += std::size_t(unit.bytes);
        if (unit.lineBreak) {
            ++m_blockIndex;
            m_lineLength = 0;
        } else {
            m_lineLength += unit.positions();
        }
        m_previous = unit.shown;
    }
    out.resize(o - begin);
    m_loadedBytes = byte;
    m_loadedPositions = position;
    return out;
}

const TextIndex::Checkpoint &TextIndex::checkpointForByte(std::size_t offset) const
{
    const auto it = std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), offset,
                                     [](std::size_t value, const Checkpoint &c) { return value < c.byte; });
    return *(it - 1); // the first checkpoint is at byte 0, so there is always one
}

const TextIndex::Checkpoint &TextIndex::checkpointForPosition(int position) const
{
    const auto it = std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), position,
                                     [](int value, const Checkpoint &c) { return value < c.position; });
    return *(it - 1);
}

int TextIndex::positionOf(std::size_t offset, bool rangeEnd) const
{
    if (offset >= m_loadedBytes)
        return m_loadedPositions;
    const Checkpoint &checkpoint = checkpointForByte(offset);
    if (rangeEnd && checkpoint.afterBreak && checkpoint.byte == offset)
        return checkpoint.position - 1;
    const auto *const bytes = reinterpret_cast<const unsigned char *>(m_text.data());
    const auto *const textEnd = bytes + m_text.size();
    std::size_t byte = checkpoint.byte;
    int position = checkpoint.position;
    while (byte < offset) {
        const Unit unit = readUnit(bytes + byte, textEnd);
        if (byte + std::size_t(unit.bytes) > offset)
            break; // inside this character
        byte += std::size_t(unit.bytes);
        position += unit.positions();
    }
    return position;
}

std::size_t TextIndex::byteOf(int position) const
{
    if (position <= 0)
        return 0;
    if (position >= m_loadedPositions)
        return m_loadedBytes;
    const Checkpoint &checkpoint = checkpointForPosition(position);
    const auto *const bytes = reinterpret_cast<const unsigned char *>(m_text.data());
    const auto *const textEnd = bytes + m_text.size();
    // The segment ends at the next checkpoint; a long-line break sits just before it.
    const auto next = std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), checkpoint.byte,
                                       [](std::size_t value, const Checkpoint &c) { return value < c.byte; });
    const std::size_t limit = next == m_checkpoints.end() ? m_loadedBytes : next->byte;
    std::size_t byte = checkpoint.byte;
    int current = checkpoint.position;
    while (byte < limit) {
        const Unit unit = readUnit(bytes + byte, textEnd);
        if (current + unit.positions() > position)
            break;
        current += unit.positions();
        byte += std::size_t(unit.bytes);
    }
    return byte;
}

bool TextIndex::isContinuationBlock(int block) const
{
    return std::binary_search(m_continuationBlocks.begin(), m_continuationBlocks.end(), block);
}

int TextIndex::lineOfBlock(int block) const
{
    const auto before = std::upper_bound(m_continuationBlocks.begin(), m_continuationBlocks.end(), block)
                        - m_continuationBlocks.begin();
    return block + 1 - int(before);
}

} // namespace paytriage
