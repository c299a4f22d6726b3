// What leaves PayTriage as text: the masking list applied to documents and evidence, the case
// facts the header shows, and the summary a support engineer pastes into a ticket.

#include "catalog/catalog.h"
#include "model/input.h"
#include "report/casesummary.h"
#include "report/redaction.h"
#include "util/clock.h"
#include "util/timestamp.h"

#include <QFile>
#include <QTest>

using namespace paytriage;

class TestCaseSummary final : public QObject
{
    Q_OBJECT

private slots:
    void maskValue_data();
    void maskValue();
    void redactMasksEveryListedFieldAndNothingElse();
    void factsOfAPaymentAndOfAnInAppOrder();
    void summaryOfSeed001();
    void findingTextMasksItsEvidence();
};

void TestCaseSummary::maskValue_data()
{
    QTest::addColumn<int>("style");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("masked");
    QTest::newRow("secret") << int(MaskStyle::Whole) << "ps_Lp7ZQkZ9" << "[masked]";
    QTest::newRow("card number as Toss masks it") << int(MaskStyle::KeepLastFour) << "43301234****123*" << "************123*";
    QTest::newRow("account number") << int(MaskStyle::KeepLastFour) << "X6505636518308" << "**********8308";
    QTest::newRow("short number") << int(MaskStyle::KeepLastFour) << "1234" << "****";
    QTest::newRow("Korean name") << int(MaskStyle::Name) << "김토스" << "김**";
    QTest::newRow("one-letter name") << int(MaskStyle::Name) << "김" << "*";
    QTest::newRow("e-mail") << int(MaskStyle::Email) << "customer123@gmail.com" << "c**********@gmail.com";
    QTest::newRow("nothing") << int(MaskStyle::Name) << "" << "";
}

void TestCaseSummary::maskValue()
{
    QFETCH(int, style);
    QFETCH(QString, value);
    QFETCH(QString, masked);
    QCOMPARE(QString::fromStdString(paytriage::maskValue(value.toStdString(), MaskStyle(style))), masked);
}

void TestCaseSummary::redactMasksEveryListedFieldAndNothingElse()
{
    Json payment = Json::parse(R"({
        "orderId": "LIVE-V20240807160726-PAY_6367_3859", "secret": "ps_Lp7ZQkZ9secretvalue", "totalAmount": 22400,
        "card": {"number": "43301234****123*", "issuerCode": "61", "installmentPlanMonths": 0},
        "virtualAccount": {"accountNumber": "X6505636518308", "customerName": "김토스", "bankCode": "20",
                           "refundReceiveAccount": {"accountNumber": "110123456789", "holderName": "박환불"}},
        "mobilePhone": {"customerMobilePhone": "01012345678", "settlementStatus": "COMPLETED"},
        "cashReceipt": {"customerIdentityNumber": "01098765432", "type": "소득공제"},
        "customerEmail": "customer123@gmail.com",
        "giftCertificate": {"number": "7890123"}
    })");
    const std::size_t masked = redact(payment);
    QCOMPARE(masked, std::size_t(9));
    const std::string text = payment.dump();
    for (const char *secret : {"ps_Lp7ZQkZ9secretvalue", "43301234", "X6505636518308", "김토스", "110123456789", "박환불",
                               "01012345678", "01098765432", "customer123"})
        QVERIFY2(text.find(secret) == std::string::npos, secret);
    // What is no secret stays as it was: ids, amounts, codes, a number that is no card's.
    QCOMPARE(payment["orderId"].get<std::string>(), std::string("LIVE-V20240807160726-PAY_6367_3859"));
    QCOMPARE(payment["totalAmount"].get<int>(), 22400);
    QCOMPARE(payment["card"]["issuerCode"].get<std::string>(), std::string("61"));
    QCOMPARE(payment["giftCertificate"]["number"].get<std::string>(), std::string("7890123"));
    QCOMPARE(payment["virtualAccount"]["accountNumber"].get<std::string>(), std::string("**********8308"));
    QVERIFY(maskedFieldsDescription().contains(QLatin1String("payment secret")));
}

void TestCaseSummary::factsOfAPaymentAndOfAnInAppOrder()
{
    const Catalog catalog = Catalog::builtIn();
    LoadedCase loaded = loadText(R"({"paymentKey":"pk_1","orderId":"o_1","status":"DONE","method":"카드",
        "currency":"KRW","totalAmount":15000,"balanceAmount":5000,"orderName":"토스 티셔츠","version":"2022-11-16"})",
                                 {"paste", {}, 0});
    CaseFacts facts = caseFactsOf(loaded.kase, catalog);
    QCOMPARE(facts.kind, DocumentKind::Payment);
    QCOMPARE(facts.status, std::string("DONE"));
    QVERIFY(!facts.statusLabel.empty());
    QCOMPARE(facts.totalAmount.value_or(0), 15000.0);
    QCOMPARE(facts.balanceAmount.value_or(0), 5000.0);
    QCOMPARE(facts.paymentKey, std::string("pk_1"));

    loaded = loadText(R"({"resultType":"SUCCESS","success":{"orderId":"8f0a1e2b-1111-2222-3333-444455556666",
        "status":"PAYMENT_COMPLETED","amount":3300,"productName":"코인 100개","statusDeterminedAt":"2025-10-02T21:00:00"}})",
                      {"paste", {}, 0});
    facts = caseFactsOf(loaded.kase, catalog);
    QCOMPARE(facts.kind, DocumentKind::IapOrderStatus);
    QCOMPARE(facts.status, std::string("PAYMENT_COMPLETED"));
    QCOMPARE(facts.totalAmount.value_or(0), 3300.0);
}

void TestCaseSummary::summaryOfSeed001()
{
    QFile file(QStringLiteral(PAYTRIAGE_SAMPLES "/seed001-vbank-console-log.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    LoadedCase loaded = loadText(file.readAll().toStdString(), {"paste", {}, 0});
    QVERIFY(loaded.decoded.ok());
    const Catalog catalog = Catalog::builtIn();
    const FixedClock clock(parseTimestamp("2024-08-10T00:00:00+09:00")->msSinceEpoch);
    const Analysis analysis = Analyzer(catalog, clock).analyze(loaded.kase);
    const CaseFacts facts = caseFactsOf(loaded.kase, catalog);
    const std::string text = caseSummaryText(facts, analysis, Language::English, "ticket 4512",
                                             "Shop A · TEST key · looked up 2024-08-10 09:00:00 KST");
    QVERIFY2(text.starts_with("[PayTriage] ticket 4512\n"), text.c_str());
    QVERIFY2(text.find("Status: CANCELED") != std::string::npos, text.c_str());
    QVERIFY(text.find("orderId: LIVE-V20240807160726-PAY_6367_3859") != std::string::npos);
    QVERIFY(text.find("Source: Shop A · TEST key") != std::string::npos);
    QVERIFY(text.find("Virtual account canceled before any deposit") != std::string::npos);
    QVERIFY(text.find("Do not reconcile this as a refund") != std::string::npos);
    QVERIFY(text.find("Masked: payment secret") != std::string::npos);
    // No raw document text: the summary quotes facts, not the paste.
    QVERIFY(text.find("console.log") == std::string::npos);
}

void TestCaseSummary::findingTextMasksItsEvidence()
{
    Finding f;
    f.severity = Severity::Warning;
    f.title = {"제목", "Title"};
    f.advice = {"조언", "Advice"};
    f.evidence = {{"/virtualAccount/accountNumber", "X6505636518308", {}}, {"secret", "ps_abc", {}}, {"totalAmount", "22400", {}}};
    const std::string text = findingText(f, Language::English);
    QVERIFY2(text.find("X6505636518308") == std::string::npos, text.c_str());
    QVERIFY(text.find("**********8308") != std::string::npos);
    QVERIFY(text.find("ps_abc") == std::string::npos);
    QVERIFY(text.find("totalAmount: 22400") != std::string::npos);
    QVERIFY(text.find("Title") != std::string::npos && text.find("Advice") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestCaseSummary)
#include "tst_casesummary.moc"
