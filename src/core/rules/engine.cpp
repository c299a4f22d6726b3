#include "rules/rule.h"

#include "util/jsonutil.h"

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

void TransactionLedger::add(const ObjectRef &t)
{
    const std::string paymentKey = json::string(t.value, "paymentKey");
    if (paymentKey.empty())
        return;
    PaymentTrail &trail = m_trails[paymentKey];
    ++trail.transactions;
    if (trail.orderId.empty())
        trail.orderId = json::string(t.value, "orderId");
    if (trail.method.empty())
        trail.method = json::string(t.value, "method");
    if (trail.currency.empty())
        trail.currency = json::string(t.value, "currency");
    const std::string status = json::string(t.value, "status");
    const auto at = parseTimestamp(json::string(t.value, "transactionAt"));
    const std::int64_t ms = at ? at->msSinceEpoch : 0;
    if (status == "DONE") {
        if (!trail.sawDone || ms < trail.firstDoneMs)
            trail.firstDoneMs = ms;
        trail.sawDone = true;
    } else if (status == "CANCELED" || status == "PARTIAL_CANCELED") {
        if (!trail.sawCancel || ms < trail.firstCancelMs) {
            trail.firstCancelMs = ms;
            trail.cancelDocument = t.document;
            trail.cancelPointer = std::string(t.pointer);
            trail.cancelAmount = json::number(t.value, "amount").value_or(0);
        }
        trail.sawCancel = true;
    }
}

const PaymentTrail *TransactionLedger::find(const std::string &paymentKey) const
{
    const auto it = m_trails.find(paymentKey);
    return it == m_trails.end() ? nullptr : &it->second;
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
