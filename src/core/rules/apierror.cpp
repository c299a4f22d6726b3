// api-error: an error object ({code, message}, the Apps-in-Toss FAIL envelope, a v2 envelope's
// error, or a payment's failure). The code is explained from the catalog: meaning, likely
// causes, what to check and who has to act; where one code is used for different causes, the
// message picks the explanation (facts §10). Codes are an open set (facts §5.1): unknown ones say
// so. Two answers that are errors in all but name are said too: an in-app order status of
// NOT_FOUND, MINIAPP_MISMATCH or ERROR (they arrive with resultType SUCCESS), and a numeric
// code, which no Toss error has (a gateway or proxy in front of the API answered).

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

// The HTTP status to show: the one received, with the catalog's where they differ.
LocalizedText httpText(int received, const Json *usual)
{
    const std::string catalog = joinNumbers(usual);
    // Pasted evidence carries no status: the catalog's is what the API usually sends, not what came.
    if (received == 0)
        return catalog == "?" ? LocalizedText{catalog, catalog} : LocalizedText{"보통 " + catalog, "usually " + catalog};
    const std::string status = std::to_string(received);
    bool listed = catalog == "?";
    if (usual && usual->is_array())
        for (const Json &n : *usual)
            listed = listed || (n.is_number_integer() && n.get<int>() == received);
    if (listed)
        return {status, status};
    return {status + " (보통 " + catalog + ")", status + " (usually " + catalog + ")"};
}

class ApiErrorRule final : public Rule
{
public:
    std::string_view id() const override { return "api-error"; }

    bool checksObjectsOf(DocumentKind kind) const override
    {
        return kind == DocumentKind::Error || kind == DocumentKind::Payment || kind == DocumentKind::IapOrderStatus;
    }

    void checkObject(const RuleContext &ctx, const ObjectRef &o, FindingSink &sink) const override
    {
        if (!o.value.is_object())
            return;
        if (o.kind == DocumentKind::Error) {
            const bool iap = o.value.contains("errorCode");
            const std::string codeField = iap ? "errorCode" : "code";
            const std::string messageField = iap ? (o.value.contains("reason") ? "reason" : "message") : "message";
            if (const Json *code = json::get(o.value, codeField); code && code->is_number()) {
                sink.report(id(), "gateway", Severity::Warning, o.document, {pointerAppend(o.pointer, codeField)},
                            {FindingSink::arg("code", code->dump()),
                             FindingSink::arg("message", json::string(o.value, messageField))});
                return;
            }
            explain(ctx, o, json::string(o.value, codeField), json::string(o.value, messageField),
                    pointerAppend(o.pointer, codeField), Severity::Warning, sink);
        } else if (o.kind == DocumentKind::IapOrderStatus) {
            const std::string status = json::string(o.value, "status");
            const Json *value = ctx.catalog.enumValue("iap.status", status);
            if (value && json::boolean(*value, "failure").value_or(false)) {
                sink.report(id(), "iap-status", Severity::Warning, o.document, {pointerAppend(o.pointer, "status")},
                            {FindingSink::arg("status", status),
                             FindingSink::arg("reason", json::string(o.value, "reason")),
                             FindingSink::arg("meaning", Catalog::text(*value, "meaning"), false)});
            }
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
        const Json &explanation = variantFor(*entry, message);
        sink.report(id(), "known", severity, o.document, {std::move(pointer)},
                    {FindingSink::arg("code", code), FindingSink::arg("message", message),
                     FindingSink::arg("meaning", Catalog::text(explanation, "meaning"), false),
                     FindingSink::arg("causes", Catalog::text(explanation, "causes"), false),
                     FindingSink::arg("check", Catalog::text(explanation, "check"), false),
                     FindingSink::arg("whoActs", whoActsText(ctx.catalog, json::get(explanation, "whoActs")), false),
                     FindingSink::arg("http", httpText(httpStatus, json::get(*entry, "http")), false)});
    }

    // The catalog's explanation of a code, or of the variant whose words the message holds.
    static const Json &variantFor(const Json &entry, const std::string &message)
    {
        const Json *variants = json::get(entry, "variants");
        if (!variants || !variants->is_array() || message.empty())
            return entry;
        const QString text = QString::fromStdString(message);
        for (const Json &variant : *variants) {
            const Json *match = json::get(variant, "match");
            if (!match || !match->is_array())
                continue;
            for (const Json &words : *match)
                if (words.is_string() && text.contains(QString::fromStdString(words.get<std::string>()), Qt::CaseInsensitive))
                    return variant;
        }
        return entry;
    }
};

} // namespace

std::unique_ptr<Rule> makeApiErrorRule()
{
    return std::make_unique<ApiErrorRule>();
}

} // namespace paytriage
