#pragma once

// From text or a file to a Case. Small inputs are decoded whole (lenient, with a source map);
// a file holding a huge JSON array (a transactions or settlements dump) is streamed record by
// record through nlohmann's SAX parser so memory does not grow with the file.

#include "decode/decoder.h"
#include "model/document.h"

#include <QString>

#include <cstdint>
#include <cstdio>
#include <functional>
#include <iterator>
#include <optional>
#include <string_view>

namespace paytriage {

struct LoadedCase
{
    DecodeResult decoded;   // text, repairs, error, source map; documents are moved into kase
    Case kase;
};

LoadedCase loadText(std::string text, const DocumentSource &source, const DecodeOptions &options = {});

// Reads a whole file into memory (for decode()). Only a regular file: a device (/dev/zero), a
// pipe (whose writer may never come) or a folder is refused before reading. A file that grows
// past maxBytes while being read stops one byte after it. Fails with a message in the UI
// language that says what to do.
bool readFile(const QString &path, std::string *contents, QString *error,
              std::size_t maxBytes = std::size_t(256) * 1024 * 1024);

// Reads standard input into memory, stopping one byte past maxBytes (then *tooLarge is set).
bool readStandardInput(std::string *contents, std::size_t maxBytes, bool *tooLarge);

// An input iterator over a file's bytes, read in large chunks: lets nlohmann's parser read a
// file far faster than through std::istream, in constant memory.
class ChunkedFileReader final
{
public:
    explicit ChunkedFileReader(std::FILE *file, std::size_t chunk = 1 << 20);
    bool refill();
    const char *begin() const { return m_buffer.data(); }

    class Iterator
    {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = char;
        using difference_type = std::ptrdiff_t;
        using pointer = const char *;
        using reference = const char &;

        Iterator() = default;
        explicit Iterator(ChunkedFileReader *reader) : m_reader(reader) { settle(); }
        reference operator*() const { return *m_pos; }
        Iterator &operator++()
        {
            if (++m_pos == m_end)
                settle();
            return *this;
        }
        Iterator operator++(int)
        {
            Iterator copy = *this;
            ++*this;
            return copy;
        }
        bool operator==(const Iterator &other) const { return atEnd() == other.atEnd(); }
        // The bytes of the current chunk from here on, not consumed.
        std::string_view buffered() const { return {m_pos, std::size_t(m_end - m_pos)}; }
        bool operator!=(const Iterator &other) const { return !(*this == other); }

    private:
        bool atEnd() const { return !m_reader; }
        void settle();
        ChunkedFileReader *m_reader = nullptr;
        const char *m_pos = nullptr;
        const char *m_end = nullptr;
    };

    Iterator iterator() { return Iterator(this); }
    // Steps it over a UTF-8 byte order mark at the start of the file: the bytes skipped (0 or 3).
    static std::size_t skipByteOrderMark(Iterator &it);
    std::uint64_t consumed() const { return m_consumed; }
    // The file offset of the first NUL byte read so far: nlohmann's parser takes one for the end
    // of its input, so a parse that ends well may have stopped there.
    std::optional<std::uint64_t> firstNul() const { return m_firstNul; }

private:
    friend class Iterator;
    std::FILE *m_file;
    std::vector<char> m_buffer;
    std::size_t m_filled = 0;
    std::uint64_t m_consumed = 0;
    std::optional<std::uint64_t> m_firstNul;
};

struct StreamResult
{
    std::size_t records = 0;
    std::optional<DecodeError> error;
};

// True when the file's first non-blank byte opens an array (after an optional BOM).
bool fileStartsWithArray(const QString &path);

// One element of a streamed array, valid during the call only.
struct StreamedRecord
{
    const Json &value;            // an object
    const std::string &pointer;   // its JSON pointer
    // The record has the previous record's keys in the same order, so whatever was decided from
    // the keys alone (its kind) still holds. May be false when they happen to be the same.
    bool sameKeys;
};

// Calls onRecord for each object element of the top-level array in file order (nested arrays
// are flattened, as in Case::index). Strict JSON.
StreamResult streamRecords(const QString &path, std::size_t maxDepth,
                           const std::function<void(const StreamedRecord &record)> &onRecord);

} // namespace paytriage
