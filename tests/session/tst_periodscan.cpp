// The period scan against the sandbox's generated merchant: it reads every page, finds the
// anomalies planted where lists can show them and flags no other payment, reads on from its
// cursor after failures the client's own retries did not get past, can be stopped and resumed,
// and stops with a clear error on a server whose pages do not move on.

#include "catalog/catalog.h"
#include "generatedmerchant.h"
#include "sandboxdata.h"
#include "sandboxserver.h"
#include "session/periodscan.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <filesystem>
#include <set>

using namespace paytriage;

namespace {

constexpr const char *testKey = "test_sk_periodScan";

} // namespace

class TestPeriodScan final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void findsWhatWasPlantedAndNothingElse_data();
    void findsWhatWasPlantedAndNothingElse();
    void paymentsThatBeganBeforeThePeriodAreNotJudgedByHalf();
    void stopsAndResumesWhereItWas();
    void aServerWhosePagesDoNotMoveOnIsToldNotLooped();
    void smallerSharesJudgeTheSame();
    void aSpoolThatCannotBeWrittenStopsTheScanAndSaysWhere();

private:
    struct Run
    {
        bool complete = false;
        std::set<std::string> flagged;  // paymentKeys with findings
        std::map<std::string, std::pair<QDate, std::size_t>> days;  // of each flagged: its day, its findings
        std::map<QDate, std::array<qint64, 3>> perDay;
        ScanProgress progress;
        std::optional<ApiError> error;
        bool canResume = false;
    };
    // A sandbox of 3 days × 400 payments with these fault rates; the scan of its period.
    std::unique_ptr<SandboxServer> sandbox(const QString &faults = {}) const;
    ClientConfig config(const SandboxServer &server, const QByteArray &fault = {}) const;
    Run scan(const SandboxServer &server, PeriodScanOptions options, const QByteArray &fault = {});
    std::set<std::string> planted(const SandboxServer &server) const;
    // Payments with at least one transaction in the generated period (not the aborted ones),
    // and those transactions.
    std::pair<qint64, qint64> inPeriod(const SandboxServer &server) const;

    std::unique_ptr<Catalog> m_catalog;
    QNetworkAccessManager m_network;
};

void TestPeriodScan::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);  // the spool goes to a test cache, not the user's
    m_catalog = std::make_unique<Catalog>(Catalog::builtIn());
}

std::unique_ptr<SandboxServer> TestPeriodScan::sandbox(const QString &faults) const
{
    SandboxOptions options;
    options.days = 3;
    options.paymentsPerDay = 400;
    if (!faults.isEmpty())
        options.faultRates = *parseFaultRates(faults);
    auto server = std::make_unique<SandboxServer>(options);
    return server->listen(0) ? std::move(server) : nullptr;
}

ClientConfig TestPeriodScan::config(const SandboxServer &server, const QByteArray &fault) const
{
    ClientConfig config;
    config.baseUrl = server.url();
    config.secretKey = QString::fromLatin1(testKey);
    config.backoffBaseMs = 5;
    if (!fault.isEmpty())
        config.extraHeaders.append({QByteArrayLiteral("X-Sandbox-Fault"), fault});
    return config;
}

TestPeriodScan::Run TestPeriodScan::scan(const SandboxServer &server, PeriodScanOptions options, const QByteArray &fault)
{
    TossClient client(&m_network, config(server, fault));
    PeriodScan scan(&client, *m_catalog, options);
    QSignalSpy finished(&scan, &PeriodScan::finished);
    scan.start();
    Run run;
    if (!finished.wait(60000))
        return run;
    run.complete = finished.front().at(0).toBool();
    for (const ScannedPayment *p : scan.ranked()) {
        run.flagged.insert(p->paymentKey);
        run.days[p->paymentKey] = {p->day, p->findings};
    }
    run.perDay = scan.findingsPerDay();
    run.progress = scan.progress();
    run.error = scan.error();
    run.canResume = scan.canResume();
    return run;
}

// What a scan of the lists can see of the planted anomalies: a virtual account canceled before
// its deposit (in its transactions) and a payout that is not amount − fee (in its settlement).
// The others live in the payment object, which a scan does not read.
std::set<std::string> TestPeriodScan::planted(const SandboxServer &server) const
{
    const GeneratedMerchant &merchant = server.data().merchant();
    std::set<std::string> keys;
    for (const auto &a : merchant.anomalies())
        if (a.anomaly == GeneratedMerchant::Anomaly::VbankCanceledBeforeDeposit
            || a.anomaly == GeneratedMerchant::Anomaly::SettlementPayoutMismatch)
            keys.insert(merchant.paymentKey(a.index));
    return keys;
}

std::pair<qint64, qint64> TestPeriodScan::inPeriod(const SandboxServer &server) const
{
    const GeneratedMerchant &merchant = server.data().merchant();
    qint64 payments = 0, transactions = 0;
    for (std::size_t i = 0; i < merchant.size(); ++i) {
        qint64 mine = 0;
        for (int t = 0; t < merchant.transactionCount(i); ++t)
            mine += merchant.transactionAtMs(i, t) < merchant.periodEndMs();
        payments += mine > 0;
        transactions += mine;
    }
    return {payments, transactions};
}

void TestPeriodScan::findsWhatWasPlantedAndNothingElse_data()
{
    QTest::addColumn<QString>("faults");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("one page a list") << QString() << 5000;
    QTest::newRow("pages of 100") << QString() << 100;
    // Most requests reset: the client's retries give up on some pages, the scan asks again.
    QTest::newRow("pages of 300, 80% resets") << QStringLiteral("reset:0.8") << 300;
}

void TestPeriodScan::findsWhatWasPlantedAndNothingElse()
{
    QFETCH(QString, faults);
    QFETCH(int, pageSize);
    const auto server = sandbox(faults);
    QVERIFY(server);
    PeriodScanOptions options;
    options.from = QDate(2025, 3, 1);
    options.to = QDate(2025, 3, 3);
    options.pageSize = pageSize;
    options.firstResumeWaitMs = 5;
    options.maxResumes = 50;
    const Run run = scan(*server, options);
    QVERIFY(run.complete);
    const std::set<std::string> expected = planted(*server);
    QVERIFY(!expected.empty());
    QCOMPARE(run.flagged, expected);
    const auto [payments, transactions] = inPeriod(*server);
    QCOMPARE(run.progress.payments, payments);
    // While reading, the payments are estimated in constant memory: within 3 % of the count.
    QVERIFY2(std::abs(run.progress.paymentsAbout - payments) * 100 <= 3 * payments,
             qPrintable(QStringLiteral("%1 estimated, %2 counted").arg(run.progress.paymentsAbout).arg(payments)));
    QCOMPARE(run.progress.transactions, transactions);
    QVERIFY(run.progress.settlements > 0);
    QCOMPARE(run.progress.phase, ScanProgress::Phase::Done);
    // Every record of both lists, page by page: at least one page each, and as many as they fill.
    const qint64 expectedPages = run.progress.transactions / pageSize + 1 + run.progress.settlements / pageSize + 1;
    QCOMPARE(qint64(run.progress.pages), expectedPages);
    if (!faults.isEmpty())
        QVERIFY2(run.progress.resumes > 0, "no page needed asking again: the test does not test resuming");
    else
        QCOMPARE(run.progress.requests, run.progress.pages);
}

// A period that starts after the merchant's first day: refunds of payments approved or deposited
// before it show only their cancel. Judged by that half, each would be "a virtual account
// canceled before any deposit" (81 false alarms on five demo days before this was known); they
// are counted as not judged instead, and only the planted one is flagged.
void TestPeriodScan::paymentsThatBeganBeforeThePeriodAreNotJudgedByHalf()
{
    const auto server = sandbox();
    QVERIFY(server);
    PeriodScanOptions options;
    options.from = QDate(2025, 3, 2);
    options.to = QDate(2025, 3, 3);
    const Run run = scan(*server, options);
    QVERIFY(run.complete);
    QCOMPARE(run.flagged, planted(*server));  // both planted on the middle day
    QVERIFY2(run.progress.notJudged > 0, "no refund of an earlier payment in the period: the test does not test the boundary");
}

void TestPeriodScan::stopsAndResumesWhereItWas()
{
    const auto server = sandbox();
    QVERIFY(server);
    TossClient client(&m_network, config(*server));
    PeriodScanOptions options;
    options.from = QDate(2025, 3, 1);
    options.to = QDate(2025, 3, 3);
    options.pageSize = 100;
    PeriodScan scan(&client, *m_catalog, options);
    QSignalSpy finished(&scan, &PeriodScan::finished);
    int pagesAtCancel = 0;
    connect(&scan, &PeriodScan::progressed, this, [&] {
        if (scan.progress().pages == 5 && scan.running()) {
            pagesAtCancel = scan.progress().pages;
            scan.cancel();
        }
    });
    scan.start();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.front().at(0).toBool(), false);
    QVERIFY(!scan.running());
    QCOMPARE(pagesAtCancel, 5);
    QVERIFY(!scan.cursor().isEmpty());
    QVERIFY(scan.canResume());
    scan.disconnect(this);
    // Stopped again while the payments are being judged, and read on from the part it stopped at.
    int judgedAtCancel = -1;
    connect(&scan, &PeriodScan::progressed, this, [&] {
        if (scan.progress().phase == ScanProgress::Phase::Judging && scan.progress().sharesJudged == 3 && judgedAtCancel < 0) {
            judgedAtCancel = scan.progress().sharesJudged;
            scan.cancel();
        }
    });
    scan.resume();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.back().at(0).toBool(), false);
    QCOMPARE(judgedAtCancel, 3);
    QVERIFY(scan.canResume());
    scan.disconnect(this);
    scan.resume();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.back().at(0).toBool(), true);
    std::set<std::string> flagged;
    for (const ScannedPayment *p : scan.ranked())
        flagged.insert(p->paymentKey);
    QCOMPARE(flagged, planted(*server));
    QCOMPARE(scan.progress().payments, inPeriod(*server).first);
}

void TestPeriodScan::aServerWhosePagesDoNotMoveOnIsToldNotLooped()
{
    const auto server = sandbox();
    QVERIFY(server);
    PeriodScanOptions options;
    options.from = QDate(2025, 3, 1);
    options.to = QDate(2025, 3, 3);
    options.pageSize = 100;
    TossClient client(&m_network, config(*server, "ignore-paging"));
    PeriodScan scan(&client, *m_catalog, options);
    QSignalSpy finished(&scan, &PeriodScan::finished);
    scan.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.front().at(0).toBool(), false);
    QVERIFY(scan.error());
    QVERIFY2(scan.error()->detail.contains(QLatin1String("startingAfter")), qPrintable(scan.error()->detail));
    QCOMPARE(scan.progress().pages, 1);  // the first page; the same again is not read twice
    QCOMPARE(scan.progress().transactions, qint64(100));
}

// Each payment's records are weighed together a share of the payments at a time, from files on
// disk. Shares split small (a 2 KB budget: hundreds of parts) judge exactly as the 64 do, the
// days of the chart included; the files are gone afterwards.
void TestPeriodScan::smallerSharesJudgeTheSame()
{
    const auto server = sandbox();
    QVERIFY(server);
    QTemporaryDir spool;
    QVERIFY(spool.isValid());
    PeriodScanOptions options;
    options.from = QDate(2025, 3, 2);  // refunds of earlier payments too: the not-judged count
    options.to = QDate(2025, 3, 3);
    options.pageSize = 500;
    options.spoolFolder = spool.path();
    // What a killed scan left two days ago is cleared; a folder of today's (another scan's) is not.
    const QDir folder(spool.path());
    QVERIFY(folder.mkdir(QStringLiteral("scan-killed")) && folder.mkdir(QStringLiteral("scan-running")));
    std::filesystem::last_write_time(QFile::encodeName(folder.filePath(QStringLiteral("scan-killed"))).toStdString(),
                                     std::filesystem::file_time_type::clock::now() - std::chrono::hours(48));
    const Run whole = scan(*server, options);
    QVERIFY(whole.complete);
    QVERIFY(!folder.exists(QStringLiteral("scan-killed")));
    QVERIFY(folder.exists(QStringLiteral("scan-running")));
    QVERIFY(folder.rmdir(QStringLiteral("scan-running")));
    QCOMPARE(whole.progress.shares, 64);
    options.shareBytes = 2048;
    const Run split = scan(*server, options);
    QVERIFY(split.complete);
    QVERIFY2(split.progress.shares > 64, "no share was split: the test does not test splitting");
    QCOMPARE(split.progress.sharesJudged, split.progress.shares);
    QCOMPARE(split.flagged, whole.flagged);
    QCOMPARE(split.flagged, planted(*server));
    QCOMPARE(split.days, whole.days);
    QCOMPARE(split.perDay, whole.perDay);
    QCOMPARE(split.progress.payments, whole.progress.payments);
    QVERIFY(whole.progress.payments > 0);
    QCOMPARE(split.progress.findings, whole.progress.findings);
    QCOMPARE(split.progress.notJudged, whole.progress.notJudged);
    QVERIFY(whole.progress.notJudged > 0);
    // A payment's day is its first record's in the period, not the day its finding's record fell on.
    for (const auto &[key, day] : whole.days)
        QVERIFY2(day.first >= options.from && day.first <= options.to, key.c_str());
    QCOMPARE(QDir(spool.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

// The spool's folder cannot be made (a file is in the way): the scan stops at once and says where,
// instead of reading the whole period first.
void TestPeriodScan::aSpoolThatCannotBeWrittenStopsTheScanAndSaysWhere()
{
    const auto server = sandbox();
    QVERIFY(server);
    QTemporaryDir dir;
    const QString blocked = dir.filePath(QStringLiteral("not-a-folder"));
    QFile file(blocked);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    PeriodScanOptions options;
    options.from = QDate(2025, 3, 1);
    options.to = QDate(2025, 3, 3);
    options.spoolFolder = blocked;
    const Run run = scan(*server, options);
    QVERIFY(!run.complete);
    QVERIFY(run.error);
    QCOMPARE(run.error->kind, ApiError::Kind::Configuration);
    QVERIFY2(run.error->describe().contains(QDir::toNativeSeparators(blocked)), qPrintable(run.error->describe()));
    QCOMPARE(run.progress.requests, 0);
    QVERIFY(!run.canResume);  // nothing to read on with: Read on is not offered
}

QTEST_GUILESS_MAIN(TestPeriodScan)
#include "tst_periodscan.moc"
