// vbank-cancel-without-deposit: a virtual-account payment reached CANCELED with no DONE
// (deposit) before it. Cancelling before deposit returns the account; no money moved, so the
// CANCELED transaction's amount is not a refund (seed 001). Other methods go DONE → CANCELED
// by guarantee, so only virtual accounts are checked.

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"
#include "rules/transactionledger.h"
#include "util/timestamp.h"

namespace paytriage {
namespace {

class VbankCancelWithoutDepositRule final : public Rule
{
public:
    std::string_view id() const override { return "vbank-cancel-without-deposit"; }

    void checkCase(const RuleContext &ctx, FindingSink &sink) const override
    {
        ctx.ledger.forEach([&](const PaymentTrail &trail) {
            if (!trail.sawCancel || !trail.virtualAccount || !ctx.ledger.detail(trail))
                return;
            if (trail.sawDone && trail.firstDoneMs <= trail.firstCancelMs)
                return;
            const PaymentTrail::Detail &d = *ctx.ledger.detail(trail);
            // A trimmed paste may lack the amount: the finding then says no money moved, without one.
            if (d.cancelHasAmount)
                sink.report(id(), "transactions", Severity::Warning, d.cancelDocument,
                            {d.cancelPointer + "/status", d.cancelPointer + "/amount"},
                            {FindingSink::arg("paymentKey", d.paymentKey), FindingSink::arg("orderId", d.orderId),
                             FindingSink::arg("amount", rules::money(trail.cancelAmount, d.currency)),
                             FindingSink::arg("canceledAt", formatIsoKst(trail.firstCancelMs))});
            else
                sink.report(id(), "transactions-no-amount", Severity::Warning, d.cancelDocument,
                            {d.cancelPointer + "/status"},
                            {FindingSink::arg("paymentKey", d.paymentKey), FindingSink::arg("orderId", d.orderId),
                             FindingSink::arg("canceledAt", formatIsoKst(trail.firstCancelMs))});
        });

        // A payment object alone cannot prove there was no deposit; say what to fetch.
        for (const JsonRef &ref : ctx.kase.of(DocumentKind::Payment)) {
            const Json &p = *ref.value;
            const std::string paymentKey = json::string(p, "paymentKey");
            if (json::string(p, "status") != "CANCELED"
                || !rules::isVirtualAccount(ctx.catalog, json::string(p, "method"))
                || ctx.ledger.find(paymentKey))
                continue;
            // Never approved, or nothing to refund: both hint at a cancel before deposit.
            const Json *va = json::get(p, "virtualAccount");
            const std::string refundStatus = va ? json::string(*va, "refundStatus") : std::string();
            if (refundStatus != "NONE" && !json::isExplicitlyEmpty(p, "approvedAt"))
                continue;
            std::vector<std::string> pointers{pointerAppend(ref.pointer, "status")};
            if (va && va->is_object() && va->contains("refundStatus"))
                pointers.push_back(pointerAppend(pointerAppend(ref.pointer, "virtualAccount"), "refundStatus"));
            sink.report(id(), "payment-only", Severity::Info, ref.document, std::move(pointers),
                        {FindingSink::arg("paymentKey", paymentKey),
                         FindingSink::arg("orderId", json::string(p, "orderId"))});
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeVbankCancelWithoutDepositRule()
{
    return std::make_unique<VbankCancelWithoutDepositRule>();
}

} // namespace paytriage
