#include "analyzecommand.h"

#include "historycommand.h"
#include "output.h"

#include "catalog/catalog.h"
#include "model/input.h"
#include "report/report.h"
#include "rules/analyzer.h"
#include "pipeline/caseinput.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/timestamp.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace paytriage::cli {
namespace {

QString tr(const char *source)
{
    return QCoreApplication::translate("paytriage::cli", source);
}

// The console's limits: big dumps streamed, anything else too big refused (pipeline/caseinput).
const InputLimits limits;

struct Options
{
    Language language = Language::English;
    bool json = false;
    std::optional<std::int64_t> asOf;
    QString input;
};

int printReport(const Options &options, const Catalog &catalog, const Case &kase, const Analysis &analysis,
                const std::vector<Repair> &repairs, const std::vector<DecodeError> &skipped = {})
{
    const QString input = options.input == QLatin1String("-") ? QStringLiteral("stdin") : options.input;
    const ReportInput report{kase, analysis, repairs, input.toStdString(), options.language, &skipped, &catalog};
    if (options.json)
        writeJsonReport(report, out);
    else
        writeTextReport(report, {stdoutIsTerminal(), 100}, out);
    // What could not be read is said where scripts look for trouble too.
    for (const DecodeError &e : skipped)
        err(QStringLiteral("%1: %2").arg(input, e.message().toString()));
    return exitFor(kase, analysis);
}

int analyzeStreamed(const Options &options, const Catalog &catalog, const Clock &clock)
{
    // Findings are written as rules report them, not kept: a dump where one payment in twenty has
    // a finding has tens of thousands. The summary follows them.
    ReportStream report(options.json, options.input.toStdString(), options.language, catalog, {stdoutIsTerminal(), 100},
                        out);
    // A timeline of a million transactions says nothing; the first thousand events show the shape.
    AnalyzerOptions analyzerOptions;
    analyzerOptions.timelineLimit = 1000;
    analyzerOptions.renderFindings = false;
    analyzerOptions.onFinding = [&report](Finding &&f) { report.finding(f); };
    InputOptions inputOptions;
    inputOptions.sourceMap = false;
    inputOptions.limits.previewBytes = 0;
    const AnalysedInput streamed = analyseFile(options.input, QFileInfo(options.input).fileName().toStdString(), catalog,
                                               clock, std::move(analyzerOptions), inputOptions);
    if (!streamed.failure.isEmpty()) {
        report.fail(streamed.failure.toStdString());
        err(streamed.failure);
        return ExitFailed;
    }
    report.finish(streamed.loaded.kase, streamed.analysis);
    return exitFor(streamed.loaded.kase, streamed.analysis);
}

} // namespace

int runAnalyze(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Decode and analyse Toss Payments API responses: a payment, transactions, "
                                        "settlements, an in-app order status, an error or a webhook, pasted or saved "
                                        "as text. Lenient about what people paste (console.log output, curly quotes, "
                                        "comments, several objects in a row, JSON inside prose)."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("as-of"),
                      tr("Analyse as if it were this time (ISO 8601, e.g. 2025-04-02T08:50:00+09:00): "
                         "time-based rules then read this clock."),
                      QStringLiteral("time")});
    addRecordOptions(parser, tr("Keep the text and its findings as a snapshot in the evidence history (see paytriage-cli "
                                "history --help); not for dumps analysed record by record."));
    parser.addPositionalArgument(QStringLiteral("file"), tr("The file to analyse, or - for standard input."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;

    Options options;
    options.language = chosenLanguage(parser);
    const QString format = parser.value(QStringLiteral("format"));
    if (!format.isEmpty() && format != QLatin1String("text") && format != QLatin1String("json")) {
        err(tr("Unknown format \"%1\": use text or json.").arg(format));
        return ExitFailed;
    }
    options.json = format == QLatin1String("json");
    if (parser.isSet(QStringLiteral("as-of"))) {
        const auto t = parseTimestamp(parser.value(QStringLiteral("as-of")).toStdString());
        if (!t) {
            err(tr("Cannot read the time \"%1\": write it like 2025-04-02T08:50:00+09:00.").arg(parser.value(QStringLiteral("as-of"))));
            return ExitFailed;
        }
        options.asOf = t->msSinceEpoch;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err(tr("Name one file to analyse, or - to read standard input. See: paytriage-cli analyze --help"));
        return ExitFailed;
    }
    options.input = positional.front();

    const Catalog catalog = loadCatalog();
    SystemClock systemClock;
    FixedClock fixedClock(options.asOf.value_or(0));
    const Clock &clock = options.asOf ? static_cast<const Clock &>(fixedClock) : systemClock;

    std::string text;
    if (options.input == QLatin1String("-")) {
        bool tooLarge = false;
        if (!readStandardInput(&text, limits.maxInMemory, &tooLarge)) {
            err(tooLarge ? tr("Standard input holds more than %1 MB: too large to analyse at once. Save it to a file: a "
                              "transactions or settlements dump that is one JSON array is then analysed record by record.")
                               .arg(limits.maxInMemory >> 20)
                         : tr("Cannot read standard input."));
            return ExitFailed;
        }
    } else if (routeFile(options.input, limits) == InputRoute::Streamed) {
        if (parser.isSet(QStringLiteral("record")))
            err(tr("--record keeps texts read whole; %1 is analysed record by record and is not kept.").arg(options.input));
        return analyzeStreamed(options, catalog, clock);
    }

    InputOptions inputOptions;
    inputOptions.sourceMap = false;
    const bool stdinInput = options.input == QLatin1String("-");
    const std::string label = stdinInput ? std::string("stdin") : QFileInfo(options.input).fileName().toStdString();
    const AnalysedInput input = stdinInput ? analyseText(std::move(text), label, catalog, clock, {}, inputOptions)
                                           : analyseFile(options.input, label, catalog, clock, {}, inputOptions);
    if (!input.failure.isEmpty()) {
        err(input.failure);
        return ExitFailed;
    }
    if (!input.loaded.decoded.ok()) {
        err(QStringLiteral("%1: %2").arg(stdinInput ? QStringLiteral("stdin") : options.input,
                                         input.loaded.decoded.error->message().toString()));
        return ExitFailed;
    }
    const int exit = printReport(options, catalog, input.loaded.kase, input.analysis, input.loaded.decoded.repairs,
                                 input.loaded.decoded.skipped);
    if (parser.isSet(QStringLiteral("record"))
        && !recordText(parser.value(QStringLiteral("store")), !stdinInput, stdinInput ? QStringLiteral("stdin") : QFileInfo(options.input).fileName(),
                       input.loaded.decoded.text, input.facts, input.analysis, options.asOf))
        return ExitFailed;
    return exit;
}

} // namespace paytriage::cli
