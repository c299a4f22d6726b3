#pragma once

// A made-up merchant for load, paging and triage tests: N days × M payments a day, of every
// method and status, internally consistent (amounts add up, times are in order, virtual accounts go
// WAITING_FOR_DEPOSIT → DONE), with a few planted anomalies for PayTriage to find.
//
// Deterministic: the same seed gives the same ids and values on every run and platform (the
// generator draws from std::mt19937_64 through DeterministicRng, never through the library's
// distributions). Compact: one small record per payment; JSON is built only when asked for, so
// 90,000 payments take a few megabytes and a few tens of milliseconds.

#include "tossobjects.h"

#include <QDate>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paytriage {

class GeneratedMerchant final
{
public:
    struct Config
    {
        std::uint64_t seed = 20250301;
        QDate firstDay{2025, 3, 1};  // KST calendar days
        int days = 30;
        int paymentsPerDay = 3000;
    };

    // Limits that keep the merchant inside the memory and id budget (one payment per second
    // at most, so a paymentKey's time names its slot).
    static constexpr int maxDays = 366;
    static constexpr int maxPaymentsPerDay = 86400;
    static constexpr int minPaymentsPerDay = 10;  // room for the planted anomalies

    enum class Anomaly : std::uint8_t {
        None,
        VbankCanceledBeforeDeposit,
        DoneWithoutApprovedAt,
        SettlementPayoutMismatch,
        InProgressWithDoneTransaction,
        BalanceMismatch,
    };
    struct PlantedAnomaly
    {
        std::size_t index;
        Anomaly anomaly;
        const char *description;  // English, marked for translation in context "paytriage::sandbox"
    };

    // Calendar days as Julian day numbers (QDate::toJulianDay), for settlement dates.
    struct SettlementDates
    {
        std::int64_t soldDay;
        std::int64_t paidOutDay;
        std::int64_t atMs;  // the transaction the row settles
    };

    explicit GeneratedMerchant(const Config &config);
    ~GeneratedMerchant();
    GeneratedMerchant(const GeneratedMerchant &) = delete;
    GeneratedMerchant &operator=(const GeneratedMerchant &) = delete;

    const Config &config() const { return m_config; }
    std::size_t size() const { return m_records.size(); }
    std::int64_t periodStartMs() const { return m_periodStart * 1000; }
    std::int64_t periodEndMs() const { return m_periodEnd * 1000; }  // exclusive
    std::size_t memoryBytes() const;

    std::string orderId(std::size_t index) const;
    std::string paymentKey(std::size_t index) const;
    std::optional<std::size_t> findOrderId(std::string_view orderId) const;
    std::optional<std::size_t> findPaymentKey(std::string_view paymentKey) const;

    toss::Json payment(std::size_t index) const;

    int transactionCount(std::size_t index) const;
    std::int64_t transactionAtMs(std::size_t index, int ordinal) const;
    std::string transactionKey(std::size_t index, int ordinal) const;
    toss::Json transaction(std::size_t index, int ordinal) const;

    int settlementCount(std::size_t index) const;
    SettlementDates settlementDates(std::size_t index, int ordinal) const;
    toss::Json settlement(std::size_t index, int ordinal) const;

    const std::vector<PlantedAnomaly> &anomalies() const { return m_anomalies; }

private:
    // One payment, everything drawn for it; the rest is derived (see Plan in the .cpp).
    struct Record
    {
        std::int64_t requestedAt;   // seconds since the epoch
        std::int32_t totalAmount;   // KRW
        std::int32_t cancelAmount;  // of its one cancel; the whole amount for CANCELED
        std::int32_t approveDelay;  // seconds: requested → approved (virtual account: → issued)
        std::int32_t depositDelay;  // virtual account: issued → deposited
        std::int32_t cancelDelay;   // approved or deposited → canceled
        std::uint32_t salt;         // picks names, banks, card numbers, key suffixes
        std::uint8_t method;
        std::uint8_t status;
        Anomaly anomaly;
    };
    struct Plan;

    Plan planOf(std::size_t index) const;
    void plantAnomalies();

    Config m_config;
    std::int64_t m_periodStart = 0;  // seconds since the epoch, first day 00:00 KST
    std::int64_t m_periodEnd = 0;
    std::vector<Record> m_records;
    std::vector<PlantedAnomaly> m_anomalies;
};

} // namespace paytriage
