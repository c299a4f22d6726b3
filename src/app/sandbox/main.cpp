// paytriage-sandbox: the local Toss API emulator as its own process, for trying PayTriage (or any
// client) against the seed scenarios, a generated merchant and injected faults without a key.
//
// The first line on standard output is the URL it listens on, so a script or test can start it
// with --port 0 and read where it went; everything else (the request log) goes to standard error.

#include "sandboxdata.h"
#include "sandboxserver.h"

#include "util/i18n.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <limits>

#if defined(Q_OS_UNIX)
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#define NOMINMAX  // windows.h's min/max macros would break std::min
#include <windows.h>
#endif

namespace {

enum ExitCode {
    ExitClean = 0,
    ExitFailed = 2,  // as paytriage-cli: the request (here, the command line or the port) failed
};

QString tr(const char *text)
{
    return QCoreApplication::translate("paytriage::sandbox", text);
}

void printOut(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);  // the first line must reach a reading parent at once, not at exit
}

void printErr(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stderr);
    std::fflush(stderr);
}

// SIGINT/SIGTERM end the event loop, so the server closes its sockets and main returns 0. A
// signal handler may only do async-signal-safe things: it writes a byte to a socket pair, and
// a QSocketNotifier on the other end quits from the event loop (the self-pipe trick).
#if defined(Q_OS_UNIX)
int signalPair[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPair[1], &byte, 1);
}

bool quitOnSignals(QObject *parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPair) != 0)
        return false;
    auto *notifier = new QSocketNotifier(signalPair[0], QSocketNotifier::Read, parent);
    QObject::connect(notifier, &QSocketNotifier::activated, parent, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(signalPair[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action{};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0;
}
#elif defined(Q_OS_WIN)
BOOL WINAPI onConsoleEvent(DWORD type)
{
    switch (type) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
        // Runs on a thread of its own: queue the quit into the event loop's thread.
        QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit, Qt::QueuedConnection);
        return TRUE;
    default:
        return FALSE;
    }
}

bool quitOnSignals(QObject *)
{
    return SetConsoleCtrlHandler(onConsoleEvent, TRUE) != 0;
}
#else
bool quitOnSignals(QObject *)
{
    return false;
}
#endif

bool readInt(const QCommandLineParser &parser, const QCommandLineOption &option, int min, int max, int *value)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const int v = parser.value(option).toInt(&ok);
    if (!ok || v < min || v > max) {
        printErr(tr("paytriage-sandbox: --%1 must be a whole number from %2 to %3.\n")
                     .arg(option.names().constFirst())
                     .arg(min)
                     .arg(max));
        return false;
    }
    *value = v;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PayTriage"));
    QCoreApplication::setApplicationName(QStringLiteral("paytriage-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAYTRIAGE_VERSION));
    paytriage::installTranslators(paytriage::systemLanguage());

    using paytriage::GeneratedMerchant;
    paytriage::SandboxOptions options;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("A local emulator of the read-only Toss Payments API (and the Apps-in-Toss order status) on 127.0.0.1, "
           "serving PayTriage's seed scenarios and a generated merchant, with injected faults.\n\n"
           "Endpoints: GET /v1/payments/{paymentKey}, GET /v1/payments/orders/{orderId}, GET /v1/transactions, "
           "GET /v1/settlements, POST /api-partner/v1/apps-in-toss/order/get-order-status.\n"
           "Authentication: Basic base64(secretKey + \":\"); any key starting test_sk_ unless --secret-key is given.\n"
           "Faults per request: header X-Sandbox-Fault: KIND[:PARAM], one of %1. Orders FAULT-429, "
           "FAULT-RESET, … always answer with their fault (see --list-scenarios).\n"
           "The first line printed is the URL the sandbox listens on; the request log goes to standard error.")
            .arg(paytriage::SandboxFault::kindNames().join(QStringLiteral(", "))));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"), tr("Listen on 127.0.0.1:<port>; 0 picks a free port (default)."),
                                  tr("port"), QStringLiteral("0"));
    const QCommandLineOption secretKey(QStringLiteral("secret-key"),
                                       tr("Accept only this secret key (default: any key starting test_sk_)."),
                                       tr("key"));
    const QCommandLineOption faults(
        QStringLiteral("faults"),
        tr("Inject faults at random rates, e.g. 429:0.05,reset:0.01,latency:300:0.1 (KIND[:PARAM]:RATE, comma "
           "separated); the sequence repeats for the same --seed."),
        tr("spec"));
    const QCommandLineOption faultFor(QStringLiteral("fault-for"),
                                      tr("Serve every request about this orderId or paymentKey with a fault, e.g. "
                                         "SBX-20250301-00001=503:5. Repeatable."),
                                      tr("id=fault"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  tr("Seed of the generated merchant and of the fault rates (default %1).")
                                      .arg(options.seed),
                                  tr("n"));
    const QCommandLineOption days(QStringLiteral("days"),
                                  tr("Days of the generated merchant (default %1).").arg(options.days), tr("n"));
    const QCommandLineOption perDay(QStringLiteral("payments-per-day"),
                                    tr("Payments a day of the generated merchant (default %1).")
                                        .arg(options.paymentsPerDay),
                                    tr("n"));
    const QCommandLineOption firstDay(QStringLiteral("first-day"),
                                      tr("First day of the generated merchant, yyyy-MM-dd in KST (default %1).")
                                          .arg(options.firstDay.toString(Qt::ISODate)),
                                      tr("date"));
    const QCommandLineOption listScenarios(QStringLiteral("list-scenarios"),
                                           tr("Print each named scenario (orderId, a tab, what it shows) and exit."));
    const QCommandLineOption listIds(QStringLiteral("list-ids"),
                                     tr("Print the first <n> orderIds of the generated merchant, one a line, and exit."),
                                     tr("n"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), tr("Do not log requests to standard error."));
    parser.addOptions({port, secretKey, faults, faultFor, seed, days, perDay, firstDay, listScenarios, listIds, quiet});
    parser.process(app);

    int portValue = 0;
    if (!readInt(parser, port, 0, 65535, &portValue) || !readInt(parser, days, 1, GeneratedMerchant::maxDays, &options.days)
        || !readInt(parser, perDay, GeneratedMerchant::minPaymentsPerDay, GeneratedMerchant::maxPaymentsPerDay,
                    &options.paymentsPerDay))
        return ExitFailed;
    // About 110 bytes and 1.3 µs per payment: five million take half a gigabyte and several seconds.
    if (qint64(options.days) * options.paymentsPerDay > 5'000'000) {
        printErr(tr("paytriage-sandbox: --days × --payments-per-day must stay at or below 5,000,000.\n"));
        return ExitFailed;
    }
    if (parser.isSet(seed)) {
        bool ok = false;
        options.seed = parser.value(seed).toULongLong(&ok);
        if (!ok) {
            printErr(tr("paytriage-sandbox: --seed must be a whole number from 0 to %1.\n")
                         .arg(std::numeric_limits<qulonglong>::max()));
            return ExitFailed;
        }
    }
    if (parser.isSet(firstDay)) {
        options.firstDay = QDate::fromString(parser.value(firstDay), Qt::ISODate);
        if (!options.firstDay.isValid()) {
            printErr(tr("paytriage-sandbox: --first-day must be a date written yyyy-MM-dd.\n"));
            return ExitFailed;
        }
    }
    if (parser.isSet(secretKey))
        options.secretKey = parser.value(secretKey);
    if (parser.isSet(faults)) {
        QString error;
        const auto rates = paytriage::parseFaultRates(parser.value(faults), &error);
        if (!rates) {
            printErr(tr("paytriage-sandbox: --faults: %1.\n").arg(error));
            return ExitFailed;
        }
        options.faultRates = *rates;
    }
    for (const QString &item : parser.values(faultFor)) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        QString error;
        const auto fault = equals > 0 ? paytriage::SandboxFault::parse(QStringView(item).mid(equals + 1), &error)
                                      : std::nullopt;
        if (!fault) {
            printErr(tr("paytriage-sandbox: --fault-for %1: %2.\n")
                         .arg(item, equals > 0 ? error : tr("write ID=KIND[:PARAM]")));
            return ExitFailed;
        }
        options.scenarioFaults.insert_or_assign(item.left(equals), *fault);
    }

    if (parser.isSet(listScenarios) || parser.isSet(listIds)) {
        int count = 0;
        if (!readInt(parser, listIds, 0, std::numeric_limits<int>::max(), &count))
            return ExitFailed;
        const paytriage::SandboxData data(options);
        QString out;
        if (parser.isSet(listScenarios)) {
            for (const auto &scenario : data.namedScenarios())
                out += QString::fromStdString(scenario.orderId) + QLatin1Char('\t') + tr(scenario.description)
                       + QLatin1Char('\n');
        }
        const std::size_t ids = std::min(std::size_t(count), data.merchant().size());
        for (std::size_t i = 0; i < ids; ++i)
            out += QString::fromStdString(data.merchant().orderId(i)) + QLatin1Char('\n');
        printOut(out);
        return ExitClean;
    }

    QElapsedTimer startup;
    startup.start();
    paytriage::SandboxServer server(options);
    if (!server.listen(quint16(portValue))) {
        printErr(tr("paytriage-sandbox: cannot listen on 127.0.0.1:%1: %2. Try another --port, or 0 for any free "
                    "port.\n")
                     .arg(portValue)
                     .arg(server.errorString()));
        return ExitFailed;
    }
    printOut(server.url().toString() + QLatin1Char('\n'));
    if (!quitOnSignals(&app))
        printErr(tr("paytriage-sandbox: cannot catch SIGINT/SIGTERM; stop it with a hard kill.\n"));

    const paytriage::SandboxData &data = server.data();
    printErr(QCoreApplication::translate("paytriage::sandbox",
                                         "paytriage-sandbox: %1 generated payments (%n day(s) × %2 from %3), %4 "
                                         "transactions, %5 settlement rows; ready in %6 ms. Ctrl+C stops it.\n",
                                         nullptr, options.days)
                 .arg(data.merchant().size())
                 .arg(options.paymentsPerDay)
                 .arg(options.firstDay.toString(Qt::ISODate))
                 .arg(data.transactionCount())
                 .arg(data.countSettlements(0, std::numeric_limits<std::int32_t>::max(),
                                            paytriage::SandboxData::SettlementDateType::SoldDate))
                 .arg(startup.elapsed()));
    if (!parser.isSet(quiet)) {
        // Method, path and query, status, fault: never a header, so never the Authorization key.
        QObject::connect(&server, &paytriage::SandboxServer::requestHandled, &app,
                         [](const QString &method, const QString &target, int status, const QString &fault) {
                             const QString shown = status ? QString::number(status) : tr("reset");
                             printErr(fault.isEmpty() ? QStringLiteral("%1 %2 %3\n").arg(method, target, shown)
                                                      : QStringLiteral("%1 %2 %3 [%4]\n").arg(method, target, shown, fault));
                         });
    }
    const int code = QCoreApplication::exec();
    server.close();
    printErr(tr("paytriage-sandbox: stopped.\n"));
    return code;
}
