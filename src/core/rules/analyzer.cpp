#include "rules/analyzer.h"

#include <algorithm>
#include <bit>
#include <cassert>

namespace paytriage {

bool Analysis::hasWarnings() const
{
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding &f) { return f.severity != Severity::Info; });
}

std::optional<Severity> Analysis::worst() const
{
    std::optional<Severity> worst;
    for (const Finding &f : findings)
        if (!worst || f.severity > *worst)
            worst = f.severity;
    return worst;
}

Analyzer::Analyzer(const Catalog &catalog, const Clock &clock, AnalyzerOptions options)
    : m_catalog(catalog)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_rules(builtinRules())
{
    for (const auto &rule : m_rules) {
        if (rule->checksFields())
            m_fieldRules.push_back(rule.get());
        for (std::size_t kind = 0; kind < documentKindCount; ++kind)
            if (rule->checksObjectsOf(static_cast<DocumentKind>(kind)))
                m_objectRules[kind].push_back(rule.get());
    }
    // A visit names its rules in a 64-bit set.
    assert(m_fieldRules.size() <= 64);
}

Analyzer::~Analyzer() = default;

std::vector<std::string> Analyzer::ruleIds() const
{
    std::vector<std::string> ids;
    for (const auto &rule : m_rules)
        ids.emplace_back(rule->id());
    return ids;
}

std::unique_ptr<Analyzer::Session> Analyzer::begin(const Case &kase) const
{
    return std::unique_ptr<Session>(new Session(*this, kase));
}

Analyzer::Session::Session(const Analyzer &analyzer, const Case &kase)
    : m_analyzer(analyzer)
    , m_case(kase)
    , m_ledger(analyzer.m_catalog)
    , m_timeline(analyzer.m_catalog, analyzer.m_options.timelineLimit)
    , m_sink(analyzer.m_catalog, analyzer.m_options.severityOverrides)
    , m_fields(analyzer.m_catalog, [&analyzer](const FieldInfo *info) {
        std::uint64_t rules = 0;
        for (std::size_t i = 0; i < analyzer.m_fieldRules.size(); ++i)
            if (analyzer.m_fieldRules[i]->checksField(info))
                rules |= std::uint64_t(1) << i;
        return rules;
    })
{
}

void Analyzer::Session::check(const RuleContext &ctx, const ObjectRef &object, bool sameKeys)
{
    for (const Rule *rule : m_analyzer.m_objectRules[static_cast<std::size_t>(object.kind)])
        rule->checkObject(ctx, object, m_sink);
    if (m_analyzer.m_fieldRules.empty())
        return;
    m_fields.walk(recordKind(object.kind), object.value, object.pointer, [&](const FieldVisit &visit) {
        for (std::uint64_t rules = visit.rules; rules != 0; rules &= rules - 1)
            m_analyzer.m_fieldRules[std::countr_zero(rules)]->checkField(ctx, object, visit, m_sink);
    }, sameKeys);
}

void Analyzer::Session::addRecord(const ObjectRef &record, bool sameKeys)
{
    ++m_records;
    if (record.kind == DocumentKind::Transactions)
        m_ledger.add(record);
    else
        m_ledger.flush();  // the rules may read the ledger on other records
    m_timeline.add(record);
    // Records of the list are checked without the timeline (it is still growing).
    const RuleContext ctx{m_case, m_analyzer.m_catalog, m_analyzer.m_clock, m_ledger, m_noEvents};
    check(ctx, record, sameKeys);
}

Analysis Analyzer::Session::finish()
{
    m_ledger.flush();
    auto apiVersion = [this](std::size_t doc) -> std::string_view {
        return doc < m_case.documents.size() ? std::string_view(m_case.documents[doc].apiVersion) : std::string_view();
    };
    const std::vector<const std::vector<JsonRef> *> singles{&m_case.payments, &m_case.iapStatuses, &m_case.errors,
                                                            &m_case.webhooks, &m_case.depositCallbacks};
    const std::vector<DocumentKind> singleKinds{DocumentKind::Payment, DocumentKind::IapOrderStatus, DocumentKind::Error,
                                                DocumentKind::Webhook, DocumentKind::DepositCallback};
    for (std::size_t k = 0; k < singles.size(); ++k)
        for (const JsonRef &ref : *singles[k])
            m_timeline.add({singleKinds[k], ref.document, ref.pointer, *ref.value, apiVersion(ref.document)});

    Analysis analysis;
    analysis.timelineTruncated = m_timeline.truncated();
    analysis.timeline = m_timeline.take();
    analysis.records = m_records;

    const RuleContext ctx{m_case, m_analyzer.m_catalog, m_analyzer.m_clock, m_ledger, analysis.timeline};
    for (std::size_t k = 0; k < singles.size(); ++k)
        for (const JsonRef &ref : *singles[k])
            check(ctx, {singleKinds[k], ref.document, ref.pointer, *ref.value, apiVersion(ref.document)});
    for (const auto &rule : m_analyzer.m_rules)
        rule->checkCase(ctx, m_sink);

    analysis.findings = m_sink.take();
    std::stable_sort(analysis.findings.begin(), analysis.findings.end(), [](const Finding &a, const Finding &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        return a.document < b.document;
    });
    return analysis;
}

Analysis Analyzer::analyze(const Case &kase) const
{
    auto session = begin(kase);
    const std::pair<const std::vector<JsonRef> *, DocumentKind> lists[] = {
        {&kase.transactions, DocumentKind::Transactions},
        {&kase.settlements, DocumentKind::Settlements},
        {&kase.cashReceipts, DocumentKind::CashReceipts},
    };
    for (const auto &[refs, kind] : lists)
        for (const JsonRef &ref : *refs)
            session->addRecord({kind, ref.document, ref.pointer, *ref.value,
                                ref.document < kase.documents.size() ? std::string_view(kase.documents[ref.document].apiVersion)
                                                                     : std::string_view()});
    return session->finish();
}

} // namespace paytriage
