#pragma once

// The pieces both reports are made of (private to src/core/report): writeJsonReport and
// writeTextReport put them in the contract's order; ReportStream writes the findings first.

#include "report/report.h"

#include <string>

namespace paytriage::report_detail {

// JSON: one member of the top-level object, pretty-printed as dump(2) would print it there.
void jsonMember(const ReportWriter &write, std::string_view key, const Json &value, bool last = false);
Json summaryJson(const Case &kase, const Analysis &analysis);
Json documentsJson(const Case &kase);
// One element of "findings", indented for its place in the array, without a separator.
std::string findingJson(const Finding &finding, Language language);
Json timelineJson(const Analysis &analysis, Language language);
Json repairsJson(const std::vector<Repair> &repairs);
Json skippedJson(const std::vector<DecodeError> &skipped);

// Text.
struct Palette
{
    std::string critical, warning, info, dim, bold, reset;
};
Palette palette(bool color);
std::string textSummary(const ReportInput &input, const Palette &c);      // the first lines
std::string textSkippedAndRepairs(const ReportInput &input, const TextStyle &style, const Palette &c);
std::string textFindingsHeading(const Palette &c);
std::string textFinding(const Finding &finding, Language language, const TextStyle &style, const Palette &c);
std::string textTimeline(const Analysis &analysis, Language language, const Palette &c);

} // namespace paytriage::report_detail
