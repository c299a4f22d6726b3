// The decoder on any bytes, lenient and strict. Beyond "no crash, no exception": every value of
// every document has a source-map range inside its parent's; the map holds nothing else; the
// indexed lookup agrees with a scan; elided pointers resolve; errors, repairs and skipped parts
// point into the text and show readable excerpts; documents dump as JSON.

#include "fuzzcheck.h"

#include "model/document.h"

#include <algorithm>
#include <cstdint>
#include <string>

using namespace paytriage;

namespace {

void checkError(const DecodeResult &result, const DecodeError &error)
{
    FUZZ_CHECK(error.offset <= result.text.size(), "an error points into the text");
    FUZZ_CHECK(error.position.line >= 1 && error.position.column >= 1, "positions are 1-based");
    FUZZ_CHECK(fuzz::readable(error.excerpt), "an error's excerpt is readable");
    FUZZ_CHECK(!error.message().toString().isEmpty(), "an error says what happened");
}

// Each value's range lies inside its parent's; returns the values walked.
std::size_t checkRanges(const DecodeResult &result, std::size_t document, const Json &value, const std::string &pointer,
                        ByteRange parent)
{
    const auto range = result.sourceMap.find(document, pointer);
    FUZZ_CHECK(range.has_value(), "every value has a source-map entry");
    FUZZ_CHECK(range->begin <= range->end && range->end <= result.text.size(), "a range lies in the text");
    FUZZ_CHECK(range->begin >= parent.begin && range->end <= parent.end, "a range lies in its parent's");
    std::size_t values = 1;
    if (value.is_object()) {
        for (const auto &[key, member] : value.items())
            values += checkRanges(result, document, member, pointerAppend(pointer, key), *range);
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            values += checkRanges(result, document, value[i], pointerAppend(pointer, i), *range);
    }
    return values;
}

void check(const DecodeResult &result, const std::string &input, const DecodeOptions &options)
{
    FUZZ_CHECK(result.text == input, "offsets point into the text as given");
    if (!result.ok()) {
        FUZZ_CHECK(result.documents.empty(), "no documents beside an error");
        checkError(result, *result.error);
        return;
    }
    FUZZ_CHECK(!result.documents.empty(), "a result without an error has documents");
    for (const DecodeError &skipped : result.skipped)
        checkError(result, skipped);
    for (const Repair &repair : result.repairs) {
        FUZZ_CHECK(repair.offset <= result.text.size(), "a repair points into the text");
        FUZZ_CHECK(fuzz::readable(repair.excerpt), "a repair's excerpt is readable");
    }
    std::size_t values = 0;
    for (std::size_t d = 0; d < result.documents.size(); ++d) {
        const DecodedDocument &doc = result.documents[d];
        FUZZ_CHECK(doc.range.begin <= doc.range.end && doc.range.end <= result.text.size(), "a document lies in the text");
        (void)doc.value.dump();  // throws on a string that is not UTF-8
        for (const std::string &pointer : doc.elided)
            FUZZ_CHECK(doc.value.contains(Json::json_pointer(pointer)), "an elided pointer resolves");
        FUZZ_CHECK(doc.partial || doc.elided.empty(), "a document that lost members is partial");
        if (options.buildSourceMap)
            values += checkRanges(result, d, doc.value, "", doc.range);
    }
    if (!options.buildSourceMap) {
        FUZZ_CHECK(result.sourceMap.size() == 0, "no map when none was asked for");
        return;
    }
    FUZZ_CHECK(result.sourceMap.size() == values, "the map holds the documents' values and nothing else");
    // The index against a scan (adding an entry drops the index; an empty range holds no offset),
    // at up to 256 offsets spread over the text.
    SourceMap scanned = result.sourceMap;
    scanned.add(0, "/probe-that-holds-nothing", ByteRange{0, 0});
    const std::size_t step = std::max<std::size_t>(1, result.text.size() / 256);
    for (std::size_t offset = 0; offset <= result.text.size(); offset += step)
        FUZZ_CHECK(result.sourceMap.at(offset) == scanned.at(offset), "the index agrees with a scan");
}

bool sameDocuments(const DecodeResult &a, const DecodeResult &b)
{
    if (a.ok() != b.ok() || a.documents.size() != b.documents.size())
        return false;
    for (std::size_t d = 0; d < a.documents.size(); ++d)
        if (a.documents[d].value != b.documents[d].value || a.documents[d].partial != b.documents[d].partial)
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char *>(data), size);
    // As the console reads a paste: lenient, with a source map.
    DecodeOptions console;
    const DecodeResult pasted = decode(input, console);
    check(pasted, input, console);
    // As the CLI reads a file: the same documents without the map.
    DecodeOptions cli;
    cli.buildSourceMap = false;
    const DecodeResult read = decode(input, cli);
    check(read, input, cli);
    FUZZ_CHECK(sameDocuments(pasted, read), "the source map does not change what is read");
    // Strict: what strict JSON reads, lenient reads the same.
    DecodeOptions strict;
    strict.lenient = false;
    const DecodeResult exact = decode(input, strict);
    check(exact, input, strict);
    // Except by design: valid JSON whose value is an elision word ("...", "중략") reads leniently
    // as a partial document with that member left out (holdsQuotedElision in the decoder).
    const bool quotedElision = std::any_of(pasted.repairs.begin(), pasted.repairs.end(),
                                           [](const Repair &r) { return r.kind == RepairKind::Elision; })
                               && std::any_of(pasted.documents.begin(), pasted.documents.end(),
                                              [](const DecodedDocument &d) { return d.partial; });
    FUZZ_CHECK(!exact.ok() || sameDocuments(exact, pasted) || quotedElision, "strict JSON reads the same leniently");
    return 0;
}
