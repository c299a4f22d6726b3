#pragma once

// The JSON value parser behind decode() (private to src/core/decode). One class serves both
// passes: strict RFC 8259, and lenient, which also takes what people paste from consoles and
// chats and records every repair. It is iterative with an explicit stack, so nesting depth is
// bounded by DecodeOptions::maxDepth and never by the C++ stack.

#include "decode/decoder.h"

#include <QtGlobal>

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace paytriage::decode_detail {

inline constexpr const char *kTrContext = "paytriage::Decoder";

inline constexpr std::size_t kRepairKindCount = static_cast<std::size_t>(RepairKind::EscapedJson) + 1;

// Repairs of one kind beyond this are not listed: a large console.log dump would otherwise
// produce hundreds of thousands of identical "unquoted key" notes nobody reads.
inline constexpr std::size_t kMaxRepairsPerKind = 500;

// What the parser expected, in plain words for DecodeError::expected. Marked for lupdate so
// DecodeError::message() can show them in the UI language.
namespace expect {
inline constexpr const char *kValue = QT_TRANSLATE_NOOP(
    "paytriage::Decoder", "a value (an object, an array, a string, a number, true, false or null)");
inline constexpr const char *kCommaOrBracket = QT_TRANSLATE_NOOP("paytriage::Decoder", "a comma or ]");
inline constexpr const char *kCommaOrBrace = QT_TRANSLATE_NOOP("paytriage::Decoder", "a comma or }");
inline constexpr const char *kClosingBracket = QT_TRANSLATE_NOOP("paytriage::Decoder", "a closing ]");
inline constexpr const char *kQuotedKeyOrBrace =
    QT_TRANSLATE_NOOP("paytriage::Decoder", "a key in double quotes or }");
inline constexpr const char *kQuotedKey = QT_TRANSLATE_NOOP("paytriage::Decoder", "a key in double quotes");
inline constexpr const char *kKeyOrBrace = QT_TRANSLATE_NOOP("paytriage::Decoder", "a key or }");
inline constexpr const char *kKey = QT_TRANSLATE_NOOP("paytriage::Decoder", "a key");
inline constexpr const char *kColon = QT_TRANSLATE_NOOP("paytriage::Decoder", "a colon after the key");
inline constexpr const char *kEndOfText = QT_TRANSLATE_NOOP("paytriage::Decoder", "the end of the text");
inline constexpr const char *kDigit = QT_TRANSLATE_NOOP("paytriage::Decoder", "a digit");
inline constexpr const char *kEscape = QT_TRANSLATE_NOOP(
    "paytriage::Decoder", "a valid escape sequence such as \\n, \\\" or \\u00E9");
inline constexpr const char *kHexDigits =
    QT_TRANSLATE_NOOP("paytriage::Decoder", "four hexadecimal digits after \\u");
inline constexpr const char *kSurrogatePair = QT_TRANSLATE_NOOP(
    "paytriage::Decoder",
    "a complete surrogate pair (\\uD800 to \\uDBFF followed by \\uDC00 to \\uDFFF)");
inline constexpr const char *kNoControlCharacter = QT_TRANSLATE_NOOP(
    "paytriage::Decoder",
    "a closing quote (line breaks and tabs inside a string must be written as \\n and \\t)");
} // namespace expect

struct PendingRepair
{
    RepairKind kind = RepairKind::Comment;
    std::size_t offset = 0;
    std::size_t excerptBegin = 0;
    std::size_t excerptEnd = 0;
};

struct Failure
{
    DecodeError::Kind kind = DecodeError::Kind::Syntax;
    std::size_t offset = 0;
    std::string expected;
};

using SourceEntries = std::vector<std::pair<std::string, ByteRange>>;

struct ParsedValue
{
    Json value;
    ByteRange range;
    std::vector<PendingRepair> repairs;
    SourceEntries sourceMap;    // in completion order; later entries win
    bool duplicateKeys = false; // the map may hold entries of overwritten values
    bool truncated = false;     // closed by TruncatedText recovery
    bool partial = false;       // truncated, or an elision mark left members out
    std::vector<std::string> elided; // pointers of the containers that lost members
    std::size_t resumeAt = 0;   // where a scan for further documents continues
};

// Where an elision mark that starts at pos ends ("...", "…", "... 98 more items", "(생략)"),
// or 0 when none starts there.
std::size_t elisionEnd(std::string_view text, std::size_t pos);
// A string or comment body that says only "left out here" ("...", "…", "생략", "omitted").
bool isElisionText(std::string_view body);

class ValueParser final
{
public:
    // text must contain no NUL byte (decode() checks that first): '\0' means "end of text".
    ValueParser(std::string_view text, const DecodeOptions &options, bool lenient);

    // Parses the value whose first byte is at begin. On failure, failure() says why and out
    // holds nothing useful.
    bool parse(std::size_t begin, ParsedValue &out);
    const Failure &failure() const { return m_failure; }
    // The failed value had complete object members, so it was JSON that broke rather than
    // a bracket in prose.
    bool failedAfterMembers() const { return m_completedMembers > 0; }

    std::size_t skipSpaceAndComments(std::size_t pos) const;
    // End of the comment that starts at pos, or pos when none starts there.
    std::size_t commentEnd(std::size_t pos) const;

private:
    enum class Step { Value, FirstInObject, FirstInArray, Key, Element, AfterChild };
    enum class Quote { Double, Single, CurlyDouble, CurlySingle };

    struct Frame
    {
        Json value;
        std::string key; // of the member being parsed
        // Built once an object grows large, so duplicate checks stay O(1) per member.
        std::unique_ptr<std::unordered_map<std::string, std::size_t>> keyIndex;
        std::size_t begin = 0;
        std::size_t lastEnd = 0; // end of the last complete child
        std::size_t count = 0;   // complete children
        std::size_t pointerLength = 0;
        bool isObject = false;
        bool partial = false;    // an elision mark stood among its members
    };

    char at(std::size_t pos) const { return pos < m_size ? m_data[pos] : '\0'; }
    bool startsWith(std::size_t pos, std::string_view s) const;
    std::size_t skipSpace(std::size_t pos);
    std::size_t textEndForTruncation() const;

    bool fail(DecodeError::Kind kind, std::size_t offset, std::string expected = {});
    bool failTruncated();
    bool failOrTruncated(std::size_t pos, const char *expected);
    bool recoverTruncated();
    std::size_t cutOffEnd(std::size_t pos) const;
    void addRepair(RepairKind kind, std::size_t offset, std::size_t excerptBegin, std::size_t excerptEnd);

    void openFrame(bool isObject, std::size_t pos);
    bool closeFrame(std::size_t closerPos);
    bool completeValue(Json &&value, ByteRange range);
    void attachChild(Frame &frame, Json &&value, std::size_t end);
    void insertMember(Frame &frame, Json &&value);
    void pushKeySegment(const std::string &key);
    void pushIndexSegment(std::size_t index);

    bool parseScalar(std::size_t pos, Json &value, std::size_t &end);
    bool parseKey(std::size_t pos, bool first, std::string &key, std::size_t &end);
    bool parseString(std::size_t pos, Quote quote, std::string &dest, std::size_t &end);
    bool parseEscape(std::size_t &pos, Quote quote, std::string &dest);
    bool parseNumber(std::size_t pos, Json &value, std::size_t &end);
    bool parseWord(std::size_t pos, std::string_view word, std::size_t &end);
    int curlyQuoteAt(std::size_t pos) const; // 0 none, 1 double “”, 2 single ‘’
    std::size_t nodePlaceholderEnd(std::size_t pos) const;
    bool startsChild(bool isObject, std::size_t pos) const;
    void markPartial(std::size_t frameIndex);
    void dropElided();

    std::string_view m_text;
    const char *m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_maxDepth = 0;
    bool m_lenient = false;
    bool m_buildMap = true;
    DecodeOptions::MapScope m_mapScope = DecodeOptions::MapScope::Values;
    bool m_trackPointer = true;  // m_pointer is kept up to date

    std::vector<Frame> m_frames; // reused across parse() calls; m_depth are in use
    std::size_t m_depth = 0;
    std::string m_pointer;
    std::string m_scratch;
    ParsedValue *m_out = nullptr;
    Failure m_failure;
    std::size_t m_completedMembers = 0;
    std::array<std::size_t, kRepairKindCount> m_repairCounts{};
};

} // namespace paytriage::decode_detail
