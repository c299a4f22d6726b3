#include "lookupcommand.h"

#include "historycommand.h"
#include "netoptions.h"
#include "output.h"

#include "catalog/catalog.h"
#include "net/casefetcher.h"
#include "report/report.h"
#include "rules/analyzer.h"
#include "session/evidencehistory.h"
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
           "secret key comes from the profile's keychain entry or the environment variable PAYTRIAGE_SECRET_KEY, "
           "never from the command line. An Apps-in-Toss in-app order (--iap-order-id) is asked of its own host "
           "with the profile's mTLS certificate; its user key comes from PAYTRIAGE_TOSS_USER_KEY."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("order-id"), tr("The merchant's orderId."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("payment-key"), tr("The paymentKey."), QStringLiteral("key")});
    parser.addOption({QStringLiteral("iap-order-id"),
                      tr("An Apps-in-Toss in-app purchase orderId: its order status instead of a payment."),
                      QStringLiteral("id")});
    addNetworkOptions(parser);
    addRecordOptions(parser, tr("Keep every answer as received, with the findings, as a snapshot in the evidence history "
                                "(see paytriage-cli history --help)."));
    parser.addPositionalArgument(QStringLiteral("id"), tr("An orderId or paymentKey (kind detected) instead of the options."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const Language lang = chosenLanguage(parser);

    QString id;
    IdKind kind = IdKind::Auto;
    const bool inApp = parser.isSet(QStringLiteral("iap-order-id"));
    // The user key identifies a Toss user (personal data): from the environment, like the
    // secret key, so it stays out of shell history and the process list.
    const QString userKey = qEnvironmentVariable("PAYTRIAGE_TOSS_USER_KEY").trimmed();
    if (inApp) {
        if (parser.isSet(QStringLiteral("order-id")) || parser.isSet(QStringLiteral("payment-key"))
            || !parser.positionalArguments().isEmpty()) {
            err(tr("--iap-order-id looks up an Apps-in-Toss order on its own; name no payment with it."));
            return ExitFailed;
        }
        id = parser.value(QStringLiteral("iap-order-id"));
        if (userKey.isEmpty()) {
            err(tr("The Apps-in-Toss order status needs the user's key (x-toss-user-key, from Toss Login): set "
                   "PAYTRIAGE_TOSS_USER_KEY."));
            return ExitFailed;
        }
    } else if (parser.isSet(QStringLiteral("order-id"))) {
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

    const auto config = clientConfig(parser, lang, inApp ? SecretKeyUse::NotNeeded : SecretKeyUse::Required);
    if (!config)
        return ExitFailed;

    // The history is opened before anything is asked: a lookup whose evidence cannot be kept is
    // said so before it runs.
    std::unique_ptr<EvidenceStore> store;
    if (parser.isSet(QStringLiteral("record")) && !(store = openChosenStore(parser.value(QStringLiteral("store")))))
        return ExitFailed;

    QNetworkAccessManager network;
    TossClient client(&network, *config);
    CaseFetcher fetcher(&client);
    QEventLoop loop;
    QObject::connect(&fetcher, &CaseFetcher::finished, &loop, &QEventLoop::quit);
    QObject::connect(&fetcher, &CaseFetcher::sourceFailed, &fetcher, [](Source source, const ApiError &error) {
        err(QStringLiteral("%1: %2").arg(sourceName(source), error.describe()));
    });
    if (inApp)
        fetcher.fetchIapOrder(id.trimmed(), userKey);
    else
        fetcher.fetch(id, kind);
    loop.exec();

    const Case &kase = fetcher.currentCase();
    const Catalog catalog = loadCatalog();
    const SystemClock clock;
    const Analysis analysis = Analyzer(catalog, clock).analyze(kase);
    const std::vector<Repair> noRepairs;
    const ReportInput report{kase, analysis, noRepairs, id.toStdString(), lang, nullptr, &catalog};
    if (wantsJson(parser))
        writeJsonReport(report, out);
    else if (!kase.documents.empty())
        writeTextReport(report, {stdoutIsTerminal(), 100}, out);

    if (store) {
        const CaseFacts facts = caseFactsOf(kase, catalog);
        const ProfileProvenance from = profileProvenance(parser);
        const Snapshot snapshot = lookupSnapshot({id.trimmed(), from.profile, from.mid, keyModeOf(config->secretKey), &facts, &analysis,
                                                  [&fetcher](Source source) -> const std::vector<RawAnswer> & {
                                                      return fetcher.answersOf(source);
                                                  }});
        if (snapshot.bodies.empty())
            err(tr("Nothing arrived, so nothing was kept in the evidence history."));
        else if (!keepSnapshot(*store, snapshot))
            return ExitFailed;
    }

    // No payment (or in-app order) means the lookup itself failed (its error object, if any, was
    // still analysed).
    const Source main = inApp ? Source::IapOrderStatus : Source::Payment;
    const bool paymentFailed = std::any_of(fetcher.errors().begin(), fetcher.errors().end(),
                                           [main](const auto &e) { return e.first == main; });
    if (paymentFailed)
        return ExitFailed;
    return exitFor(kase, analysis);
}

} // namespace paytriage::cli
