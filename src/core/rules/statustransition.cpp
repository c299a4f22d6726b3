// status-transition: the statuses one payment shows across the case break the documented state
// machine (facts §3.3, §10): DONE then ABORTED or EXPIRED, CANCELED then DONE, two webhooks of
// one payment milliseconds apart that contradict each other (facts §6.2: DONE then ABORTED,
// 45 ms apart). Every payment snapshot, payment webhook, deposit callback and transaction record
// is an observation of a status at a time.
//
// Some observations have a time (a webhook's createdAt, a transaction's transactionAt, a
// lookup's arrival); a pasted payment snapshot has only a lower bound (its latest event). Two
// statuses neither of which can follow the other (DONE and EXPIRED) contradict in any order;
// two where only one order is allowed (DONE, then CANCELED) are flagged only when both times
// are known and they came the other way round.

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"
#include "util/timestamp.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace paytriage {
namespace {

// The direct transitions of the documented flow (facts §3.3). A later status may be any that is
// reachable: a snapshot READY and a webhook DONE skip IN_PROGRESS legitimately.
const std::map<std::string, std::vector<std::string>> &transitions()
{
    static const std::map<std::string, std::vector<std::string>> table = {
        {"READY", {"IN_PROGRESS", "WAITING_FOR_DEPOSIT", "EXPIRED"}},
        {"IN_PROGRESS", {"DONE", "ABORTED", "EXPIRED", "WAITING_FOR_DEPOSIT"}},
        {"WAITING_FOR_DEPOSIT", {"DONE", "CANCELED", "EXPIRED"}},
        {"DONE", {"CANCELED", "PARTIAL_CANCELED"}},
        {"PARTIAL_CANCELED", {"CANCELED"}},
        {"CANCELED", {}},
        {"ABORTED", {}},
        {"EXPIRED", {}},
    };
    return table;
}

bool reachable(const std::string &from, const std::string &to, bool virtualAccount)
{
    if (from == to)
        return true;
    // A virtual account goes back to WAITING_FOR_DEPOSIT when a deposit fails (facts §8.4).
    if (virtualAccount && from == "DONE" && to == "WAITING_FOR_DEPOSIT")
        return true;
    std::vector<std::string> frontier{from};
    std::vector<std::string> seen{from};
    while (!frontier.empty()) {
        const std::string current = frontier.back();
        frontier.pop_back();
        const auto it = transitions().find(current);
        if (it == transitions().end())
            continue;
        for (const std::string &next : it->second) {
            if (next == to)
                return true;
            if (std::find(seen.begin(), seen.end(), next) == seen.end()) {
                seen.push_back(next);
                frontier.push_back(next);
            }
        }
    }
    return false;
}

struct Observation
{
    std::string status;
    std::int64_t ms = 0;     // the time, or a lower bound of it when !exact
    bool exact = false;
    std::size_t document = 0;
    std::string pointer;     // of the status
    DocumentKind source = DocumentKind::Payment;
};

// Observations beyond this for one payment are not compared (pairs grow with the square).
constexpr std::size_t kMaxObservations = 64;

class StatusTransitionRule final : public Rule
{
public:
    std::string_view id() const override { return "status-transition"; }

    void checkCase(const RuleContext &ctx, FindingSink &sink) const override
    {
        std::map<std::string, std::vector<Observation>> byPayment;
        std::map<std::string, std::string> paymentOfOrder;
        std::map<std::string, bool> virtualAccount;
        const auto note = [&](const std::string &paymentKey, Observation o, const Json &object) {
            if (paymentKey.empty() || !transitions().contains(o.status))
                return;
            if (const std::string orderId = json::string(object, "orderId"); !orderId.empty())
                paymentOfOrder.emplace(orderId, paymentKey);
            virtualAccount[paymentKey] = virtualAccount[paymentKey]
                                         || rules::isVirtualAccount(ctx.catalog, json::string(object, "method"));
            auto &list = byPayment[paymentKey];
            if (list.size() < kMaxObservations)
                list.push_back(std::move(o));
        };

        for (const JsonRef &ref : ctx.kase.of(DocumentKind::Payment)) {
            const Json &p = *ref.value;
            const Document &doc = ctx.kase.documents[ref.document];
            Observation o{json::string(p, "status"), 0, false, ref.document, pointerAppend(ref.pointer, "status"),
                          doc.kind == DocumentKind::Webhook ? DocumentKind::Webhook : DocumentKind::Payment};
            if (doc.kind == DocumentKind::Webhook) {
                if (const auto at = parseTimestamp(json::string(doc.payload(), "createdAt"))) {
                    o.ms = at->msSinceEpoch;
                    o.exact = true;
                }
            } else if (doc.source.fetchedAtMs) {
                o.ms = doc.source.fetchedAtMs;
                o.exact = true;
            }
            if (!o.exact)
                o.ms = latestEvent(p);
            note(json::string(p, "paymentKey"), std::move(o), p);
        }
        for (const JsonRef &ref : ctx.kase.of(DocumentKind::Transactions)) {
            const Json &t = *ref.value;
            const auto at = parseTimestamp(json::string(t, "transactionAt"));
            if (!at)
                continue;
            note(json::string(t, "paymentKey"),
                 Observation{json::string(t, "status"), at->msSinceEpoch, true, ref.document,
                             pointerAppend(ref.pointer, "status"), DocumentKind::Transactions},
                 t);
        }
        for (const JsonRef &ref : ctx.kase.of(DocumentKind::DepositCallback)) {
            const Json &c = *ref.value;
            const auto payment = paymentOfOrder.find(json::string(c, "orderId"));
            const auto at = parseTimestamp(json::string(c, "createdAt"));
            if (payment == paymentOfOrder.end() || !at)
                continue;
            note(payment->second,
                 Observation{json::string(c, "status"), at->msSinceEpoch, true, ref.document,
                             pointerAppend(ref.pointer, "status"), DocumentKind::DepositCallback},
                 c);
        }

        for (auto &[paymentKey, observations] : byPayment) {
            // By time (a lower bound where that is all there is), then in document order.
            std::stable_sort(observations.begin(), observations.end(),
                             [](const Observation &a, const Observation &b) { return a.ms < b.ms; });
            const bool va = virtualAccount[paymentKey];
            for (std::size_t i = 0; i < observations.size(); ++i) {
                for (std::size_t j = i + 1; j < observations.size(); ++j) {
                    const Observation &a = observations[i];
                    const Observation &b = observations[j];
                    if (a.status == b.status)
                        continue;
                    const bool forward = reachable(a.status, b.status, va);
                    const bool backward = reachable(b.status, a.status, va);
                    const bool contradiction = !forward && !backward;
                    // Only one order is allowed, and both times say it went the other way.
                    const bool reversed = !forward && backward && a.exact && b.exact && a.ms < b.ms;
                    if (contradiction || reversed)
                        report(ctx, paymentKey, a, b, sink);
                }
            }
        }
    }

private:
    // A snapshot is at least as late as the last thing it tells of.
    static std::int64_t latestEvent(const Json &p)
    {
        std::int64_t latest = 0;
        for (const char *field : {"requestedAt", "approvedAt"})
            if (const auto t = parseTimestamp(json::string(p, field)))
                latest = std::max(latest, t->msSinceEpoch);
        if (const Json *cancels = json::get(p, "cancels"); cancels && cancels->is_array())
            for (const Json &c : *cancels)
                if (const auto t = parseTimestamp(json::string(c, "canceledAt")))
                    latest = std::max(latest, t->msSinceEpoch);
        return latest;
    }

    static LocalizedText where(const RuleContext &ctx, const Observation &o)
    {
        const std::string n = std::to_string(o.document);
        const Json *documents = json::get(ctx.catalog.root(), "documents");
        const Json *entry = documents ? json::get(*documents, recordKind(o.source)) : nullptr;
        const LocalizedText label = entry ? Catalog::text(*entry, "label") : LocalizedText{};
        return {"문서 #" + n + "(" + label.ko + ")", "document #" + n + " (" + label.en + ")"};
    }

    void report(const RuleContext &ctx, const std::string &paymentKey, const Observation &first, const Observation &second,
                FindingSink &sink) const
    {
        // Without a time for both, the order they were pasted in is the best guess of their order.
        const bool swap = (!first.exact || !second.exact) && second.document < first.document;
        const Observation &from = swap ? second : first;
        const Observation &to = swap ? first : second;
        // Milliseconds where two events share a second (webhooks 45 ms apart).
        const bool fine = from.exact && to.exact && from.ms / 1000 == to.ms / 1000;
        const auto when = [fine](const Observation &o) {
            if (!o.exact)
                return LocalizedText{"시각 모름", "time unknown"};
            std::string text = formatIsoKst(o.ms);
            if (fine) {
                char millis[8];
                std::snprintf(millis, sizeof millis, ".%03d", static_cast<int>(((o.ms % 1000) + 1000) % 1000));
                text.insert(19, millis);
            }
            return LocalizedText{text, text};
        };
        const LocalizedText gap = from.exact && to.exact ? localizedDuration(to.ms - from.ms)
                                                         : LocalizedText{"알 수 없는", "an unknown time"};
        std::vector<FindingLocation> related;
        std::vector<std::string> pointers{to.pointer};
        if (from.document == to.document)
            pointers.push_back(from.pointer);
        else
            related.push_back({from.document, from.pointer});
        sink.report(id(), "default", Severity::Warning, to.document, std::move(pointers),
                    {FindingSink::arg("paymentKey", paymentKey), FindingSink::arg("from", from.status),
                     FindingSink::arg("to", to.status), FindingSink::arg("fromWhere", where(ctx, from)),
                     FindingSink::arg("toWhere", where(ctx, to)), FindingSink::arg("fromAt", when(from)),
                     FindingSink::arg("toAt", when(to)), FindingSink::arg("gap", gap)},
                    paymentKey + '|' + from.status + '|' + to.status, std::move(related));
    }
};

} // namespace

std::unique_ptr<Rule> makeStatusTransitionRule()
{
    return std::make_unique<StatusTransitionRule>();
}

} // namespace paytriage
