#pragma once

// The analyzer keeps one TransactionLedger per analysis and fills it as a transactions list
// streams past (add, flush); rules read it through RuleContext's const reference. rule.h only
// names the class, so this header (its layout, the hot path of a million-record dump) is
// included by the rules that read it, not by every rule.

#include "util/jsonutil.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace paytriage {

class Catalog;
struct ObjectRef;

// What the transactions say about each payment, gathered record by record. Kept small: a
// dump of a million transactions holds some 800,000 payments.
struct PaymentTrail
{
    // Words for a finding, kept only where one may follow: a cancel seen before any DONE, or
    // a virtual account's cancel.
    struct Detail
    {
        std::string paymentKey;
        std::string orderId;
        std::string currency;
        std::size_t cancelDocument = 0;
        std::string cancelPointer;
        bool cancelHasAmount = false;    // the cancel's record had a numeric amount (a trimmed paste may not)
    };

    std::int64_t firstDoneMs = 0;
    std::int64_t firstCancelMs = 0;      // CANCELED or PARTIAL_CANCELED
    double cancelAmount = 0;
    std::uint32_t detail = 0;            // 1 + its index in the ledger's details; 0: none
    bool sawDone = false;
    bool sawCancel = false;
    bool virtualAccount = false;
};

class TransactionLedger final
{
public:
    explicit TransactionLedger(const Catalog &catalog);
    // A transaction is noted at once and folded into the trails with a batch of others (see
    // below): call flush() before reading.
    void add(const ObjectRef &transaction);
    void flush();
    const PaymentTrail *find(std::string_view paymentKey) const;
    const PaymentTrail::Detail *detail(const PaymentTrail &trail) const
    {
        return trail.detail ? &m_details[trail.detail - 1] : nullptr;
    }
    template<typename F>
    void forEach(F &&f) const
    {
        for (const Partition &partition : m_partitions)
            for (const Slot &slot : partition.table)
                if (slot.key != 0)
                    f(slot.trail);
    }

private:
    // Payments are keyed by a 64-bit hash of the paymentKey, not the key itself: half the
    // memory. Two keys colliding among a million payments has a chance of about 3 in 100
    // million. A dump of a million transactions holds some 800,000 payments, some 40 MB of
    // trails: far more than the caches, and more pages than the TLB maps. Updating one table
    // record by record paid a cache miss and a page walk per record (in a VM, a nested one),
    // the largest cost of a 1M-record analysis. So the table is split by the hash's top bits into
    // partitions, each an open-addressing table (linear probing, 40-byte slots, grown by half)
    // with a log of the facts noted for it. Each record appends its fact to its partition's log;
    // every kFoldEvery facts, each partition applies its log in order, its table small enough
    // to stay in the TLB while it does, and the slots fetched a few facts ahead. The outcome is
    // the same as applying each record as it comes: a partition sees its payments' facts in
    // record order.
    struct Slot
    {
        std::uint64_t key = 0;  // 0: empty (a hash of 0 is stored as 1)
        PaymentTrail trail;
    };
    struct Fact
    {
        enum class Event : std::uint8_t { None, Done, Cancel };
        std::uint64_t key = 0;
        std::int64_t ms = 0;
        std::uint32_t cancel = 0;  // a cancel: 1 + its index in m_cancels
        Event event = Event::None;
        bool virtualAccount = false;
    };
    // What a cancel adds, kept until the fold decides whether its words are needed.
    struct CancelFact
    {
        double amount = 0;
        bool hasAmount = false;
        std::size_t document = 0;
        std::string paymentKey;
        std::string orderId;
        std::string currency;
        std::string pointer;
    };
    struct Partition
    {
        std::vector<Slot> table;  // at most 3/4 full
        std::size_t used = 0;
        std::vector<Fact> log;
    };
    static constexpr unsigned kPartitionBits = 8;
    static constexpr std::size_t kFoldEvery = std::size_t(1) << 16;

    static std::size_t partitionOf(std::uint64_t key)
    {
        return static_cast<std::size_t>(key >> (64 - kPartitionBits));
    }
    void apply(Partition &partition, const Fact &fact);
    static PaymentTrail &trailFor(Partition &partition, std::uint64_t key);
    static const PaymentTrail *trailAt(const Partition &partition, std::uint64_t key);

    std::vector<Partition> m_partitions;
    std::size_t m_logged = 0;  // facts in the logs
    std::vector<CancelFact> m_cancels;
    std::size_t m_cancelsUsed = 0;  // of m_cancels, those of this batch
    std::vector<PaymentTrail::Detail> m_details;
    std::vector<std::string> m_virtualAccountMethods;  // "가상계좌", "VIRTUAL_ACCOUNT", from the catalog
    // The records of a dump share their layout.
    json::KeyCursor m_paymentKey{"paymentKey"};
    json::KeyCursor m_method{"method"};
    json::KeyCursor m_status{"status"};
    json::KeyCursor m_transactionAt{"transactionAt"};
    json::KeyCursor m_amount{"amount"};
    json::KeyCursor m_orderId{"orderId"};
    json::KeyCursor m_currency{"currency"};
};

} // namespace paytriage
