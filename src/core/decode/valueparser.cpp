#include "decode/valueparser.h"

#include "decode/textscan.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <system_error>

namespace paytriage::decode_detail {

namespace {

// Objects up to this many members find duplicate keys by a linear scan, which beats hashing
// for the small objects of API responses; larger ones get a hash index.
constexpr std::size_t kKeyIndexThreshold = 32;

// How much of the text before a clean cut a TruncatedText repair shows.
constexpr std::size_t kCutContextBytes = 30;

void appendUtf8(std::string &out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

ValueParser::ValueParser(std::string_view text, const DecodeOptions &options, bool lenient)
    : m_text(text),
      m_data(text.data()),
      m_size(text.size()),
      m_maxDepth(options.maxDepth),
      m_lenient(lenient),
      m_buildMap(options.buildSourceMap),
      m_mapScope(options.sourceMapScope),
      // Elisions are recorded by where they are, so a lenient pass tracks pointers even without a map.
      m_trackPointer(options.buildSourceMap || lenient)
{
}

bool ValueParser::parse(std::size_t begin, ParsedValue &out)
{
    out = ParsedValue{};
    m_out = &out;
    m_depth = 0;
    m_pointer.clear();
    m_failure = Failure{};
    m_completedMembers = 0;
    m_repairCounts.fill(0);

    std::size_t pos = begin;
    bool firstKey = false;
    Step step = Step::Value;
    for (;;) {
        switch (step) {
        case Step::Value: {
            pos = skipSpace(pos);
            // "card": ... or [1, …]: the value was left out, and with it its member or element.
            if (m_lenient && m_depth > 0) {
                if (const std::size_t end = elisionEnd(m_text, pos)) {
                    addRepair(RepairKind::Elision, pos, pos, end);
                    dropElided();
                    pos = end;
                    step = Step::AfterChild;
                    break;
                }
            }
            const char c = at(pos);
            if (c == '{' || c == '[') {
                // Node's console.log stops at depth 2 and prints [Object] or [Array] instead: the
                // value is unknown, left out like any elision. Only inside a container: "[Object]"
                // alone in prose is no document.
                if (c == '[' && m_lenient && m_depth > 0) {
                    if (const std::size_t end = nodePlaceholderEnd(pos)) {
                        addRepair(RepairKind::Elision, pos, pos, end);
                        dropElided();
                        pos = end;
                        step = Step::AfterChild;
                        break;
                    }
                }
                // Checked before anything is pushed: the explicit stack never outgrows the limit.
                if (m_depth >= m_maxDepth)
                    return fail(DecodeError::Kind::TooDeep, pos);
                openFrame(c == '{', pos);
                ++pos;
                step = c == '{' ? Step::FirstInObject : Step::FirstInArray;
                break;
            }
            Json scalar;
            std::size_t end = 0;
            if (!parseScalar(pos, scalar, end))
                return recoverTruncated();
            if (m_lenient && m_depth > 0 && scalar.is_string()
                && isElisionText(scalar.get_ref<const std::string &>())) {
                addRepair(RepairKind::Elision, pos, pos, end);
                dropElided();
                pos = end;
                step = Step::AfterChild;
                break;
            }
            if (completeValue(std::move(scalar), {pos, end}))
                return true;
            pos = end;
            step = Step::AfterChild;
            break;
        }
        case Step::FirstInObject:
            pos = skipSpace(pos);
            if (at(pos) == '}') {
                if (closeFrame(pos))
                    return true;
                ++pos;
                step = Step::AfterChild;
                break;
            }
            firstKey = true;
            step = Step::Key;
            break;
        case Step::FirstInArray:
            pos = skipSpace(pos);
            if (at(pos) == ']') {
                if (closeFrame(pos))
                    return true;
                ++pos;
                step = Step::AfterChild;
                break;
            }
            step = Step::Element;
            break;
        case Step::Key: {
            Frame &frame = m_frames[m_depth - 1];
            std::size_t end = 0;
            // {"mId": "x", ... } or { …, "status": "DONE" }: members were left out here.
            if (m_lenient) {
                if (const std::size_t elided = elisionEnd(m_text, pos)) {
                    addRepair(RepairKind::Elision, pos, pos, elided);
                    markPartial(m_depth - 1);
                    pos = skipSpace(elided);
                    if (at(pos) == ',')
                        ++pos;
                    step = Step::FirstInObject;
                    break;
                }
            }
            const std::size_t keyStart = pos;
            if (!parseKey(pos, firstKey, frame.key, end))
                return recoverTruncated();
            pos = skipSpace(end);
            // A quoted mark where a member would be: {"a": 1, "..."}.
            if (m_lenient && (at(pos) == ',' || at(pos) == '}') && isElisionText(frame.key)) {
                addRepair(RepairKind::Elision, keyStart, keyStart, end);
                markPartial(m_depth - 1);
                if (at(pos) == ',')
                    ++pos;
                step = Step::FirstInObject;
                break;
            }
            if (at(pos) != ':') {
                failOrTruncated(pos, expect::kColon);
                return recoverTruncated();
            }
            ++pos;
            if (m_trackPointer) {
                m_pointer.resize(frame.pointerLength);
                pushKeySegment(frame.key);
            }
            step = Step::Value;
            break;
        }
        case Step::Element:
            if (m_trackPointer) {
                const Frame &frame = m_frames[m_depth - 1];
                m_pointer.resize(frame.pointerLength);
                pushIndexSegment(frame.count);
            }
            step = Step::Value;
            break;
        case Step::AfterChild: {
            const std::size_t before = pos;
            pos = skipSpace(pos);
            const bool spaced = pos != before;
            const bool isObject = m_frames[m_depth - 1].isObject;
            const char closer = isObject ? '}' : ']';
            const char c = at(pos);
            if (c == ',') {
                const std::size_t comma = pos;
                pos = skipSpace(pos + 1);
                if (at(pos) == closer) {
                    if (!m_lenient)
                        return fail(DecodeError::Kind::Syntax, pos,
                                    isObject ? expect::kQuotedKey : expect::kValue);
                    addRepair(RepairKind::TrailingComma, comma, comma, pos + 1);
                    if (closeFrame(pos))
                        return true;
                    ++pos;
                    break;
                }
                firstKey = false;
                step = isObject ? Step::Key : Step::Element;
                break;
            }
            if (c == closer) {
                if (closeFrame(pos))
                    return true;
                ++pos;
                break;
            }
            if (m_lenient && spaced && startsChild(isObject, pos)) {
                std::size_t lineEnd = pos;
                while (lineEnd < m_size && m_data[lineEnd] != '\n' && m_data[lineEnd] != '\r')
                    ++lineEnd;
                addRepair(RepairKind::MissingComma, pos, pos, lineEnd);
                firstKey = false;
                step = isObject ? Step::Key : Step::Element;
                break;
            }
            failOrTruncated(pos, isObject ? expect::kCommaOrBrace : expect::kCommaOrBracket);
            return recoverTruncated();
        }
        }
    }
}

std::size_t ValueParser::skipSpaceAndComments(std::size_t pos) const
{
    for (;;) {
        while (pos < m_size && isJsonSpace(m_data[pos]))
            ++pos;
        const std::size_t end = commentEnd(pos);
        if (end == pos)
            return pos;
        pos = end;
    }
}

std::size_t ValueParser::commentEnd(std::size_t pos) const
{
    if (at(pos) != '/')
        return pos;
    if (at(pos + 1) == '/') {
        const void *newline = std::memchr(m_data + pos + 2, '\n', m_size - pos - 2);
        return newline ? static_cast<std::size_t>(static_cast<const char *>(newline) - m_data) : m_size;
    }
    if (at(pos + 1) == '*') {
        const std::size_t close = m_text.find("*/", pos + 2);
        // An unclosed block comment swallows the rest, as it would in JavaScript.
        return close == std::string_view::npos ? m_size : close + 2;
    }
    return pos;
}

bool ValueParser::startsWith(std::size_t pos, std::string_view s) const
{
    return pos <= m_size && m_text.substr(pos, s.size()) == s;
}

std::size_t ValueParser::skipSpace(std::size_t pos)
{
    for (;;) {
        while (pos < m_size && isJsonSpace(m_data[pos]))
            ++pos;
        if (!m_lenient || at(pos) != '/')
            return pos;
        const std::size_t end = commentEnd(pos);
        if (end == pos)
            return pos;
        // "// ..." or "/* 생략 */" inside a value says members were left out there.
        const bool block = at(pos + 1) == '*';
        const std::string_view body = m_text.substr(pos + 2, end - pos - 2 - (block && end >= pos + 4 ? 2 : 0));
        if (m_depth > 0 && isElisionText(body)) {
            addRepair(RepairKind::Elision, pos, pos, end);
            markPartial(m_depth - 1);
        } else {
            addRepair(RepairKind::Comment, pos, pos, end);
        }
        pos = end;
    }
}

// Where a Truncated error points: just after the last visible character, not at the blank
// lines a paste often ends with.
std::size_t ValueParser::textEndForTruncation() const
{
    std::size_t end = m_size;
    while (end > 0 && isJsonSpace(m_data[end - 1]))
        --end;
    return end;
}

bool ValueParser::fail(DecodeError::Kind kind, std::size_t offset, std::string expected)
{
    m_failure.kind = kind;
    m_failure.offset = offset;
    m_failure.expected = std::move(expected);
    return false;
}

bool ValueParser::failTruncated()
{
    return fail(DecodeError::Kind::Truncated, textEndForTruncation());
}

bool ValueParser::failOrTruncated(std::size_t pos, const char *expected)
{
    if (pos >= m_size)
        return failTruncated();
    return fail(DecodeError::Kind::Syntax, pos, expected);
}

// A paste cut off at the end ("…", "이하생략", or just the end of the text): the failure is
// at a token boundary, and nothing after it closes a container. Then the complete part is
// worth showing. A typo in the middle of JSON is still an error, because a } or ] follows.
// Returns where the cut-off marker ends (the next bracket or the end), or 0 if it is no cut.
std::size_t ValueParser::cutOffEnd(std::size_t pos) const
{
    const bool boundary = (pos > 0 && (isJsonSpace(m_data[pos - 1]) || m_data[pos - 1] == ','))
                          || startsWith(pos, "\xE2\x80\xA6") || startsWith(pos, "...");
    if (!boundary)
        return 0;
    for (std::size_t p = pos; p < m_size; ++p) {
        const char c = m_data[p];
        if (c == '{' || c == '[')
            return p;
        if (c == '}' || c == ']')
            return 0;
    }
    return m_size;
}

bool ValueParser::recoverTruncated()
{
    if (!m_lenient || m_depth == 0)
        return false;
    std::size_t resumeAt = m_size;
    std::size_t tailEnd = m_size;
    if (m_failure.kind == DecodeError::Kind::Syntax) {
        tailEnd = cutOffEnd(m_failure.offset);
        if (tailEnd == 0)
            return false;
        resumeAt = m_failure.offset;
    } else if (m_failure.kind != DecodeError::Kind::Truncated) {
        return false;
    }

    // Close the open containers from the innermost out, each with the complete members or
    // elements it holds: a list of records cut off keeps its complete records, a payment cut
    // by a log line keeps the fields before the cut. Every container closed so is partial: the
    // keys it lacks are unknown, not null (rules read them so). A container without a single
    // complete child is dropped, with the key it belonged to.
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    std::size_t keptEnd = kNone;
    bool haveCarry = false;
    Json carry;
    ByteRange carryRange;
    for (std::size_t d = m_depth; d-- > 0;) {
        Frame &frame = m_frames[d];
        if (haveCarry)
            attachChild(frame, std::move(carry), carryRange.end);
        haveCarry = false;
        if (frame.count == 0)
            continue;
        carryRange = ByteRange{frame.begin, frame.lastEnd};
        if (m_trackPointer) {
            m_pointer.resize(frame.pointerLength);
            if (m_buildMap && inMapScope(m_mapScope, d, d > 0 && !m_frames[d - 1].isObject))
                m_out->sourceMap.emplace_back(m_pointer, carryRange);
            m_out->elided.push_back(m_pointer);
        }
        carry = std::move(frame.value);
        haveCarry = true;
        if (keptEnd == kNone)
            keptEnd = frame.lastEnd;
    }
    m_depth = 0;
    if (!haveCarry)
        return false;

    std::size_t tailStart = keptEnd;
    while (tailStart < m_size && isJsonSpace(m_data[tailStart]))
        ++tailStart;
    // Repairs made inside the dropped tail did not shape the result.
    std::erase_if(m_out->repairs, [tailStart](const PendingRepair &r) { return r.offset >= tailStart; });
    m_repairCounts[static_cast<std::size_t>(RepairKind::TruncatedText)] = 0;
    // With nothing left out after the cut, show what the text ends with instead.
    std::size_t excerptBegin = tailStart;
    if (tailStart >= tailEnd) {
        excerptBegin = keptEnd > kCutContextBytes ? keptEnd - kCutContextBytes : 0;
        while (excerptBegin < keptEnd && isContinuationByte(m_data[excerptBegin]))
            ++excerptBegin;
        tailEnd = keptEnd;
    }
    addRepair(RepairKind::TruncatedText, tailStart, excerptBegin, tailEnd);

    m_out->value = std::move(carry);
    m_out->range = carryRange;
    m_out->truncated = true;
    m_out->partial = true;
    m_out->resumeAt = resumeAt;
    return true;
}

void ValueParser::addRepair(RepairKind kind, std::size_t offset, std::size_t excerptBegin,
                            std::size_t excerptEnd)
{
    if (m_repairCounts[static_cast<std::size_t>(kind)]++ >= kMaxRepairsPerKind)
        return;
    m_out->repairs.push_back(PendingRepair{kind, offset, excerptBegin, excerptEnd});
}

void ValueParser::openFrame(bool isObject, std::size_t pos)
{
    if (m_depth == m_frames.size())
        m_frames.emplace_back();
    Frame &frame = m_frames[m_depth++];
    frame.value = isObject ? Json::object() : Json::array();
    frame.key.clear();
    frame.keyIndex.reset();
    frame.begin = pos;
    frame.lastEnd = pos + 1;
    frame.count = 0;
    frame.pointerLength = m_pointer.size();
    frame.isObject = isObject;
    frame.partial = false;
}

bool ValueParser::closeFrame(std::size_t closerPos)
{
    Frame &frame = m_frames[m_depth - 1];
    const ByteRange range{frame.begin, closerPos + 1};
    Json value = std::move(frame.value);
    frame.keyIndex.reset();
    if (m_trackPointer)
        m_pointer.resize(frame.pointerLength);
    if (frame.partial) {
        // "card": {...}: nothing but the mark, so the value itself was left out.
        if (frame.count == 0 && m_depth > 1) {
            --m_depth;
            dropElided();
            return false;
        }
        if (m_trackPointer)
            m_out->elided.push_back(m_pointer);
    }
    --m_depth;
    return completeValue(std::move(value), range);
}

void ValueParser::markPartial(std::size_t frameIndex)
{
    m_frames[frameIndex].partial = true;
    m_out->partial = true;
}

// The member or element being parsed is left out: its container is partial.
void ValueParser::dropElided()
{
    markPartial(m_depth - 1);
    if (m_trackPointer)
        m_pointer.resize(m_frames[m_depth - 1].pointerLength);
}

// Returns true when value was the root, which ends the parse.
bool ValueParser::completeValue(Json &&value, ByteRange range)
{
    if (m_depth > 0 && range.end == m_size && value.is_number()) {
        // A number running into the end of the text may have lost digits (22400 → 224):
        // leave it out so TruncatedText recovery keeps only what is certain.
        if (m_trackPointer)
            m_pointer.resize(m_frames[m_depth - 1].pointerLength);
        return false;
    }
    if (m_buildMap && inMapScope(m_mapScope, m_depth, m_depth > 0 && !m_frames[m_depth - 1].isObject))
        m_out->sourceMap.emplace_back(m_pointer, range);
    if (m_depth == 0) {
        m_out->value = std::move(value);
        m_out->range = range;
        m_out->resumeAt = range.end;
        return true;
    }
    Frame &parent = m_frames[m_depth - 1];
    attachChild(parent, std::move(value), range.end);
    if (m_trackPointer)
        m_pointer.resize(parent.pointerLength);
    return false;
}

void ValueParser::attachChild(Frame &frame, Json &&value, std::size_t end)
{
    if (frame.isObject) {
        insertMember(frame, std::move(value));
        ++m_completedMembers;
    } else {
        frame.value.get_ref<Json::array_t &>().push_back(std::move(value));
    }
    ++frame.count;
    frame.lastEnd = end;
}

// Duplicate keys keep the first position and the last value, like nlohmann's own parser.
// Members are appended to the underlying vector directly: ordered_map's own insert would
// search all keys again.
void ValueParser::insertMember(Frame &frame, Json &&value)
{
    auto &members = static_cast<Json::object_t::Container &>(frame.value.get_ref<Json::object_t &>());
    if (frame.keyIndex) {
        const auto [it, inserted] = frame.keyIndex->try_emplace(frame.key, members.size());
        if (!inserted) {
            members[it->second].second = std::move(value);
            m_out->duplicateKeys = true;
            return;
        }
        members.emplace_back(std::move(frame.key), std::move(value));
        return;
    }
    for (auto &member : members) {
        if (member.first == frame.key) {
            member.second = std::move(value);
            m_out->duplicateKeys = true;
            return;
        }
    }
    members.emplace_back(std::move(frame.key), std::move(value));
    if (members.size() >= kKeyIndexThreshold) {
        frame.keyIndex = std::make_unique<std::unordered_map<std::string, std::size_t>>();
        frame.keyIndex->reserve(members.size() * 2);
        for (std::size_t i = 0; i < members.size(); ++i)
            frame.keyIndex->emplace(members[i].first, i);
    }
}

void ValueParser::pushKeySegment(const std::string &key)
{
    m_pointer += '/';
    for (const char c : key) {
        if (c == '~')
            m_pointer += "~0";
        else if (c == '/')
            m_pointer += "~1";
        else
            m_pointer += c;
    }
}

void ValueParser::pushIndexSegment(std::size_t index)
{
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, index);
    m_pointer += '/';
    m_pointer.append(digits, result.ptr);
}

bool ValueParser::parseScalar(std::size_t pos, Json &value, std::size_t &end)
{
    const char c = at(pos);
    switch (c) {
    case '"':
        if (!parseString(pos, Quote::Double, m_scratch, end))
            return false;
        value = m_scratch;
        return true;
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
        return parseNumber(pos, value, end);
    case 't':
        if (!parseWord(pos, "true", end))
            return false;
        value = true;
        return true;
    case 'f':
        if (!parseWord(pos, "false", end))
            return false;
        value = false;
        return true;
    case 'n':
        if (!parseWord(pos, "null", end))
            return false;
        value = nullptr;
        return true;
    default:
        break;
    }
    if (m_lenient) {
        if (c == '\'') {
            if (!parseString(pos, Quote::Single, m_scratch, end))
                return false;
            addRepair(RepairKind::SingleQuotedString, pos, pos, end);
            value = m_scratch;
            return true;
        }
        if (const int curly = curlyQuoteAt(pos)) {
            if (!parseString(pos, curly == 1 ? Quote::CurlyDouble : Quote::CurlySingle, m_scratch, end))
                return false;
            addRepair(RepairKind::CurlyQuotes, pos, pos, end);
            value = m_scratch;
            return true;
        }
        for (const std::string_view word : {std::string_view("undefined"), std::string_view("NaN"),
                                            std::string_view("Infinity")}) {
            if (c == word.front()) {
                if (!parseWord(pos, word, end))
                    return false;
                addRepair(RepairKind::JavaScriptLiteral, pos, pos, end);
                value = nullptr;
                return true;
            }
        }
    }
    return failOrTruncated(pos, expect::kValue);
}

bool ValueParser::parseKey(std::size_t pos, bool first, std::string &key, std::size_t &end)
{
    const char c = at(pos);
    if (c == '"')
        return parseString(pos, Quote::Double, key, end);
    if (m_lenient) {
        if (c == '\'') {
            if (!parseString(pos, Quote::Single, key, end))
                return false;
            addRepair(RepairKind::SingleQuotedString, pos, pos, end);
            return true;
        }
        if (const int curly = curlyQuoteAt(pos)) {
            if (!parseString(pos, curly == 1 ? Quote::CurlyDouble : Quote::CurlySingle, key, end))
                return false;
            addRepair(RepairKind::CurlyQuotes, pos, pos, end);
            return true;
        }
        if (isIdentifierChar(c)) {
            std::size_t p = pos;
            while (isIdentifierChar(at(p)))
                ++p;
            key.assign(m_data + pos, p - pos);
            end = p;
            addRepair(RepairKind::UnquotedKey, pos, pos, p);
            return true;
        }
        return failOrTruncated(pos, first ? expect::kKeyOrBrace : expect::kKey);
    }
    return failOrTruncated(pos, first ? expect::kQuotedKeyOrBrace : expect::kQuotedKey);
}

bool ValueParser::parseString(std::size_t pos, Quote quote, std::string &dest, std::size_t &end)
{
    dest.clear();
    const bool curly = quote == Quote::CurlyDouble || quote == Quote::CurlySingle;
    const int curlyKind = quote == Quote::CurlyDouble ? 1 : 2;
    const char closer = quote == Quote::Single ? '\'' : '"';
    std::size_t p = pos + (curly ? 3 : 1);
    std::size_t run = p; // start of the bytes not yet copied to dest
    for (;;) {
        if (p >= m_size)
            return failTruncated();
        const char c = m_data[p];
        if (!curly && c == closer) {
            dest.append(m_data + run, p - run);
            end = p + 1;
            return true;
        }
        if (curly && c == '\xE2' && curlyQuoteAt(p) == curlyKind) {
            dest.append(m_data + run, p - run);
            end = p + 3;
            return true;
        }
        if (c == '\\') {
            dest.append(m_data + run, p - run);
            if (!parseEscape(p, quote, dest))
                return false;
            run = p;
            continue;
        }
        if (static_cast<unsigned char>(c) < 0x20) {
            // A log line cut in the middle of a string: nothing but white space after the break.
            if (m_lenient && (c == '\n' || c == '\r') && textEndForTruncation() <= p)
                return failTruncated();
            return fail(DecodeError::Kind::Syntax, p, expect::kNoControlCharacter);
        }
        ++p;
    }
}

bool ValueParser::parseEscape(std::size_t &pos, Quote quote, std::string &dest)
{
    const std::size_t backslash = pos;
    if (backslash + 1 >= m_size)
        return failTruncated();
    const char e = m_data[backslash + 1];
    const auto simple = [&](char c) {
        dest += c;
        pos = backslash + 2;
        return true;
    };
    const auto readHex4 = [&](std::size_t at, std::uint32_t &cp) {
        cp = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            if (at + i >= m_size)
                return failTruncated();
            const int h = hexValue(m_data[at + i]);
            if (h < 0)
                return fail(DecodeError::Kind::Syntax, at - 2, expect::kHexDigits);
            cp = cp * 16 + static_cast<std::uint32_t>(h);
        }
        return true;
    };
    switch (e) {
    case '"':
        return simple('"');
    case '\\':
        return simple('\\');
    case '/':
        return simple('/');
    case 'b':
        return simple('\b');
    case 'f':
        return simple('\f');
    case 'n':
        return simple('\n');
    case 'r':
        return simple('\r');
    case 't':
        return simple('\t');
    case 'u': {
        std::uint32_t cp = 0;
        if (!readHex4(backslash + 2, cp))
            return false;
        std::size_t next = backslash + 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            // The output must stay valid UTF-8, so half a pair is an error, not U+FFFD.
            if (next >= m_size || (at(next) == '\\' && next + 1 >= m_size))
                return failTruncated();
            if (at(next) != '\\' || at(next + 1) != 'u')
                return fail(DecodeError::Kind::Syntax, backslash, expect::kSurrogatePair);
            std::uint32_t low = 0;
            if (!readHex4(next + 2, low))
                return false;
            if (low < 0xDC00 || low > 0xDFFF)
                return fail(DecodeError::Kind::Syntax, backslash, expect::kSurrogatePair);
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            next += 6;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail(DecodeError::Kind::Syntax, backslash, expect::kSurrogatePair);
        }
        appendUtf8(dest, cp);
        pos = next;
        return true;
    }
    default:
        break;
    }
    // JavaScript escapes, as util.inspect writes them inside single-quoted strings.
    if (m_lenient && quote == Quote::Single) {
        switch (e) {
        case '\'':
            return simple('\'');
        case 'v':
            return simple('\v');
        case '0':
            if (!isDigit(at(backslash + 2)))
                return simple('\0');
            break;
        case 'x': {
            const int high = hexValue(at(backslash + 2));
            const int low = hexValue(at(backslash + 3));
            if (high >= 0 && low >= 0) {
                appendUtf8(dest, static_cast<std::uint32_t>(high * 16 + low));
                pos = backslash + 4;
                return true;
            }
            if (backslash + 3 >= m_size)
                return failTruncated();
            break;
        }
        default:
            break;
        }
    }
    return fail(DecodeError::Kind::Syntax, backslash, expect::kEscape);
}

bool ValueParser::parseNumber(std::size_t pos, Json &value, std::size_t &end)
{
    std::size_t p = pos;
    const bool negative = at(p) == '-';
    if (negative) {
        ++p;
        if (m_lenient && at(p) == 'I') {
            if (!parseWord(p, "Infinity", end))
                return false;
            addRepair(RepairKind::JavaScriptLiteral, pos, pos, end);
            value = nullptr;
            return true;
        }
    }
    const std::size_t digitsBegin = p;
    if (at(p) == '0') {
        ++p;
    } else if (at(p) >= '1' && at(p) <= '9') {
        while (isDigit(at(p)))
            ++p;
    } else {
        return failOrTruncated(p, expect::kDigit);
    }
    const std::size_t digitsEnd = p;
    bool isFloat = false;
    bool negativeExponent = false;
    if (at(p) == '.') {
        ++p;
        if (!isDigit(at(p)))
            return failOrTruncated(p, expect::kDigit);
        while (isDigit(at(p)))
            ++p;
        isFloat = true;
    }
    if (at(p) == 'e' || at(p) == 'E') {
        ++p;
        if (at(p) == '+' || at(p) == '-') {
            negativeExponent = at(p) == '-';
            ++p;
        }
        if (!isDigit(at(p)))
            return failOrTruncated(p, expect::kDigit);
        while (isDigit(at(p)))
            ++p;
        isFloat = true;
    }
    end = p;

    bool reported = false;
    if (!isFloat) {
        std::uint64_t magnitude = 0;
        bool overflow = false;
        for (std::size_t i = digitsBegin; i < digitsEnd; ++i) {
            const auto digit = static_cast<std::uint64_t>(m_data[i] - '0');
            if (magnitude > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) {
                overflow = true;
                break;
            }
            magnitude = magnitude * 10 + digit;
        }
        constexpr auto kInt64Max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        if (!overflow) {
            if (!negative) {
                if (magnitude <= kInt64Max)
                    value = static_cast<std::int64_t>(magnitude);
                else
                    value = magnitude;
                return true;
            }
            if (magnitude <= kInt64Max) {
                value = -static_cast<std::int64_t>(magnitude);
                return true;
            }
            if (magnitude == kInt64Max + 1) {
                value = std::numeric_limits<std::int64_t>::min();
                return true;
            }
        }
        // Beyond 64 bits: keep it as a (rounded) double rather than reject a valid JSON number.
        addRepair(RepairKind::NumberOutOfRange, pos, pos, end);
        reported = true;
    }
    double number = 0;
    const auto [ptr, ec] = std::from_chars(m_data + pos, m_data + end, number);
    if (ec == std::errc::result_out_of_range) {
        // from_chars leaves the value alone then; a negative exponent means it underflowed.
        if (isFloat && negativeExponent) {
            number = negative ? -0.0 : 0.0;
        } else {
            number = negative ? -std::numeric_limits<double>::infinity()
                              : std::numeric_limits<double>::infinity();
            if (!reported)
                addRepair(RepairKind::NumberOutOfRange, pos, pos, end);
        }
    } else if (ec != std::errc() || ptr != m_data + end) {
        return fail(DecodeError::Kind::Syntax, pos, expect::kValue);
    }
    value = number;
    return true;
}

bool ValueParser::parseWord(std::size_t pos, std::string_view word, std::size_t &end)
{
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (pos + i >= m_size)
            return failTruncated();
        if (m_data[pos + i] != word[i])
            return fail(DecodeError::Kind::Syntax, pos, expect::kValue);
    }
    if (isIdentifierChar(at(pos + word.size())))
        return fail(DecodeError::Kind::Syntax, pos, expect::kValue);
    end = pos + word.size();
    return true;
}

int ValueParser::curlyQuoteAt(std::size_t pos) const
{
    if (pos + 2 >= m_size || m_data[pos] != '\xE2' || m_data[pos + 1] != '\x80')
        return 0;
    switch (static_cast<unsigned char>(m_data[pos + 2])) {
    case 0x9C: // “
    case 0x9D: // ”
        return 1;
    case 0x98: // ‘
    case 0x99: // ’
        return 2;
    default:
        return 0;
    }
}

// util.inspect prints [Object] and [Array] for values nested deeper than its depth limit.
std::size_t ValueParser::nodePlaceholderEnd(std::size_t pos) const
{
    if (startsWith(pos, "[Object]"))
        return pos + 8;
    if (startsWith(pos, "[Array]"))
        return pos + 7;
    return 0;
}

namespace {

bool isDot(std::string_view text, std::size_t pos, std::size_t *length)
{
    if (pos < text.size() && text[pos] == '.') {
        *length = 1;
        return true;
    }
    if (text.substr(pos, 3) == "\xE2\x80\xA6") {  // …
        *length = 3;
        return true;
    }
    return false;
}

// "..." (three dots or more), "…", or a mix; the end of the run, or pos when none.
std::size_t dotsEnd(std::string_view text, std::size_t pos)
{
    std::size_t p = pos;
    std::size_t dots = 0;
    std::size_t length = 0;
    while (isDot(text, p, &length)) {
        dots += length == 3 ? 3 : 1;
        p += length;
    }
    return dots >= 3 ? p : pos;
}

// Words people write where they left something out of a paste.
constexpr std::string_view kElisionWords[] = {"\xEC\x9D\xB4\xED\x95\x98\xEC\x83\x9D\xEB\x9E\xB5",  // 이하생략
                                              "\xEC\x9D\xB4\xED\x95\x98 \xEC\x83\x9D\xEB\x9E\xB5", // 이하 생략
                                              "\xEC\x83\x9D\xEB\x9E\xB5",  // 생략
                                              "\xEC\xA4\x91\xEB\x9E\xB5",  // 중략
                                              "omitted", "truncated", "snip"};

std::size_t wordEnd(std::string_view text, std::size_t pos)
{
    for (const std::string_view word : kElisionWords)
        if (text.substr(pos, word.size()) == word)
            return pos + word.size();
    return pos;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

std::size_t elisionEnd(std::string_view text, std::size_t pos)
{
    std::size_t p = pos;
    const bool parenthesised = p < text.size() && text[p] == '(';
    if (parenthesised)
        ++p;
    std::size_t end = dotsEnd(text, p);
    if (end != p) {
        // Node's summary of a long array: "... 98 more items".
        std::size_t q = end;
        while (isBlank(q < text.size() ? text[q] : '\0'))
            ++q;
        std::size_t digits = q;
        while (digits < text.size() && isDigit(text[digits]))
            ++digits;
        if (digits > q && text.substr(digits, 11) == " more items")
            end = digits + 11;
        else if (digits > q && text.substr(digits, 10) == " more item")
            end = digits + 10;
        else if (const std::size_t w = wordEnd(text, q); w != q)
            end = w;  // "... 생략"
    } else {
        end = wordEnd(text, p);
        if (end == p)
            return 0;
        // A word alone is a mark only when nothing else follows it on its line but a
        // separator: "생략" as a value would otherwise swallow a misspelt literal.
        std::size_t q = end;
        while (isBlank(q < text.size() ? text[q] : '\0'))
            ++q;
        if (q < text.size() && text[q] != ',' && text[q] != '\n' && text[q] != '\r' && text[q] != '}'
            && text[q] != ']' && text[q] != ')')
            return 0;
    }
    if (parenthesised) {
        if (end >= text.size() || text[end] != ')')
            return 0;
        ++end;
    }
    return end;
}

bool isElisionText(std::string_view body)
{
    std::size_t begin = 0;
    std::size_t end = body.size();
    while (begin < end && (isJsonSpace(body[begin])))
        ++begin;
    while (end > begin && isJsonSpace(body[end - 1]))
        --end;
    if (begin == end)
        return false;
    const std::string_view trimmed = body.substr(begin, end - begin);
    return elisionEnd(trimmed, 0) == trimmed.size();
}

bool ValueParser::startsChild(bool isObject, std::size_t pos) const
{
    const char c = at(pos);
    if (c == '"' || c == '\'' || curlyQuoteAt(pos) != 0)
        return true;
    if (isObject)
        return isIdentifierChar(c);
    return c == '{' || c == '[' || c == '-' || isDigit(c) || c == 't' || c == 'f' || c == 'n'
           || c == 'u' || c == 'N' || c == 'I';
}

} // namespace paytriage::decode_detail
