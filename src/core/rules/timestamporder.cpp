// timestamp-order: events out of order: approved before requested, canceled before approved,
// a cancel transaction before the approval transaction, paid out before sold.

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"
#include "rules/transactionledger.h"
#include "util/timestamp.h"

namespace paytriage {
namespace {

class TimestampOrderRule final : public Rule
{
public:
    std::string_view id() const override { return "timestamp-order"; }

    bool checksObjectsOf(DocumentKind kind) const override
    {
        return kind == DocumentKind::Payment || kind == DocumentKind::Settlements;
    }

    void checkObject(const RuleContext &, const ObjectRef &o, FindingSink &sink) const override
    {
        if (!o.value.is_object())
            return;
        if (o.kind == DocumentKind::Payment)
            checkPayment(o, sink);
        else if (o.kind == DocumentKind::Settlements)
            checkPair(o, o.value, std::string(o.pointer), "soldDate", "paidOutDate", sink);
    }

    void checkCase(const RuleContext &ctx, FindingSink &sink) const override
    {
        ctx.ledger.forEach([&](const PaymentTrail &trail) {
            // Virtual accounts may legitimately go DONE → WAITING_FOR_DEPOSIT → DONE again.
            if (!trail.sawDone || !trail.sawCancel || trail.firstCancelMs >= trail.firstDoneMs || trail.virtualAccount
                || !ctx.ledger.detail(trail))
                return;
            const PaymentTrail::Detail &d = *ctx.ledger.detail(trail);
            sink.report(id(), "transactions", Severity::Warning, d.cancelDocument, {d.cancelPointer + "/transactionAt"},
                        {FindingSink::arg("paymentKey", d.paymentKey),
                         FindingSink::arg("canceledAt", formatIsoKst(trail.firstCancelMs)),
                         FindingSink::arg("doneAt", formatIsoKst(trail.firstDoneMs))});
        });
    }

private:
    void checkPayment(const ObjectRef &o, FindingSink &sink) const
    {
        const Json &p = o.value;
        const std::string base(o.pointer);
        checkPair(o, p, base, "requestedAt", "approvedAt", sink);
        const Json *cancels = json::get(p, "cancels");
        if (!cancels || !cancels->is_array())
            return;
        const auto approved = parseTimestamp(json::string(p, "approvedAt"));
        if (!approved)
            return;
        for (std::size_t i = 0; i < cancels->size(); ++i) {
            const auto canceled = parseTimestamp(json::string((*cancels)[i], "canceledAt"));
            if (!canceled || canceled->msSinceEpoch >= approved->msSinceEpoch)
                continue;
            const std::string cancelPointer = pointerAppend(pointerAppend(base, "cancels"), i);
            report(o, pointerAppend(base, "approvedAt"), pointerAppend(cancelPointer, "canceledAt"),
                   "approvedAt", "canceledAt", *approved, *canceled, sink);
        }
    }

    void checkPair(const ObjectRef &o, const Json &object, const std::string &base, std::string_view earlier,
                   std::string_view later, FindingSink &sink) const
    {
        const auto a = parseTimestamp(json::string(object, earlier));
        const auto b = parseTimestamp(json::string(object, later));
        if (a && b && b->msSinceEpoch < a->msSinceEpoch)
            report(o, pointerAppend(base, earlier), pointerAppend(base, later), earlier, later, *a, *b, sink);
    }

    void report(const ObjectRef &o, std::string earlierPointer, std::string laterPointer, std::string_view earlier,
                std::string_view later, const Timestamp &a, const Timestamp &b, FindingSink &sink) const
    {
        sink.report(id(), "default", Severity::Warning, o.document, {std::move(laterPointer), std::move(earlierPointer)},
                    {FindingSink::arg("earlier", std::string(earlier)), FindingSink::arg("earlierAt", formatKst(a)),
                     FindingSink::arg("later", std::string(later)), FindingSink::arg("laterAt", formatKst(b))},
                    o.kind == DocumentKind::Payment ? std::string() : std::string(recordKind(o.kind)) + '/' + std::string(later));
    }
};

} // namespace

std::unique_ptr<Rule> makeTimestampOrderRule()
{
    return std::make_unique<TimestampOrderRule>();
}

} // namespace paytriage
