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
    const Json *key = json::get(t.value, "paymentKey");
    if (!key || !key->is_string() || key->get_ref<const std::string &>().empty())
        return;
    const std::string &paymentKey = key->get_ref<const std::string &>();
    PaymentTrail &trail = trailFor(std::hash<std::string_view>{}(paymentKey));
    if (!trail.virtualAccount) {
        if (const Json *method = json::get(t.value, "method"); method && method->is_string())
            for (const std::string &va : m_virtualAccountMethods)
                if (method->get_ref<const std::string &>() == va)
                    trail.virtualAccount = true;
    }
    const Json *statusValue = json::get(t.value, "status");
    if (!statusValue || !statusValue->is_string())
        return;
    const std::string &status = statusValue->get_ref<const std::string &>();
    const bool done = status == "DONE";
    const bool cancel = status == "CANCELED" || status == "PARTIAL_CANCELED";
    if (!done && !cancel)
        return;
    const Json *atValue = json::get(t.value, "transactionAt");
    const auto at = atValue && atValue->is_string() ? parseTimestamp(atValue->get_ref<const std::string &>()) : std::nullopt;
    const std::int64_t ms = at ? at->msSinceEpoch : 0;
    if (done) {
        if (!trail.sawDone || ms < trail.firstDoneMs)
            trail.firstDoneMs = ms;
        trail.sawDone = true;
        return;
    }
    if (trail.sawCancel && ms >= trail.firstCancelMs)
        return;
    trail.firstCancelMs = ms;
    trail.sawCancel = true;
    trail.cancelAmount = json::number(t.value, "amount").value_or(0);
    if (trail.virtualAccount || !trail.sawDone || ms < trail.firstDoneMs) {
        if (!trail.detail) {
            m_details.emplace_back();
            trail.detail = static_cast<std::uint32_t>(m_details.size());
        }
        PaymentTrail::Detail &detail = m_details[trail.detail - 1];
        detail.paymentKey = paymentKey;
        detail.orderId = json::string(t.value, "orderId");
        detail.currency = json::string(t.value, "currency");
        detail.cancelDocument = t.document;
        detail.cancelPointer = std::string(t.pointer);
    }
}

const PaymentTrail *TransactionLedger::find(std::string_view paymentKey) const
{
    return trailAt(std::hash<std::string_view>{}(paymentKey));
}

namespace {

std::uint64_t slotKey(std::uint64_t hash)
{
    return hash == 0 ? 1 : hash;
}

} // namespace

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
