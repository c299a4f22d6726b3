#include "screenshottour.h"

#include "session/casesession.h"
#include "caseview.h"
#include "errorcodedialog.h"
#include "batchview.h"
#include "historyview.h"
#include "models/batchmodel.h"
#include "scanview.h"
#include "models/historymodel.h"
#include "mainwindow.h"
#include "seedscenarios.h"
#include "severitystyle.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStyleFactory>
#include <QDir>
#include <QElapsedTimer>
#include <QPixmap>
#include <QPushButton>
#include <QTreeWidget>
#include <QThread>

#include <cstdio>
#include <functional>

namespace paytriage {

namespace {

bool waitFor(const std::function<bool()> &ready, int timeoutMs = 15000)
{
    QElapsedTimer timer;
    timer.start();
    while (!ready()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

void settle()
{
    // Let layouts, lazy models and deferred paints finish before grabbing.
    for (int i = 0; i < 20; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(5);
    }
}

bool save(QWidget *widget, const QString &path)
{
    settle();
    const bool ok = widget->grab().save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "saved" : "FAILED", qUtf8Printable(path));
    return ok;
}

bool openCase(MainWindow &window, const QString &orderId, const std::string &rule)
{
    window.lookupBar()->requestLookup(orderId, IdKind::OrderId);
    CaseView *view = nullptr;
    const bool done = waitFor([&] {
        view = window.currentCase();
        return view && view->session()->lookup() && view->session()->lookup()->id == orderId && !view->session()->busy()
               && view->session()->snapshot().documents && !view->isPresenting();
    });
    if (done && !rule.empty())
        view->selectFinding(rule);
    return done;
}

// Seed 000's answer as it sits in the merchant's log, pasted and analysed as of that line, then
// looked up live: the compare pane beside it.
bool pasteAndCompareLive(MainWindow &window)
{
    const SeedScenarios seeds = buildSeedScenarios();
    const std::string line = "2025-04-02 08:39:25.412 INFO  PaymentClient - confirm response: "
                             + seeds.payments.front().payment.dump(2);
    CaseView *pasted = window.analyseText(QStringLiteral("ticket #1432"), line, std::int64_t(1743550765412));
    if (!waitFor([&] { return !pasted->session()->busy() && !pasted->isPresenting(); }))
        return false;
    auto *live = pasted->findChild<QPushButton *>(QStringLiteral("lookUpLiveButton"));
    if (!live)
        return false;
    live->click();
    auto *table = pasted->findChild<QTreeWidget *>(QStringLiteral("compareTable"));
    return table && waitFor([&] { return table->topLevelItemCount() > 0 && window.currentCase() == pasted; });
}

} // namespace

int runScreenshotTour(MainWindow &window, const QString &dir)
{
    // PAYTRIAGE_TOUR_PALETTE=dark: the same tour on a dark Fusion palette, to check that every
    // colour the console draws keeps its contrast on dark themes.
    if (qEnvironmentVariable("PAYTRIAGE_TOUR_PALETTE") == QLatin1String("dark")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkThemePalette());
    }
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "cannot create %s\n", qUtf8Printable(dir));
        return 2;
    }
    window.resize(1500, 900);
    bool ok = true;
    for (const Language language : {Language::English, Language::Korean}) {
        const QString code = language == Language::Korean ? QStringLiteral("ko") : QStringLiteral("en");
        window.setLanguage(language);
        settle();  // LanguageChange reaches the widgets as posted events
        window.showWelcome();
        ok &= save(&window, QDir(dir).filePath(QStringLiteral("welcome-%1.png").arg(code)));
        ok &= openCase(window, QStringLiteral("2025040210437094"), "status-stuck-in-progress");
        ok &= save(&window, QDir(dir).filePath(QStringLiteral("case-seed000-%1.png").arg(code)));
        ok &= openCase(window, QStringLiteral("LIVE-V20240807160726-PAY_6367_3859"), "vbank-cancel-without-deposit");
        ok &= save(&window, QDir(dir).filePath(QStringLiteral("case-seed001-%1.png").arg(code)));
        // A laptop's screen: the finding, its explanation and the timeline must still be readable.
        window.resize(1366, 768);
        settle();
        ok &= save(&window, QDir(dir).filePath(QStringLiteral("case-seed001-1366-%1.png").arg(code)));
        window.resize(1500, 900);
        ok &= pasteAndCompareLive(window);
        ok &= save(&window, QDir(dir).filePath(QStringLiteral("case-seed000-live-%1.png").arg(code)));
        // Every case of the tour so far, as the evidence history keeps it.
        if (HistoryView *history = window.showHistory()) {
            ok &= waitFor([&] { return !history->loading() && history->model()->rowCount() > 0; });
            ok &= save(&window, QDir(dir).filePath(QStringLiteral("history-%1.png").arg(code)));
        }
        // Five days of the demo's generated merchant, scanned: the planted anomalies ranked.
        ScanView *scan = window.showScan();
        scan->setPeriod(QDate(2025, 3, 14), QDate(2025, 3, 18));
        if (auto *start = scan->findChild<QPushButton *>(QStringLiteral("startButton")))
            start->click();
        ok &= waitFor([&] { return scan->scan() && !scan->running(); }, 60000);
        ok &= save(&window, QDir(dir).filePath(QStringLiteral("scan-%1.png").arg(code)));
        // A ticket's ids looked up at once: the seeds, two the scan ranked, one that is not there.
        BatchView *batch = window.showBatch();
        batch->setIds(QStringLiteral("orderId,memo\n2025040210437094,seed 000\nLIVE-V20240807160726-PAY_6367_3859,seed 001\n"
                                     "SBX-20250316-00501,scan\nSBX-20250316-01501,scan\nSBX-20250301-00001,\nNO-SUCH-ORDER-1,typo\n"));
        if (auto *run = batch->findChild<QPushButton *>(QStringLiteral("runButton")))
            run->click();
        ok &= waitFor([&] { return batch->model()->rowCount() > 0 && !batch->running(); }, 60000);
        ok &= save(&window, QDir(dir).filePath(QStringLiteral("batch-%1.png").arg(code)));
        ErrorCodeDialog *codes = window.errorCodes();
        codes->resize(1200, 680);
        codes->show();
        codes->showCode(QStringLiteral("NOT_FOUND_PAYMENT"));
        ok &= save(codes, QDir(dir).filePath(QStringLiteral("error-codes-%1.png").arg(code)));
        codes->hide();
        window.closeAllCases();  // the next language opens the same cases afresh
    }
    return ok ? 0 : 1;
}

} // namespace paytriage
