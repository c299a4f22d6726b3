#include "util/money.h"
#include "util/timestamp.h"

#include <QTest>

using namespace paytriage;

class TestTimestamp final : public QObject
{
    Q_OBJECT

private slots:
    void captureTimeFromLogLines_data();
    void captureTimeFromLogLines();
    void parse_data();
    void parse();
    void rejects_data();
    void rejects();
    void formatsKst();
    void money_data();
    void money();
    void moneyInKorean();
};

void TestTimestamp::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("utcMs");
    QTest::addColumn<bool>("hasOffset");
    QTest::addColumn<bool>("dateOnly");
    // 2024-08-07T16:08:45+09:00 = 07:08:45Z; 1723014525 s since the epoch.
    QTest::newRow("payment time with offset") << "2024-08-07T16:08:45+09:00" << qint64(1723014525000) << true << false;
    QTest::newRow("offset without colon") << "2024-08-07T16:08:45+0900" << qint64(1723014525000) << true << false;
    QTest::newRow("utc designator") << "2024-08-07T07:08:45Z" << qint64(1723014525000) << true << false;
    // Webhook createdAt, no offset, microseconds: read as KST → 07:35:47.729Z = 1689838547729 ms.
    QTest::newRow("webhook microseconds no offset") << "2023-07-20T16:35:47.729718" << qint64(1689838547729) << false << false;
    // Settlement soldDate: midnight KST = 2023-11-24T15:00:00Z = 1700838000 s.
    QTest::newRow("settlement date") << "2023-11-25" << qint64(1700838000000) << false << true;
    // Negative offset: 2024-01-01T00:00:00-05:00 = 05:00Z = 1704085200 s.
    QTest::newRow("negative offset") << "2024-01-01T00:00:00-05:00" << qint64(1704085200000) << true << false;
    QTest::newRow("leap day") << "2024-02-29T09:00:00+09:00" << qint64(1709164800000) << true << false;
}

void TestTimestamp::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, utcMs);
    QFETCH(bool, hasOffset);
    QFETCH(bool, dateOnly);
    const auto t = parseTimestamp(text.toStdString());
    QVERIFY(t);
    QCOMPARE(t->msSinceEpoch, utcMs);
    QCOMPARE(t->hasOffset, hasOffset);
    QCOMPARE(t->dateOnly, dateOnly);
}

void TestTimestamp::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("prose") << "yesterday";
    QTest::newRow("month 13") << "2024-13-01";
    QTest::newRow("february 30") << "2024-02-30T00:00:00+09:00";
    QTest::newRow("hour 24") << "2024-02-01T24:00:00+09:00";
    QTest::newRow("garbage after") << "2024-02-01T10:00:00+09:00x";
    QTest::newRow("truncated") << "2024-02-01T1";
}

void TestTimestamp::rejects()
{
    QFETCH(QString, text);
    QVERIFY(!parseTimestamp(text.toStdString()));
}

void TestTimestamp::formatsKst()
{
    const auto t = parseTimestamp("2024-08-07T07:08:45Z");
    QCOMPARE(QString::fromStdString(formatKst(*t)), QStringLiteral("2024-08-07 16:08:45 KST"));
    QCOMPARE(QString::fromStdString(formatIsoKst(t->msSinceEpoch)), QStringLiteral("2024-08-07T16:08:45+09:00"));
    QCOMPARE(QString::fromStdString(formatDuration(20 * 60 * 1000)), QStringLiteral("20 min"));
    // Two webhooks 45 ms apart are not "0s" apart.
    QCOMPARE(QString::fromStdString(formatDuration(45)), QStringLiteral("45 ms"));
    QCOMPARE(QString::fromStdString(formatDuration(0)), QStringLiteral("0s"));
    QCOMPARE(QString::fromStdString(formatDuration((26 * 3600 + 60) * 1000LL)), QStringLiteral("1 d 2 h"));
    // In Korean, as a Korean ticket writes it: 608 days 22 hours is "608일 22시간".
    QCOMPARE(QString::fromStdString(formatDuration((608 * 86400 + 22 * 3600 + 59) * 1000LL, Language::Korean)), u"608일 22시간"_qs);
    QCOMPARE(QString::fromStdString(formatDuration((2 * 3600 + 5 * 60) * 1000LL, Language::Korean)), u"2시간 5분"_qs);
    QCOMPARE(QString::fromStdString(formatDuration(-20 * 60 * 1000, Language::Korean)), u"-20분"_qs);
    QCOMPARE(QString::fromStdString(formatDuration(7000, Language::Korean)), u"7초"_qs);
}

void TestTimestamp::money_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    QTest::newRow("won") << 22400.0 << "KRW" << "22,400 KRW";
    QTest::newRow("negative won") << -97550.0 << "KRW" << "-97,550 KRW";
    QTest::newRow("million won") << 1234567.0 << "KRW" << "1,234,567 KRW";
    QTest::newRow("dollars with cents") << 726.24 << "USD" << "726.24 USD";
    // 181,560,000 micro-dollars = 181.56 USD (MUSD = USD × 10⁶, facts §8.3).
    QTest::newRow("micro dollars") << 181560000.0 << "MUSD" << "181.56 USD (181,560,000 MUSD)";
    QTest::newRow("zero") << 0.0 << "KRW" << "0 KRW";
}

void TestTimestamp::moneyInKorean()
{
    QCOMPARE(QString::fromStdString(formatMoney(22400, "KRW", Language::Korean)), QStringLiteral("22,400원"));
    QCOMPARE(QString::fromStdString(formatMoney(-97550, "", Language::Korean)), QStringLiteral("-97,550원"));
    QCOMPARE(QString::fromStdString(formatMoney(726.24, "USD", Language::Korean)), QStringLiteral("726.24 USD"));
    const LocalizedText both = localizedMoney(22400, "KRW");
    QCOMPARE(QString::fromStdString(both.ko), QStringLiteral("22,400원"));
    QCOMPARE(QString::fromStdString(both.en), QStringLiteral("22,400 KRW"));
}

void TestTimestamp::money()
{
    QFETCH(double, value);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatMoney(value, currency.toStdString())), text);
}

void TestTimestamp::captureTimeFromLogLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");  // ISO in KST; empty: none
    QTest::newRow("logback line, no offset: KST")
        << u"2025-04-02 08:39:25.123 INFO  c.e.PayClient - confirm response: {\"status\":\"IN_PROGRESS\"}"_qs
        << u"2025-04-02T08:39:25+09:00"_qs;
    QTest::newRow("bracketed ISO with an offset")
        << u"[2025-04-01T23:39:25Z] response:\n{\"status\": \"DONE\"}"_qs << u"2025-04-02T08:39:25+09:00"_qs;
    // The latest of several lines: the last thing logged is when the evidence was last seen.
    QTest::newRow("latest of several lines")
        << u"2025-04-02 08:39:21 request\n2025-04-02 08:39:25 response {\"a\":1}\n"_qs << u"2025-04-02T08:39:25+09:00"_qs;
    QTest::newRow("comma millis (log4j)") << u"2025-04-02 08:39:25,500 WARN x"_qs << u"2025-04-02T08:39:25.500+09:00"_qs;
    // Times inside the JSON are the payment's own, not when it was captured.
    QTest::newRow("only times inside JSON")
        << u"{\n  \"requestedAt\": \"2025-04-02T08:39:21+09:00\"\n}"_qs << QString();
    QTest::newRow("a date alone is not a capture time") << u"2025-04-02 정산 내역"_qs << QString();
    QTest::newRow("nothing") << u"결제가 안 됩니다"_qs << QString();
}

void TestTimestamp::captureTimeFromLogLines()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto at = captureTime(text.toStdString());
    QCOMPARE(at ? QString::fromStdString(formatIsoKst(at->msSinceEpoch)) + (at->msSinceEpoch % 1000 ? QString() : QString()) : QString(),
             expected.isEmpty() ? QString() : QString::fromStdString(formatIsoKst(parseTimestamp(expected.toStdString())->msSinceEpoch)));
}

QTEST_APPLESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
