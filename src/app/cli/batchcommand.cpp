#include "batchcommand.h"

#include "historycommand.h"
#include "netoptions.h"
#include "output.h"

#include "casereport/listreports.h"
#include "net/casefetcher.h"
#include "rules/analyzer.h"
#include "net/idlist.h"
#include "session/batchrun.h"
#include "session/evidencehistory.h"
#include "util/clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>

#include <iostream>
#include <iterator>

namespace paytriage::cli {
namespace {

QString tr(const char *source)
{
    return QCoreApplication::translate("paytriage::cli", source);
}

} // namespace

int runBatch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Look up many payments during an incident and analyse each: ids one per line, or a CSV column. One JSON "
           "line per id on standard output as each finishes; progress and failures on standard error; a failed id "
           "never stops the others. The secret key comes from the profile's keychain entry (--profile) or "
           "PAYTRIAGE_SECRET_KEY."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("concurrency"), tr("Lookups in flight at once (default 4)."), QStringLiteral("n"), QStringLiteral("4")});
    parser.addOption({QStringLiteral("rate"), tr("At most this many lookups started per second (default: no limit)."),
                      QStringLiteral("per-second")});
    parser.addOption({QStringLiteral("column"), tr("CSV column holding the ids (default: orderId or paymentKey, else the first)."),
                      QStringLiteral("name")});
    addTableReportOption(parser);
    addNetworkOptions(parser);
    parser.addOption({QStringLiteral("full"),
                      tr("Also fetch each payment's transactions and settlements, as lookup does (slower: those are "
                         "merchant-wide lists). By default only the payments are fetched.")});
    addRecordOptions(parser, tr("Keep each payment's answers as received, with its findings, as a snapshot in the evidence "
                                "history (see paytriage-cli history --help)."));
    parser.addPositionalArgument(QStringLiteral("file"), tr("The ids, or - for standard input."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!tableReportPathOk(parser))
        return ExitFailed;
    const Language lang = chosenLanguage(parser);
    const bool full = parser.isSet(QStringLiteral("full"));
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err(tr("Name one file of ids, or - to read standard input."));
        return ExitFailed;
    }
    bool ok = false;
    const int concurrency = parser.value(QStringLiteral("concurrency")).toInt(&ok);
    if (!ok || concurrency < 1 || concurrency > 64) {
        err(tr("--concurrency takes a whole number from 1 to 64."));
        return ExitFailed;
    }
    double rate = 0;
    if (parser.isSet(QStringLiteral("rate"))) {
        rate = parser.value(QStringLiteral("rate")).toDouble(&ok);
        if (!ok || rate <= 0) {
            err(tr("--rate takes a number of lookups per second above 0."));
            return ExitFailed;
        }
    }

    QByteArray text;
    if (positional.front() == QLatin1String("-")) {
        const std::string in((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
        text = QByteArray::fromStdString(in);
    } else {
        QFile file(positional.front());
        if (!file.open(QIODevice::ReadOnly)) {
            err(tr("Cannot read %1: %2").arg(positional.front(), file.errorString()));
            return ExitFailed;
        }
        text = file.readAll();
    }
    const IdList list = readIdList(text, parser.value(QStringLiteral("column")));
    if (list.unknownColumn) {
        err(tr("No column \"%1\" in %2; its columns are: %3.")
                .arg(parser.value(QStringLiteral("column")), positional.front(), list.headers.isEmpty() ? QString() : list.headers.join(QStringLiteral(", "))));
        return ExitFailed;
    }
    const QStringList &ids = list.ids;
    if (ids.isEmpty()) {
        err(tr("No ids found in %1.").arg(positional.front()));
        return ExitFailed;
    }
    if (list.repeats > 0)
        err(tr("%1 repeated ids are looked up once.").arg(list.repeats));

    const auto config = clientConfig(parser, lang);
    if (!config)
        return ExitFailed;

    std::unique_ptr<EvidenceStore> store;
    if (parser.isSet(QStringLiteral("record")) && !(store = openChosenStore(parser.value(QStringLiteral("store")))))
        return ExitFailed;
    const ProfileProvenance from = profileProvenance(parser);
    int unkept = 0;

    QNetworkAccessManager network;
    TossClient client(&network, *config);
    const Catalog catalog = loadCatalog();
    const SystemClock clock;
    const Analyzer analyzer(catalog, clock);

    int finished = 0;
    int failed = 0;
    bool warnings = false;
    QEventLoop loop;
    BatchOptions batchOptions;
    batchOptions.concurrency = concurrency;
    batchOptions.ratePerSecond = rate;
    batchOptions.full = full;
    BatchRun run(&client, ids, batchOptions);
    std::vector<BatchRow> rows(std::size_t(ids.size()));  // for --report, as the Batch view lists them
    QObject::connect(&run, &BatchRun::finished, &loop, [&](int index, CaseFetcher *fetcher) {
        const Case &kase = fetcher->currentCase();
        const Analysis analysis = analyzer.analyze(kase);
        Json line = {{"n", index + 1}, {"id", ids[index].toStdString()}, {"documents", kase.documents.size()}};
        const std::optional<ApiError> paymentError = fetcher->paymentError();
        const QString failure = paymentError ? paymentError->describe() : QString();
        const CaseFacts facts = caseFactsOf(kase, catalog);
        rows[std::size_t(index)] = batchRowOf(ids[index], facts, analysis, paymentError);
        line["ok"] = failure.isEmpty();
        // Human texts, shown in terminals: no control character of a server's message in them.
        if (!failure.isEmpty())
            line["error"] = printable(failure).toStdString();
        const auto worst = analysis.worst();
        line["verdict"] = failure.isEmpty() ? std::string(verdictId(verdictOf(kase, analysis))) : std::string("failed");
        line["worst"] = worst ? std::string(severityId(*worst)) : std::string("none");
        Json findings = Json::array();
        for (const Finding &f : analysis.findings)
            findings.push_back({{"rule", f.rule}, {"severity", std::string(severityId(f.severity))},
                                {"pointer", f.pointers.empty() ? std::string() : f.pointers.front()},
                                {"title", printable(f.title.in(lang))}});
        line["findings"] = std::move(findings);
        out(line.dump() + '\n');
        std::fflush(stdout);
        ++finished;
        if (!failure.isEmpty()) {
            ++failed;
            err(QStringLiteral("%1: %2").arg(ids[index], failure));
        }
        warnings = warnings || analysis.hasWarnings();
        // Each answer is kept as it arrives: an incident cut short keeps what was read.
        if (store) {
            const Snapshot snapshot = lookupSnapshot({ids[index], from.profile, from.mid, keyModeOf(config->secretKey), &facts, &analysis,
                                                      [fetcher](Source source) -> const std::vector<RawAnswer> & {
                                                          return fetcher->answersOf(source);
                                                      }});
            if (!snapshot.bodies.empty() && !keepSnapshot(*store, snapshot))
                ++unkept;
        }
        if (finished % std::max(1, int(ids.size() / 10)) == 0 || finished == ids.size())
            err(tr("%1 of %2 done, %3 failed").arg(finished).arg(ids.size()).arg(failed));
    });
    QObject::connect(&run, &BatchRun::idle, &loop, &QEventLoop::quit);
    run.start();
    loop.exec();

    BatchModel model;
    model.setLanguage(lang);
    model.setRows(std::move(rows));
    if (!writeTableReport(parser, batchReport(model, {lang, from.profile.isEmpty() ? config->baseUrl.toString() : from.profile,
                                                      tr("%1 of %2 done, %3 failed").arg(finished).arg(ids.size()).arg(failed)})))
        return ExitFailed;

    if (failed > 0 || unkept > 0)
        return ExitFailed;
    return warnings ? ExitFindings : ExitClean;
}

} // namespace paytriage::cli
