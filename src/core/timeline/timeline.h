#pragma once

// Events from every document of a case on one clock. Times are kept in UTC with the offset
// the API wrote; an offset-less timestamp is read as KST and marked (Timestamp::hasOffset).

#include "catalog/catalog.h"
#include "model/document.h"
#include "util/timestamp.h"

#include <optional>
#include <unordered_map>
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
    CashReceipt,        // cash receipt requestedAt
    BillingIssued,      // billing key authenticatedAt
    StatusChanged,      // BrandPay customer changedAt
    PayoutRequested,    // payout requestedAt
    Snapshot,           // a later look at a payment already on the timeline (see TimelineBuilder)
    Now                 // the time the case was analysed at: added by a view, never by the builder
};

std::string_view eventTypeId(EventType type);
// A time by which something must happen (a virtual account's deposit due date), not something
// that happened: not where "since start" counts from, and shown as a deadline.
bool isDeadline(EventType type);

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

// Several snapshots of one payment (a lookup and a refresh, two responses pasted into a ticket)
// tell the same requested/approved/canceled events again: each event is shown once, and every
// snapshot gets a Snapshot event of its own, at the time it was taken (the lookup's arrival) or,
// for a paste, at the latest event it tells of. A payment that was looked up always gets one: the
// row says when the answer was taken and what status it gave then.
class TimelineBuilder final
{
public:
    // kase: where the documents' sources say when they were fetched (may be null).
    explicit TimelineBuilder(const Catalog &catalog, std::size_t limit = 100000, const Case *kase = nullptr);

    void add(const ObjectRef &object);
    bool truncated() const { return m_truncated; }
    // Sorted by time; ties keep the order they were added in.
    std::vector<TimelineEvent> take();

private:
    struct Snapshot
    {
        std::string paymentKey;
        std::string status;
        std::optional<Timestamp> at;
        std::size_t document = 0;
        std::string pointer;
        bool lookedUp = false;  // at: when a lookup fetched it (else the latest event it tells)
    };

    void push(TimelineEvent event);
    void addPayment(const ObjectRef &object);

    const Catalog &m_catalog;
    std::size_t m_limit;
    const Case *m_case;
    bool m_truncated = false;
    std::vector<TimelineEvent> m_events;
    std::vector<Snapshot> m_snapshots;  // payments looked up or pasted (not inside webhooks)
    // The events told of each payment so far (indices in m_events), to tell none twice.
    std::unordered_map<std::string, std::vector<std::size_t>> m_paymentEvents;
};

} // namespace paytriage
