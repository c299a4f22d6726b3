#include "jsonformat.h"

#include <utility>

namespace paytriage {

namespace {

// The indented text may be this large at most. Indentation grows with depth: a 16 MiB text of
// arrays nested 500 deep would indent into gigabytes.
constexpr std::size_t formattedCap = std::size_t(64) * 1024 * 1024;

// Takes from budget what indenting value adds (each value, and each closing bracket of a
// non-empty container, starts a line indented by two spaces per level); false once it runs out.
bool indentationFits(const Json &value, std::size_t depth, std::size_t &budget)
{
    const std::size_t line = 2 * depth + 1;
    if (budget < line)
        return false;
    budget -= line;
    if (!value.is_structured() || value.empty())
        return true;
    for (const Json &child : value)
        if (!indentationFits(child, depth + 1, budget))
            return false;
    if (budget < line)
        return false;
    budget -= line;
    return true;
}

} // namespace

std::optional<FormattedText> formatDocuments(const std::string &text, const SourceMap &map)
{
    DecodeOptions options;
    options.buildSourceMap = false; // the caller's map locates the original's values already
    const DecodeResult original = decode(text, options);
    if (!original.ok() || original.documents.empty())
        return std::nullopt;
    // The map must be this text's: its documents are where the decoder found them.
    for (std::size_t d = 0; d < original.documents.size(); ++d)
        if (map.find(d, std::string()) != original.documents[d].range)
            return std::nullopt;

    std::size_t budget = formattedCap > text.size() ? formattedCap - text.size() : 0;
    for (const DecodedDocument &document : original.documents)
        if (!indentationFits(document.value, 0, budget))
            return std::nullopt;
    std::string indented;
    indented.reserve(formattedCap - budget);
    for (std::size_t d = 0; d < original.documents.size(); ++d) {
        if (d > 0)
            indented += "\n\n";
        indented += original.documents[d].value.dump(2, ' ', false, Json::error_handler_t::replace);
    }
    indented += '\n';

    // Read back, the indented text must give the same documents, or its map would name other
    // values than the original's (the lenient reader could take a string holding JSON apart).
    DecodeResult formatted = decode(std::move(indented));
    if (!formatted.ok() || formatted.documents.size() != original.documents.size())
        return std::nullopt;
    for (std::size_t d = 0; d < original.documents.size(); ++d)
        if (formatted.documents[d].value != original.documents[d].value)
            return std::nullopt;

    // Documents the caller's map has after the decoder's (read from a string of a log line) are
    // where that string is, in the indented text too.
    bool added = false;
    for (std::size_t d = original.documents.size();; ++d) {
        const std::optional<ByteRange> range = map.find(d, std::string());
        if (!range)
            break;
        if (const std::optional<ByteRange> there = translateRange(*range, map, formatted.sourceMap)) {
            formatted.sourceMap.add(d, std::string(), *there);
            added = true;
        }
    }
    if (added)
        formatted.sourceMap.index();

    FormattedText result;
    result.text = std::make_shared<const std::string>(std::move(formatted.text));
    result.map = std::make_shared<const SourceMap>(std::move(formatted.sourceMap));
    result.asRead = original.repaired() || !original.skipped.empty();
    return result;
}

std::optional<ByteRange> translateRange(ByteRange range, const SourceMap &from, const SourceMap &to)
{
    const auto value = from.at(range.begin);
    if (!value)
        return std::nullopt;
    const std::optional<ByteRange> there = to.find(value->first, value->second);
    if (!there)
        return std::nullopt;
    // A value starts where none of its parents does (a child comes after its bracket), so the
    // deepest value at the range's begin is the only one the range can be.
    if (from.find(value->first, value->second) == range)
        return there;
    return ByteRange{there->begin, there->begin};
}

std::size_t documentStartAfter(std::size_t offset, const SourceMap &from, const SourceMap &to, std::size_t toSize)
{
    for (std::size_t d = 0;; ++d) {
        const std::optional<ByteRange> original = from.find(d, std::string());
        const std::optional<ByteRange> formatted = to.find(d, std::string());
        if (!original || !formatted)
            return toSize;
        if (original->begin >= offset)
            return formatted->begin;
    }
}

} // namespace paytriage
