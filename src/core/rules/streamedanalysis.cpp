#include "rules/streamedanalysis.h"

namespace paytriage {

StreamedAnalysis analyzeStreamedFile(const QString &path, std::string label, const Catalog &catalog,
                                     const Clock &clock, AnalyzerOptions options)
{
    StreamedAnalysis result;
    Document placeholder;
    placeholder.kind = DocumentKind::Unknown;
    placeholder.source.label = std::move(label);
    result.kase.documents.push_back(std::move(placeholder));

    const Analyzer analyzer(catalog, clock, std::move(options));
    auto session = analyzer.begin(result.kase);
    DocumentKind listKind = DocumentKind::Unknown;
    DocumentKind kind = DocumentKind::Unknown;
    bool kindByKeys = false;  // kind holds for the next record if it has the same keys
    result.stream = streamRecords(path, 512, [&](const StreamedRecord &record) {
        if (!record.sameKeys || !kindByKeys)
            kind = classifyRecord(record.value, &kindByKeys);
        if (listKind == DocumentKind::Unknown)
            listKind = kind;
        session->addRecord({kind, 0, record.pointer, record.value, {}}, record.sameKeys);
    });
    if (result.stream.error)
        return result;
    result.kase.documents.front().kind = listKind;
    result.analysis = session->finish();
    // The session (its ledger) goes before the caller writes the report: peak memory is one, not both.
    return result;
}

} // namespace paytriage
