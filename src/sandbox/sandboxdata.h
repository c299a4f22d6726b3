#pragma once

// Everything the sandbox serves, seed scenarios and generated merchant alike, behind the
// lookups the endpoints need: a payment by key or order id, transactions by time with
// startingAfter paging, settlements by sold or paid-out date with page/size paging. Lists are
// indexes of small entries sorted once at start; records become JSON only when served.

#include "generatedmerchant.h"
#include "sandboxoptions.h"
#include "seedscenarios.h"

#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paytriage {

class SandboxData final
{
public:
    enum class SettlementDateType {
        SoldDate,
        PaidOutDate,
    };

    struct NamedScenario
    {
        std::string orderId;
        const char *description;  // English; translate in context "paytriage::sandbox"
        bool inApp = false;       // an Apps-in-Toss order (get-order-status), not a Core API payment
    };

    explicit SandboxData(const SandboxOptions &options);
    ~SandboxData();
    SandboxData(const SandboxData &) = delete;
    SandboxData &operator=(const SandboxData &) = delete;

    std::optional<toss::Json> paymentByKey(std::string_view paymentKey) const;
    std::optional<toss::Json> paymentByOrderId(std::string_view orderId) const;
    std::optional<toss::Json> inAppOrder(std::string_view orderId) const;

    // The fault a scenario asks for when a request is about this orderId or paymentKey.
    std::optional<SandboxFault> scenarioFault(std::string_view id) const;

    // Transactions with transactionAt in [fromMs, toMs] in time order, after startingAfter
    // (a transactionKey) when it is not empty, at most limit. nullopt: startingAfter is not the
    // key of any transaction.
    std::optional<std::vector<toss::Json>> transactions(std::int64_t fromMs, std::int64_t toMs,
                                                        std::string_view startingAfter, std::size_t limit) const;
    std::size_t countTransactions(std::int64_t fromMs, std::int64_t toMs) const;
    std::size_t transactionCount() const { return m_transactions.size(); }
    // The position-th transaction in time order (for the oversized fault's stream).
    toss::Json transactionAt(std::size_t position) const;

    // Settlement rows whose soldDate (or paidOutDate) is in [fromDay, toDay] (Julian day
    // numbers), ordered by that date; page counts from 1.
    std::vector<toss::Json> settlements(std::int64_t fromDay, std::int64_t toDay, SettlementDateType type,
                                        std::size_t page, std::size_t size) const;
    std::size_t countSettlements(std::int64_t fromDay, std::int64_t toDay, SettlementDateType type) const;

    // Seed scenarios, FAULT-* orders and the generated merchant's planted anomalies.
    std::vector<NamedScenario> namedScenarios() const;

    const GeneratedMerchant &merchant() const { return m_merchant; }
    std::size_t memoryBytes() const;  // the indexes and the merchant's records, approximately

private:
    // Where a list entry's record lives: a scenario's prepared JSON, or a generated payment's
    // ordinal-th transaction or settlement row.
    enum class Origin : std::uint8_t {
        Scenario,
        Generated,
    };
    struct TransactionEntry
    {
        std::int64_t atMs;
        std::uint32_t owner;  // scenario record index, or generated payment index
        std::uint8_t ordinal;
        Origin origin;
    };
    struct SettlementEntry
    {
        std::int64_t atMs;
        std::int32_t soldDay;
        std::int32_t paidOutDay;
        std::uint32_t owner;
        std::uint8_t ordinal;
        Origin origin;
    };

    void indexTransactions();
    void indexSettlements();
    std::string transactionKeyAt(std::size_t position) const;
    std::optional<std::size_t> findTransactionKey(std::string_view key) const;
    const std::vector<std::uint32_t> &settlementOrder(SettlementDateType type) const;
    std::pair<std::size_t, std::size_t> settlementRange(std::int64_t fromDay, std::int64_t toDay,
                                                        SettlementDateType type) const;
    std::pair<std::size_t, std::size_t> transactionRange(std::int64_t fromMs, std::int64_t toMs) const;
    toss::Json settlementAt(const SettlementEntry &entry) const;

    SeedScenarios m_seeds;
    GeneratedMerchant m_merchant;
    std::map<std::string, std::size_t, std::less<>> m_seedPaymentByKey;
    std::map<std::string, std::size_t, std::less<>> m_seedPaymentByOrderId;
    std::map<std::string, SandboxFault, std::less<>> m_faults;

    std::vector<toss::Json> m_seedTransactions;  // every scenario's, flattened
    std::vector<toss::Json> m_seedSettlements;
    std::vector<TransactionEntry> m_transactions;                      // in time order
    std::vector<std::pair<std::uint64_t, std::uint32_t>> m_keyIndex;   // (hash of key, position), sorted
    std::vector<SettlementEntry> m_settlements;
    std::vector<std::uint32_t> m_bySoldDate;     // positions in m_settlements
    std::vector<std::uint32_t> m_byPaidOutDate;
};

} // namespace paytriage
