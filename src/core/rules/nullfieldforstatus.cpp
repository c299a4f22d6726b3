// null-field-for-status: a field the API fills for this status is null or "" in a document that
// carries the key. A key that is absent is not null: Toss sends every key, so an absent one
// was cut from a paste, and partial-document says so. READY, IN_PROGRESS, ABORTED and EXPIRED
// legitimately carry nulls (seed 000's answer), so only the fields the catalog marks
// requiredForStatus for the payment's status are checked.

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"

#include <algorithm>

namespace paytriage {
namespace {

class NullFieldForStatusRule final : public Rule
{
public:
    std::string_view id() const override { return "null-field-for-status"; }

    bool checksObjectsOf(DocumentKind kind) const override { return kind == DocumentKind::Payment; }

    void checkObject(const RuleContext &ctx, const ObjectRef &o, FindingSink &sink) const override
    {
        if (o.kind != DocumentKind::Payment || !o.value.is_object())
            return;
        const Json &p = o.value;
        const std::string status = json::string(p, "status");
        if (status.empty())
            return;
        const bool foreign = rules::isForeignCurrency(json::string(p, "currency"));
        // A virtual account canceled before any deposit was never approved (seed 001): no
        // approvedAt or receipt to expect; vbank-cancel-without-deposit speaks about it.
        const bool neverApproved = status == "CANCELED" && json::isExplicitlyEmpty(p, "approvedAt")
                                   && rules::isVirtualAccount(ctx.catalog, json::string(p, "method"));
        // A webhook body is known to carry "" where a lookup has values (facts §8.2): said, but
        // quietly; an explicit null there is as suspicious as anywhere. In a trimmed or elided
        // paste, "" is a placeholder (docs examples write "paymentKey": ""): nothing to say.
        const bool inWebhook = o.document < ctx.kase.documents.size()
                               && ctx.kase.documents[o.document].kind == DocumentKind::Webhook;
        const bool partial = rules::isPartial(ctx, o);
        const Json *fields = ctx.catalog.documentFields("payment");
        if (!fields)
            return;

        std::vector<std::string> names;
        std::vector<std::string> pointers;
        bool onlyEmptyStrings = true;
        for (auto it = fields->begin(); it != fields->end(); ++it) {
            const Json *required = json::get(*it, "requiredForStatus");
            if (!required || !required->is_array()
                || std::find(required->begin(), required->end(), status) == required->end())
                continue;
            // PayPal (USD/MUSD) payments come without these even when DONE (facts §8.2, §8.3).
            if (foreign && (it.key() == "useEscrow" || it.key() == "receipt" || it.key() == "method"))
                continue;
            if (neverApproved && (it.key() == "approvedAt" || it.key() == "receipt"))
                continue;
            if (json::isExplicitlyEmpty(p, it.key())) {
                names.push_back(it.key());
                pointers.push_back(pointerAppend(o.pointer, it.key()));
                onlyEmptyStrings = onlyEmptyStrings && !json::get(p, it.key())->is_null();
            }
        }
        if (!names.empty()) {
            std::string list;
            for (const std::string &n : names)
                list += (list.empty() ? "" : ", ") + n;
            if (partial && onlyEmptyStrings)
                return;
            const bool quiet = inWebhook && onlyEmptyStrings;
            sink.report(id(), quiet ? "webhook-empty" : "fields", quiet ? Severity::Info : Severity::Warning,
                        o.document, pointers, {FindingSink::arg("status", status), FindingSink::arg("fields", list)});
        }

        // The method's own detail object (card for 카드, virtualAccount for 가상계좌, …).
        const std::string method = json::string(p, "method");
        if (method.empty() || foreign || !rules::statusFlag(ctx.catalog, status, "expectsMethodDetail"))
            return;
        const std::string detail = rules::methodDetailField(ctx.catalog, method);
        if (!detail.empty() && json::isExplicitlyEmpty(p, detail)) {
            sink.report(id(), "detail", Severity::Warning, o.document, {pointerAppend(o.pointer, detail)},
                        {FindingSink::arg("status", status), FindingSink::arg("method", method),
                         FindingSink::arg("field", detail)});
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeNullFieldForStatusRule()
{
    return std::make_unique<NullFieldForStatusRule>();
}

} // namespace paytriage
