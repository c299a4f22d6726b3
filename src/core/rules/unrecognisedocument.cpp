// unrecognised-document: the classifier does not know a document, or some records of a list.
// Nothing was checked in them, so they must never read as clean: an info finding says so, and
// the CLI's exit status sets a case of nothing but unrecognised documents apart (exit 3).

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"

namespace paytriage {
namespace {

// The first few keys of an object, to tell the user what was looked at.
std::string keysOf(const Json &value)
{
    if (value.is_array())
        return value.empty() ? std::string("[]") : "[" + keysOf(value.front()) + ", …]";
    if (!value.is_object())
        return json::brief(&value);
    std::string keys;
    std::size_t shown = 0;
    for (auto it = value.begin(); it != value.end() && shown < 6; ++it, ++shown)
        keys += (keys.empty() ? "" : ", ") + it.key();
    if (value.size() > shown)
        keys += ", …";
    return "{" + keys + "}";
}

class UnrecognisedDocumentRule final : public Rule
{
public:
    std::string_view id() const override { return "unrecognised-document"; }

    // Records of a known list that are none of its kinds (one finding per document, counted).
    bool checksObjectsOf(DocumentKind kind) const override { return kind == DocumentKind::Unknown; }

    void checkObject(const RuleContext &, const ObjectRef &o, FindingSink &sink) const override
    {
        sink.report(id(), "records", Severity::Info, o.document, {std::string(o.pointer)},
                    {FindingSink::arg("keys", keysOf(o.value))},
                    "document " + std::to_string(o.document));
    }

    void checkCase(const RuleContext &ctx, FindingSink &sink) const override
    {
        for (std::size_t d = 0; d < ctx.kase.documents.size(); ++d) {
            const Document &doc = ctx.kase.documents[d];
            if (doc.kind != DocumentKind::Unknown || doc.holdsDocuments)
                continue;
            sink.report(id(), "default", Severity::Info, d, {doc.payloadPointer},
                        {FindingSink::arg("keys", keysOf(doc.payload()))});
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeUnrecognisedDocumentRule()
{
    return std::make_unique<UnrecognisedDocumentRule>();
}

} // namespace paytriage
