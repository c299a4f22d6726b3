#pragma once

// What changed between two looks at one payment: a pasted answer and the live one, or two
// snapshots of the history. Field by field on the payment (or in-app order status) object, the
// number of transactions and settlement rows, and the findings that appeared or cleared.

#include "model/document.h"
#include "rules/analyzer.h"

#include <string>
#include <vector>

namespace paytriage {

struct FieldChange
{
    enum class Kind {
        Changed,  // a different value
        Filled,   // null before, a value now (seed 000's approvedAt, method, card …)
        Emptied,  // a value before, null now
        Added,    // not there before (also: left out of a trimmed paste)
        Removed   // there before, not now
    };
    Kind kind = Kind::Changed;
    std::string pointer;  // in the payment object: "/status", "/cancels/1"
    Json before;          // null for Added
    Json after;           // null for Removed
};

struct CaseDiff
{
    DocumentKind kind = DocumentKind::Unknown;  // of the objects compared (Payment, IapOrderStatus)
    bool comparable = false;                    // both sides hold one; else only counts and findings
    std::vector<FieldChange> fields;            // in the order of the newer object's fields
    std::size_t transactionsBefore = 0, transactionsAfter = 0;
    std::size_t settlementsBefore = 0, settlementsAfter = 0;
    std::vector<const Finding *> appeared;      // into the newer analysis
    std::vector<const Finding *> cleared;       // into the older analysis

    bool empty() const;
};

// before/after: the documents and analysis of each look (the analyses must outlive the diff:
// it points into their findings). Whole arrays added at their end (a new cancel) are one
// change each, not one per field.
CaseDiff diffCases(const std::vector<Document> &before, const Analysis &beforeAnalysis,
                   const std::vector<Document> &after, const Analysis &afterAnalysis);

} // namespace paytriage
