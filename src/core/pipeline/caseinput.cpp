#include "pipeline/caseinput.h"

#include "rules/streamedanalysis.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace paytriage {
namespace {

constexpr std::size_t mib = 1024 * 1024;

} // namespace

InputRoute routeFile(const QString &path, const InputLimits &limits)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return InputRoute::Whole;  // readFile() says what is wrong with it
    const auto size = static_cast<std::uint64_t>(info.size());
    if (size > limits.streamAbove && fileStartsWithArray(path))
        return InputRoute::Streamed;
    return size > limits.maxInMemory ? InputRoute::TooLarge : InputRoute::Whole;
}

AnalysedInput analyseText(std::string text, std::string label, const Catalog &catalog, const Clock &clock,
                          AnalyzerOptions analyzerOptions, const InputOptions &options)
{
    AnalysedInput result;
    result.bytes = text.size();
    DecodeOptions decodeOptions;
    decodeOptions.maxBytes = options.limits.maxInMemory;
    decodeOptions.buildSourceMap = options.sourceMap;
    if (options.sourceMap) {
        const bool full = text.size() <= options.limits.fullMapUpTo;
        result.mapping = full ? SourceMapping::Full : SourceMapping::Records;
        if (!full)
            decodeOptions.sourceMapScope = DecodeOptions::MapScope::Records;
    }
    result.loaded = loadText(std::move(text), DocumentSource{std::move(label), {}, 0}, decodeOptions);
    if (!result.loaded.decoded.ok()) {
        result.mapping = SourceMapping::None;
        return result;
    }
    result.analysis = Analyzer(catalog, clock, std::move(analyzerOptions)).analyze(result.loaded.kase);
    result.facts = caseFactsOf(result.loaded.kase, catalog);
    return result;
}

AnalysedInput analyseFile(const QString &path, std::string label, const Catalog &catalog, const Clock &clock,
                          AnalyzerOptions analyzerOptions, const InputOptions &options)
{
    const InputLimits &limits = options.limits;
    switch (routeFile(path, limits)) {
    case InputRoute::Whole: {
        std::string text;
        QString error;
        if (!readFile(path, &text, &error, limits.maxInMemory)) {
            AnalysedInput result;
            result.failure = QCoreApplication::translate("paytriage::CaseInput", "Cannot read %1: %2").arg(path, error);
            return result;
        }
        return analyseText(std::move(text), std::move(label), catalog, clock, std::move(analyzerOptions), options);
    }
    case InputRoute::TooLarge: {
        AnalysedInput result;
        result.route = InputRoute::TooLarge;
        result.bytes = static_cast<std::uint64_t>(QFileInfo(path).size());
        result.failure = QCoreApplication::translate("paytriage::CaseInput", "%1 is %2 MB: too large to analyse as one document (limit %3 MB). Transaction and settlement "
                            "dumps of any size are analysed record by record when the file is one JSON array; otherwise "
                            "split the file.")
                             .arg(path)
                             .arg(result.bytes / mib)
                             .arg(limits.maxInMemory / mib);
        return result;
    }
    case InputRoute::Streamed:
        break;
    }
    AnalysedInput result;
    result.route = InputRoute::Streamed;
    result.bytes = static_cast<std::uint64_t>(QFileInfo(path).size());
    StreamedAnalysis streamed = analyzeStreamedFile(path, label, catalog, clock, std::move(analyzerOptions));
    if (streamed.stream.error) {
        result.failure = QCoreApplication::translate("paytriage::CaseInput", "%1: %2").arg(path, streamed.stream.error->message().toString());
        return result;
    }
    result.records = streamed.stream.records;
    result.analysis = std::move(streamed.analysis);
    result.loaded.kase = std::move(streamed.kase);
    result.facts = caseFactsOf(result.loaded.kase, catalog);
    // The head of the file, for a reader to see what it holds; the records are not kept.
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray head = file.read(qint64(limits.previewBytes));
        std::size_t keep = std::size_t(head.size());
        result.previewCut = result.bytes > keep;
        // Not in the middle of a character: back to the start of the last one, which is kept
        // only when the file ended there.
        if (result.previewCut)
            while (keep > 0 && (static_cast<unsigned char>(head[qsizetype(keep - 1)]) & 0xC0) == 0x80)
                --keep;
        if (result.previewCut && keep > 0 && static_cast<unsigned char>(head[qsizetype(keep - 1)]) >= 0xC0)
            --keep;
        result.loaded.decoded.text.assign(head.constData(), keep);
    }
    return result;
}

} // namespace paytriage
