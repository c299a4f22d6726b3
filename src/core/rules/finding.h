#pragma once

#include "util/text.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paytriage {

class Catalog;

enum class Severity {
    Info,
    Warning,
    Critical
};

std::string_view severityId(Severity severity);             // "info", "warning", "critical"
bool severityFromId(std::string_view id, Severity *severity);
QString severityName(Severity severity);                    // "Critical", "Warning", "Info" in the UI language

struct Evidence
{
    std::string name;     // a field name or a short label ("totalAmount", "expected")
    std::string value;    // as shown to the user (English where the languages differ)
    std::string valueKo;  // empty: the same as value (22,400원 where value is KRW 22,400)

    const std::string &in(Language language) const
    {
        return language == Language::Korean && !valueKo.empty() ? valueKo : value;
    }
};

// One fact a rule reported with a finding: the values its wording is made of. Most read the same
// in both languages (an amount, a key), so the Korean text is kept only where it differs.
struct FindingArg
{
    std::string name;
    std::string value;    // English, or both languages
    std::string valueKo;  // empty: the same as value
    bool evidence = true; // shown as evidence; false: only fills the wording

    const std::string &in(Language language) const
    {
        return language == Language::Korean && !valueKo.empty() ? valueKo : value;
    }
};

// A place in another document of the case that a finding is also about (status-transition:
// the earlier of two contradicting documents).
struct FindingLocation
{
    std::size_t document = 0;
    std::string pointer;
};

struct Finding
{
    std::string rule;                  // stable id from the design ("null-field-for-status")
    std::string variant;               // which wording of the rule ("approvedAt", "balance", …)
    Severity severity = Severity::Info;
    std::size_t document = 0;
    std::vector<std::string> pointers; // JSON pointers in that document, most relevant first
    std::vector<FindingLocation> related;
    std::size_t occurrences = 1;       // >1 when the same finding was folded over many records
    std::vector<FindingArg> args;      // the facts the rule reported

    // The wording, made from args and the catalog by renderFinding(): empty until then. A
    // streamed analysis of a million records keeps tens of thousands of findings as facts only
    // and renders each as it is written out.
    LocalizedText title;
    LocalizedText detail;
    LocalizedText advice;
    std::vector<Evidence> evidence;

    bool rendered() const { return !title.empty(); }
};

// Fills a finding's title, detail, advice and evidence from its args and the catalog's wording of
// its rule and variant: both languages, or only the one a report is written in. Beside Finding,
// not the rules: reports render the facts an analysis kept long after its rules are gone.
void renderFinding(const Catalog &catalog, Finding &finding, std::optional<Language> only = std::nullopt);

} // namespace paytriage
