#pragma once

// Turns text into JSON documents. Strict JSON first; when that fails and lenient mode is on,
// a tolerant pass accepts what people paste from tickets and chats (console.log output,
// curly quotes, comments, several objects in a row, JSON inside prose) and reports every
// repair it made. Every value gets a byte range in the text (the source map) so the GUI can
// link the raw pane to the decoded tree. Bad input yields an error with line, column and an
// excerpt; nothing here throws or crashes on any input.

#include "util/text.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paytriage {

using Json = nlohmann::ordered_json;

// Half-open byte range [begin, end) into DecodeResult::text.
struct ByteRange
{
    std::size_t begin = 0;
    std::size_t end = 0;

    bool contains(std::size_t offset) const { return offset >= begin && offset < end; }
    std::size_t size() const { return end - begin; }
    friend bool operator==(const ByteRange &, const ByteRange &) = default;
};

// 1-based line; 1-based column counted in Unicode code points (what an editor shows).
struct TextPosition
{
    int line = 1;
    int column = 1;
    friend bool operator==(const TextPosition &, const TextPosition &) = default;
};

TextPosition positionOf(std::string_view text, std::size_t offset);

enum class RepairKind {
    ByteOrderMark,       // a UTF-8 BOM before the text
    SurroundingText,     // prose before or after the JSON was skipped
    UnquotedKey,         // {status: 'DONE'}
    SingleQuotedString,  // 'DONE'
    CurlyQuotes,         // “ ” ‘ ’ used as quotes
    TrailingComma,       // [1, 2,] or {"a": 1,}
    Comment,             // // … or /* … */
    MultipleDocuments,   // several values one after another (commas or blank lines between)
    JavaScriptLiteral,   // undefined → null, NaN/Infinity → null
    NumberOutOfRange,    // an integer beyond 64 bits, kept as a (rounded) decimal
    MissingComma,        // two members/elements with only white space between (pretty-print fragments)
    TruncatedText,       // the text stops inside open objects/arrays; complete values kept, containers closed
    Elision,             // "...", "…", "// ...", "\"...\"" where a person left members out: the document is partial
    ToStringForm,        // a Java/Kotlin toString() map ({status=DONE, card={…}}, Payment(status=DONE, …))
    CommentedOut,        // JSON behind // or # line comments, copied out of source code
    EscapedJson          // JSON inside a quoted, escaped string ("{\"code\": …}" in a log line)
};

struct Repair
{
    RepairKind kind;
    std::size_t offset = 0;      // where in the text
    TextPosition position;
    std::string excerpt;         // the text that was repaired, shortened to ~40 bytes

    TrText description() const;  // "Unquoted key at line 3, column 5 was quoted" in the UI language
};

// Whether a repair only undid how a person or a tool wrote JSON (quotes, commas, comments, a
// log line around it) and left every value as it was sent. Repairs that are not cosmetic change
// or lose data (undefined read as null, a number rounded, text cut short or elided) and are the
// ones marked in the raw pane's margin.
bool isCosmetic(RepairKind kind);

// Repairs of one kind, counted: "unquoted keys ×30" reads better than thirty lines.
struct RepairGroup
{
    RepairKind kind;
    std::size_t count = 0;
    std::size_t first = 0;  // index of the first repair of the kind
    // "unquoted keys" / "따옴표 없는 키", in the UI language.
    TrText name() const;
};
// In order of first appearance; the non-cosmetic kinds first.
std::vector<RepairGroup> groupRepairs(const std::vector<Repair> &repairs);

struct DecodeError
{
    enum class Kind {
        Empty,          // nothing but white space (or nothing at all)
        Truncated,      // the text ends inside a value
        Syntax,         // something unexpected at a position
        InvalidUtf8,    // bytes that are not UTF-8
        NulByte,        // a NUL character in the text
        TooDeep,        // nesting deeper than DecodeOptions::maxDepth
        TooLarge,       // more than DecodeOptions::maxBytes
        NoJson          // lenient mode found no JSON value in the text at all
    };

    Kind kind = Kind::Syntax;
    std::size_t offset = 0;
    TextPosition position;
    std::string excerpt;         // ~60 bytes around the position, valid UTF-8, one line
    std::string expected;        // what the parser expected there, in plain words (may be empty)

    TrText message() const;      // full sentence: what happened, where, and what to do
};

// JSON pointer (RFC 6901) of every value, per document, to its byte range in the text.
class SourceMap
{
public:
    SourceMap() = default;
    // A copy rebuilds its index (the index points into the maps it indexes); a move keeps it.
    SourceMap(const SourceMap &other);
    SourceMap &operator=(const SourceMap &other);
    SourceMap(SourceMap &&) noexcept = default;
    SourceMap &operator=(SourceMap &&) noexcept = default;

    void add(std::size_t document, std::string pointer, ByteRange range);
    // Adds other's entries as documents documentBase…, their ranges moved by byteShift: the map
    // of texts laid end to end from the maps of each. Call index() when done.
    void append(const SourceMap &other, std::size_t documentBase, std::size_t byteShift);

    std::optional<ByteRange> find(std::size_t document, const std::string &pointer) const;
    // The pointer itself when it is mapped, else its nearest mapped parent ("/123/amount" →
    // "/123" in a map of records only); none when not even the document is.
    std::optional<std::string> nearestMapped(std::size_t document, std::string pointer) const;
    // The deepest value whose range contains offset: {document, pointer}.
    std::optional<std::pair<std::size_t, std::string>> at(std::size_t offset) const;
    std::size_t size() const;
    // Builds the index at() uses (the decoder calls it once the map is complete); without it,
    // at() scans every entry.
    void index();

private:
    // Kept per document, keyed by pointer; ranges of one document nest like the JSON does.
    std::vector<std::map<std::string, ByteRange>> m_documents;
    // Every entry by where it starts, each with the entry it nests in: the deepest value at an
    // offset is the last entry starting at or before it, or the first of its parents that holds
    // it — a binary search and a walk no longer than the nesting depth, instead of a scan of a
    // million entries on each click in the raw pane.
    struct Span
    {
        ByteRange range;
        const std::string *pointer;
        std::size_t document;
        std::ptrdiff_t parent;  // index in m_spans, -1 for a document's root
    };
    std::vector<Span> m_spans;
};

struct DecodedDocument
{
    Json value;
    ByteRange range;
    // Something was left out of it: an elision mark, or the text ended inside it. Keys it lacks
    // are unknown, not null.
    bool partial = false;
    std::vector<std::string> elided;  // JSON pointers of the objects and arrays that lost members
};

struct DecodeOptions
{
    bool lenient = true;
    bool buildSourceMap = true;
    // What the source map holds: every value, or the records only: each document, its members,
    // and the elements of lists among them ("/123" of a dump, "/data/123" and "/version" of a
    // list answer). A map of a 100 MB dump's records costs a fraction of a map of its values.
    enum class MapScope { Values, Records };
    MapScope sourceMapScope = MapScope::Values;
    std::size_t maxDepth = 512;
    std::size_t maxBytes = std::size_t(256) * 1024 * 1024;
};

// Whether a value at this depth (the root is 0), in a list or not, belongs in a map of scope.
inline bool inMapScope(DecodeOptions::MapScope scope, std::size_t depth, bool inList)
{
    return scope == DecodeOptions::MapScope::Values || depth <= 1 || (depth == 2 && inList);
}

struct DecodeResult
{
    std::string text;                       // the text as given; all offsets point into it
    std::vector<DecodedDocument> documents; // empty when error is set
    std::vector<Repair> repairs;            // empty when the text was strict JSON
    std::optional<DecodeError> error;       // nothing could be read
    // Values that looked like JSON but broke, while other documents of the text were read: those
    // documents are kept, and each of these says where the broken one failed.
    std::vector<DecodeError> skipped;
    SourceMap sourceMap;

    bool ok() const { return !error.has_value(); }
    bool repaired() const { return !repairs.empty(); }
};

DecodeResult decode(std::string text, const DecodeOptions &options = {});

// Where the first NUL byte or malformed UTF-8 sequence of text is, if any.
std::optional<std::size_t> firstByteProblem(std::string_view text);

// About 60 bytes of the line around offset, valid UTF-8 with no control character: what an
// error shows of the text (the streaming reader's errors too).
std::string errorExcerptAt(std::string_view text, std::size_t offset);

// The reason a file read as strict JSON (a streamed dump) broke where lenient reading would have
// gone on, for DecodeError::expected.
extern const char *const kStrictLargeFile;

// A repair of text found by a later step (the model reading JSON inside a string of a log line):
// its position and excerpt made as decode() makes its own.
Repair makeRepair(std::string_view text, RepairKind kind, ByteRange range);

} // namespace paytriage
