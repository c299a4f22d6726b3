#include "decoder.h"

#include "decode/textscan.h"
#include "decode/tostringform.h"
#include "decode/valueparser.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <array>
#include <new>

namespace paytriage {

using decode_detail::Failure;
using decode_detail::ParsedValue;
using decode_detail::PendingRepair;
using decode_detail::SourceEntries;
using decode_detail::ValueParser;
using decode_detail::isJsonSpace;
using decode_detail::kMaxRepairsPerKind;
using decode_detail::kRepairKindCount;
using decode_detail::kTrContext;

namespace {

struct MessageText
{
    const char *source;
    bool withExcerpt; // %3 is the excerpt; %1, %2 are always line and column
};

// Indexed by RepairKind.
constexpr std::array<MessageText, kRepairKindCount> kRepairTexts = {{
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "An invisible byte order mark (BOM) at the start of the text (line %1, column %2) "
                       "was ignored."),
     false},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "Text that is not JSON at line %1, column %2 was skipped: %3"),
     true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "The key at line %1, column %2 had no quotes around it and was read as a "
                       "string: %3"),
     true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "The string in single quotes at line %1, column %2 was read as a normal JSON "
                       "string: %3"),
     true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "Curly quotes (“ ” or ‘ ’) around the string at line %1, "
                       "column %2 were read as straight quotes: %3"),
     true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "An extra comma with no value after it at line %1, column %2 was ignored: %3"),
     true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder", "A comment at line %1, column %2 was ignored: %3"), true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "Another JSON value starts at line %1, column %2; it is shown as a separate "
                       "document: %3"),
     true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "The JavaScript value at line %1, column %2 is not JSON and was read as null: "
                       "%3"),
     true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "The number at line %1, column %2 does not fit in a 64-bit integer; it was "
                       "kept as a decimal number and may be rounded: %3"),
     true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "A comma was missing before the value at line %1, column %2 and was added: %3"),
     true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "Part of the data is missing at line %1, column %2 (“%3”); only the complete "
                       "values before it are shown. Copy the whole response again to see everything."),
     true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "Something was left out at line %1, column %2 (“%3”): this document is partial, "
                       "so the keys it lacks are unknown, not null. Look the payment up to see all of it."),
     true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "A Java or Kotlin toString() form at line %1, column %2 was read as JSON. It has no "
                       "quotes, so numbers and words were told apart by how they look: %3"),
     true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "JSON behind line comments (// or #) starting at line %1, column %2 was read: %3"),
     true},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "JSON inside a quoted, escaped string at line %1, column %2 was unescaped and "
                       "read: %3"),
     true},
}};

enum class ErrorArgs {
    None,          // the sentence needs no position
    Position,      // %1 line, %2 column, %3 excerpt
    Expected,      // %1 line, %2 column, %3 expected, %4 excerpt
    Limit          // %1 the byte limit
};

struct ErrorText
{
    const char *source;
    ErrorArgs args;
};

// Indexed by DecodeError::Kind.
constexpr std::array<ErrorText, 8> kErrorTexts = {{
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "The text is empty or contains only white space. Paste a JSON response, a "
                       "request body or a log excerpt."),
     ErrorArgs::None},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "The text ends before the JSON is complete (line %1, column %2, after “%3”). "
                       "The paste may have been cut off: copy the whole response again."),
     ErrorArgs::Position},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "The JSON is not valid at line %1, column %2: expected %3 near “%4”. Fix "
                       "the text at that spot, or copy the original response again."),
     ErrorArgs::Expected},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "The text contains bytes that are not valid UTF-8 at line %1, column %2, near "
                       "“%3”. Save the text as UTF-8 (not EUC-KR or CP949) and paste it again."),
     ErrorArgs::Position},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "The text contains a NUL character at line %1, column %2, near “%3”. It is "
                       "probably binary data or UTF-16 text: save it as UTF-8 and paste it again."),
     ErrorArgs::Position},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "The JSON is nested too deeply at line %1, column %2 (expected %3), near "
                       "“%4”. API responses are never this deep: check that the right text was "
                       "pasted."),
     ErrorArgs::Expected},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "The text is longer than %1 bytes, more than can be analysed at once. Paste only "
                       "the part you need, such as a single API response."),
     ErrorArgs::Limit},
    {QT_TRANSLATE_NOOP("paytriage::Decoder",
                       "No JSON object or array was found in the text. Paste the JSON part of the "
                       "response or log; text around it may stay."),
     ErrorArgs::None},
}};

// The same sentences without an expectation, for errors that carry none.
constexpr const char *kSyntaxWithoutExpected =
    QT_TRANSLATE_NOOP("paytriage::Decoder",
                      "The JSON is not valid at line %1, column %2, near “%3”. Fix the text at "
                      "that spot, or copy the original response again.");
constexpr const char *kTooDeepWithoutExpected =
    QT_TRANSLATE_NOOP("paytriage::Decoder",
                      "The JSON is nested too deeply at line %1, column %2, near “%3”. API "
                      "responses are never this deep: check that the right text was pasted.");

static_assert(static_cast<std::size_t>(DecodeError::Kind::NoJson) + 1 == kErrorTexts.size());

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

DecodeError errorAt(std::string_view text, const Failure &failure)
{
    DecodeError error;
    error.kind = failure.kind;
    error.offset = std::min(failure.offset, text.size());
    error.position = positionOf(text, error.offset);
    error.excerpt = decode_detail::errorExcerpt(text, error.offset);
    error.expected = failure.expected;
    return error;
}

void setError(DecodeResult &result, const Failure &failure)
{
    DecodeError error = errorAt(result.text, failure);
    result.documents.clear();
    result.repairs.clear();
    result.sourceMap = SourceMap();
    result.error = std::move(error);
}

// After a duplicate key the map may still hold entries below the overwritten value. Sorted
// by pointer, a parent comes before its children, so one pass drops every entry whose parent
// is gone or does not contain it.
void pruneStaleEntries(SourceEntries &entries)
{
    std::map<std::string, ByteRange> latest;
    for (auto &[pointer, range] : entries)
        latest.insert_or_assign(std::move(pointer), range);
    for (auto it = latest.begin(); it != latest.end();) {
        if (it->first.empty()) {
            ++it;
            continue;
        }
        const auto parent = latest.find(it->first.substr(0, it->first.rfind('/')));
        const bool inside = parent != latest.end() && parent->second.begin <= it->second.begin
                            && it->second.end <= parent->second.end;
        it = inside ? std::next(it) : latest.erase(it);
    }
    entries.assign(std::make_move_iterator(latest.begin()), std::make_move_iterator(latest.end()));
}

void commit(DecodeResult &result, std::vector<ParsedValue> &documents,
            std::vector<PendingRepair> &repairs, const DecodeOptions &options)
{
    result.documents.reserve(documents.size());
    for (std::size_t i = 0; i < documents.size(); ++i) {
        ParsedValue &document = documents[i];
        // A repeated key keeps its last value: a container that lost members under an earlier
        // one is gone, and no longer named as elided (the text still was: the document stays
        // partial).
        if (document.duplicateKeys)
            std::erase_if(document.elided, [&document](const std::string &pointer) {
                return !document.value.contains(Json::json_pointer(pointer));
            });
        if (options.buildSourceMap) {
            if (document.duplicateKeys)
                pruneStaleEntries(document.sourceMap);
            for (auto &[pointer, range] : document.sourceMap)
                result.sourceMap.add(i, std::move(pointer), range);
            SourceEntries().swap(document.sourceMap);
        }
        result.documents.push_back(
            DecodedDocument{std::move(document.value), document.range, document.partial, std::move(document.elided)});
    }
    if (options.buildSourceMap)
        result.sourceMap.index();

    std::stable_sort(repairs.begin(), repairs.end(),
                     [](const PendingRepair &a, const PendingRepair &b) { return a.offset < b.offset; });
    std::array<std::size_t, kRepairKindCount> counts{};
    decode_detail::PositionCursor cursor(result.text);
    for (const PendingRepair &pending : repairs) {
        if (counts[static_cast<std::size_t>(pending.kind)]++ >= kMaxRepairsPerKind)
            continue;
        Repair repair{pending.kind, pending.offset, cursor.advanceTo(pending.offset),
                      decode_detail::repairExcerpt(result.text, pending.excerptBegin, pending.excerptEnd)};
        result.repairs.push_back(std::move(repair));
    }
}

std::size_t skipJsonSpace(std::string_view text, std::size_t pos)
{
    while (pos < text.size() && isJsonSpace(text[pos]))
        ++pos;
    return pos;
}

struct Attempt
{
    Failure failure;
    std::size_t progress = 0; // bytes parsed before failing: how promising the attempt was
};

struct LenientScan
{
    std::vector<ParsedValue> documents;
    std::vector<PendingRepair> repairs;
    std::optional<Attempt> fatal;          // an error no amount of skipping excuses (nesting too deep)
    std::optional<Attempt> best;           // the most promising failed attempt
    std::vector<Failure> broken;           // values that broke after complete members: skipped, reported
    bool foundBracket = false;
};

// What lies between two documents (or before the first, after the last): white space,
// comments and commas are separators; anything else is prose that gets skipped.
struct Gap
{
    std::size_t begin = 0;
    bool clean = true;
    bool suppressed = false; // already reported as the tail of a truncated document
    std::vector<PendingRepair> comments;
    std::vector<std::size_t> commas;
};

void closeGap(const Gap &gap, std::size_t end, bool beforeFirst, bool afterLast, std::string_view text,
              std::vector<PendingRepair> &repairs)
{
    if (gap.suppressed)
        return;
    if (gap.clean) {
        repairs.insert(repairs.end(), gap.comments.begin(), gap.comments.end());
        if (!gap.commas.empty()) {
            const std::size_t comma = gap.commas.front();
            if (beforeFirst)
                repairs.push_back({RepairKind::SurroundingText, comma, comma, end});
            else if (afterLast)
                repairs.push_back({RepairKind::TrailingComma, comma, comma, comma + 1});
            // Commas between documents are the separators MultipleDocuments reports.
        }
        return;
    }
    std::size_t begin = skipJsonSpace(text, gap.begin);
    std::size_t last = end;
    while (last > begin && isJsonSpace(text[last - 1]))
        --last;
    if (begin < last)
        repairs.push_back({RepairKind::SurroundingText, begin, begin, last});
}

void consider(std::optional<Attempt> &best, const Failure &failure, std::size_t start)
{
    const std::size_t progress = failure.offset > start ? failure.offset - start : 0;
    if (!best || progress > best->progress)
        best = Attempt{failure, progress};
}

std::size_t lineStart(std::string_view text, std::size_t pos)
{
    while (pos > 0 && text[pos - 1] != '\n' && text[pos - 1] != '\r')
        --pos;
    return pos;
}

// Where to look for the next document after a value that broke at failedAt: after its closing
// bracket when the brackets balance, else at the next line that opens a value no further
// indented than the broken one (a pretty-printed paste of several responses), else the end.
std::size_t afterBrokenValue(std::string_view text, std::size_t begin, std::size_t failedAt)
{
    std::size_t depth = 0;
    bool inString = false;
    for (std::size_t p = begin; p < text.size(); ++p) {
        const char c = text[p];
        if (inString) {
            if (c == '\\')
                ++p;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && depth > 0 && --depth == 0) {
            if (p >= failedAt)
                return p + 1;
            break;  // closed before the failure: the brackets do not describe this value
        }
    }
    const std::size_t indent = begin - lineStart(text, begin);
    for (std::size_t p = failedAt; p < text.size(); ++p) {
        if (text[p] != '\n')
            continue;
        std::size_t q = p + 1;
        while (q < text.size() && (text[q] == ' ' || text[q] == '\t'))
            ++q;
        if (q < text.size() && (text[q] == '{' || text[q] == '[') && q - (p + 1) <= indent)
            return q;
    }
    return text.size();
}

// The end of the quoted literal that opens at quote (its closing quote), or npos.
std::size_t literalEnd(std::string_view text, std::size_t quote)
{
    const char q = text[quote];
    for (std::size_t p = quote + 1; p < text.size(); ++p) {
        if (text[p] == '\\')
            ++p;
        else if (text[p] == q)
            return p;
        else if (text[p] == '\n')
            return std::string_view::npos;
    }
    return std::string_view::npos;
}

// A log line that quotes a body with its quotes escaped: 401 Unauthorized: "{\"code\": …}". The
// literal at quote is unescaped (keeping, for every byte, where it came from) and parsed; the
// ranges and repairs found are moved back onto the original text.
bool parseEscapedLiteral(std::string_view text, std::size_t quote, const DecodeOptions &options, ParsedValue &out)
{
    const std::size_t close = literalEnd(text, quote);
    if (close == std::string_view::npos)
        return false;
    std::string inner;
    std::vector<std::size_t> origin;
    bool escapedQuote = false;
    for (std::size_t p = quote + 1; p < close; ++p) {
        origin.push_back(p);
        if (text[p] != '\\') {
            inner += text[p];
            continue;
        }
        const char e = text[p + 1];
        switch (e) {
        case '"': inner += '"'; escapedQuote = true; break;
        case '\'': inner += '\''; break;
        case '\\': inner += '\\'; break;
        case '/': inner += '/'; break;
        case 'n': inner += '\n'; break;
        case 'r': inner += '\r'; break;
        case 't': inner += '\t'; break;
        default:
            // \uXXXX and the rest stay escaped: the inner JSON parser reads them itself.
            inner += '\\';
            inner += e;
            origin.push_back(p + 1);
            break;
        }
        ++p;
    }
    origin.push_back(close);
    const std::size_t first = skipJsonSpace(inner, 0);
    if (!escapedQuote || first >= inner.size() || (inner[first] != '{' && inner[first] != '['))
        return false;
    if (decode_detail::findByteProblem(inner))
        return false;
    ValueParser parser(inner, options, true);
    if (!parser.parse(first, out) || parser.skipSpaceAndComments(out.range.end) != inner.size())
        return false;
    const auto move = [&origin](std::size_t offset) { return origin[std::min(offset, origin.size() - 1)]; };
    out.range = ByteRange{move(out.range.begin), move(out.range.end)};
    for (auto &entry : out.sourceMap)
        entry.second = ByteRange{move(entry.second.begin), move(entry.second.end)};
    for (PendingRepair &repair : out.repairs) {
        repair.offset = move(repair.offset);
        repair.excerptBegin = move(repair.excerptBegin);
        repair.excerptEnd = move(repair.excerptEnd);
    }
    out.repairs.insert(out.repairs.begin(), PendingRepair{RepairKind::EscapedJson, quote, quote, close + 1});
    out.resumeAt = close + 1;
    return true;
}

LenientScan scanLenient(std::string_view text, std::size_t bodyStart, const DecodeOptions &options)
{
    LenientScan scan;
    ValueParser parser(text, options, true);
    const std::size_t size = text.size();

    // A lone scalar such as 'DONE' or NaN is a document only when nothing else is there;
    // otherwise a word or number at the start is the first word of prose.
    const std::size_t first = parser.skipSpaceAndComments(bodyStart);
    if (first < size && text[first] != '{' && text[first] != '[') {
        ParsedValue value;
        if (parser.parse(first, value) && parser.skipSpaceAndComments(value.range.end) == size) {
            const auto recordComments = [&](std::size_t from) {
                for (std::size_t q = skipJsonSpace(text, from); q < size; q = skipJsonSpace(text, q)) {
                    const std::size_t end = parser.commentEnd(q);
                    if (end == q)
                        break;
                    scan.repairs.push_back({RepairKind::Comment, q, q, end});
                    q = end;
                }
            };
            recordComments(bodyStart);
            recordComments(value.range.end);
            scan.repairs.insert(scan.repairs.end(), value.repairs.begin(), value.repairs.end());
            scan.documents.push_back(std::move(value));
            return scan;
        }
    }

    Gap gap;
    gap.begin = bodyStart;
    const auto accept = [&](std::size_t q, ParsedValue &&value) {
        closeGap(gap, q, scan.documents.empty(), false, text, scan.repairs);
        if (!scan.documents.empty())
            scan.repairs.push_back({RepairKind::MultipleDocuments, q, q, value.range.end});
        scan.repairs.insert(scan.repairs.end(), value.repairs.begin(), value.repairs.end());
        value.repairs.clear();
        const std::size_t next = std::max(value.resumeAt, q + 1);
        gap = Gap();
        gap.begin = next;
        gap.suppressed = value.truncated;
        scan.documents.push_back(std::move(value));
        return next;
    };
    std::size_t q = bodyStart;
    while (q < size) {
        const char c = text[q];
        if (isJsonSpace(c)) {
            ++q;
            continue;
        }
        if (gap.clean) {
            // Once prose started, "//" is more likely part of a URL than a comment.
            if (const std::size_t end = parser.commentEnd(q); end != q) {
                gap.comments.push_back({RepairKind::Comment, q, q, end});
                q = end;
                continue;
            }
            if (c == ',') {
                gap.commas.push_back(q);
                ++q;
                continue;
            }
        }
        if ((c == '"' || c == '\'') && q + 1 < size && (text[q + 1] == '{' || text[q + 1] == '[')) {
            ParsedValue value;
            if (parseEscapedLiteral(text, q, options, value)) {
                q = accept(q, std::move(value));
                continue;
            }
        }
        if (c == '{' || c == '[') {
            scan.foundBracket = true;
            ParsedValue value;
            if (parser.parse(q, value)) {
                q = accept(q, std::move(value));
                continue;
            }
            const Failure failure = parser.failure();
            const bool brokeAfterMembers = parser.failedAfterMembers();
            if (c == '{' && decode_detail::startsToStringForm(text, q)
                && decode_detail::parseToStringForm(text, q, options, value)) {
                q = accept(q, std::move(value));
                continue;
            }
            if (failure.kind == DecodeError::Kind::TooDeep) {
                consider(scan.fatal, failure, q);
                return scan;
            }
            if (brokeAfterMembers) {
                // JSON that broke, not a bracket in prose: said, then skipped, so the documents
                // around it are still read.
                scan.broken.push_back(failure);
                gap.clean = false;
                q = std::max(afterBrokenValue(text, q, failure.offset), q + 1);
                continue;
            }
            consider(scan.best, failure, q);
            gap.clean = false;
            // Resume where the attempt broke, not just after the bracket: re-parsing the
            // inside of a large broken value from every nested bracket would be quadratic.
            q = std::max(failure.offset, q + 1);
            continue;
        }
        // Payment(paymentKey=…, status=DONE): a data class or Lombok toString() in a log line.
        if (c >= 'A' && c <= 'Z' && (q == 0 || !decode_detail::isIdentifierChar(text[q - 1]))
            && decode_detail::startsToStringForm(text, q)) {
            ParsedValue value;
            if (decode_detail::parseToStringForm(text, q, options, value)) {
                scan.foundBracket = true;
                q = accept(q, std::move(value));
                continue;
            }
        }
        gap.clean = false;
        ++q;
    }
    closeGap(gap, size, scan.documents.empty(), true, text, scan.repairs);
    return scan;
}

// JSON copied out of source code behind line comments ("// {", "#   \"status\": …"): a copy
// of the text with the comment markers blanked, so every offset still points at the same
// place; empty when no run of commented lines holds a bracket.
std::string uncommented(std::string_view text, std::vector<PendingRepair> &repairs)
{
    std::string copy(text);
    bool changed = false;
    std::size_t runStart = std::string::npos;
    bool runHasBracket = false;
    std::vector<std::pair<std::size_t, std::size_t>> markers;  // of the current run
    const auto endRun = [&] {
        if (runStart != std::string::npos && runHasBracket) {
            for (const auto &[at, length] : markers)
                copy.replace(at, length, length, ' ');
            repairs.push_back({RepairKind::CommentedOut, runStart, runStart, runStart + 2});
            changed = true;
        }
        runStart = std::string::npos;
        runHasBracket = false;
        markers.clear();
    };
    for (std::size_t line = 0; line < text.size();) {
        std::size_t end = text.find('\n', line);
        if (end == std::string_view::npos)
            end = text.size();
        std::size_t p = line;
        while (p < end && (text[p] == ' ' || text[p] == '\t'))
            ++p;
        std::size_t marker = 0;
        if (text.substr(p, 2) == "//")
            marker = 2;
        else if (p < end && text[p] == '#')
            marker = 1;
        if (marker) {
            if (runStart == std::string::npos)
                runStart = p;
            markers.emplace_back(p, marker);
            const std::string_view rest = text.substr(p + marker, end - p - marker);
            runHasBracket = runHasBracket || rest.find_first_of("{[") != std::string_view::npos;
        } else if (p < end) {
            endRun();
        }
        line = end + 1;
    }
    endRun();
    return changed ? copy : std::string();
}

bool holdsQuotedElision(const Json &value)
{
    if (value.is_string()) {
        const std::string &text = value.get_ref<const std::string &>();
        return text.size() <= 32 && decode_detail::isElisionText(text);
    }
    if (value.is_object() || value.is_array())
        for (const Json &child : value)
            if (holdsQuotedElision(child))
                return true;
    return false;
}

void decodeInto(DecodeResult &result, const DecodeOptions &options)
{
    const std::string_view text = result.text;
    if (text.size() > options.maxBytes) {
        // No position: counting lines in an oversized text is exactly what the limit avoids.
        DecodeError error;
        error.kind = DecodeError::Kind::TooLarge;
        error.offset = options.maxBytes;
        result.error = std::move(error);
        return;
    }
    if (const auto problem = decode_detail::findByteProblem(text)) {
        setError(result, Failure{problem->nul ? DecodeError::Kind::NulByte : DecodeError::Kind::InvalidUtf8,
                                 problem->offset, {}});
        return;
    }

    std::vector<PendingRepair> repairs;
    std::size_t bodyStart = 0;
    if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
        bodyStart = kByteOrderMark.size();
        repairs.push_back({RepairKind::ByteOrderMark, 0, 0, 0});
    }
    const std::size_t first = skipJsonSpace(text, bodyStart);
    if (first == text.size()) {
        setError(result, Failure{DecodeError::Kind::Empty, 0, {}});
        return;
    }

    Attempt strictAttempt;
    {
        ValueParser strict(text, options, false);
        std::vector<ParsedValue> documents(1);
        if (strict.parse(first, documents.front())) {
            const std::size_t after = skipJsonSpace(text, documents.front().range.end);
            // Valid JSON may still say "left out here" with a "..." value (docs examples do):
            // the lenient pass reads those as elisions.
            if (after == text.size() && !(options.lenient && holdsQuotedElision(documents.front().value))) {
                repairs.insert(repairs.end(), documents.front().repairs.begin(),
                               documents.front().repairs.end());
                commit(result, documents, repairs, options);
                return;
            }
            strictAttempt.failure = Failure{DecodeError::Kind::Syntax, after, decode_detail::expect::kEndOfText};
        } else {
            strictAttempt.failure = strict.failure();
        }
        strictAttempt.progress = strictAttempt.failure.offset > first ? strictAttempt.failure.offset - first : 0;
    }
    // Lenient parsing would stop at the same bracket: nothing to gain from a second pass.
    if (!options.lenient || strictAttempt.failure.kind == DecodeError::Kind::TooDeep) {
        setError(result, strictAttempt.failure);
        return;
    }

    LenientScan scan = scanLenient(text, bodyStart, options);
    if (scan.documents.empty() && !scan.fatal) {
        // Nothing readable: perhaps it is JSON behind line comments.
        std::vector<PendingRepair> commentRepairs;
        const std::string copy = uncommented(text, commentRepairs);
        if (!copy.empty()) {
            LenientScan second = scanLenient(copy, bodyStart, options);
            if (!second.documents.empty()) {
                second.repairs.insert(second.repairs.end(), commentRepairs.begin(), commentRepairs.end());
                scan = std::move(second);
            }
        }
    }
    if (scan.fatal) {
        const bool strictWins = scan.fatal->failure.kind != DecodeError::Kind::TooDeep
                                && strictAttempt.progress > scan.fatal->progress;
        setError(result, strictWins ? strictAttempt.failure : scan.fatal->failure);
        return;
    }
    if (!scan.documents.empty()) {
        repairs.insert(repairs.end(), scan.repairs.begin(), scan.repairs.end());
        commit(result, scan.documents, repairs, options);
        for (const Failure &failure : scan.broken)
            result.skipped.push_back(errorAt(text, failure));
        return;
    }
    if (!scan.broken.empty()) {
        setError(result, scan.broken.front());
        return;
    }
    if (!scan.foundBracket) {
        setError(result, Failure{DecodeError::Kind::NoJson, first, {}});
        return;
    }
    const bool strictWins = !scan.best || strictAttempt.progress > scan.best->progress;
    setError(result, strictWins ? strictAttempt.failure : scan.best->failure);
}

} // namespace

const char *const kStrictLargeFile = QT_TRANSLATE_NOOP(
    "paytriage::Decoder",
    "strict JSON (a file over 32 MB is read as strict JSON, without the repairs made to pasted text: unquoted keys, "
    "single quotes, comments, prose and several documents work only in smaller files)");

std::optional<std::size_t> firstByteProblem(std::string_view text)
{
    const auto problem = decode_detail::findByteProblem(text);
    return problem ? std::optional<std::size_t>(problem->offset) : std::nullopt;
}

std::string errorExcerptAt(std::string_view text, std::size_t offset)
{
    return decode_detail::errorExcerpt(text, offset);
}

Repair makeRepair(std::string_view text, RepairKind kind, ByteRange range)
{
    const std::size_t begin = std::min(range.begin, text.size());
    return Repair{kind, begin, positionOf(text, begin), decode_detail::repairExcerpt(text, begin, range.end)};
}

TextPosition positionOf(std::string_view text, std::size_t offset)
{
    decode_detail::PositionCursor cursor(text);
    return cursor.advanceTo(offset);
}

namespace {

// Indexed by RepairKind: short names for a count ("unquoted keys ×30").
constexpr std::array<const char *, kRepairKindCount> kRepairKindNames = {{
    QT_TRANSLATE_NOOP("paytriage::Decoder", "byte order mark"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "text around the JSON"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "unquoted keys"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "single-quoted strings"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "curly quotes"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "trailing commas"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "comments"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "several documents"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "undefined or NaN read as null"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "numbers beyond 64 bits rounded"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "missing commas"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "text cut short, closed"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "members left out (…)"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "toString() forms"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "commented-out JSON"),
    QT_TRANSLATE_NOOP("paytriage::Decoder", "escaped JSON in a string"),
}};

} // namespace

bool isCosmetic(RepairKind kind)
{
    switch (kind) {
    case RepairKind::JavaScriptLiteral:
    case RepairKind::NumberOutOfRange:
    case RepairKind::TruncatedText:
    case RepairKind::Elision:
        return false;
    default:
        return true;
    }
}

TrText RepairGroup::name() const
{
    const auto index = static_cast<std::size_t>(kind);
    return index < kRepairKindNames.size() ? TrText{kTrContext, kRepairKindNames[index], {}} : TrText{};
}

std::vector<RepairGroup> groupRepairs(const std::vector<Repair> &repairs)
{
    std::vector<RepairGroup> groups;
    for (std::size_t i = 0; i < repairs.size(); ++i) {
        const auto found = std::find_if(groups.begin(), groups.end(),
                                        [&](const RepairGroup &g) { return g.kind == repairs[i].kind; });
        if (found != groups.end())
            ++found->count;
        else
            groups.push_back({repairs[i].kind, 1, i});
    }
    std::stable_partition(groups.begin(), groups.end(), [](const RepairGroup &g) { return !isCosmetic(g.kind); });
    return groups;
}

TrText Repair::description() const
{
    const auto index = static_cast<std::size_t>(kind);
    if (index >= kRepairTexts.size())
        return {};
    const MessageText &entry = kRepairTexts[index];
    TrText text{kTrContext, entry.source, {QString::number(position.line), QString::number(position.column)}};
    if (entry.withExcerpt)
        text.args.push_back(QString::fromStdString(excerpt)); // last: arg() must not rescan it
    return text;
}

TrText DecodeError::message() const
{
    const auto index = static_cast<std::size_t>(kind);
    if (index >= kErrorTexts.size())
        return {};
    const ErrorText &entry = kErrorTexts[index];
    const QString line = QString::number(position.line);
    const QString column = QString::number(position.column);
    switch (entry.args) {
    case ErrorArgs::None:
        return TrText{kTrContext, entry.source, {}};
    case ErrorArgs::Limit:
        return TrText{kTrContext, entry.source, {QString::number(offset)}};
    case ErrorArgs::Position:
        return TrText{kTrContext, entry.source, {line, column, QString::fromStdString(excerpt)}};
    case ErrorArgs::Expected:
        if (expected.empty()) {
            const char *source = kind == Kind::TooDeep ? kTooDeepWithoutExpected : kSyntaxWithoutExpected;
            return TrText{kTrContext, source, {line, column, QString::fromStdString(excerpt)}};
        }
        // The phrases are marked for translation where the parser defines them.
        return TrText{kTrContext, entry.source,
                      {line, column, QCoreApplication::translate(kTrContext, expected.c_str()),
                       QString::fromStdString(excerpt)}};
    }
    return {};
}

SourceMap::SourceMap(const SourceMap &other) : m_documents(other.m_documents)
{
    if (!other.m_spans.empty())
        index();
}

SourceMap &SourceMap::operator=(const SourceMap &other)
{
    if (this != &other) {
        m_documents = other.m_documents;
        m_spans.clear();
        if (!other.m_spans.empty())
            index();
    }
    return *this;
}

void SourceMap::add(std::size_t document, std::string pointer, ByteRange range)
{
    m_spans.clear();  // the index is stale
    if (document >= m_documents.size())
        m_documents.resize(document + 1);
    m_documents[document].insert_or_assign(std::move(pointer), range);
}

void SourceMap::append(const SourceMap &other, std::size_t documentBase, std::size_t byteShift)
{
    for (std::size_t d = 0; d < other.m_documents.size(); ++d)
        for (const auto &[pointer, range] : other.m_documents[d])
            add(documentBase + d, pointer, ByteRange{range.begin + byteShift, range.end + byteShift});
}

std::optional<ByteRange> SourceMap::find(std::size_t document, const std::string &pointer) const
{
    if (document >= m_documents.size())
        return std::nullopt;
    const auto &entries = m_documents[document];
    const auto it = entries.find(pointer);
    if (it == entries.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::string> SourceMap::nearestMapped(std::size_t document, std::string pointer) const
{
    if (document >= m_documents.size())
        return std::nullopt;
    const auto &entries = m_documents[document];
    for (;;) {
        if (entries.count(pointer))
            return pointer;
        if (pointer.empty())
            return std::nullopt;
        pointer.resize(pointer.rfind('/'));
    }
}

void SourceMap::index()
{
    m_spans.clear();
    m_spans.reserve(size());
    for (std::size_t document = 0; document < m_documents.size(); ++document)
        for (const auto &[pointer, range] : m_documents[document])
            m_spans.push_back({range, &pointer, document, -1});
    // Parents before children: by start, then the longer range first, then the shorter pointer.
    std::sort(m_spans.begin(), m_spans.end(), [](const Span &a, const Span &b) {
        if (a.range.begin != b.range.begin)
            return a.range.begin < b.range.begin;
        if (a.range.end != b.range.end)
            return a.range.end > b.range.end;
        return a.pointer->size() < b.pointer->size();
    });
    std::vector<std::ptrdiff_t> open;  // the chain of ranges holding the current one
    for (std::size_t i = 0; i < m_spans.size(); ++i) {
        Span &span = m_spans[i];
        while (!open.empty()) {
            const Span &top = m_spans[std::size_t(open.back())];
            if (top.document == span.document && span.range.end <= top.range.end)
                break;
            open.pop_back();
        }
        span.parent = open.empty() ? -1 : open.back();
        open.push_back(std::ptrdiff_t(i));
    }
}

std::optional<std::pair<std::size_t, std::string>> SourceMap::at(std::size_t offset) const
{
    if (!m_spans.empty()) {
        auto after = std::upper_bound(m_spans.begin(), m_spans.end(), offset,
                                      [](std::size_t o, const Span &span) { return o < span.range.begin; });
        std::ptrdiff_t i = (after - m_spans.begin()) - 1;
        while (i >= 0 && !m_spans[std::size_t(i)].range.contains(offset))
            i = m_spans[std::size_t(i)].parent;
        if (i < 0)
            return std::nullopt;
        return std::make_pair(m_spans[std::size_t(i)].document, *m_spans[std::size_t(i)].pointer);
    }
    for (std::size_t document = 0; document < m_documents.size(); ++document) {
        const auto &entries = m_documents[document];
        const auto root = entries.find(std::string());
        if (root == entries.end() || !root->second.contains(offset))
            continue;
        // Ranges nest like the JSON, so the smallest range holding offset is the deepest value.
        auto best = root;
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            if (it->second.contains(offset) && it->second.size() < best->second.size())
                best = it;
        }
        return std::make_pair(document, best->first);
    }
    return std::nullopt;
}

std::size_t SourceMap::size() const
{
    std::size_t total = 0;
    for (const auto &entries : m_documents)
        total += entries.size();
    return total;
}

DecodeResult decode(std::string text, const DecodeOptions &options)
{
    DecodeResult result;
    result.text = std::move(text);
    try {
        decodeInto(result, options);
    } catch (const std::bad_alloc &) {
        // Out of memory while building the tree: the honest advice is the one for TooLarge.
        result.documents.clear();
        result.repairs.clear();
        result.sourceMap = SourceMap();
        DecodeError error;
        error.kind = DecodeError::Kind::TooLarge;
        error.offset = result.text.size();
        result.error = std::move(error);
    } catch (...) {
        result.documents.clear();
        result.repairs.clear();
        result.sourceMap = SourceMap();
        DecodeError error;
        error.kind = DecodeError::Kind::Syntax;
        result.error = std::move(error);
    }
    return result;
}

} // namespace paytriage
