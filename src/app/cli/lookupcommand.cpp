#include "lookupcommand.h"

#include "netoptions.h"
#include "output.h"

#include "catalog/catalog.h"
#include "net/casefetcher.h"
#include "report/report.h"
#include "rules/analyzer.h"
#include "util/clock.h"
#include "util/i18n.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>

namespace paytriage::cli {
namespace {

QString tr(const char *source)
{
    return QCoreApplication::translate("paytriage::cli", source);
}

} // namespace

int runLookup(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Look a payment up by orderId or paymentKey and analyse everything the provider knows about it: the "
           "payment, its transactions and its settlements. Read-only: nothing that moves money is called. The "
           "secret key comes from the environment variable PAYTRIAGE_SECRET_KEY, never from the command line."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("order-id"), tr("The merchant's orderId."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("payment-key"), tr("The paymentKey."), QStringLiteral("key")});
    addNetworkOptions(parser);
    parser.addPositionalArgument(QStringLiteral("id"), tr("An orderId or paymentKey (kind detected) instead of the options."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const Language lang = chosenLanguage(parser);

    QString id;
    IdKind kind = IdKind::Auto;
    if (parser.isSet(QStringLiteral("order-id"))) {
        id = parser.value(QStringLiteral("order-id"));
        kind = IdKind::OrderId;
    } else if (parser.isSet(QStringLiteral("payment-key"))) {
        id = parser.value(QStringLiteral("payment-key"));
        kind = IdKind::PaymentKey;
    } else if (parser.positionalArguments().size() == 1) {
        id = parser.positionalArguments().front();
    }
    if (id.trimmed().isEmpty()) {
        err(tr("Name the payment: --order-id ID or --payment-key KEY."));
        return ExitFailed;
    }

    const auto config = clientConfig(parser, lang);
    if (!config)
        return ExitFailed;

    QNetworkAccessManager network;
    TossClient client(&network, *config);
    CaseFetcher fetcher(&client);
    QEventLoop loop;
    QObject::connect(&fetcher, &CaseFetcher::finished, &loop, &QEventLoop::quit);
    QObject::connect(&fetcher, &CaseFetcher::sourceFailed, &fetcher, [](Source source, const ApiError &error) {
        err(QStringLiteral("%1: %2").arg(sourceName(source), error.describe()));
    });
    fetcher.fetch(id, kind);
    loop.exec();

    const Case &kase = fetcher.currentCase();
    const Catalog catalog = loadCatalog();
    const SystemClock clock;
    const Analysis analysis = Analyzer(catalog, clock).analyze(kase);
    const std::vector<Repair> noRepairs;
    const ReportInput report{kase, analysis, noRepairs, id.toStdString(), lang};
    if (wantsJson(parser))
        out(jsonReport(report).dump(2) + '\n');
    else if (!kase.documents.empty())
        out(textReport(report, {stdoutIsTerminal(), 100}));

    // No payment means the lookup itself failed (its error object, if any, was still analysed).
    const bool paymentFailed = std::any_of(fetcher.errors().begin(), fetcher.errors().end(),
                                           [](const auto &e) { return e.first == Source::Payment; });
    if (paymentFailed)
        return ExitFailed;
    return analysis.hasWarnings() ? ExitFindings : ExitClean;
}

} // namespace paytriage::cli
