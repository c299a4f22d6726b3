#pragma once

// Events from every document of a case on one clock. Times are kept in UTC with the offset
// the API wrote; an offset-less timestamp is read as KST and marked (Timestamp::hasOffset).

#include "catalog/catalog.h"
#include "model/document.h"
#include "util/timestamp.h"

#include <optional>
#include <string>
#include <vector>

namespace paytriage {

enum class EventType {
    Requested,          // payment requestedAt
    Approved,           // payment approvedAt
    Canceled,           // each payment cancels[].canceledAt
    Transaction,        // each /v1/transactions record
    SettlementSold,     // settlement soldDate
    SettlementPaidOut,  // settlement paidOutDate
    IapStatus,          // in-app order statusDeterminedAt
    Webhook,            // webhook createdAt
    DepositDue,         // virtual account dueDate
    CashReceipt         // cash receipt requestedAt
};

std::string_view eventTypeId(EventType type);

struct TimelineEvent
{
    Timestamp at;
    EventType type = EventType::Transaction;
    DocumentKind source = DocumentKind::Unknown;
    std::string status;              // the status the source gives at that moment, if any
    std::optional<double> amount;
    std::string currency;
    std::string paymentKey;
    std::size_t document = 0;
    std::string pointer;             // JSON pointer of the timestamp field
    LocalizedText label;
};

class TimelineBuilder final
{
public:
    explicit TimelineBuilder(const Catalog &catalog, std::size_t limit = 100000);

    void add(const ObjectRef &object);
    bool truncated() const { return m_truncated; }
    // Sorted by time; ties keep the order they were added in.
    std::vector<TimelineEvent> take();

private:
    void push(TimelineEvent event);
    void addPayment(const ObjectRef &object);

    const Catalog &m_catalog;
    std::size_t m_limit;
    bool m_truncated = false;
    std::vector<TimelineEvent> m_events;
};

} // namespace paytriage
