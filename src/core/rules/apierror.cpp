// api-error: an error object ({code, message}, the Apps-in-Toss FAIL envelope, or a payment's
// failure). The code is explained from the catalog: meaning, likely causes, what to check and
// who has to act. Codes are an open set (facts §5.1): unknown ones say so.

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"

namespace paytriage {
namespace {

LocalizedText whoActsText(const Catalog &catalog, const Json *who)
{
    LocalizedText out;
    if (!who || !who->is_array())
        return out;
    for (const Json &w : *who) {
        if (!w.is_string())
            continue;
        const LocalizedText name = catalog.message("who." + w.get<std::string>()).title;
        out.ko += (out.ko.empty() ? "" : ", ") + name.ko;
        out.en += (out.en.empty() ? "" : ", ") + name.en;
    }
    return out;
}

std::string joinNumbers(const Json *list)
{
    std::string out;
    if (list && list->is_array())
        for (const Json &n : *list)
            out += (out.empty() ? "" : ", ") + n.dump();
    return out.empty() ? std::string("?") : out;
}

class ApiErrorRule final : public Rule
{
public:
    std::string_view id() const override { return "api-error"; }

    bool checksObjectsOf(DocumentKind kind) const override
    {
        return kind == DocumentKind::Error || kind == DocumentKind::Payment;
    }

    void checkObject(const RuleContext &ctx, const ObjectRef &o, FindingSink &sink) const override
    {
        if (!o.value.is_object())
            return;
        if (o.kind == DocumentKind::Error) {
            const bool iap = o.value.contains("errorCode");
            const std::string codeField = iap ? "errorCode" : "code";
            const std::string messageField = iap ? (o.value.contains("reason") ? "reason" : "message") : "message";
            explain(ctx, o, json::string(o.value, codeField), json::string(o.value, messageField),
                    pointerAppend(o.pointer, codeField), Severity::Warning, sink);
        } else if (o.kind == DocumentKind::Payment) {
            // A failed payment looked up later answers 200 with the error inside (facts §5.1).
            const Json *failure = json::get(o.value, "failure");
            if (failure && failure->is_object() && !json::string(*failure, "code").empty()) {
                const std::string base = pointerAppend(o.pointer, "failure");
                explain(ctx, o, json::string(*failure, "code"), json::string(*failure, "message"),
                        pointerAppend(base, "code"), Severity::Info, sink);
            }
        }
    }

private:
    void explain(const RuleContext &ctx, const ObjectRef &o, const std::string &code, const std::string &message,
                 std::string pointer, Severity severity, FindingSink &sink) const
    {
        if (code.empty())
            return;
        const int httpStatus = ctx.kase.documents.size() > o.document ? ctx.kase.documents[o.document].source.httpStatus : 0;
        const Json *entry = ctx.catalog.error(code);
        if (!entry) {
            sink.report(id(), "unknown", severity, o.document, {std::move(pointer)},
                        {FindingSink::arg("code", code), FindingSink::arg("message", message),
                         FindingSink::arg("http", httpStatus ? std::to_string(httpStatus) : std::string("?"))});
            return;
        }
        sink.report(id(), "known", severity, o.document, {std::move(pointer)},
                    {FindingSink::arg("code", code), FindingSink::arg("message", message),
                     FindingSink::arg("meaning", Catalog::text(*entry, "meaning"), false),
                     FindingSink::arg("causes", Catalog::text(*entry, "causes"), false),
                     FindingSink::arg("check", Catalog::text(*entry, "check"), false),
                     FindingSink::arg("whoActs", whoActsText(ctx.catalog, json::get(*entry, "whoActs"))),
                     FindingSink::arg("http", joinNumbers(json::get(*entry, "http")))});
    }
};

} // namespace

std::unique_ptr<Rule> makeApiErrorRule()
{
    return std::make_unique<ApiErrorRule>();
}

} // namespace paytriage
