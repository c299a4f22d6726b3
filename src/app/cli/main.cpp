// paytriage-cli: the PayTriage engine without a window, for scripts and incidents.

#include "analyzecommand.h"
#include "batchcommand.h"
#include "catalogcommand.h"
#include "historycommand.h"
#include "lookupcommand.h"
#include "output.h"
#include "reportcommand.h"
#include "scancommand.h"

#include "util/hardening.h"
#include "util/i18n.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <memory>
#include <optional>

int main(int argc, char *argv[])
{
    paytriage::disableCoreDumps();  // before any secret key is read
    // A report's PDF lays its text out with Qt's fonts: the report command, and a batch or scan
    // asked for a --report, run a QGuiApplication with no window (offscreen unless a platform is
    // named); the others need no more than the core.
    bool report = argc > 1 && qstrcmp(argv[1], "report") == 0;
    for (int i = 2; i < argc && !report; ++i)
        report = qstrcmp(argv[i], "--report") == 0 || qstrncmp(argv[i], "--report=", 9) == 0;
    if (report && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Without a desktop session (a server, cron, root over ssh) Qt warns that it has no runtime
    // directory on every report: give it a private one for the run instead.
    std::optional<QTemporaryDir> runtimeDir;
    if (report && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        runtimeDir.emplace();
        if (runtimeDir->isValid())
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir->path()));
    }
    std::unique_ptr<QCoreApplication> application =
        report ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PayTriage"));
    QCoreApplication::setApplicationName(QStringLiteral("PayTriage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAYTRIAGE_VERSION));

    paytriage::installTranslators(paytriage::systemLanguage());

    QStringList args = QCoreApplication::arguments();
    const QString command = args.size() > 1 ? args.at(1) : QString();
    using Runner = int (*)(const QStringList &);
    const std::pair<const char *, Runner> commands[] = {
        {"analyze", paytriage::cli::runAnalyze},
        {"explain", paytriage::cli::runExplain},
        {"catalog", paytriage::cli::runCatalog},
        {"lookup", paytriage::cli::runLookup},
        {"batch", paytriage::cli::runBatch},
        {"history", paytriage::cli::runHistory},
        {"scan", paytriage::cli::runScan},
        {"report", paytriage::cli::runReport},
    };
    for (const auto &[name, run] : commands) {
        if (command == QLatin1String(name)) {
            args.removeAt(1);
            return run(args);
        }
    }
    if (command == QLatin1String("--version")) {
        // The catalog too: findings depend on it as much as on the program.
        paytriage::cli::out("paytriage-cli " PAYTRIAGE_VERSION "\ncatalog " + paytriage::cli::loadCatalog().version().toStdString() + '\n');
        return paytriage::cli::ExitClean;
    }
    const bool help = command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")
                      || command == QLatin1String("help");
    const QString usage = QCoreApplication::translate(
        "paytriage::cli",
        "Usage: paytriage-cli COMMAND [options]\n\n"
        "Commands:\n"
        "  analyze FILE|-   decode and analyse saved or pasted API responses\n"
        "  lookup ID        fetch a payment, its transactions and settlements, and analyse them\n"
        "  batch FILE|-     look up many ids (one per line or a CSV column) and analyse each\n"
        "  scan             every transaction and settlement of a period (--from, --to), payments with findings ranked\n"
        "  history          the evidence history: list, show ID, diff OLD NEW (analyze --record keeps a text)\n"
        "  report           a case report (md, html, pdf) of a snapshot, a case bundle or a saved answer, masked\n"
        "  explain CODE...  what a Toss error code means, its causes, what to check, who acts\n"
        "  catalog --path   where the catalog override file goes (--dump prints the catalog)\n\n"
        "Run paytriage-cli COMMAND --help for a command's options.\n"
        "Exit status: 0 nothing at warning or above, 1 findings at warning or above, 2 failed, 3 nothing recognised.\n");
    if (help) {
        paytriage::cli::out(usage.toStdString());
        return paytriage::cli::ExitClean;
    }
    paytriage::cli::err(QCoreApplication::translate("paytriage::cli", "unknown command \"%1\".").arg(command));
    paytriage::cli::out(usage.toStdString());
    return paytriage::cli::ExitFailed;
}
