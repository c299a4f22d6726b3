#pragma once

// Where rules report findings. Every rule reports through it, so rule.h includes it; the
// analyzer owns one per analysis and takes the findings at the end.

#include "rules/finding.h"

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace paytriage {

// Collects findings as facts (rule, variant, places, args) and folds repeats; renderFinding()
// makes their wording from the catalog.
class FindingSink final
{
public:
    using Arg = FindingArg;

    // handOn: where findings that do not fold go at once (AnalyzerOptions::onFinding); empty: kept.
    explicit FindingSink(const std::map<std::string, Severity> &severityOverrides,
                         std::function<void(Finding &&)> handOn = {});

    // foldKey: findings with the same non-empty key are counted as one (over many records).
    void report(std::string_view rule, std::string_view variant, Severity severity,
                std::size_t document, std::vector<std::string> pointers, std::vector<Arg> args,
                std::string foldKey = {}, std::vector<FindingLocation> related = {});
    // Whether a finding of this rule was reported under this fold key (rules keep no state).
    bool reported(std::string_view rule, std::string_view foldKey) const;

    std::vector<Finding> take();
    std::array<std::size_t, 3> handedOn() const { return m_handedOn; }

    static Arg arg(std::string name, std::string value, bool evidence = true);
    static Arg arg(std::string name, LocalizedText value, bool evidence = true);

private:
    const std::map<std::string, Severity> &m_overrides;
    std::function<void(Finding &&)> m_handOn;
    std::array<std::size_t, 3> m_handedOn{};
    std::vector<Finding> m_findings;
    std::unordered_map<std::string, std::size_t> m_folded;
};

} // namespace paytriage
