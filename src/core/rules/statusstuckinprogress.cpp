// status-stuck-in-progress: a payment waits in READY or IN_PROGRESS past the point where the
// provider would have expired it (READY: 30 min without authentication; IN_PROGRESS: 10 min
// without confirm — facts §3.3), or a response that should be final is IN_PROGRESS (seed 000:
// the confirm call answered IN_PROGRESS while the card company had approved it). The in-app order status has states that deserve
// attention only with age: PAYMENT_COMPLETED (paid, grant not confirmed) and ORDER_IN_PROGRESS;
// the catalog gives each its limit (attentionAfterMinutes), read against the injectable clock.

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"
#include "rules/transactionledger.h"
#include "util/timestamp.h"

#include <algorithm>

namespace paytriage {
namespace {

constexpr std::int64_t minute = 60 * 1000;

class StatusStuckInProgressRule final : public Rule
{
public:
    std::string_view id() const override { return "status-stuck-in-progress"; }

    bool checksObjectsOf(DocumentKind kind) const override
    {
        return kind == DocumentKind::Payment || kind == DocumentKind::IapOrderStatus;
    }

    void checkObject(const RuleContext &ctx, const ObjectRef &o, FindingSink &sink) const override
    {
        if (!o.value.is_object())
            return;
        if (o.kind == DocumentKind::IapOrderStatus) {
            checkInAppOrder(ctx, o, sink);
            return;
        }
        if (o.kind != DocumentKind::Payment)
            return;
        const Json &p = o.value;
        const std::string status = json::string(p, "status");
        const std::string statusPointer = pointerAppend(o.pointer, "status");
        const std::string paymentKey = json::string(p, "paymentKey");

        if (status == "WAITING_FOR_DEPOSIT") {
            checkDepositDue(ctx, o, sink);
            return;
        }
        if (status != "READY" && status != "IN_PROGRESS")
            return;

        // Other sources may already know better: a DONE transaction for this payment means
        // the object in hand is a stale or broken snapshot (seed 000's incident).
        if (const PaymentTrail *trail = ctx.ledger.find(paymentKey); trail && trail->sawDone) {
            sink.report(id(), "contradicted", Severity::Critical, o.document, {statusPointer},
                        {FindingSink::arg("status", status), FindingSink::arg("paymentKey", paymentKey),
                         FindingSink::arg("doneAt", formatIsoKst(trail->firstDoneMs))});
            return;
        }

        const auto &endpoint = ctx.kase.documents[o.document].source.endpoint;
        if (endpoint.find("/confirm") != std::string::npos) {
            sink.report(id(), "confirm", Severity::Critical, o.document, {statusPointer},
                        {FindingSink::arg("status", status), FindingSink::arg("paymentKey", paymentKey)});
            return;
        }

        const auto requested = parseTimestamp(json::string(p, "requestedAt"));
        if (!requested)
            return;
        const std::int64_t limit = (status == "READY" ? 30 : 10) * minute;
        const std::int64_t age = ctx.clock.nowMs() - requested->msSinceEpoch;
        if (age <= limit)
            return;
        sink.report(id(), status == "READY" ? "ready" : "in-progress", Severity::Warning, o.document,
                    {statusPointer, pointerAppend(o.pointer, "requestedAt")},
                    {FindingSink::arg("status", status),
                     FindingSink::arg("requestedAt", formatKst(*requested)),
                     FindingSink::arg("age", localizedDuration(age)),
                     FindingSink::arg("limit", localizedDuration(limit), false)});
    }

private:
    void checkInAppOrder(const RuleContext &ctx, const ObjectRef &o, FindingSink &sink) const
    {
        const std::string status = json::string(o.value, "status");
        const Json *value = ctx.catalog.enumValue("iap.status", status);
        const auto minutes = value ? json::number(*value, "attentionAfterMinutes") : std::nullopt;
        if (!minutes)
            return;
        const std::int64_t limit = static_cast<std::int64_t>(*minutes) * minute;
        const auto determined = parseTimestamp(json::string(o.value, "statusDeterminedAt"));
        const std::int64_t age = determined ? std::max<std::int64_t>(0, ctx.clock.nowMs() - determined->msSinceEpoch) : 0;
        const std::string statusPointer = pointerAppend(o.pointer, "status");
        const auto explanation = [&] {
            return std::vector<FindingSink::Arg>{
                FindingSink::arg("status", status),
                FindingSink::arg("meaning", Catalog::text(*value, "meaning"), false),
                FindingSink::arg("history", Catalog::text(*value, "history"), false),
                FindingSink::arg("advice", Catalog::text(*value, "advice"), false)};
        };
        if (determined && age > limit) {
            auto args = explanation();
            args.push_back(FindingSink::arg("age", localizedDuration(age)));
            args.push_back(FindingSink::arg("determinedAt", formatKst(*determined)));
            args.push_back(FindingSink::arg("limit", localizedDuration(limit), false));
            sink.report(id(), "iap-not-granted", Severity::Warning, o.document,
                        {statusPointer, pointerAppend(o.pointer, "statusDeterminedAt")}, std::move(args));
        } else if (status == "PAYMENT_COMPLETED") {
            // Young: paid, the grant is being confirmed. Said quietly, with what the value means.
            auto args = explanation();
            args.push_back(determined ? FindingSink::arg("age", localizedDuration(age)) : FindingSink::arg("age", std::string("?")));
            sink.report(id(), "iap-payment-completed", Severity::Info, o.document, {statusPointer}, std::move(args));
        }
    }

    // A virtual account whose due date passed stays WAITING_FOR_DEPOSIT with no webhook (facts §8.6).
    void checkDepositDue(const RuleContext &ctx, const ObjectRef &o, FindingSink &sink) const
    {
        const Json *va = json::get(o.value, "virtualAccount");
        if (!va || !va->is_object())
            return;
        const auto due = parseTimestamp(json::string(*va, "dueDate"));
        if (!due || due->msSinceEpoch >= ctx.clock.nowMs())
            return;
        sink.report(id(), "deposit-overdue", Severity::Info, o.document,
                    {pointerAppend(pointerAppend(o.pointer, "virtualAccount"), "dueDate")},
                    {FindingSink::arg("dueDate", formatKst(*due)),
                     FindingSink::arg("expired", json::brief(json::get(*va, "expired")))});
    }
};

} // namespace

std::unique_ptr<Rule> makeStatusStuckInProgressRule()
{
    return std::make_unique<StatusStuckInProgressRule>();
}

} // namespace paytriage
