#pragma once

// The raw pane shows UTF-8 bytes in a QTextDocument, whose positions count UTF-16 code units
// with one position per line break. The decoder's source map speaks in byte offsets. This
// index converts between the two in O(checkpointInterval) per call, whatever the text's size,
// and builds the display text chunk by chunk so a 50 MB paste never stalls the UI thread.
//
// The display text differs from the bytes in ways the index accounts for:
// - "\r\n" and a lone "\r" become one "\n" (one position), U+2029 becomes "\n" too;
// - bytes that are not UTF-8 become U+FFFD one byte at a time, NUL becomes U+2400 (visible),
//   U+FDD0/U+FDD1 (QTextDocument's frame markers) become U+FFFD;
// - a line longer than softLineLimit characters is broken after its next ',' or space, and one
//   longer than hardLineLimit anywhere (between characters): QTextLayout lays out a whole block
//   at once, so one 20 MB minified line would freeze the view. These "continuation" blocks
//   carry no line number; copying reads the original bytes, so the breaks never leak out.
//
// No Qt widgets here: the index is plain data, tested on its own.

#include <QString>

#include <cstddef>
#include <string_view>
#include <vector>

namespace paytriage {

class TextIndex final
{
public:
    static constexpr std::size_t checkpointInterval = 2048; // bytes between checkpoints
    static constexpr int softLineLimit = 1000;               // characters
    static constexpr int hardLineLimit = 4000;               // characters

    // Starts over on text (which must outlive the index's use of it); nothing converted yet.
    void reset(std::string_view text);

    std::string_view text() const { return m_text; }
    std::size_t loadedBytes() const { return m_loadedBytes; }
    int loadedPositions() const { return m_loadedPositions; }
    bool complete() const { return m_loadedBytes >= m_text.size(); }

    // A good end for the next chunk: about `size` bytes after loadedBytes(), never past limit,
    // just after a line break when one is near. appendChunk() may stop up to 3 bytes later so a
    // character (or "\r\n") is never split.
    std::size_t chunkEnd(std::size_t size, std::size_t limit) const;
    // Converts the bytes from loadedBytes() to (at least) end into display text.
    QString appendChunk(std::size_t end);

    // Byte offset → document position. Offsets past the loaded part clamp to its end; an offset
    // inside a character (or between "\r" and "\n") gives that character's position. With
    // rangeEnd, an offset just after a long-line break maps before the break, so a selection
    // ending there does not reach into the next block.
    int positionOf(std::size_t offset, bool rangeEnd = false) const;
    // Document position → byte offset of the character there (a position inside a surrogate
    // pair gives its character's first byte; a long-line break gives the next character's).
    std::size_t byteOf(int position) const;

    // Blocks are the document's paragraphs (QTextBlock::blockNumber(), 0-based).
    bool isContinuationBlock(int block) const;
    // 1-based line in the original text of a block; the line it continues for a continuation.
    int lineOfBlock(int block) const;
    // Lines started so far (for the width of the line-number column).
    int lineCount() const { return m_blockIndex + 1 - int(m_continuationBlocks.size()); }

private:
    struct Checkpoint
    {
        std::size_t byte = 0;
        int position = 0;
        bool afterBreak = false; // the first character after a long-line break
    };

    const Checkpoint &checkpointForByte(std::size_t offset) const;
    const Checkpoint &checkpointForPosition(int position) const;

    std::string_view m_text;
    std::vector<Checkpoint> m_checkpoints;
    std::vector<int> m_continuationBlocks; // sorted
    std::size_t m_loadedBytes = 0;
    int m_loadedPositions = 0;
    int m_blockIndex = 0;     // block the next character goes into
    int m_lineLength = 0;     // characters since the last line break (real or inserted)
    char32_t m_previous = 0;  // last character converted
};

} // namespace paytriage
