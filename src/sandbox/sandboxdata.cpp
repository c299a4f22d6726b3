#include "sandboxdata.h"

#include "util/timestamp.h"

#include <QDate>

#include <algorithm>
#include <tuple>

namespace paytriage {

namespace {

using toss::Json;

// FNV-1a: a stable 64-bit hash for the key index (std::hash may differ between runs and
// libraries; here it only needs to be the same within one run, but stable costs nothing).
std::uint64_t hashKey(std::string_view key)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : key) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::int64_t timestampMs(const Json &value)
{
    const auto t = parseTimestamp(value.get<std::string>());
    return t ? t->msSinceEpoch : 0;
}

std::int32_t julianDay(const Json &date)
{
    return static_cast<std::int32_t>(QDate::fromString(QString::fromStdString(date.get<std::string>()), Qt::ISODate)
                                         .toJulianDay());
}

GeneratedMerchant::Config merchantConfig(const SandboxOptions &options)
{
    return {options.seed, options.firstDay, options.days, options.paymentsPerDay};
}

} // namespace

SandboxData::SandboxData(const SandboxOptions &options)
    : m_merchant(merchantConfig(options))
{
    if (options.seedScenarios)
        m_seeds = buildSeedScenarios();
    for (std::size_t i = 0; i < m_seeds.payments.size(); ++i) {
        const ScenarioPayment &s = m_seeds.payments[i];
        const std::string key = s.payment["paymentKey"].get<std::string>();
        const std::string orderId = s.payment["orderId"].get<std::string>();
        m_seedPaymentByKey.emplace(key, i);
        m_seedPaymentByOrderId.emplace(orderId, i);
        if (s.fault) {
            m_faults.emplace(key, *s.fault);
            m_faults.emplace(orderId, *s.fault);
        }
        m_seedTransactions.insert(m_seedTransactions.end(), s.transactions.begin(), s.transactions.end());
        m_seedSettlements.insert(m_seedSettlements.end(), s.settlements.begin(), s.settlements.end());
    }
    // The options' faults come last so they replace a built-in scenario's.
    for (const auto &[id, fault] : options.scenarioFaults)
        m_faults.insert_or_assign(id.toStdString(), fault);
    indexTransactions();
    indexSettlements();
}

SandboxData::~SandboxData() = default;

void SandboxData::indexTransactions()
{
    m_transactions.reserve(m_seedTransactions.size() + m_merchant.size() * 5 / 4);
    for (std::size_t i = 0; i < m_seedTransactions.size(); ++i)
        m_transactions.push_back(
            {timestampMs(m_seedTransactions[i]["transactionAt"]), std::uint32_t(i), 0, Origin::Scenario});
    for (std::size_t p = 0; p < m_merchant.size(); ++p) {
        const int count = m_merchant.transactionCount(p);
        for (int t = 0; t < count; ++t)
            m_transactions.push_back(
                {m_merchant.transactionAtMs(p, t), std::uint32_t(p), std::uint8_t(t), Origin::Generated});
    }
    // Ties (two transactions in the same second) go by origin and position: a total order, so
    // startingAfter paging never skips or repeats a record.
    std::sort(m_transactions.begin(), m_transactions.end(), [](const TransactionEntry &a, const TransactionEntry &b) {
        return std::tie(a.atMs, a.origin, a.owner, a.ordinal) < std::tie(b.atMs, b.origin, b.owner, b.ordinal);
    });
    m_transactions.shrink_to_fit();

    m_keyIndex.reserve(m_transactions.size());
    for (std::size_t i = 0; i < m_transactions.size(); ++i)
        m_keyIndex.emplace_back(hashKey(transactionKeyAt(i)), std::uint32_t(i));
    std::sort(m_keyIndex.begin(), m_keyIndex.end());
}

void SandboxData::indexSettlements()
{
    for (std::size_t i = 0; i < m_seedSettlements.size(); ++i) {
        const Json &row = m_seedSettlements[i];
        const Json &cancel = row["cancel"];
        const std::int64_t at = cancel.is_object() ? timestampMs(cancel["canceledAt"]) : timestampMs(row["approvedAt"]);
        m_settlements.push_back({at, julianDay(row["soldDate"]), julianDay(row["paidOutDate"]), std::uint32_t(i), 0,
                                 Origin::Scenario});
    }
    for (std::size_t p = 0; p < m_merchant.size(); ++p) {
        const int count = m_merchant.settlementCount(p);
        for (int s = 0; s < count; ++s) {
            const GeneratedMerchant::SettlementDates d = m_merchant.settlementDates(p, s);
            m_settlements.push_back({d.atMs, std::int32_t(d.soldDay), std::int32_t(d.paidOutDay), std::uint32_t(p),
                                     std::uint8_t(s), Origin::Generated});
        }
    }
    m_settlements.shrink_to_fit();
    auto orderBy = [this](std::int32_t SettlementEntry::*date) {
        std::vector<std::uint32_t> order(m_settlements.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = std::uint32_t(i);
        std::sort(order.begin(), order.end(), [this, date](std::uint32_t x, std::uint32_t y) {
            const SettlementEntry &a = m_settlements[x];
            const SettlementEntry &b = m_settlements[y];
            return std::tie(a.*date, a.atMs, a.origin, a.owner, a.ordinal)
                   < std::tie(b.*date, b.atMs, b.origin, b.owner, b.ordinal);
        });
        return order;
    };
    m_bySoldDate = orderBy(&SettlementEntry::soldDay);
    m_byPaidOutDate = orderBy(&SettlementEntry::paidOutDay);
}

std::string SandboxData::transactionKeyAt(std::size_t position) const
{
    const TransactionEntry &e = m_transactions[position];
    if (e.origin == Origin::Scenario)
        return m_seedTransactions[e.owner]["transactionKey"].get<std::string>();
    return m_merchant.transactionKey(e.owner, e.ordinal);
}

std::optional<std::size_t> SandboxData::findTransactionKey(std::string_view key) const
{
    const std::uint64_t h = hashKey(key);
    auto it = std::lower_bound(m_keyIndex.begin(), m_keyIndex.end(), std::make_pair(h, std::uint32_t(0)));
    for (; it != m_keyIndex.end() && it->first == h; ++it) {
        if (transactionKeyAt(it->second) == key)
            return it->second;
    }
    return std::nullopt;
}

std::optional<Json> SandboxData::paymentByKey(std::string_view paymentKey) const
{
    if (const auto it = m_seedPaymentByKey.find(paymentKey); it != m_seedPaymentByKey.end())
        return m_seeds.payments[it->second].payment;
    if (const auto index = m_merchant.findPaymentKey(paymentKey))
        return m_merchant.payment(*index);
    return std::nullopt;
}

std::optional<Json> SandboxData::paymentByOrderId(std::string_view orderId) const
{
    if (const auto it = m_seedPaymentByOrderId.find(orderId); it != m_seedPaymentByOrderId.end())
        return m_seeds.payments[it->second].payment;
    if (const auto index = m_merchant.findOrderId(orderId))
        return m_merchant.payment(*index);
    return std::nullopt;
}

std::optional<Json> SandboxData::inAppOrder(std::string_view orderId) const
{
    for (const ScenarioInAppOrder &order : m_seeds.inAppOrders) {
        if (order.orderId == orderId)
            return order.success;
    }
    return std::nullopt;
}

std::optional<SandboxFault> SandboxData::scenarioFault(std::string_view id) const
{
    if (const auto it = m_faults.find(id); it != m_faults.end())
        return it->second;
    return std::nullopt;
}

std::pair<std::size_t, std::size_t> SandboxData::transactionRange(std::int64_t fromMs, std::int64_t toMs) const
{
    const auto begin = std::lower_bound(m_transactions.begin(), m_transactions.end(), fromMs,
                                        [](const TransactionEntry &e, std::int64_t t) { return e.atMs < t; });
    const auto end = std::upper_bound(m_transactions.begin(), m_transactions.end(), toMs,
                                      [](std::int64_t t, const TransactionEntry &e) { return t < e.atMs; });
    const auto first = std::size_t(begin - m_transactions.begin());
    return {first, std::max(first, std::size_t(end - m_transactions.begin()))};
}

std::optional<std::vector<Json>> SandboxData::transactions(std::int64_t fromMs, std::int64_t toMs,
                                                           std::string_view startingAfter, std::size_t limit) const
{
    auto [first, last] = transactionRange(fromMs, toMs);
    if (!startingAfter.empty()) {
        // Any known key pages, even one from outside the range: the records after it in time
        // order that fall inside the range are the next page.
        const auto position = findTransactionKey(startingAfter);
        if (!position)
            return std::nullopt;
        first = std::max(first, *position + 1);
    }
    std::vector<Json> out;
    for (std::size_t i = first; i < last && out.size() < limit; ++i)
        out.push_back(transactionAt(i));
    return out;
}

std::size_t SandboxData::countTransactions(std::int64_t fromMs, std::int64_t toMs) const
{
    const auto [first, last] = transactionRange(fromMs, toMs);
    return last - first;
}

Json SandboxData::transactionAt(std::size_t position) const
{
    const TransactionEntry &e = m_transactions[position];
    if (e.origin == Origin::Scenario)
        return m_seedTransactions[e.owner];
    return m_merchant.transaction(e.owner, e.ordinal);
}

const std::vector<std::uint32_t> &SandboxData::settlementOrder(SettlementDateType type) const
{
    return type == SettlementDateType::SoldDate ? m_bySoldDate : m_byPaidOutDate;
}

std::pair<std::size_t, std::size_t> SandboxData::settlementRange(std::int64_t fromDay, std::int64_t toDay,
                                                                 SettlementDateType type) const
{
    const std::vector<std::uint32_t> &order = settlementOrder(type);
    auto dayOf = [this, type](std::uint32_t i) -> std::int64_t {
        const SettlementEntry &e = m_settlements[i];
        return type == SettlementDateType::SoldDate ? e.soldDay : e.paidOutDay;
    };
    const auto begin = std::lower_bound(order.begin(), order.end(), fromDay,
                                        [&](std::uint32_t i, std::int64_t d) { return dayOf(i) < d; });
    const auto end = std::upper_bound(order.begin(), order.end(), toDay,
                                      [&](std::int64_t d, std::uint32_t i) { return d < dayOf(i); });
    const auto first = std::size_t(begin - order.begin());
    return {first, std::max(first, std::size_t(end - order.begin()))};
}

std::vector<Json> SandboxData::settlements(std::int64_t fromDay, std::int64_t toDay, SettlementDateType type,
                                           std::size_t page, std::size_t size) const
{
    const auto [first, last] = settlementRange(fromDay, toDay, type);
    const std::vector<std::uint32_t> &order = settlementOrder(type);
    std::vector<Json> out;
    if (page < 1 || size < 1 || (page - 1) > (last - first) / size)
        return out;
    for (std::size_t i = first + (page - 1) * size; i < last && out.size() < size; ++i)
        out.push_back(settlementAt(m_settlements[order[i]]));
    return out;
}

std::size_t SandboxData::countSettlements(std::int64_t fromDay, std::int64_t toDay, SettlementDateType type) const
{
    const auto [first, last] = settlementRange(fromDay, toDay, type);
    return last - first;
}

Json SandboxData::settlementAt(const SettlementEntry &entry) const
{
    if (entry.origin == Origin::Scenario)
        return m_seedSettlements[entry.owner];
    return m_merchant.settlement(entry.owner, entry.ordinal);
}

std::vector<SandboxData::NamedScenario> SandboxData::namedScenarios() const
{
    std::vector<NamedScenario> out;
    for (const ScenarioPayment &s : m_seeds.payments) {
        out.push_back({s.payment["orderId"].get<std::string>(), s.description, false});
        // seed 002's in-app orders read best right after the Core API seeds.
        if (out.size() == 2) {
            for (const ScenarioInAppOrder &order : m_seeds.inAppOrders)
                out.push_back({order.orderId, order.description, true});
        }
    }
    for (const GeneratedMerchant::PlantedAnomaly &a : m_merchant.anomalies())
        out.push_back({m_merchant.orderId(a.index), a.description, false});
    return out;
}

std::size_t SandboxData::memoryBytes() const
{
    return m_merchant.memoryBytes() + m_transactions.capacity() * sizeof(TransactionEntry)
           + m_keyIndex.capacity() * sizeof(m_keyIndex[0]) + m_settlements.capacity() * sizeof(SettlementEntry)
           + (m_bySoldDate.capacity() + m_byPaidOutDate.capacity()) * sizeof(std::uint32_t);
}

} // namespace paytriage
