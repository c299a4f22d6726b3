#include "rules/findingsink.h"

#include <utility>

namespace paytriage {

FindingSink::FindingSink(const std::map<std::string, Severity> &severityOverrides,
                         std::function<void(Finding &&)> handOn)
    : m_overrides(severityOverrides)
    , m_handOn(std::move(handOn))
{
}

FindingSink::Arg FindingSink::arg(std::string name, std::string value, bool evidence)
{
    return {std::move(name), std::move(value), {}, evidence};
}

FindingSink::Arg FindingSink::arg(std::string name, LocalizedText value, bool evidence)
{
    std::string ko = value.ko == value.en ? std::string() : std::move(value.ko);
    return {std::move(name), std::move(value.en), std::move(ko), evidence};
}

bool FindingSink::reported(std::string_view rule, std::string_view foldKey) const
{
    return m_folded.contains(std::string(rule) + '|' + std::string(foldKey));
}

void FindingSink::report(std::string_view rule, std::string_view variant, Severity severity,
                         std::size_t document, std::vector<std::string> pointers, std::vector<Arg> args,
                         std::string foldKey, std::vector<FindingLocation> related)
{
    // Findings the analysis keeps fold when they say the same thing: a paste of 100,000 copies of
    // one error object makes one finding seen 100,000 times, not 100,000 findings. (Findings handed
    // on as they come are never kept, so never folded by what they say.)
    if (foldKey.empty() && !m_handOn) {
        foldKey.assign(1, '\x1d');
        foldKey += variant;
        for (const Arg &a : args) {
            foldKey += '\x1f';
            foldKey += a.name;
            foldKey += '=';
            foldKey += a.value;
            foldKey += '\x1e';
            foldKey += a.valueKo;
        }
    }
    const bool folds = !foldKey.empty();
    if (folds) {
        foldKey = std::string(rule) + '|' + foldKey;
        const auto it = m_folded.find(foldKey);
        if (it != m_folded.end()) {
            Finding &f = m_findings[it->second];
            ++f.occurrences;
            // Keep a few more places so the user can jump to them; not all of a million.
            constexpr std::size_t kPlaces = 20;
            if (!pointers.empty()) {
                if (document == f.document && f.pointers.size() < kPlaces)
                    f.pointers.push_back(std::move(pointers.front()));
                else if (document != f.document && f.related.size() < kPlaces)
                    f.related.push_back({document, std::move(pointers.front())});
            }
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
    f.related = std::move(related);
    f.args = std::move(args);
    if (m_handOn && !folds) {
        ++m_handedOn[static_cast<std::size_t>(f.severity)];
        m_handOn(std::move(f));
        return;
    }
    m_findings.push_back(std::move(f));
}

std::vector<Finding> FindingSink::take()
{
    m_folded.clear();
    return std::move(m_findings);
}

} // namespace paytriage
