// paytriage: the support console. `paytriage --demo` starts a local Toss API sandbox in the
// process and opens the welcome page with its scenarios; files named on the command line open
// as cases. `--screenshots DIR` drives the demo through the main views in both languages and
// saves them as PNG (the README's pictures), then exits.

#include "mainwindow.h"
#include "net/secretstore.h"
#include "screenshottour.h"
#include "settings/preferences.h"
#include "util/hardening.h"
#include "util/i18n.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>

using namespace paytriage;

int main(int argc, char *argv[])
{
    paytriage::disableCoreDumps();  // before any secret key is read
    // Answered before the application starts: it needs no display (packaging checks run headless).
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("PayTriage %s\n", PAYTRIAGE_VERSION);
            return 0;
        }
    }
    QApplication app(argc, argv);
    // The same organisation and application as paytriage-cli: one settings file, one catalog override.
    QCoreApplication::setOrganizationName(QStringLiteral("PayTriage"));
    QCoreApplication::setApplicationName(QStringLiteral("PayTriage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PAYTRIAGE_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("PayTriage"));
    QIcon icon;
    for (int size : {16, 32, 48, 128, 256})
        icon.addFile(QStringLiteral(":/icons/paytriage-%1.png").arg(size));
    QApplication::setWindowIcon(icon);

    QSettings userSettings;
    Preferences preferences = loadPreferences(userSettings);
    installTranslators(preferences.language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "paytriage::gui", "PayTriage: a support console for the Toss Payments API."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("demo"),
                      QCoreApplication::translate("paytriage::gui", "Start the local Toss API sandbox and show its scenarios.")});
    parser.addOption({QStringLiteral("lang"), QCoreApplication::translate("paytriage::gui", "Language of the interface: ko or en."),
                      QStringLiteral("ko|en")});
    parser.addOption({QStringLiteral("screenshots"),
                      QCoreApplication::translate("paytriage::gui", "Save screenshots of the demo in both languages to DIR, then exit."),
                      QStringLiteral("DIR")});
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QCoreApplication::translate("paytriage::gui", "JSON files to analyse."), QStringLiteral("[FILE…]"));
    parser.process(app);

    if (parser.isSet(QStringLiteral("lang"))) {
        const QString code = parser.value(QStringLiteral("lang"));
        if (code != QLatin1String("ko") && code != QLatin1String("en")) {
            std::fprintf(stderr, "%s\n",
                         qUtf8Printable(QCoreApplication::translate("paytriage::gui", "Unknown language \"%1\": use ko or en.").arg(code)));
            return 2;
        }
        preferences.language = languageFromCode(code.toStdString());
        installTranslators(preferences.language);
    }

    std::vector<QString> problems;
    const Catalog catalog = Catalog::withOverride(Catalog::defaultOverridePath(), &problems);

    const bool tour = parser.isSet(QStringLiteral("screenshots"));
    // The tour must not read or change the user's settings: it gets its own, thrown away after.
    QTemporaryDir tourDir;
    std::unique_ptr<QSettings> tourSettings;
    MainWindow::Options options;
    options.demo = parser.isSet(QStringLiteral("demo")) || tour;
    if (tour) {
        tourSettings = std::make_unique<QSettings>(tourDir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        options.settings = tourSettings.get();
        options.secrets = std::make_unique<SessionSecretStore>();
    }
    // The evidence history: PAYTRIAGE_STORE, else the place chosen in Settings, else the user's own
    // file. The demo and the tour keep
    // theirs in a folder of their own, thrown away after, so sandbox cases never mix with real ones.
    QTemporaryDir demoHistory;
    QString history = qEnvironmentVariable("PAYTRIAGE_STORE");
    if (history.isEmpty())
        history = preferences.historyLocation.isEmpty() ? defaultStorePath() : preferences.historyLocation;
    if (options.demo)
        history = demoHistory.filePath(QStringLiteral("history.sqlite"));
    auto location = StoreLocation::parse(history);
    if (const auto *error = std::get_if<StoreError>(&location))
        problems.push_back(error->message());
    else
        options.history = std::get<StoreLocation>(location);
    // The user's cases come back at the next start; the demo's and the tour's are thrown away.
    options.restoreCases = !options.demo;
    MainWindow window(catalog, std::move(options));
    window.setLanguage(preferences.language);
    window.show();
    for (const QString &problem : problems)
        window.statusBar()->showMessage(problem, 20000);
    for (const QString &file : parser.positionalArguments())
        window.openFile(file);
    if (tour)
        return runScreenshotTour(window, parser.value(QStringLiteral("screenshots")));
    return app.exec();
}
