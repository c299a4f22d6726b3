#pragma once

// Presents an analysed case outside the GUI: the CLI's JSON contract and its terminal text.

#include "decode/decoder.h"
#include "model/document.h"
#include "rules/analyzer.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace paytriage {

struct ReportInput
{
    const Case &kase;
    const Analysis &analysis;
    const std::vector<Repair> &repairs;   // what the decoder had to fix in the text
    std::string inputName;                // file name or "-"
    Language language = Language::English;
    const std::vector<DecodeError> *skipped = nullptr;  // values that broke while the rest was read
    // Renders findings that come as facts only (AnalyzerOptions::renderFindings off), one at a time.
    const Catalog *catalog = nullptr;
};

// Where a report goes, piece by piece: a report of 50,000 findings is never one string.
using ReportWriter = std::function<void(std::string_view)>;

// The design's contract: {input, summary, documents[], findings[], timeline[], repairs[]},
// pretty-printed, written section by section and finding by finding.
void writeJsonReport(const ReportInput &input, const ReportWriter &write);

struct TextStyle
{
    bool color = false;   // ANSI colours (only when stdout is a terminal)
    int width = 100;      // wrap column
};

void writeTextReport(const ReportInput &input, const TextStyle &style, const ReportWriter &write);

// A report written while a streamed analysis runs (AnalyzerOptions::onFinding): each finding as
// it is reported, then the rest once the analysis is done. The JSON object holds the same members
// as writeJsonReport's, with findings first and the summary after them; the text report ends
// with its summary line.
class ReportStream final
{
public:
    ReportStream(bool json, std::string inputName, Language language, const Catalog &catalog, TextStyle style,
                 ReportWriter write);
    void finding(const Finding &finding);
    // The findings kept by the analysis (folded ones), then everything else.
    void finish(const Case &kase, const Analysis &analysis);
    // The input broke after some findings were written: the JSON object is closed with the
    // error, so what was written stays readable.
    void fail(const std::string &message);

private:
    bool m_json;
    std::string m_inputName;
    Language m_language;
    const Catalog &m_catalog;
    TextStyle m_style;
    ReportWriter m_write;
    std::size_t m_written = 0;
};

// A finding with its wording: as it is, or rendered into scratch from the catalog.
const Finding &renderedFinding(const ReportInput &input, const Finding &finding, Finding &scratch);

} // namespace paytriage
