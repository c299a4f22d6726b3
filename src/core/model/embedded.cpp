#include "model/embedded.h"

#include <algorithm>

namespace paytriage {

namespace {

// How deep, and through how many strings, a document of no known kind is searched for JSON.
constexpr int kEmbeddedDepth = 8;
constexpr std::size_t kEmbeddedStrings = 256;

} // namespace

// A structured logger (logstash, pino, …) writes the API's answer as a string inside its own JSON
// line: {"message": "… 401 Unauthorized: \"{\"code\":…}\"", "level": "ERROR"}. The line decodes
// as a document of no known kind; each of its strings that holds a known document gives that
// document, placed at the string in the text.
void readEmbeddedDocuments(LoadedCase &loaded, const DocumentSource &source, const DecodeOptions &options)
{
    DecodeOptions inner = options;
    inner.buildSourceMap = false;
    const std::size_t outerCount = loaded.kase.documents.size();
    bool added = false;
    for (std::size_t d = 0; d < outerCount; ++d) {
        if (loaded.kase.documents[d].kind != DocumentKind::Unknown)
            continue;
        std::size_t strings = 0;
        std::vector<std::pair<std::string, Json>> found;
        const auto walk = [&](auto &&self, const Json &value, const std::string &pointer, int depth) -> void {
            if (depth > kEmbeddedDepth || strings >= kEmbeddedStrings)
                return;
            if (value.is_string()) {
                ++strings;
                const std::string &text = value.get_ref<const std::string &>();
                if (text.size() >= 7 && text.find('{') != std::string::npos && text.find('"') != std::string::npos) {
                    DecodeResult decoded = decode(text, inner);
                    if (decoded.ok())
                        for (DecodedDocument &document : decoded.documents)
                            found.emplace_back(pointer, std::move(document.value));
                }
            } else if (value.is_object()) {
                for (auto it = value.begin(); it != value.end(); ++it)
                    self(self, *it, pointerAppend(pointer, it.key()), depth + 1);
            } else if (value.is_array()) {
                for (std::size_t i = 0; i < value.size(); ++i)
                    self(self, value[i], pointerAppend(pointer, i), depth + 1);
            }
        };
        walk(walk, loaded.kase.documents[d].value, std::string(), 0);
        for (auto &[pointer, value] : found) {
            Document document;
            document.kind = classify(value, &document.payloadPointer);
            if (document.kind == DocumentKind::Unknown)
                continue;
            std::vector<DecodedDocument> one;
            one.push_back(DecodedDocument{std::move(value), {}, false, {}});
            DocumentSource embedded = source;
            embedded.label += " " + pointer;
            document = std::move(toDocuments(std::move(one), embedded).front());
            const auto range = loaded.decoded.sourceMap.find(d, pointer);
            document.range = range ? *range : loaded.kase.documents[d].range;
            loaded.decoded.sourceMap.add(loaded.kase.documents.size(), std::string(), document.range);
            loaded.decoded.repairs.push_back(makeRepair(loaded.decoded.text, RepairKind::EscapedJson, document.range));
            loaded.kase.documents.push_back(std::move(document));
            loaded.kase.documents[d].holdsDocuments = true;
            added = true;
        }
    }
    if (!added)
        return;
    if (options.buildSourceMap)
        loaded.decoded.sourceMap.index();
    std::stable_sort(loaded.decoded.repairs.begin(), loaded.decoded.repairs.end(),
                     [](const Repair &a, const Repair &b) { return a.offset < b.offset; });
}

} // namespace paytriage
