#pragma once

// Presents an analysed case outside the GUI: the CLI's JSON contract and its terminal text.

#include "decode/decoder.h"
#include "model/document.h"
#include "rules/analyzer.h"

#include <string>
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
};

// The design's contract: {input, summary, documents[], findings[], timeline[], repairs[]}.
Json jsonReport(const ReportInput &input);

struct TextStyle
{
    bool color = false;   // ANSI colours (only when stdout is a terminal)
    int width = 100;      // wrap column
};

std::string textReport(const ReportInput &input, const TextStyle &style);

} // namespace paytriage
