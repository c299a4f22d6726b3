#pragma once

// The raw pane's "Format JSON": the documents of a text written out indented, with a source map
// of their own that names every value by the same (document, JSON pointer) as the map of the
// text as received, and the translation of byte ranges between two such maps. No widgets here.

#include "decode/decoder.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace paytriage {

struct FormattedText
{
    std::shared_ptr<const std::string> text;  // each document indented by 2, a blank line between
    std::shared_ptr<const SourceMap> map;
    // The original was not strict JSON as it stands (repaired, or with parts that could not be
    // read): the formatted text shows the documents as read, not the same bytes re-spaced.
    bool asRead = false;
};

// The documents of text (whose source map is map: decode()'s map of the same text, with the
// documents found inside strings of a log line after them), indented. Empty when text does not
// decode to the documents map locates, or the indented text would be unreasonably large (deep
// nesting multiplies the indentation).
std::optional<FormattedText> formatDocuments(const std::string &text, const SourceMap &map);

// A range of the text `from` maps, in the text `to` maps (two maps of the same documents):
// - the range of a value gives that value's range;
// - any other range gives an empty range at the start of the deepest value holding its begin;
// - nothing when no value holds its begin (text around or between the documents).
std::optional<ByteRange> translateRange(ByteRange range, const SourceMap &from, const SourceMap &to);

// Where, in the text `to` maps, the first document that starts at or after offset in the text
// `from` maps starts: the nearest place to text that `to` does not have. toSize when none does.
std::size_t documentStartAfter(std::size_t offset, const SourceMap &from, const SourceMap &to, std::size_t toSize);

} // namespace paytriage
