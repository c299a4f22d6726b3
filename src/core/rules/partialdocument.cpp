// partial-document: a document lacks keys the API always sends, or says it left something out
// ("...", a cut log line). Toss sends every key of a Payment, null when empty (facts §10), so an
// absent key was trimmed by a person, elided in a docs example or cut by a log line: it is
// unknown, not null, and the other rules leave it alone. One info finding per document says
// which keys are not in the text and to look the payment up.
//
// Which keys are always sent comes from the catalog ("always": true for every version, or the
// first version that always sends it, e.g. "2022-11-16"): a v1.4 payment has no checkout.

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"

namespace paytriage {
namespace {

// How many absent keys a finding names before it says "and N more".
constexpr std::size_t kNamed = 12;

class PartialDocumentRule final : public Rule
{
public:
    std::string_view id() const override { return "partial-document"; }

    bool checksObjectsOf(DocumentKind kind) const override
    {
        return kind == DocumentKind::Payment || kind == DocumentKind::Transactions
               || kind == DocumentKind::Settlements;
    }

    // What an object lacks is in its keys.
    bool judgesKeysOnly() const override { return true; }

    void checkObject(const RuleContext &ctx, const ObjectRef &o, FindingSink &sink) const override
    {
        if (!o.value.is_object())
            return;
        const std::string foldKey = "document " + std::to_string(o.document);
        const std::string_view kind = recordKind(o.kind);
        const std::vector<std::string> missing = rules::missingKeys(ctx.catalog, kind, o.value, o.apiVersion);
        if (missing.empty())
            return;
        std::string named;
        for (std::size_t i = 0; i < missing.size() && i < kNamed; ++i)
            named += (named.empty() ? "" : ", ") + missing[i];
        LocalizedText list{named, named};
        if (missing.size() > kNamed) {
            const std::string more = std::to_string(missing.size() - kNamed);
            list.ko += " 외 " + more + "개";
            list.en += " and " + more + " more";
        }
        const Document *doc = o.document < ctx.kase.documents.size() ? &ctx.kase.documents[o.document] : nullptr;
        sink.report(id(), "default", Severity::Info, o.document, {std::string(o.pointer)},
                    {FindingSink::arg("kind", kindLabel(ctx.catalog, kind), false),
                     FindingSink::arg("count", std::to_string(missing.size())),
                     FindingSink::arg("missing", list),
                     FindingSink::arg("elided", elidedText(doc), false)},
                    foldKey);
    }

    void checkCase(const RuleContext &ctx, FindingSink &sink) const override
    {
        // Documents that said they left something out, where no key the API always sends is
        // missing (a nested card elided, a list with "... 98 more items").
        for (std::size_t d = 0; d < ctx.kase.documents.size(); ++d) {
            const Document &doc = ctx.kase.documents[d];
            if (!doc.partial || doc.kind == DocumentKind::Unknown
                || sink.reported(id(), "document " + std::to_string(d)))
                continue;
            sink.report(id(), "elided", Severity::Info, d, doc.elided,
                        {FindingSink::arg("kind", kindLabel(ctx.catalog, recordKind(doc.kind)), false),
                         FindingSink::arg("places", places(doc))});
        }
    }

private:
    static LocalizedText kindLabel(const Catalog &catalog, std::string_view kind)
    {
        const Json *documents = json::get(catalog.root(), "documents");
        const Json *entry = documents ? json::get(*documents, kind) : nullptr;
        LocalizedText label = entry ? Catalog::text(*entry, "label") : LocalizedText{};
        return label.empty() ? LocalizedText{std::string(kind), std::string(kind)} : label;
    }

    static std::string places(const Document &doc)
    {
        std::string text;
        for (const std::string &pointer : doc.elided)
            text += (text.empty() ? "" : ", ") + (pointer.empty() ? std::string("/") : pointer);
        return text.empty() ? std::string("/") : text;
    }

    static LocalizedText elidedText(const Document *doc)
    {
        if (!doc || !doc->partial)
            return {};
        const std::string where = places(*doc);
        return {"붙여넣은 글에 생략 표시가 있습니다(" + where + "). ", "The text also marks parts as left out (" + where + "). "};
    }
};

} // namespace

std::unique_ptr<Rule> makePartialDocumentRule()
{
    return std::make_unique<PartialDocumentRule>();
}

} // namespace paytriage
