#include "timeline.h"

#include "util/jsonutil.h"

#include <algorithm>

namespace paytriage {

std::string_view eventTypeId(EventType type)
{
    switch (type) {
    case EventType::Requested: return "requested";
    case EventType::Approved: return "approved";
    case EventType::Canceled: return "canceled";
    case EventType::Transaction: return "transaction";
    case EventType::SettlementSold: return "settlement-sold";
    case EventType::SettlementPaidOut: return "settlement-paid-out";
    case EventType::IapStatus: return "iap-status";
    case EventType::Webhook: return "webhook";
    case EventType::DepositDue: return "deposit-due";
    case EventType::CashReceipt: return "cash-receipt";
    case EventType::BillingIssued: return "billing-issued";
    case EventType::StatusChanged: return "status-changed";
    case EventType::PayoutRequested: return "payout-requested";
    case EventType::Snapshot: return "snapshot";
    case EventType::Now: return "now";
    }
    return "event";
}

bool isDeadline(EventType type)
{
    return type == EventType::DepositDue;
}

TimelineBuilder::TimelineBuilder(const Catalog &catalog, std::size_t limit, const Case *kase)
    : m_catalog(catalog)
    , m_limit(limit)
    , m_case(kase)
{
}

void TimelineBuilder::push(TimelineEvent event)
{
    if (m_events.size() >= m_limit) {
        m_truncated = true;
        return;
    }
    if (event.label.empty())
        event.label = m_catalog.message("timeline." + std::string(eventTypeId(event.type))).title;
    if (event.source == DocumentKind::Payment && !event.paymentKey.empty() && event.type != EventType::Snapshot)
        m_paymentEvents[event.paymentKey].push_back(m_events.size());
    m_events.push_back(std::move(event));
}

void TimelineBuilder::addPayment(const ObjectRef &o)
{
    const Json &p = o.value;
    const std::string base(o.pointer);
    const std::string currency = json::string(p, "currency");
    const std::string paymentKey = json::string(p, "paymentKey");
    // An event an earlier snapshot of this payment told already is not told again.
    std::vector<std::size_t> *told = paymentKey.empty() ? nullptr : &m_paymentEvents[paymentKey];
    const auto toldBefore = [&](EventType type, const Timestamp &at) {
        return told && std::any_of(told->begin(), told->end(), [&](std::size_t i) {
                   return m_events[i].type == type && m_events[i].at.msSinceEpoch == at.msSinceEpoch;
               });
    };
    std::optional<Timestamp> latest;
    auto make = [&](EventType type, const Json &object, std::string_view field, const std::string &objectPointer) {
        TimelineEvent e;
        const std::string text = json::string(object, field);
        const auto at = parseTimestamp(text);
        if (at && type != EventType::DepositDue && (!latest || at->msSinceEpoch > latest->msSinceEpoch))
            latest = at;
        if (!at || toldBefore(type, *at))
            return std::optional<TimelineEvent>();
        e.at = *at;
        e.type = type;
        e.source = DocumentKind::Payment;
        e.currency = currency;
        e.paymentKey = paymentKey;
        e.document = o.document;
        e.pointer = pointerAppend(objectPointer, field);
        return std::optional<TimelineEvent>(std::move(e));
    };
    if (auto e = make(EventType::Requested, p, "requestedAt", base)) {
        e->amount = json::number(p, "totalAmount");
        push(std::move(*e));
    }
    if (auto e = make(EventType::Approved, p, "approvedAt", base)) {
        e->amount = json::number(p, "totalAmount");
        e->status = "DONE";
        push(std::move(*e));
    }
    if (const Json *cancels = json::get(p, "cancels"); cancels && cancels->is_array()) {
        for (std::size_t i = 0; i < cancels->size(); ++i) {
            const Json &c = (*cancels)[i];
            if (auto e = make(EventType::Canceled, c, "canceledAt", pointerAppend(pointerAppend(base, "cancels"), i))) {
                e->amount = json::number(c, "cancelAmount");
                // cancelStatus DONE means the cancel went through; others (IN_PROGRESS, ABORTED
                // for asynchronous cancels) are worth showing as they are.
                const std::string cancelStatus = json::string(c, "cancelStatus");
                e->status = cancelStatus.empty() || cancelStatus == "DONE" ? std::string("CANCELED") : "CANCEL " + cancelStatus;
                push(std::move(*e));
            }
        }
    }
    if (const Json *va = json::get(p, "virtualAccount"); va && va->is_object()) {
        if (auto e = make(EventType::DepositDue, *va, "dueDate", pointerAppend(base, "virtualAccount")))
            push(std::move(*e));
    }
    const Document *doc = m_case && o.document < m_case->documents.size() ? &m_case->documents[o.document] : nullptr;
    if (paymentKey.empty() || (doc && doc->kind == DocumentKind::Webhook))
        return;  // a webhook's own event marks when its body was sent
    Snapshot snapshot{paymentKey, json::string(p, "status"), latest, o.document, pointerAppend(base, "status")};
    if (doc && doc->source.fetchedAtMs) {
        snapshot.at = Timestamp{doc->source.fetchedAtMs, 540, true, false};
        snapshot.lookedUp = true;
    }
    m_snapshots.push_back(std::move(snapshot));
}

void TimelineBuilder::add(const ObjectRef &o)
{
    if (m_events.size() >= m_limit) {
        m_truncated = true;  // counted, not built: a streamed dump has a million records
        return;
    }
    if (!o.value.is_object())
        return;
    const Json &v = o.value;
    auto simple = [&](EventType type, std::string_view field, std::string status, std::optional<double> amount) {
        const auto at = parseTimestamp(json::string(v, field));
        if (!at)
            return;
        TimelineEvent e;
        e.at = *at;
        e.type = type;
        e.source = o.kind;
        e.status = std::move(status);
        e.amount = amount;
        e.currency = json::string(v, "currency");
        e.paymentKey = json::string(v, "paymentKey");
        e.document = o.document;
        e.pointer = pointerAppend(o.pointer, field);
        push(std::move(e));
    };
    switch (o.kind) {
    case DocumentKind::Payment:
        addPayment(o);
        break;
    case DocumentKind::Transactions:
        simple(EventType::Transaction, "transactionAt", json::string(v, "status"), json::number(v, "amount"));
        break;
    case DocumentKind::Settlements:
        simple(EventType::SettlementSold, "soldDate", {}, json::number(v, "amount"));
        simple(EventType::SettlementPaidOut, "paidOutDate", {}, json::number(v, "payOutAmount"));
        break;
    case DocumentKind::IapOrderStatus:
        simple(EventType::IapStatus, "statusDeterminedAt", json::string(v, "status"), std::nullopt);
        break;
    case DocumentKind::Webhook: {
        // The status the event carries: its body's status (a cancel's cancelStatus), else its type.
        std::string status = json::string(v, "eventType");
        for (const char *body : {"data", "entityBody"}) {
            const Json *data = json::get(v, body);
            if (!data || !data->is_object())
                continue;
            for (const char *field : {"status", "cancelStatus"})
                if (const std::string s = json::string(*data, field); !s.empty()) {
                    status = s;
                    break;
                }
        }
        simple(EventType::Webhook, "createdAt", status, std::nullopt);
        break;
    }
    case DocumentKind::DepositCallback:
        simple(EventType::Webhook, "createdAt", json::string(v, "status"), std::nullopt);
        break;
    case DocumentKind::CashReceipts:
        simple(EventType::CashReceipt, "requestedAt", json::string(v, "issueStatus"), json::number(v, "amount"));
        break;
    case DocumentKind::Cancel: {
        const std::string cancelStatus = json::string(v, "cancelStatus");
        simple(EventType::Canceled, "canceledAt",
               cancelStatus.empty() || cancelStatus == "DONE" ? std::string("CANCELED") : "CANCEL " + cancelStatus,
               json::number(v, "cancelAmount"));
        break;
    }
    case DocumentKind::Billing:
        simple(EventType::BillingIssued, "authenticatedAt", {}, std::nullopt);
        break;
    case DocumentKind::BrandPayCustomer:
        simple(EventType::StatusChanged, "changedAt", json::string(v, "status"), std::nullopt);
        break;
    case DocumentKind::Payout: {
        const Json *amount = json::get(v, "amount");
        std::optional<double> value = amount && amount->is_object() ? json::number(*amount, "value")
                                                                    : json::number(v, "payoutAmount");
        simple(EventType::PayoutRequested, "requestedAt", json::string(v, "status"), value);
        break;
    }
    case DocumentKind::Error:
    case DocumentKind::BrandPayMethod:
    case DocumentKind::Balance:
    case DocumentKind::Seller:
    case DocumentKind::Unknown:
        break;
    }
}

std::vector<TimelineEvent> TimelineBuilder::take()
{
    std::unordered_map<std::string_view, std::size_t> snapshotsOf;
    for (const Snapshot &s : m_snapshots)
        ++snapshotsOf[s.paymentKey];
    for (const Snapshot &s : m_snapshots) {
        if ((snapshotsOf[s.paymentKey] < 2 && !s.lookedUp) || !s.at)
            continue;
        TimelineEvent e;
        if (s.lookedUp)
            e.label = m_catalog.message("timeline.looked-up").title;
        e.at = *s.at;
        e.type = EventType::Snapshot;
        e.source = DocumentKind::Payment;
        e.status = s.status;
        e.paymentKey = s.paymentKey;
        e.document = s.document;
        e.pointer = s.pointer;
        push(std::move(e));
    }
    m_snapshots.clear();
    m_paymentEvents.clear();
    // A plain date (settlement sold/paid-out day) is a business day, not midnight: it sorts after
    // that day's timed events.
    auto key = [](const TimelineEvent &e) { return e.at.msSinceEpoch + (e.at.dateOnly ? 86400000LL - 1 : 0); };
    std::stable_sort(m_events.begin(), m_events.end(),
                     [&](const TimelineEvent &a, const TimelineEvent &b) { return key(a) < key(b); });
    return std::move(m_events);
}

} // namespace paytriage
