#include "decode/tostringform.h"

#include "decode/textscan.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>

namespace paytriage::decode_detail {
namespace {

bool isBlankOrBreak(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isKeyStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

// A plain decimal that a double holds exactly enough: "15000", "-726.24"; not "007", not ids
// of 16 digits and more (orderIds such as 2025040210437094 stay strings).
bool numberLike(std::string_view s, bool *isFloat)
{
    std::size_t i = s.starts_with('-') ? 1 : 0;
    const std::size_t intBegin = i;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    const std::size_t intDigits = i - intBegin;
    if (intDigits == 0 || (intDigits > 1 && s[intBegin] == '0'))
        return false;
    std::size_t fracDigits = 0;
    *isFloat = false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && isDigit(s[i])) {
            ++i;
            ++fracDigits;
        }
        if (fracDigits == 0)
            return false;
        *isFloat = true;
    }
    return i == s.size() && intDigits + fracDigits <= 15;
}

class FormParser final
{
public:
    FormParser(std::string_view text, const DecodeOptions &options, ParsedValue &out)
        : m_text(text), m_maxDepth(options.maxDepth), m_buildMap(options.buildSourceMap), m_mapScope(options.sourceMapScope), m_out(out)
    {
    }

    bool parseRoot(std::size_t pos)
    {
        std::size_t end = 0;
        Json value;
        if (!parseValue(pos, '\0', 0, value, end) || !(value.is_object()))
            return false;
        m_out.value = std::move(value);
        m_out.range = {pos, end};
        m_out.resumeAt = end;
        return true;
    }

    // "key=" at pos (not "=="): where the key ends, or 0.
    std::size_t keyEnd(std::size_t pos) const
    {
        if (!isKeyStart(at(pos)))
            return 0;
        std::size_t p = pos + 1;
        while (isIdentifierChar(at(p)))
            ++p;
        return at(p) == '=' && at(p + 1) != '=' ? p : 0;
    }

    // "Name(" or "Outer.Name(" at pos: where the members start, or 0.
    std::size_t nameOpenEnd(std::size_t pos) const
    {
        if (!isKeyStart(at(pos)))
            return 0;
        std::size_t p = pos + 1;
        while (isIdentifierChar(at(p)) || at(p) == '.')
            ++p;
        return at(p) == '(' ? p + 1 : 0;
    }

    // Members (or nothing) follow at pos up to closer.
    bool membersFollow(std::size_t pos, char closer) const
    {
        const std::size_t q = skipBlank(pos);
        return at(q) == closer || keyEnd(q) != 0;
    }

    std::size_t skipBlank(std::size_t pos) const
    {
        while (pos < m_text.size() && isBlankOrBreak(m_text[pos]))
            ++pos;
        return pos;
    }

private:
    char at(std::size_t pos) const { return pos < m_text.size() ? m_text[pos] : '\0'; }

    void record(const std::string &pointer, std::size_t begin, std::size_t end)
    {
        if (!m_buildMap)
            return;
        // A list element is told by its numeric last step: the form's keys are identifiers.
        const std::size_t depth = std::size_t(std::count(pointer.begin(), pointer.end(), '/'));
        const std::size_t last = pointer.rfind('/');
        const bool inList = last != std::string::npos && last + 1 < pointer.size()
                            && std::all_of(pointer.begin() + std::ptrdiff_t(last + 1), pointer.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (inMapScope(m_mapScope, depth, inList))
            m_out.sourceMap.emplace_back(pointer, ByteRange{begin, end});
    }

    // closer: what ends the container the value sits in ('}', ')', ']'; '\0' at the top).
    bool parseValue(std::size_t pos, char closer, std::size_t depth, Json &value, std::size_t &end)
    {
        pos = skipBlank(pos);
        const char c = at(pos);
        if (c == '{' && membersFollow(pos + 1, '}'))
            return parseMembers(pos, pos + 1, '}', depth, value, end);
        if (c == '[')
            return parseList(pos, depth, value, end);
        if (const std::size_t open = nameOpenEnd(pos); open && membersFollow(open, ')'))
            return parseMembers(pos, open, ')', depth, value, end);
        if (closer == '\0')
            return false;
        return parseScalar(pos, closer, value, end);
    }

    bool parseMembers(std::size_t begin, std::size_t pos, char closer, std::size_t depth, Json &value,
                      std::size_t &end)
    {
        if (depth >= m_maxDepth)
            return false;
        const std::string pointer = m_pointer;
        value = Json::object();
        pos = skipBlank(pos);
        if (at(pos) == closer) {
            end = pos + 1;
            record(pointer, begin, end);
            return true;
        }
        for (;;) {
            pos = skipBlank(pos);
            const std::size_t keyStop = keyEnd(pos);
            if (!keyStop)
                return false;
            const std::string key(m_text.substr(pos, keyStop - pos));
            m_pointer = pointer + '/' + key;  // identifiers hold neither '~' nor '/'
            Json child;
            std::size_t childEnd = 0;
            if (!parseValue(keyStop + 1, closer, depth + 1, child, childEnd))
                return false;
            if (value.contains(key))
                m_out.duplicateKeys = true;  // the map may hold entries of the value overwritten
            value[key] = std::move(child);
            pos = skipBlank(childEnd);
            if (at(pos) == ',') {
                ++pos;
                continue;
            }
            if (at(pos) != closer)
                return false;
            m_pointer = pointer;
            end = pos + 1;
            record(pointer, begin, end);
            return true;
        }
    }

    bool parseList(std::size_t begin, std::size_t depth, Json &value, std::size_t &end)
    {
        if (depth >= m_maxDepth)
            return false;
        const std::string pointer = m_pointer;
        value = Json::array();
        std::size_t pos = skipBlank(begin + 1);
        if (at(pos) == ']') {
            end = pos + 1;
            record(pointer, begin, end);
            return true;
        }
        for (std::size_t index = 0;; ++index) {
            m_pointer = pointer + '/' + std::to_string(index);
            Json child;
            std::size_t childEnd = 0;
            if (!parseValue(pos, ']', depth + 1, child, childEnd))
                return false;
            value.push_back(std::move(child));
            pos = skipBlank(childEnd);
            if (at(pos) == ',') {
                ++pos;
                continue;
            }
            if (at(pos) != ']')
                return false;
            m_pointer = pointer;
            end = pos + 1;
            record(pointer, begin, end);
            return true;
        }
    }

    // Up to the next ", key=" (in a list: the next ",") or the container's closer, with brackets
    // inside the value kept whole ("티셔츠 (L)").
    bool parseScalar(std::size_t begin, char closer, Json &value, std::size_t &end)
    {
        std::size_t nesting = 0;
        std::size_t p = begin;
        for (; p < m_text.size(); ++p) {
            const char c = m_text[p];
            if (c == '(' || c == '[' || c == '{') {
                ++nesting;
            } else if (c == ')' || c == ']' || c == '}') {
                if (nesting == 0) {
                    if (c == closer)
                        break;
                } else {
                    --nesting;
                }
            } else if (c == ',' && nesting == 0 && (closer == ']' || keyEnd(skipBlank(p + 1)) != 0)) {
                break;
            }
        }
        if (p >= m_text.size())
            return false;
        std::size_t last = p;
        while (last > begin && isBlankOrBreak(m_text[last - 1]))
            --last;
        const std::string_view raw = m_text.substr(begin, last - begin);
        bool isFloat = false;
        if (raw == "null") {
            value = nullptr;
        } else if (raw == "true" || raw == "false") {
            value = raw == "true";
        } else if (numberLike(raw, &isFloat)) {
            if (isFloat) {
                double number = 0;
                std::from_chars(raw.data(), raw.data() + raw.size(), number);
                value = number;
            } else {
                std::int64_t number = 0;
                std::from_chars(raw.data(), raw.data() + raw.size(), number);
                value = number;
            }
        } else {
            value = std::string(raw);
        }
        end = last;
        record(m_pointer, begin, last);
        return true;
    }

    std::string_view m_text;
    std::size_t m_maxDepth;
    bool m_buildMap;
    DecodeOptions::MapScope m_mapScope;
    ParsedValue &m_out;
    std::string m_pointer;
};

} // namespace

bool startsToStringForm(std::string_view text, std::size_t pos)
{
    ParsedValue unused;
    const FormParser probe(text, DecodeOptions{}, unused);
    // "{}" and "Name()" alone are left to the JSON parser and to prose.
    if (pos < text.size() && text[pos] == '{')
        return probe.keyEnd(probe.skipBlank(pos + 1)) != 0;
    const std::size_t open = probe.nameOpenEnd(pos);
    return open && probe.keyEnd(probe.skipBlank(open)) != 0;
}

bool parseToStringForm(std::string_view text, std::size_t pos, const DecodeOptions &options, ParsedValue &out)
{
    out = ParsedValue{};
    FormParser parser(text, options, out);
    if (!parser.parseRoot(pos)) {
        out = ParsedValue{};
        return false;
    }
    out.repairs.push_back(PendingRepair{RepairKind::ToStringForm, pos, pos, std::min(out.range.end, pos + 60)});
    return true;
}

} // namespace paytriage::decode_detail
