// Case reports in Markdown, HTML and PDF, in both languages: the summary, the findings with their
// advice, the timeline and every body with its SHA-256; personal data and the payment secret
// masked unless an unmasked report is asked for; a secret key or a credential never in any.
// The PDF is read back as text (pdftotext, poppler-utils) to see that it holds the Korean words.

#include "casereport/casereport.h"
#include "catalog/catalog.h"
#include "util/i18n.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace paytriage;

namespace {

// Seed 001's virtual account, with a customer, a payment secret and a credential a log line
// carried along.
Snapshot seed001()
{
    Snapshot s;
    s.kind = SnapshotKind::Lookup;
    s.title = QStringLiteral("LIVE-V20240807160726-PAY_6367_3859");
    s.profile = QStringLiteral("Shop A");
    s.mid = QStringLiteral("shopa01");
    s.keyMode = SnapshotKeyMode::Live;
    s.capturedAtMs = 1723014700000;  // 2024-08-07 16:11:40 KST
    SnapshotBody payment;
    payment.source = QStringLiteral("payment");
    payment.method = QStringLiteral("GET");
    payment.path = QStringLiteral("/v1/payments/orders/LIVE-V20240807160726-PAY_6367_3859");
    payment.status = 200;
    payment.content = R"({"paymentKey":"estag20240807160826ZKQT3","orderId":"LIVE-V20240807160726-PAY_6367_3859","status":"CANCELED",)"
                      R"("method":"가상계좌","totalAmount":22400,"balanceAmount":0,"currency":"KRW","secret":"ps_SecretNeverShown",)"
                      R"("customerName":"홍길동","customerEmail":"gildong@example.com","requestedAt":"2024-08-07T16:08:26+09:00",)"
                      R"("virtualAccount":{"accountNumber":"X6201234567890","bankCode":"20","customerName":"홍길동"}})";
    s.bodies.push_back(payment);
    SnapshotBody transactions;
    transactions.source = QStringLiteral("transactions");
    transactions.method = QStringLiteral("GET");
    transactions.path = QStringLiteral("/v1/transactions?startDate=2024-08-07T00:00:00&endDate=2024-08-07T23:59:59");
    transactions.status = 200;
    transactions.content =
        R"([{"mId":"shopa01","transactionKey":"tx1","paymentKey":"estag20240807160826ZKQT3","orderId":"LIVE-V20240807160726-PAY_6367_3859",)"
        R"("method":"가상계좌","customerKey":null,"useEscrow":false,"receiptUrl":null,"status":"WAITING_FOR_DEPOSIT","transactionAt":"2024-08-07T16:08:45+09:00","currency":"KRW","amount":0},)"
        R"({"mId":"shopa01","transactionKey":"tx2","paymentKey":"estag20240807160826ZKQT3","orderId":"LIVE-V20240807160726-PAY_6367_3859",)"
        R"("method":"가상계좌","customerKey":null,"useEscrow":false,"receiptUrl":null,"status":"CANCELED","transactionAt":"2024-08-07T16:10:40+09:00","currency":"KRW","amount":22400}])";
    s.bodies.push_back(transactions);
    SnapshotBody log;
    log.source = QStringLiteral("text");
    log.content = "curl -H 'Authorization: Basic dGVzdF9za19OZXZlckluQVJlcG9ydDo=' # key test_sk_NeverInAReport";
    s.bodies.push_back(log);
    return s;
}

} // namespace

class TestCaseReport final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reports_data();
    void reports();

private:
    QTemporaryDir m_dir;
    const Catalog m_catalog = Catalog::builtIn();
};

void TestCaseReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestCaseReport::reports_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<bool>("korean");
    QTest::addColumn<bool>("unmasked");
    for (const char *suffix : {"md", "html", "pdf"})
        for (const bool korean : {false, true})
            for (const bool unmasked : {false, true})
                QTest::addRow("%s %s %s", suffix, korean ? "ko" : "en", unmasked ? "unmasked" : "masked")
                    << QString::fromLatin1(suffix) << korean << unmasked;
}

void TestCaseReport::reports()
{
    QFETCH(QString, suffix);
    QFETCH(bool, korean);
    QFETCH(bool, unmasked);
    const Language language = korean ? Language::Korean : Language::English;
    installTranslators(language);
    CaseReportOptions options;
    options.language = language;
    options.unmasked = unmasked;
    const CaseReport report = buildCaseReport(seed001(), qint64(12), m_catalog, options);
    QCOMPARE(report.bodies.size(), std::size_t(3));
    for (const ReportBody &b : report.bodies)
        QCOMPARE(b.sha256, QString::fromLatin1(QCryptographicHash::hash(b.content, QCryptographicHash::Sha256).toHex()));
    QVERIFY(std::any_of(report.findings.begin(), report.findings.end(),
                        [](const CaseReport::Item &f) { return f.rule == QLatin1String("vbank-cancel-without-deposit"); }));

    const QString path = m_dir.filePath(QStringLiteral("report-%1-%2-%3.%4")
                                            .arg(korean ? QStringLiteral("ko") : QStringLiteral("en"))
                                            .arg(unmasked ? QStringLiteral("unmasked") : QStringLiteral("masked"))
                                            .arg(QTest::currentDataTag() ? QString::number(qHash(QString::fromLatin1(QTest::currentDataTag()))) : QString())
                                            .arg(suffix));
    QString error;
    QVERIFY2(writeReport(report, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    QString text;
    if (suffix == QLatin1String("pdf")) {
        QVERIFY(bytes.startsWith("%PDF-"));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text cannot be read back here");
        QProcess extract;
        extract.start(pdftotext, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
        QVERIFY(extract.waitForFinished(30000));
        text = QString::fromUtf8(extract.readAllStandardOutput());
        // Long lines wrap in a page: compare without the breaks.
        text.remove(QLatin1Char('\n'));
    } else {
        text = QString::fromUtf8(bytes);
    }
    // The words of the language, the finding's title, the body's hash.
    QVERIFY2(text.contains(korean ? QStringLiteral("발견 사항") : QStringLiteral("Findings")), qPrintable(text.left(400)));
    QVERIFY2(text.contains(korean ? QStringLiteral("입금 없이 취소된 가상계좌") : QStringLiteral("Virtual account canceled before any deposit")),
             qPrintable(text.left(800)));
    QVERIFY(text.contains(report.bodies.front().sha256.left(32)));
    QVERIFY(text.contains(QLatin1String("shopa01")));
    // Masked unless asked; a secret key or a credential never.
    QCOMPARE(text.contains(QLatin1String("ps_SecretNeverShown")), unmasked);
    QCOMPARE(text.contains(QStringLiteral("홍길동")), unmasked);
    QCOMPARE(text.contains(QLatin1String("gildong@example.com")), unmasked);
    QCOMPARE(text.contains(QLatin1String("X6201234567890")), unmasked);
    QVERIFY(!text.contains(QLatin1String("test_sk_NeverInAReport")));
    QVERIFY(!text.contains(QLatin1String("dGVzdF9za19OZXZlckluQVJlcG9ydDo=")));
    QVERIFY(!bytes.contains("test_sk_NeverInAReport"));
}

QTEST_MAIN(TestCaseReport)
#include "tst_casereport.moc"
