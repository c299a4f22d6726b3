#pragma once

// The rule interface. A rule is a small stateless class: it looks at one object at a time
// (checkObject: a payment, one transaction, one settlement, an error…) and/or at the whole
// case once every object was seen (checkCase). Huge lists are streamed: then a record only
// lives during its checkObject call, and cross-record facts come from the TransactionLedger.

#include "catalog/catalog.h"
#include "model/document.h"
#include "rules/finding.h"
#include "timeline/timeline.h"
#include "util/clock.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace paytriage {

// What the transactions say about each payment, gathered record by record.
struct PaymentTrail
{
    std::string orderId;
    std::string method;
    std::size_t transactions = 0;
    bool sawDone = false;
    std::int64_t firstDoneMs = 0;
    bool sawCancel = false;                // CANCELED or PARTIAL_CANCELED
    std::int64_t firstCancelMs = 0;
    double cancelAmount = 0;
    std::string currency;
    std::size_t cancelDocument = 0;
    std::string cancelPointer;
};

class TransactionLedger final
{
public:
    void add(const ObjectRef &transaction);
    const std::unordered_map<std::string, PaymentTrail> &trails() const { return m_trails; }
    const PaymentTrail *find(const std::string &paymentKey) const;

private:
    std::unordered_map<std::string, PaymentTrail> m_trails;
};

// Collects findings; renders their wording from the catalog and folds repeats.
class FindingSink final
{
public:
    struct Arg
    {
        std::string name;
        LocalizedText value;
        bool evidence = true;   // false: only fills the wording
    };

    FindingSink(const Catalog &catalog, const std::map<std::string, Severity> &severityOverrides);

    // foldKey: findings with the same non-empty key are counted as one (over many records).
    void report(std::string_view rule, std::string_view variant, Severity severity,
                std::size_t document, std::vector<std::string> pointers, std::vector<Arg> args,
                std::string foldKey = {});

    std::vector<Finding> take();

    static Arg arg(std::string name, std::string value, bool evidence = true);
    static Arg arg(std::string name, LocalizedText value, bool evidence = true);

private:
    const Catalog &m_catalog;
    const std::map<std::string, Severity> &m_overrides;
    std::vector<Finding> m_findings;
    std::unordered_map<std::string, std::size_t> m_folded;
};

struct RuleContext
{
    const Case &kase;
    const Catalog &catalog;
    const Clock &clock;
    const TransactionLedger &ledger;
    const std::vector<TimelineEvent> &timeline;
};

class Rule
{
public:
    virtual ~Rule() = default;
    virtual std::string_view id() const = 0;
    virtual void checkObject(const RuleContext &, const ObjectRef &, FindingSink &) const {}
    virtual void checkCase(const RuleContext &, FindingSink &) const {}
};

// Every built-in rule, in the order of the design's table. The one place rules are registered.
std::vector<std::unique_ptr<Rule>> builtinRules();
std::vector<std::string> builtinRuleIds();

} // namespace paytriage
