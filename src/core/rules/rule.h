#pragma once

// The rule interface: what a rule author reads. A rule is a small stateless class: it looks at
// one object at a time (checkObject: a payment, one transaction, one settlement, an error…)
// and/or at the whole case once every object was seen (checkCase), and reports to a
// FindingSink. Huge lists are streamed: then a record only lives during its checkObject call,
// and cross-record facts come from the TransactionLedger (rules/transactionledger.h, included
// by the rules that read it). How the analyzer runs the rules is in rules/analyzer.h, and
// where they are registered in rules/builtinrules.h.

#include "catalog/catalog.h"
#include "model/document.h"
#include "rules/fieldwalk.h"
#include "rules/findingsink.h"
#include "timeline/timeline.h"
#include "util/clock.h"

#include <string_view>
#include <vector>

namespace paytriage {

// Rules read the ledger and never write it (the const reference); its layout, and how it is
// filled, stay out of this header.
class TransactionLedger;

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
    // The kinds of object checkObject looks at; objects of other kinds never reach it (a
    // streamed dump has a million records, mostly of a kind few rules read one by one).
    virtual bool checksObjectsOf(DocumentKind) const { return false; }
    virtual void checkObject(const RuleContext &, const ObjectRef &, FindingSink &) const {}
    // Whether checkObject's answer depends on the object's keys alone, not their values: then a
    // streamed record with the keys of the record before it, in the same order, is not shown to
    // it (it would lack what that one lacked). Whether the keys repeat is the streaming
    // reader's business, kept inside the analyzer.
    virtual bool judgesKeysOnly() const { return false; }
    // Field-level rules say so, and then see every member of every object (nested ones too)
    // through checkField, from the analyzer's single walk.
    virtual bool checksFields() const { return false; }
    // Of those, whether checkField wants the fields the catalog describes so (nullptr: fields it
    // does not know). Asked once per catalog field; other fields never reach checkField.
    virtual bool checksField(const FieldInfo *) const { return true; }
    virtual void checkField(const RuleContext &, const ObjectRef &, const FieldVisit &, FindingSink &) const {}
    virtual void checkCase(const RuleContext &, FindingSink &) const {}
};

} // namespace paytriage
