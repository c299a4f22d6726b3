#include "rules/transactionledger.h"

#include "catalog/catalog.h"
#include "model/document.h"
#include "util/timestamp.h"

#include <algorithm>
#include <cassert>
#include <functional>
#include <utility>

namespace paytriage {

namespace {

std::uint64_t slotKey(std::uint64_t hash)
{
    return hash == 0 ? 1 : hash;
}

// A hint to start loading a cache line; a no-op where the compiler has no such builtin.
void prefetch([[maybe_unused]] const void *address)
{
#if defined(__GNUC__)
    __builtin_prefetch(address);
#endif
}

} // namespace

TransactionLedger::TransactionLedger(const Catalog &catalog)
    : m_partitions(std::size_t(1) << kPartitionBits)
{
    if (const Json *methods = json::get(catalog.root(), "enums")) {
        const Json *spec = json::get(*methods, "payment.method");
        const Json *values = spec ? json::get(*spec, "values") : nullptr;
        if (values && values->is_object())
            for (auto it = values->begin(); it != values->end(); ++it)
                if (json::string(*it, "detailField") == "virtualAccount")
                    m_virtualAccountMethods.push_back(it.key());
    }
}

void TransactionLedger::add(const ObjectRef &t)
{
    const std::string *paymentKey = m_paymentKey.string(t.value);
    if (!paymentKey || paymentKey->empty())
        return;
    Fact fact;
    fact.key = slotKey(std::hash<std::string_view>{}(*paymentKey));
    if (const std::string *method = m_method.string(t.value))
        fact.virtualAccount = std::any_of(m_virtualAccountMethods.begin(), m_virtualAccountMethods.end(),
                                          [method](const std::string &va) { return json::sameText(*method, va); });
    if (const std::string *status = m_status.string(t.value)) {
        if (json::sameText(*status, "DONE"))
            fact.event = Fact::Event::Done;
        else if (json::sameText(*status, "CANCELED") || json::sameText(*status, "PARTIAL_CANCELED"))
            fact.event = Fact::Event::Cancel;
    }
    if (fact.event != Fact::Event::None) {
        const std::string *at = m_transactionAt.string(t.value);
        const auto parsed = at ? parseTimestamp(*at) : std::nullopt;
        fact.ms = parsed ? parsed->msSinceEpoch : 0;
    }
    if (fact.event == Fact::Event::Cancel) {
        // The cancels of the previous batch are overwritten in place: their strings' storage is reused.
        if (m_cancelsUsed == m_cancels.size())
            m_cancels.emplace_back();
        CancelFact &cancel = m_cancels[m_cancelsUsed++];
        const Json *amount = m_amount.find(t.value);
        cancel.hasAmount = amount && amount->is_number();
        cancel.amount = cancel.hasAmount ? amount->get<double>() : 0;
        cancel.document = t.document;
        cancel.paymentKey.assign(*paymentKey);
        const std::string *orderId = m_orderId.string(t.value);
        cancel.orderId.assign(orderId ? std::string_view(*orderId) : std::string_view());
        const std::string *currency = m_currency.string(t.value);
        cancel.currency.assign(currency ? std::string_view(*currency) : std::string_view());
        cancel.pointer.assign(t.pointer);
        fact.cancel = static_cast<std::uint32_t>(m_cancelsUsed);
    }
    m_partitions[partitionOf(fact.key)].log.push_back(fact);
    if (++m_logged >= kFoldEvery)
        flush();
}

void TransactionLedger::flush()
{
    if (m_logged == 0)
        return;
    // A few facts ahead, the CPU is asked for the slot the fact will update: the facts are
    // independent, so their cache misses overlap instead of coming one after another.
    constexpr std::size_t ahead = 16;
    for (Partition &partition : m_partitions) {
        const std::vector<Fact> &log = partition.log;
        for (std::size_t i = 0; i < log.size(); ++i) {
            if (i + ahead < log.size() && !partition.table.empty()) {
                const Slot *slot = &partition.table[log[i + ahead].key % partition.table.size()];
                prefetch(slot);
                prefetch(reinterpret_cast<const char *>(slot) + sizeof(Slot) - 1);  // it may straddle two lines
            }
            apply(partition, log[i]);
        }
        partition.log.clear();
    }
    m_logged = 0;
    m_cancelsUsed = 0;
}

void TransactionLedger::apply(Partition &partition, const Fact &fact)
{
    PaymentTrail &trail = trailFor(partition, fact.key);
    trail.virtualAccount = trail.virtualAccount || fact.virtualAccount;
    if (fact.event == Fact::Event::Done) {
        if (!trail.sawDone || fact.ms < trail.firstDoneMs)
            trail.firstDoneMs = fact.ms;
        trail.sawDone = true;
        return;
    }
    if (fact.event != Fact::Event::Cancel || (trail.sawCancel && fact.ms >= trail.firstCancelMs))
        return;
    const CancelFact &cancel = m_cancels[fact.cancel - 1];
    trail.firstCancelMs = fact.ms;
    trail.sawCancel = true;
    trail.cancelAmount = cancel.amount;
    if (trail.virtualAccount || !trail.sawDone || fact.ms < trail.firstDoneMs) {
        if (!trail.detail) {
            m_details.emplace_back();
            trail.detail = static_cast<std::uint32_t>(m_details.size());
        }
        PaymentTrail::Detail &detail = m_details[trail.detail - 1];
        detail.paymentKey = cancel.paymentKey;
        detail.orderId = cancel.orderId;
        detail.currency = cancel.currency;
        detail.cancelDocument = cancel.document;
        detail.cancelPointer = cancel.pointer;
        detail.cancelHasAmount = cancel.hasAmount;
    }
}

const PaymentTrail *TransactionLedger::find(std::string_view paymentKey) const
{
    assert(m_logged == 0);  // flush() first
    const std::uint64_t key = slotKey(std::hash<std::string_view>{}(paymentKey));
    return trailAt(m_partitions[partitionOf(key)], key);
}

// A slot's home is the key's remainder rather than a mask: the size need not be a power of two,
// so a table grows by half rather than doubling (a division is nothing beside a cache miss).
PaymentTrail &TransactionLedger::trailFor(Partition &partition, std::uint64_t key)
{
    std::vector<Slot> &table = partition.table;
    if ((partition.used + 1) * 4 > table.size() * 3) {
        const std::size_t grown = std::max<std::size_t>(64, table.size() + table.size() / 2);
        std::vector<Slot> old = std::exchange(table, std::vector<Slot>(grown));
        for (const Slot &slot : old) {
            if (slot.key == 0)
                continue;
            std::size_t i = slot.key % table.size();
            while (table[i].key != 0)
                i = i + 1 == table.size() ? 0 : i + 1;
            table[i] = slot;
        }
    }
    std::size_t i = key % table.size();
    while (table[i].key != 0 && table[i].key != key)
        i = i + 1 == table.size() ? 0 : i + 1;
    if (table[i].key == 0) {
        table[i].key = key;
        ++partition.used;
    }
    return table[i].trail;
}

const PaymentTrail *TransactionLedger::trailAt(const Partition &partition, std::uint64_t key)
{
    const std::vector<Slot> &table = partition.table;
    if (table.empty())
        return nullptr;
    for (std::size_t i = key % table.size();; i = i + 1 == table.size() ? 0 : i + 1) {
        if (table[i].key == key)
            return &table[i].trail;
        if (table[i].key == 0)
            return nullptr;
    }
}

} // namespace paytriage
