#include "rules/analyzer.h"

#include "rules/builtinrules.h"

#include <algorithm>
#include <bit>
#include <cassert>

namespace paytriage {

std::array<std::size_t, 3> Analysis::counts() const
{
    std::array<std::size_t, 3> all = handedOn;
    for (const Finding &f : findings)
        ++all[static_cast<std::size_t>(f.severity)];
    return all;
}

bool Analysis::hasWarnings() const
{
    const auto all = counts();
    return all[static_cast<std::size_t>(Severity::Warning)] + all[static_cast<std::size_t>(Severity::Critical)] > 0;
}

std::optional<Severity> Analysis::worst() const
{
    const auto all = counts();
    for (const Severity s : {Severity::Critical, Severity::Warning, Severity::Info})
        if (all[static_cast<std::size_t>(s)] > 0)
            return s;
    return std::nullopt;
}

Verdict verdictOf(const Case &kase, const Analysis &analysis)
{
    if (analysis.hasWarnings())
        return Verdict::Findings;
    const bool recognised = std::any_of(kase.documents.begin(), kase.documents.end(),
                                        [](const Document &d) { return d.kind != DocumentKind::Unknown; });
    return recognised ? Verdict::Clean : Verdict::Unrecognised;
}

std::string_view verdictId(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Clean: return "clean";
    case Verdict::Findings: return "findings";
    case Verdict::Unrecognised: return "unrecognised";
    }
    return "clean";
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
        for (std::size_t kind = 0; kind < documentKindCount; ++kind) {
            if (!rule->checksObjectsOf(static_cast<DocumentKind>(kind)))
                continue;
            m_objectRules[kind].push_back(rule.get());
            if (!rule->judgesKeysOnly())
                m_repeatedKeysRules[kind].push_back(rule.get());
        }
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
    , m_timeline(analyzer.m_catalog, analyzer.m_options.timelineLimit, &kase)
    , m_sink(analyzer.m_options.severityOverrides, analyzer.m_options.onFinding)
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
    const auto &objectRules = sameKeys ? m_analyzer.m_repeatedKeysRules : m_analyzer.m_objectRules;
    for (const Rule *rule : objectRules[static_cast<std::size_t>(object.kind)])
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
    if (record.kind == DocumentKind::Transactions && m_analyzer.m_options.ledger)
        m_ledger.add(record);
    else
        m_ledger.flush();  // the rules may read the ledger on other records
    m_timeline.add(record);
    // Records of the list are checked without the timeline (it is still growing).
    const RuleContext ctx{m_case, m_analyzer.m_catalog, m_analyzer.m_clock, m_ledger, m_noEvents};
    check(ctx, record, sameKeys);
}

void Analyzer::Session::addToLedger(const ObjectRef &transaction)
{
    m_ledger.add(transaction);
}

Analysis Analyzer::Session::finish()
{
    m_ledger.flush();
    auto apiVersion = [this](std::size_t doc) -> std::string_view {
        return doc < m_case.documents.size() ? std::string_view(m_case.documents[doc].apiVersion) : std::string_view();
    };
    // Objects that are not records of a list: payments, errors, webhooks and their bodies, …
    std::vector<DocumentKind> singleKinds;
    for (std::size_t k = 0; k < documentKindCount; ++k) {
        const auto kind = static_cast<DocumentKind>(k);
        if (!isListKind(kind) && kind != DocumentKind::Unknown)
            singleKinds.push_back(kind);
    }
    for (const DocumentKind kind : singleKinds)
        for (const JsonRef &ref : m_case.of(kind))
            m_timeline.add({kind, ref.document, ref.pointer, *ref.value, apiVersion(ref.document)});

    Analysis analysis;
    analysis.timelineTruncated = m_timeline.truncated();
    analysis.timeline = m_timeline.take();
    analysis.records = m_records;
    analysis.analysedAtMs = m_analyzer.m_clock.nowMs();
    analysis.catalogVersion = m_analyzer.m_catalog.version();

    const RuleContext ctx{m_case, m_analyzer.m_catalog, m_analyzer.m_clock, m_ledger, analysis.timeline};
    for (const DocumentKind kind : singleKinds)
        for (const JsonRef &ref : m_case.of(kind))
            check(ctx, {kind, ref.document, ref.pointer, *ref.value, apiVersion(ref.document)});
    for (const auto &rule : m_analyzer.m_rules)
        rule->checkCase(ctx, m_sink);

    analysis.findings = m_sink.take();
    analysis.handedOn = m_sink.handedOn();
    if (m_analyzer.m_options.renderFindings)
        for (Finding &f : analysis.findings)
            renderFinding(m_analyzer.m_catalog, f);
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
    const auto apiVersion = [&kase](std::size_t doc) {
        return doc < kase.documents.size() ? std::string_view(kase.documents[doc].apiVersion) : std::string_view();
    };
    for (const DocumentKind kind : {DocumentKind::Transactions, DocumentKind::Settlements, DocumentKind::CashReceipts})
        for (const JsonRef &ref : kase.of(kind))
            session->addRecord({kind, ref.document, ref.pointer, *ref.value, apiVersion(ref.document)});
    // Records of a list that are none of its kinds go through as well (unrecognised-document
    // counts them); documents of no known kind as a whole are checked with the case.
    for (const JsonRef &ref : kase.of(DocumentKind::Unknown))
        if (ref.document < kase.documents.size() && kase.documents[ref.document].kind != DocumentKind::Unknown)
            session->addRecord({DocumentKind::Unknown, ref.document, ref.pointer, *ref.value, apiVersion(ref.document)});
    return session->finish();
}

} // namespace paytriage
