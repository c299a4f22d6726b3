#include "report/casediff.h"

#include <set>
#include <utility>

namespace paytriage {
namespace {

// The first payment (else in-app order status) object of a look, and its kind.
std::pair<const Json *, DocumentKind> mainObject(const std::vector<Document> &documents)
{
    for (const DocumentKind kind : {DocumentKind::Payment, DocumentKind::IapOrderStatus})
        for (const Document &d : documents)
            if (d.kind == kind && d.payload().is_object())
                return {&d.payload(), kind};
    return {nullptr, DocumentKind::Unknown};
}

std::size_t recordsOf(const std::vector<Document> &documents, DocumentKind kind)
{
    std::size_t n = 0;
    for (const Document &d : documents)
        if (d.kind == kind)
            n += d.payload().is_array() ? d.payload().size() : 1;
    return n;
}

constexpr std::size_t maxDepth = 16;  // payments nest three or four deep

void diffValues(const Json &before, const Json &after, std::string &pointer, std::size_t depth,
                std::vector<FieldChange> &out)
{
    if (before == after)
        return;
    const auto add = [&](FieldChange::Kind kind) { out.push_back({kind, pointer, before, after}); };
    if (before.is_null()) {
        add(FieldChange::Kind::Filled);
        return;
    }
    if (after.is_null()) {
        add(FieldChange::Kind::Emptied);
        return;
    }
    const std::size_t length = pointer.size();
    if (depth < maxDepth && before.is_object() && after.is_object()) {
        for (auto it = after.begin(); it != after.end(); ++it) {
            pointer = pointerAppend(pointer, it.key());
            if (const auto was = before.find(it.key()); was != before.end())
                diffValues(*was, *it, pointer, depth + 1, out);
            else
                out.push_back({FieldChange::Kind::Added, pointer, Json(), *it});
            pointer.resize(length);
        }
        for (auto it = before.begin(); it != before.end(); ++it)
            if (!after.contains(it.key())) {
                pointer = pointerAppend(pointer, it.key());
                out.push_back({FieldChange::Kind::Removed, pointer, *it, Json()});
                pointer.resize(length);
            }
        return;
    }
    if (depth < maxDepth && before.is_array() && after.is_array()) {
        const std::size_t common = std::min(before.size(), after.size());
        for (std::size_t i = 0; i < std::max(before.size(), after.size()); ++i) {
            pointer = pointerAppend(pointer, i);
            if (i < common)
                diffValues(before[i], after[i], pointer, depth + 1, out);
            else if (i < after.size())
                out.push_back({FieldChange::Kind::Added, pointer, Json(), after[i]});
            else
                out.push_back({FieldChange::Kind::Removed, pointer, before[i], Json()});
            pointer.resize(length);
        }
        return;
    }
    add(FieldChange::Kind::Changed);
}

// A finding is the same on both sides when the same rule says it of the same place.
std::string keyOf(const Finding &f)
{
    return f.rule + ' ' + (f.pointers.empty() ? std::string() : f.pointers.front());
}

std::vector<const Finding *> missingFrom(const Analysis &from, const Analysis &in)
{
    std::set<std::string> there;
    for (const Finding &f : in.findings)
        there.insert(keyOf(f));
    std::vector<const Finding *> out;
    for (const Finding &f : from.findings)
        if (!there.count(keyOf(f)))
            out.push_back(&f);
    return out;
}

} // namespace

bool CaseDiff::empty() const
{
    return fields.empty() && transactionsBefore == transactionsAfter && settlementsBefore == settlementsAfter
           && appeared.empty() && cleared.empty();
}

CaseDiff diffCases(const std::vector<Document> &before, const Analysis &beforeAnalysis,
                   const std::vector<Document> &after, const Analysis &afterAnalysis)
{
    CaseDiff diff;
    const auto [was, wasKind] = mainObject(before);
    const auto [now, nowKind] = mainObject(after);
    diff.kind = nowKind != DocumentKind::Unknown ? nowKind : wasKind;
    diff.comparable = was && now && wasKind == nowKind;
    if (diff.comparable) {
        std::string pointer;
        diffValues(*was, *now, pointer, 0, diff.fields);
    }
    diff.transactionsBefore = recordsOf(before, DocumentKind::Transactions);
    diff.transactionsAfter = recordsOf(after, DocumentKind::Transactions);
    diff.settlementsBefore = recordsOf(before, DocumentKind::Settlements);
    diff.settlementsAfter = recordsOf(after, DocumentKind::Settlements);
    diff.appeared = missingFrom(afterAnalysis, beforeAnalysis);
    diff.cleared = missingFrom(beforeAnalysis, afterAnalysis);
    return diff;
}

} // namespace paytriage
