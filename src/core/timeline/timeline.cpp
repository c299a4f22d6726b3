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
    }
    return "event";
}

TimelineBuilder::TimelineBuilder(const Catalog &catalog, std::size_t limit)
    : m_catalog(catalog)
    , m_limit(limit)
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
    m_events.push_back(std::move(event));
}

void TimelineBuilder::addPayment(const ObjectRef &o)
{
    const Json &p = o.value;
    const std::string base(o.pointer);
    const std::string currency = json::string(p, "currency");
    const std::string paymentKey = json::string(p, "paymentKey");
    auto make = [&](EventType type, const Json &object, std::string_view field, const std::string &objectPointer) {
        TimelineEvent e;
        const std::string text = json::string(object, field);
        const auto at = parseTimestamp(text);
        if (!at)
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
        std::string status = json::string(v, "eventType");
        if (const Json *data = json::get(v, "data"); data && data->is_object() && data->contains("status"))
            status = json::string(*data, "status");
        simple(EventType::Webhook, "createdAt", status, std::nullopt);
        break;
    }
    case DocumentKind::DepositCallback:
        simple(EventType::Webhook, "createdAt", json::string(v, "status"), std::nullopt);
        break;
    case DocumentKind::CashReceipts:
        simple(EventType::CashReceipt, "requestedAt", json::string(v, "issueStatus"), json::number(v, "amount"));
        break;
    case DocumentKind::Error:
    case DocumentKind::Unknown:
        break;
    }
}

std::vector<TimelineEvent> TimelineBuilder::take()
{
    // A plain date (settlement sold/paid-out day) is a business day, not midnight: it sorts after
    // that day's timed events.
    auto key = [](const TimelineEvent &e) { return e.at.msSinceEpoch + (e.at.dateOnly ? 86400000LL - 1 : 0); };
    std::stable_sort(m_events.begin(), m_events.end(),
                     [&](const TimelineEvent &a, const TimelineEvent &b) { return key(a) < key(b); });
    return std::move(m_events);
}

} // namespace paytriage
