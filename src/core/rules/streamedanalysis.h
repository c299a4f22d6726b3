#pragma once

// A file that holds one JSON array (a transactions or settlements dump of any size), analysed
// record by record, in memory that grows only with its payments (the ledger's small entry each):
// what the CLI's analyze does with big files, and what the fuzzer drives.

#include "model/input.h"
#include "rules/analyzer.h"

#include <QString>

namespace paytriage {

struct StreamedAnalysis
{
    // One placeholder document labelled with the file, of the kind of its first recognised
    // record; the records themselves are not kept.
    Case kase;
    Analysis analysis;
    StreamResult stream;   // records read, or where the file broke (then analysis is empty)
};

// options.onFinding receives the findings that do not fold, as rules report them.
StreamedAnalysis analyzeStreamedFile(const QString &path, std::string label, const Catalog &catalog,
                                     const Clock &clock, AnalyzerOptions options);

} // namespace paytriage
