#pragma once

// Runs the timeline and every rule over a case. Lists (transactions, settlements, cash
// receipts) go record by record, so a streamed file of a million records analyses in constant
// memory; single objects (payments, errors, …) are checked once the lists are done, because
// some rules weigh a payment against what its transactions said.

#include "rules/findingsink.h"
#include "rules/rule.h"
#include "rules/transactionledger.h"

#include <QString>

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace paytriage {

struct AnalyzerOptions
{
    std::map<std::string, Severity> severityOverrides;  // per rule id (user preferences)
    std::size_t timelineLimit = 20000;                  // events kept; more are dropped (timelineTruncated)
    // Findings come back with their wording (renderFinding). A streamed dump's findings stay
    // facts instead, rendered one at a time as the report is written.
    bool renderFindings = true;
    // Set: each finding that does not fold with others goes here as soon as a rule reports it,
    // as facts, and is not kept (a dump of a million records where one payment in twenty has a
    // finding keeps none of them). Folded findings (one per rule and place, counted over many
    // records) still come back in Analysis::findings.
    std::function<void(Finding &&)> onFinding;
    // False: a transactions list's records are judged one by one only, and not noted in the
    // ledger that the rules weighing a payment's records together read. A period scan notes them
    // elsewhere (Session::addToLedger), a share of the payments at a time, to bound its memory.
    bool ledger = true;
};

struct Analysis
{
    std::vector<Finding> findings;          // most severe first, then in document order
    std::vector<TimelineEvent> timeline;
    bool timelineTruncated = false;
    std::size_t records = 0;                // list records seen
    std::int64_t analysedAtMs = 0;          // the clock's now (an --as-of time for pasted evidence)
    QString catalogVersion;                 // the catalog that judged it (Catalog::version)
    std::array<std::size_t, 3> handedOn{};  // by severity: findings given to AnalyzerOptions::onFinding

    bool hasWarnings() const;               // anything at warning or above
    std::optional<Severity> worst() const;
    std::array<std::size_t, 3> counts() const;  // by severity (Info, Warning, Critical), handed-on ones included
};

// What a case comes to, for an exit status or a row of batch results: an unrecognised document
// is never "clean" (nothing was checked in it).
enum class Verdict {
    Clean,         // recognised, and nothing at warning or above
    Findings,      // something at warning or above
    Unrecognised   // nothing at warning or above, and no document of a known kind
};
Verdict verdictOf(const Case &kase, const Analysis &analysis);
std::string_view verdictId(Verdict verdict);   // "clean", "findings", "unrecognised"

class Analyzer final
{
public:
    Analyzer(const Catalog &catalog, const Clock &clock, AnalyzerOptions options = {});
    ~Analyzer();

    class Session;
    // Streaming use: begin with the case (its list documents may be empty placeholders),
    // add each list record, then finish.
    std::unique_ptr<Session> begin(const Case &kase) const;
    // In-memory use: everything in one call.
    Analysis analyze(const Case &kase) const;

    const Catalog &catalog() const { return m_catalog; }
    std::vector<std::string> ruleIds() const;   // in registration order (settings, docs)

private:
    const Catalog &m_catalog;
    const Clock &m_clock;
    AnalyzerOptions m_options;
    std::vector<std::unique_ptr<Rule>> m_rules;
    std::vector<const Rule *> m_fieldRules;   // the rules that look at every field
    std::array<std::vector<const Rule *>, documentKindCount> m_objectRules;  // by kind: checksObjectsOf
    // The same less the rules that judge keys alone: for a streamed record with the keys of the
    // record before it (Rule::judgesKeysOnly).
    std::array<std::vector<const Rule *>, documentKindCount> m_repeatedKeysRules;
};

class Analyzer::Session final
{
public:
    // sameKeys: the record has the previous record's keys in the same order (StreamedRecord).
    void addRecord(const ObjectRef &record, bool sameKeys = false);
    // Notes a transaction record in the ledger only: no rule looks at it alone, and it is not
    // counted or put on the timeline (it was judged alone in another session).
    void addToLedger(const ObjectRef &transaction);
    Analysis finish();

private:
    friend class Analyzer;
    Session(const Analyzer &analyzer, const Case &kase);
    void check(const RuleContext &ctx, const ObjectRef &object, bool sameKeys = false);

    const Analyzer &m_analyzer;
    const Case &m_case;
    TransactionLedger m_ledger;
    TimelineBuilder m_timeline;
    FindingSink m_sink;
    FieldIndex m_fields;
    std::vector<TimelineEvent> m_noEvents;
    std::size_t m_records = 0;
};

} // namespace paytriage
