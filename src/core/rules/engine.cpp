#include "rules/rule.h"

#include "util/jsonutil.h"
#include "util/timestamp.h"

#include <algorithm>
#include <utility>

namespace paytriage {

namespace json {

std::string brief(const Json *value)
{
    if (!value)
        return "(missing)";
    if (value->is_string())
        return '"' + value->get<std::string>() + '"';
    if (value->is_object())
        return value->empty() ? "{}" : "{…}";
    if (value->is_array())
        return value->empty() ? "[]" : "[…]";
    return value->dump();
}

} // namespace json

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
    Pending &next = m_pending[m_next];
    next.active = true;
    next.key = slotKey(std::hash<std::string_view>{}(*paymentKey));
    next.virtualAccount = false;
    if (const std::string *method = m_method.string(t.value))
        next.virtualAccount = std::find(m_virtualAccountMethods.begin(), m_virtualAccountMethods.end(), *method)
                              != m_virtualAccountMethods.end();
    next.event = Pending::Event::None;
    if (const std::string *status = m_status.string(t.value)) {
        if (*status == "DONE")
            next.event = Pending::Event::Done;
        else if (*status == "CANCELED" || *status == "PARTIAL_CANCELED")
            next.event = Pending::Event::Cancel;
    }
    if (next.event != Pending::Event::None) {
        const std::string *at = m_transactionAt.string(t.value);
        const auto parsed = at ? parseTimestamp(*at) : std::nullopt;
        next.ms = parsed ? parsed->msSinceEpoch : 0;
    }
    if (next.event == Pending::Event::Cancel) {
        const Json *amount = m_amount.find(t.value);
        next.amount = amount && amount->is_number() ? amount->get<double>() : 0;
        const auto copy = [&](json::KeyCursor &cursor, std::string &to) {
            const std::string *value = cursor.string(t.value);
            to.assign(value ? *value : std::string_view());
        };
        next.paymentKey.assign(*paymentKey);
        copy(m_orderId, next.orderId);
        copy(m_currency, next.currency);
        next.document = t.document;
        next.pointer.assign(t.pointer);
    }
    if (!m_slots.empty()) {
        const char *slot = reinterpret_cast<const char *>(&m_slots[home(next.key)]);
        prefetch(slot);
        prefetch(slot + sizeof(Slot) - 1);  // a slot may straddle two cache lines
    }
    m_next = 1 - m_next;
    apply(m_pending[m_next]);
}

void TransactionLedger::flush()
{
    apply(m_pending[m_next]);
    apply(m_pending[1 - m_next]);
}

void TransactionLedger::apply(Pending &p)
{
    if (!p.active)
        return;
    p.active = false;
    PaymentTrail &trail = trailFor(p.key);
    trail.virtualAccount = trail.virtualAccount || p.virtualAccount;
    if (p.event == Pending::Event::Done) {
        if (!trail.sawDone || p.ms < trail.firstDoneMs)
            trail.firstDoneMs = p.ms;
        trail.sawDone = true;
        return;
    }
    if (p.event != Pending::Event::Cancel || (trail.sawCancel && p.ms >= trail.firstCancelMs))
        return;
    trail.firstCancelMs = p.ms;
    trail.sawCancel = true;
    trail.cancelAmount = p.amount;
    if (trail.virtualAccount || !trail.sawDone || p.ms < trail.firstDoneMs) {
        if (!trail.detail) {
            m_details.emplace_back();
            trail.detail = static_cast<std::uint32_t>(m_details.size());
        }
        PaymentTrail::Detail &detail = m_details[trail.detail - 1];
        detail.paymentKey = p.paymentKey;
        detail.orderId = p.orderId;
        detail.currency = p.currency;
        detail.cancelDocument = p.document;
        detail.cancelPointer = p.pointer;
    }
}

const PaymentTrail *TransactionLedger::find(std::string_view paymentKey) const
{
    return trailAt(std::hash<std::string_view>{}(paymentKey));
}

// The slot a key would sit in without collisions. A remainder rather than a mask: the size
// need not be a power of two, so the table grows by half rather than doubling (a division is
// nothing beside the cache miss that follows).
std::size_t TransactionLedger::home(std::uint64_t key) const
{
    return static_cast<std::size_t>(key % m_slots.size());
}

PaymentTrail &TransactionLedger::trailFor(std::uint64_t hash)
{
    const std::uint64_t key = slotKey(hash);
    if ((m_used + 1) * 4 > m_slots.size() * 3) {
        const std::size_t grown = std::max<std::size_t>(1024, m_slots.size() + m_slots.size() / 2);
        std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(grown));
        for (Slot &slot : old) {
            if (slot.key == 0)
                continue;
            std::size_t i = home(slot.key);
            while (m_slots[i].key != 0)
                i = i + 1 == m_slots.size() ? 0 : i + 1;
            m_slots[i] = slot;
        }
    }
    std::size_t i = home(key);
    while (m_slots[i].key != 0 && m_slots[i].key != key)
        i = i + 1 == m_slots.size() ? 0 : i + 1;
    if (m_slots[i].key == 0) {
        m_slots[i].key = key;
        ++m_used;
    }
    return m_slots[i].trail;
}

const PaymentTrail *TransactionLedger::trailAt(std::uint64_t hash) const
{
    if (m_slots.empty())
        return nullptr;
    const std::uint64_t key = slotKey(hash);
    for (std::size_t i = home(key);; i = i + 1 == m_slots.size() ? 0 : i + 1) {
        if (m_slots[i].key == key)
            return &m_slots[i].trail;
        if (m_slots[i].key == 0)
            return nullptr;
    }
}

FindingSink::FindingSink(const Catalog &catalog, const std::map<std::string, Severity> &severityOverrides)
    : m_catalog(catalog)
    , m_overrides(severityOverrides)
{
}

FindingSink::Arg FindingSink::arg(std::string name, std::string value, bool evidence)
{
    LocalizedText text{value, value};
    return {std::move(name), std::move(text), evidence};
}

FindingSink::Arg FindingSink::arg(std::string name, LocalizedText value, bool evidence)
{
    return {std::move(name), std::move(value), evidence};
}

void FindingSink::report(std::string_view rule, std::string_view variant, Severity severity,
                         std::size_t document, std::vector<std::string> pointers, std::vector<Arg> args,
                         std::string foldKey)
{
    if (!foldKey.empty()) {
        foldKey = std::string(rule) + '|' + foldKey;
        const auto it = m_folded.find(foldKey);
        if (it != m_folded.end()) {
            Finding &f = m_findings[it->second];
            ++f.occurrences;
            // Keep a few more places so the user can jump to them; not all of a million.
            if (f.pointers.size() < 20 && !pointers.empty())
                f.pointers.push_back(std::move(pointers.front()));
            return;
        }
        m_folded.emplace(std::move(foldKey), m_findings.size());
    }

    Finding f;
    f.rule = std::string(rule);
    f.variant = std::string(variant);
    const auto override = m_overrides.find(f.rule);
    f.severity = override == m_overrides.end() ? severity : override->second;
    f.document = document;
    f.pointers = std::move(pointers);

    std::vector<std::pair<std::string, std::string>> ko, en;
    for (const Arg &a : args) {
        ko.emplace_back(a.name, a.value.in(Language::Korean));
        en.emplace_back(a.name, a.value.in(Language::English));
        if (a.evidence)
            f.evidence.push_back({a.name, a.value.in(Language::English)});
    }
    const MessageTexts texts = m_catalog.message(f.rule + '.' + f.variant);
    auto fill = [&](const LocalizedText &t) { return LocalizedText{substitute(t.ko, ko), substitute(t.en, en)}; };
    f.title = fill(texts.title);
    f.detail = fill(texts.detail);
    f.advice = fill(texts.advice);
    m_findings.push_back(std::move(f));
}

std::vector<Finding> FindingSink::take()
{
    m_folded.clear();
    return std::move(m_findings);
}

} // namespace paytriage
