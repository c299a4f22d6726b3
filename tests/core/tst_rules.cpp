// Every rule of the design's table: rows that must fire (with severity), rows that must not,
// the seed cases, a healthy document of every method × status that must stay quiet, and the
// legitimate oddities of the facts sheet §8.

#include "catalog/catalog.h"
#include "model/input.h"
#include "rules/analyzer.h"
#include "rules/builtinrules.h"
#include "util/timestamp.h"

#include "../support/paymentfactory.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <map>

using namespace paytriage;
using paytriage::test::Json;

namespace {

QString fixture(const QString &name)
{
    QFile file(QStringLiteral(PAYTRIAGE_SAMPLES "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QString::fromUtf8(file.readAll());
}

std::int64_t at(const char *iso)
{
    return parseTimestamp(iso)->msSinceEpoch;
}

struct Result
{
    LoadedCase loaded;
    Analysis analysis;
};

Result analyse(const QString &text, std::int64_t nowMs, const std::string &endpoint = {})
{
    Result r;
    r.loaded = loadText(text.toStdString(), {"test", endpoint, 0});
    if (!r.loaded.decoded.ok())
        qFatal("fixture did not decode: %s", qPrintable(r.loaded.decoded.error->message().toString()));
    const Catalog catalog = Catalog::builtIn();
    const FixedClock clock(nowMs);
    r.analysis = Analyzer(catalog, clock).analyze(r.loaded.kase);
    return r;
}

QString describe(const Analysis &a)
{
    QStringList lines;
    for (const Finding &f : a.findings)
        lines << QStringLiteral("%1.%2 [%3] %4 %5")
                     .arg(QString::fromStdString(f.rule), QString::fromStdString(f.variant),
                          QString::fromLatin1(severityId(f.severity).data()),
                          f.pointers.empty() ? QString() : QString::fromStdString(f.pointers.front()),
                          QString::fromStdString(f.title.en));
    return lines.join(QLatin1Char('\n'));
}

const Finding *find(const Analysis &a, const QString &ruleVariant)
{
    const QStringList parts = ruleVariant.split(QLatin1Char('.'));
    for (const Finding &f : a.findings)
        if (QString::fromStdString(f.rule) == parts[0]
            && (parts.size() < 2 || QString::fromStdString(f.variant) == parts[1]))
            return &f;
    return nullptr;
}

QString payment(const Json &p)
{
    return QString::fromStdString(p.dump());
}

// 5 minutes after every generated payment's requestedAt: nothing has timed out yet.
const std::int64_t soon = at("2025-04-02T08:44:21+09:00");

} // namespace

class TestRules final : public QObject
{
    Q_OBJECT

private slots:
    void fires_data();
    void fires();
    void quiet_data();
    void quiet();
    void healthyEveryMethodAndStatus_data();
    void healthyEveryMethodAndStatus();
    void seed003EveryCodeExplained();
    void findingsCarryBothLanguages();
    void severityOverride();
    void foldsRepeatsAcrossRecords();
    void ledgerOverManyBatches();
    void recordsWithTheSameKeys();
    void ruleIdsMatchTheDesign();
    void errorMessagePicksTheExplanation();
    void errorShowsTheStatusReceived();
};

void TestRules::fires_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("expected");    // rule.variant
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("pointer");     // the first pointer of the finding

    using test::healthyPayment;
    // Seed 000: IN_PROGRESS with nulls, read 20 minutes after requestedAt (08:39:21 → 08:59:21):
    // past the 10-minute IN_PROGRESS window.
    QTest::newRow("seed 000 in progress past ten minutes")
        << fixture(QStringLiteral("seed000-confirm-in-progress.json")) << qint64(at("2025-04-02T08:59:21+09:00"))
        << QString() << "status-stuck-in-progress.in-progress" << "warning" << "/status";
    QTest::newRow("seed 000 as the answer to confirm")
        << fixture(QStringLiteral("seed000-confirm-in-progress.json")) << qint64(at("2025-04-02T08:39:30+09:00"))
        << "/v1/payments/confirm" << "status-stuck-in-progress.confirm" << "critical" << "/status";
    {
        // Seed 000's incident: the transactions already had the approval.
        Json tx = test::transaction({{"mId", "ec_idlook"}, {"paymentKey", "ec_id20250402083921BUZL3"},
                                     {"orderId", "2025040210437094"}, {"method", "카드"}},
                                    "7AC7DF9DF5D7E6F91ED76211D4107371", "DONE", 119691, "2025-04-02T08:39:40+09:00");
        QTest::newRow("seed 000 contradicted by a DONE transaction")
            << fixture(QStringLiteral("seed000-confirm-in-progress.json")) + QString::fromStdString(Json::array({tx}).dump())
            << qint64(at("2025-04-02T08:40:00+09:00")) << QString() << "status-stuck-in-progress.contradicted"
            << "critical" << "/status";
    }
    {
        Json p = healthyPayment("카드", "READY");
        // READY since 08:39:21; at 09:10:21 that is 31 minutes, past the 30-minute window.
        QTest::newRow("ready past thirty minutes") << payment(p) << qint64(at("2025-04-02T09:10:21+09:00")) << QString()
                                                   << "status-stuck-in-progress.ready" << "warning" << "/status";
    }
    {
        Json p = healthyPayment("가상계좌", "WAITING_FOR_DEPOSIT");
        // dueDate 2025-04-09 23:59:59 KST; read a day later.
        QTest::newRow("virtual account past due date") << payment(p) << qint64(at("2025-04-10T23:59:59+09:00"))
                                                       << QString() << "status-stuck-in-progress.deposit-overdue" << "info"
                                                       << "/virtualAccount/dueDate";
    }
    QTest::newRow("seed 001 virtual account canceled before deposit")
        << fixture(QStringLiteral("seed001-vbank-console-log.txt")) << qint64(soon) << QString()
        << "vbank-cancel-without-deposit.transactions" << "warning" << "/status";
    // The same trimmed to a fragment without its amount (and cut): no amount is claimed or pointed at.
    QTest::newRow("virtual account canceled before deposit, amount trimmed")
        << QStringLiteral(R"({"transactionKey":"t1","paymentKey":"p1","orderId":"o1" "method":"가상계좌",)"
                          R"("status":"CANCELED" "transactionAt":"2024-02-01T10:00:00+09:00")")
        << qint64(soon) << QString() << "vbank-cancel-without-deposit.transactions-no-amount" << "warning" << "/status";
    {
        Json p = healthyPayment("가상계좌", "CANCELED");
        p["approvedAt"] = nullptr;
        p["virtualAccount"] = nullptr;
        QTest::newRow("virtual account payment canceled, never approved, account null")
            << payment(p) << qint64(soon) << QString() << "vbank-cancel-without-deposit.payment-only" << "info"
            << "/status";
    }
    {
        Json p = healthyPayment("가상계좌", "CANCELED");
        p["approvedAt"] = nullptr;
        p["virtualAccount"]["refundStatus"] = "NONE";
        QTest::newRow("virtual account payment canceled, never approved")
            << payment(p) << qint64(soon) << QString() << "vbank-cancel-without-deposit.payment-only" << "info"
            << "/status";
    }
    {
        Json p = healthyPayment("카드", "DONE");
        p["approvedAt"] = nullptr;
        p["useEscrow"] = nullptr;
        QTest::newRow("done card without approvedAt and useEscrow") << payment(p) << qint64(soon) << QString()
                                                                    << "null-field-for-status.fields" << "warning"
                                                                    << "/approvedAt";
    }
    {
        Json p = healthyPayment("카드", "PARTIAL_CANCELED");
        p["method"] = "";
        QTest::newRow("partial canceled with empty method") << payment(p) << qint64(soon) << QString()
                                                            << "null-field-for-status.fields" << "warning" << "/method";
    }
    {
        Json p = healthyPayment("카드", "DONE");
        p["card"] = nullptr;
        QTest::newRow("done card without card details") << payment(p) << qint64(soon) << QString()
                                                        << "null-field-for-status.detail" << "warning" << "/card";
    }
    {
        Json p = healthyPayment("카드", "DONE");
        p["status"] = "SETTLING";
        QTest::newRow("unknown payment status") << payment(p) << qint64(soon) << QString()
                                                << "unknown-enum-value.unknown" << "warning" << "/status";
    }
    {
        Json p = healthyPayment("카드", "DONE");
        p["card"]["acquireStatus"] = "HOLD";
        QTest::newRow("unknown nested enum value") << payment(p) << qint64(soon) << QString()
                                                   << "unknown-enum-value.unknown" << "warning" << "/card/acquireStatus";
    }
    // Seed 002: statusDeterminedAt 2025-09-25T16:30:26 (KST); PAYMENT_COMPLETED deserves attention
    // after 10 minutes. Three minutes on it is explained; an hour on it is a warning.
    QTest::newRow("seed 002 PAYMENT_COMPLETED explained while young")
        << fixture(QStringLiteral("seed002-iap-payment-completed.txt")) << qint64(at("2025-09-25T16:33:26+09:00"))
        << QString() << "status-stuck-in-progress.iap-payment-completed" << "info" << "/status";
    QTest::newRow("seed 002 PAYMENT_COMPLETED an hour old")
        << fixture(QStringLiteral("seed002-iap-payment-completed.txt")) << qint64(at("2025-09-25T17:30:26+09:00"))
        << QString() << "status-stuck-in-progress.iap-not-granted" << "warning" << "/status";
    QTest::newRow("in-app order not found")
        << QStringLiteral(R"({"resultType":"SUCCESS","success":{"orderId":"0199a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b",)"
                          R"("status":"NOT_FOUND","reason":"주문을 찾을 수 없어요.","statusDeterminedAt":null}})")
        << qint64(soon) << QString() << "api-error.iap-status" << "warning" << "/success/status";
    {
        Json p = healthyPayment("카드", "DONE");
        p["requestedAt"] = "2025-04-02T08:39:21";  // documented with an offset
        QTest::newRow("payment time without offset") << payment(p) << qint64(soon) << QString()
                                                     << "timestamp-without-offset.default" << "info" << "/requestedAt";
    }
    {
        Json p = healthyPayment("카드", "PARTIAL_CANCELED");
        // total 50,000 − cancel 10,000 = 40,000 expected; 45,000 claimed.
        p["balanceAmount"] = 45000;
        QTest::newRow("balance is not total minus cancels") << payment(p) << qint64(soon) << QString()
                                                            << "amount-mismatch.balance" << "warning" << "/balanceAmount";
    }
    {
        Json p = healthyPayment("카드", "DONE");
        // 45,455 + 4,545 = 50,000 normally; 45,000 + 4,545 = 49,545 ≠ 50,000.
        p["suppliedAmount"] = 45000;
        QTest::newRow("supply plus vat is not the balance") << payment(p) << qint64(soon) << QString()
                                                            << "amount-mismatch.supply-vat" << "warning"
                                                            << "/suppliedAmount";
    }
    {
        Json p = healthyPayment("카드", "DONE");
        p["balanceAmount"] = -100;
        QTest::newRow("negative balance") << payment(p) << qint64(soon) << QString() << "amount-mismatch.balance-range"
                                          << "critical" << "/balanceAmount";
    }
    {
        Json p = healthyPayment("카드", "CANCELED");
        p["balanceAmount"] = 10000;
        p["cancels"][0]["cancelAmount"] = 40000;
        p["cancels"][0]["refundableAmount"] = 10000;
        p["suppliedAmount"] = 9091;
        p["vat"] = 909;
        QTest::newRow("canceled but balance left") << payment(p) << qint64(soon) << QString()
                                                   << "amount-mismatch.canceled-balance" << "warning" << "/status";
    }
    {
        Json s = test::healthySettlements(healthyPayment("카드", "DONE"))[0];
        // amount 50,000 − fee 1,650 = 48,350, but 48,000 is paid out.
        s["payOutAmount"] = 48000;
        QTest::newRow("payout is not amount minus fee") << payment(Json::array({s})) << qint64(soon) << QString()
                                                        << "settlement-arithmetic.payout" << "warning" << "/0/payOutAmount";
    }
    {
        Json s = test::healthySettlements(healthyPayment("카드", "DONE"))[0];
        // fees: BASE 1,650 + ETC 100 = 1,750 ≠ fee 1,650.
        s["fees"][1]["fee"] = 100;
        QTest::newRow("fee breakdown does not add up") << payment(Json::array({s})) << qint64(soon) << QString()
                                                       << "settlement-arithmetic.fees" << "warning" << "/0/fees";
    }
    {
        Json s = test::healthySettlements(healthyPayment("카드", "DONE"))[0];
        // supply 1,500 + vat 200 = 1,700 ≠ fee 1,650.
        s["vat"] = 200;
        QTest::newRow("fee supply plus vat is not the fee") << payment(Json::array({s})) << qint64(soon) << QString()
                                                            << "settlement-arithmetic.fee-vat" << "warning"
                                                            << "/0/supplyAmount";
    }
    {
        const Json p = healthyPayment("카드", "PARTIAL_CANCELED");
        Json rows = test::healthySettlements(p);
        // Approval row +50,000 alone (cancel row dropped) = 50,000 ≠ balance 40,000.
        rows.erase(1);
        QTest::newRow("settlements do not sum to the balance")
            << payment(p) + payment(rows) << qint64(soon) << QString() << "settlement-payment-mismatch.default"
            << "warning" << "/balanceAmount";
    }
    {
        Json p = healthyPayment("카드", "DONE");
        p["approvedAt"] = "2025-04-02T08:30:00+09:00";
        QTest::newRow("approved before requested") << payment(p) << qint64(soon) << QString()
                                                   << "timestamp-order.default" << "warning" << "/approvedAt";
    }
    {
        const Json p = healthyPayment("카드", "CANCELED");
        Json txs = test::healthyTransactions(p);
        txs[1]["transactionAt"] = "2025-04-02T08:00:00+09:00";  // cancel at 08:00, approval at 08:40
        QTest::newRow("cancel transaction before approval") << payment(txs) << qint64(soon) << QString()
                                                            << "timestamp-order.transactions" << "warning"
                                                            << "/1/transactionAt";
    }
    {
        // Two webhooks for one payment 45 ms apart: DONE, then ABORTED (facts §6.2).
        Json done = healthyPayment("카드", "DONE");
        Json aborted = done;
        aborted["status"] = "ABORTED";
        const QString first = QStringLiteral(R"({"eventType":"PAYMENT_STATUS_CHANGED","createdAt":"2025-04-02T08:40:00.100000","data":)")
                              + payment(done) + QStringLiteral("}");
        const QString second = QStringLiteral(R"({"eventType":"PAYMENT_STATUS_CHANGED","createdAt":"2025-04-02T08:40:00.145000","data":)")
                               + payment(aborted) + QStringLiteral("}");
        QTest::newRow("contradictory webhooks milliseconds apart") << first + second << qint64(soon) << QString()
                                                                   << "status-transition.default" << "warning" << "/data/status";
    }
    {
        // Two snapshots of one payment pasted: DONE, and later EXPIRED, which nothing reaches from DONE.
        Json done = healthyPayment("카드", "DONE");
        Json expired = healthyPayment("카드", "EXPIRED");
        QTest::newRow("snapshots DONE and EXPIRED") << payment(done) + payment(expired) << qint64(soon) << QString()
                                                    << "status-transition.default" << "warning" << "/status";
    }
    {
        Json p = healthyPayment("카드", "DONE");
        for (const char *key : {"card", "secret", "checkout", "receipt", "cashReceipts", "discount"})
            p.erase(key);
        QTest::newRow("trimmed payment is partial") << payment(p) << qint64(soon) << QString()
                                                    << "partial-document.default" << "info" << "";
    }
    QTest::newRow("elided card in a docs example")
        << QStringLiteral("{\"paymentKey\": \"tgen_1\", \"status\": \"DONE\", \"card\": {\"issuerCode\": \"61\", ...}}")
        << qint64(soon) << QString() << "partial-document" << "info" << "";
    QTest::newRow("unrecognised document") << QStringLiteral(R"({"ok": true, "channel": "C0123", "ts": "1712.5"})")
                                           << qint64(soon) << QString() << "unrecognised-document.default" << "info" << "";
    QTest::newRow("gateway error with a numeric code") << QStringLiteral(R"({"code": 404, "message": "Not Found"})")
                                                       << qint64(soon) << QString() << "api-error.gateway" << "warning" << "/code";
    {
        Json s = test::healthySettlements(healthyPayment("카드", "DONE"))[0];
        s.erase("fees");
        QTest::newRow("fee without a breakdown") << payment(Json::array({s})) << qint64(soon) << QString()
                                                 << "settlement-arithmetic.no-breakdown" << "info" << "/0/fee";
    }
    {
        // A 24-month interest-free instalment whose fee is 26 % of the amount.
        Json s = test::healthySettlements(healthyPayment("카드", "DONE"))[0];
        s["card"]["installmentPlanMonths"] = 24;
        s["card"]["isInterestFree"] = true;
        const double amount = s["amount"].get<double>();
        s["fee"] = amount * 0.26;
        s["fees"] = Json::array({{{"type", "BASE"}, {"fee", amount * 0.26}}});
        s["supplyAmount"] = amount * 0.26 / 1.1;
        s["vat"] = amount * 0.26 - amount * 0.26 / 1.1;
        s["payOutAmount"] = amount - amount * 0.26;
        QTest::newRow("high fee of an interest-free instalment") << payment(Json::array({s})) << qint64(soon) << QString()
                                                                  << "settlement-arithmetic.high-fee-instalment" << "info"
                                                                  << "/0/fee";
    }
    QTest::newRow("the docs' ENABLE spelling")
        << QStringLiteral(R"({"eventType":"METHOD_UPDATED","createdAt":"2025-09-11T18:55:21.330814",)"
                          R"("data":{"customerKey":"cus_1","methodKey":"mk_1","status":"ENABLE"}})")
        << qint64(soon) << QString() << "unknown-enum-value.variant" << "info" << "/data/status";
    {
        Json p = healthyPayment("카드", "ABORTED");
        p["currency"] = "SEK";
        QTest::newRow("an ISO 4217 code the catalog does not list") << payment(p) << qint64(soon) << QString()
                                                                    << "unknown-enum-value.open" << "info" << "/currency";
    }
    {
        Json p = healthyPayment("간편결제", "DONE");
        p["easyPayAmount"] = 0;
        QTest::newRow("undocumented top-level easyPayAmount") << payment(p) << qint64(soon) << QString()
                                                              << "unknown-field.undocumented" << "info" << "/easyPayAmount";
    }
    {
        Json s = test::healthySettlements(healthyPayment("카드", "DONE"))[0];
        s["card"]["company"] = "현대";
        QTest::newRow("legacy card.company in a settlement row") << payment(Json::array({s})) << qint64(soon) << QString()
                                                                 << "unknown-field.legacy" << "info" << "/0/card/company";
    }
    {
        const Json error = {{"code", "FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING"}, {"message", "결제가능 시간을 초과하였습니다."}};
        QTest::newRow("error message picks the explanation") << payment(error) << qint64(soon) << QString()
                                                             << "api-error.known" << "warning" << "/code";
    }
    QTest::newRow("known error code") << QStringLiteral(R"({"code":"NOT_FOUND_PAYMENT","message":"존재하지 않는 결제 정보 입니다."})")
                                      << qint64(soon) << QString() << "api-error.known" << "warning" << "/code";
    QTest::newRow("unknown error code") << QStringLiteral(R"({"code":"BRAND_NEW_PROBLEM","message":"새 오류"})")
                                        << qint64(soon) << QString() << "api-error.unknown" << "warning" << "/code";
    QTest::newRow("apps-in-toss failure envelope")
        << QStringLiteral(R"({"resultType":"FAIL","error":{"errorCode":"INTERNAL_ERROR","reason":"내부 오류"}})")
        << qint64(soon) << QString() << "api-error" << "warning" << "/error/errorCode";
    QTest::newRow("aborted payment failure explained") << payment(healthyPayment("카드", "ABORTED")) << qint64(soon)
                                                       << QString() << "api-error.known" << "info" << "/failure/code";
    {
        Json p = healthyPayment("카드", "DONE");
        p["brandNewField"] = "x";
        QTest::newRow("field added without a version bump") << payment(p) << qint64(soon) << QString()
                                                            << "unknown-field.default" << "info" << "/brandNewField";
    }
}

void TestRules::fires()
{
    QFETCH(QString, text);
    QFETCH(qint64, now);
    QFETCH(QString, endpoint);
    QFETCH(QString, expected);
    QFETCH(QString, severity);
    QFETCH(QString, pointer);
    const Result r = analyse(text, now, endpoint.toStdString());
    const Finding *f = find(r.analysis, expected);
    QVERIFY2(f, qPrintable(QStringLiteral("expected %1, got:\n%2").arg(expected, describe(r.analysis))));
    QCOMPARE(QString::fromLatin1(severityId(f->severity).data()), severity);
    QVERIFY(!f->pointers.empty());
    QCOMPARE(QString::fromStdString(f->pointers.front()), pointer);
    // Every finding points at values the document has (the console highlights them).
    for (const Finding &any : r.analysis.findings)
        for (const std::string &p : any.pointers)
            QVERIFY2(r.loaded.kase.documents[any.document].value.contains(Json::json_pointer(p)),
                     qPrintable(QStringLiteral("%1 points at %2, which is not there")
                                    .arg(QString::fromStdString(any.rule), QString::fromStdString(p))));
    // Wording came from the catalog, and every placeholder of its template was filled.
    const MessageTexts templ = Catalog::builtIn().message(f->rule + '.' + f->variant);
    const QRegularExpression placeholder(QStringLiteral("\\{[A-Za-z]+\\}"));
    const std::pair<const LocalizedText *, const LocalizedText *> pairs[] = {
        {&f->title, &templ.title}, {&f->detail, &templ.detail}, {&f->advice, &templ.advice}};
    for (const auto &[rendered, source] : pairs) {
        QVERIFY2(!rendered->ko.empty() && !rendered->en.empty(), qPrintable(QString::fromStdString(f->title.en)));
        for (const std::string *t : {&source->ko, &source->en}) {
            auto it = placeholder.globalMatch(QString::fromStdString(*t));
            while (it.hasNext()) {
                const QString name = it.next().captured();
                QVERIFY2(!QString::fromStdString(rendered->en).contains(name) && !QString::fromStdString(rendered->ko).contains(name),
                         qPrintable(name));
            }
        }
    }
}

void TestRules::quiet_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("absent");  // rule(.variant) that must not appear

    using test::healthyPayment;
    // Seed 000's answer: IN_PROGRESS legitimately has nulls.
    QTest::newRow("seed 000 nulls are legitimate in progress")
        << fixture(QStringLiteral("seed000-confirm-in-progress.json")) << qint64(at("2025-04-02T08:59:21+09:00"))
        << "null-field-for-status";
    QTest::newRow("seed 000 read within ten minutes is not stuck")
        << fixture(QStringLiteral("seed000-confirm-in-progress.json")) << qint64(at("2025-04-02T08:45:00+09:00"))
        << "status-stuck-in-progress";
    // Seed 004: the settlement of a canceled card payment adds up: −99,800 − (−2,250) = −97,550;
    // fees −2,250 + 0 = −2,250; supply −2,045 + vat −205 = −2,250.
    QTest::newRow("seed 004 settlement adds up") << fixture(QStringLiteral("seed004-settlement-paste.txt")) << qint64(soon)
                                                 << "settlement-arithmetic";
    QTest::newRow("seed 004 supplyAmount is known") << fixture(QStringLiteral("seed004-settlement-paste.txt"))
                                                    << qint64(soon) << "unknown-field";
    {
        Json s = test::healthySettlements(healthyPayment("카드", "DONE"))[0];
        s["suppliedAmount"] = s["supplyAmount"];
        s.erase("supplyAmount");
        QTest::newRow("suppliedAmount alias is not drift") << payment(Json::array({s})) << qint64(soon) << "unknown-field";
    }
    {
        const Json p = healthyPayment("가상계좌", "CANCELED");
        QTest::newRow("virtual account deposited then canceled")
            << payment(p) + payment(test::healthyTransactions(p)) << qint64(soon) << "vbank-cancel-without-deposit";
    }
    {
        // Facts §8.4: on a deposit error a virtual account goes DONE → WAITING_FOR_DEPOSIT.
        Json p = healthyPayment("가상계좌", "WAITING_FOR_DEPOSIT");
        Json txs = test::healthyTransactions(healthyPayment("가상계좌", "DONE"));
        txs.push_back(test::transaction(p, "txrd_again", "WAITING_FOR_DEPOSIT", 0, "2025-04-02T09:30:00+09:00"));
        QTest::newRow("virtual account done back to waiting") << payment(p) + payment(txs) << qint64(soon) << "warning";
    }
    {
        // Facts §8.3: PayPal in USD with cents, method "", useEscrow/receipt null, easyPay "".
        Json p = healthyPayment("카드", "PARTIAL_CANCELED");
        p["currency"] = "USD";
        p["country"] = "BS";
        p["method"] = "";
        p["easyPay"] = "";
        p["card"] = nullptr;
        p["useEscrow"] = nullptr;
        p["receipt"] = nullptr;
        p["totalAmount"] = 726.24;
        p["cancels"][0]["cancelAmount"] = 181.56;
        p["cancels"][0]["cancelReason"] = "";
        // 726.24 − 181.56 = 544.68 = 495.16 + 49.52
        p["cancels"][0]["refundableAmount"] = 544.68;
        p["balanceAmount"] = 544.68;
        p["suppliedAmount"] = 495.16;
        p["vat"] = 49.52;
        QTest::newRow("paypal usd with cents and empty strings") << payment(p) << qint64(soon) << "warning";
        // The same payment in MUSD micro-units (USD × 10⁶): 726,240,000 − 181,560,000 = 544,680,000.
        p["currency"] = "MUSD";
        p["totalAmount"] = 726240000;
        p["cancels"][0]["cancelAmount"] = 181560000;
        p["cancels"][0]["refundableAmount"] = 544680000;
        p["balanceAmount"] = 544680000;
        p["suppliedAmount"] = 495160000;
        p["vat"] = 49520000;
        QTest::newRow("paypal in MUSD micro-units") << payment(p) << qint64(soon) << "warning";
    }
    {
        Json p = healthyPayment("카드", "DONE");
        p["orderName"] = "";
        QTest::newRow("empty order name") << payment(p) << qint64(soon) << "warning";
    }
    {
        // Facts §8.1: EXPIRED with method null, useEscrow null, lastTransactionKey null.
        QTest::newRow("expired with nulls") << payment(healthyPayment("카드", "EXPIRED")) << qint64(soon)
                                            << "null-field-for-status";
    }
    {
        Json p = healthyPayment("카드", "DONE");
        p["version"] = "1.4";
        p["card"].erase("issuerCode");
        p["card"].erase("acquirerCode");
        p["card"]["company"] = "현대";
        QTest::newRow("version 1.4 card company is known") << payment(p) << qint64(soon) << "unknown-field";
    }
    QTest::newRow("seed 002 is not an unknown value") << fixture(QStringLiteral("seed002-iap-payment-completed.txt"))
                                                      << qint64(soon) << "unknown-enum-value";
    QTest::newRow("seed 002 statusDeterminedAt is documented without offset")
        << fixture(QStringLiteral("seed002-iap-payment-completed.txt")) << qint64(soon) << "timestamp-without-offset";
    QTest::newRow("webhook createdAt is documented without offset")
        << QStringLiteral(R"({"eventType":"PAYMENT_STATUS_CHANGED","createdAt":"2023-07-20T16:35:47.729718","data":)")
               + payment(healthyPayment("카드", "DONE")) + QStringLiteral("}")
        << qint64(soon) << "timestamp-without-offset";
    {
        // Keys absent from a trimmed paste are unknown, not null; "" is a docs placeholder.
        Json p = healthyPayment("카드", "DONE");
        for (const char *key : {"approvedAt", "useEscrow", "receipt", "card"})
            p.erase(key);
        p["lastTransactionKey"] = "";
        QTest::newRow("absent keys of a trimmed paste are not null") << payment(p) << qint64(soon) << "null-field-for-status";
    }
    {
        // DONE, then PARTIAL_CANCELED: the documented flow.
        Json later = healthyPayment("카드", "PARTIAL_CANCELED");
        QTest::newRow("snapshots DONE then PARTIAL_CANCELED") << payment(healthyPayment("카드", "DONE")) + payment(later)
                                                              << qint64(soon) << "status-transition";
    }
    {
        // A virtual account's deposit failed: DONE goes back to WAITING_FOR_DEPOSIT (facts §8.4).
        Json done = healthyPayment("가상계좌", "DONE");
        Json waiting = healthyPayment("가상계좌", "WAITING_FOR_DEPOSIT");
        const QString first = QStringLiteral(R"({"eventType":"PAYMENT_STATUS_CHANGED","createdAt":"2025-04-02T09:00:00.000000","data":)")
                              + payment(done) + QStringLiteral("}");
        const QString second = QStringLiteral(R"({"eventType":"PAYMENT_STATUS_CHANGED","createdAt":"2025-04-02T09:05:00.000000","data":)")
                               + payment(waiting) + QStringLiteral("}");
        QTest::newRow("virtual account deposit error") << first + second << qint64(soon) << "status-transition";
    }
    {
        Json p = healthyPayment("카드", "ABORTED");
        p["currency"] = "PHP";
        QTest::newRow("PHP is a known currency") << payment(p) << qint64(soon) << "unknown-enum-value";
    }
    {
        Json p = healthyPayment("카드", "DONE");
        p["method"] = "CARD";  // English codes are parsed too (facts §3.4)
        QTest::newRow("english method code") << payment(p) << qint64(soon) << "warning";
    }
}

void TestRules::quiet()
{
    QFETCH(QString, text);
    QFETCH(qint64, now);
    QFETCH(QString, absent);
    const Result r = analyse(text, now);
    if (absent == QLatin1String("warning")) {
        QVERIFY2(!r.analysis.hasWarnings(), qPrintable(describe(r.analysis)));
        return;
    }
    QVERIFY2(!find(r.analysis, absent), qPrintable(describe(r.analysis)));
}

void TestRules::healthyEveryMethodAndStatus_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("status");
    for (const std::string &m : test::allMethods())
        for (const std::string &s : test::allStatuses()) {
            if (s == "WAITING_FOR_DEPOSIT" && m != "가상계좌")
                continue;  // only virtual accounts wait for a deposit
            QTest::addRow("%s %s", m.c_str(), s.c_str()) << QString::fromStdString(m) << QString::fromStdString(s);
        }
}

void TestRules::healthyEveryMethodAndStatus()
{
    QFETCH(QString, method);
    QFETCH(QString, status);
    const Json p = test::healthyPayment(method.toStdString(), status.toStdString());
    // The payment, its transactions and its settlements together, as a lookup would fetch them.
    const QString text = payment(p) + payment(test::healthyTransactions(p)) + payment(test::healthySettlements(p));
    const Result r = analyse(text, soon);
    QVERIFY2(!r.analysis.hasWarnings(), qPrintable(describe(r.analysis)));
    // The catalog knows every field the API sends: no drift reported on healthy documents.
    QVERIFY2(!find(r.analysis, QStringLiteral("unknown-field")), qPrintable(describe(r.analysis)));
    QVERIFY(!r.analysis.timeline.empty());
}

void TestRules::seed003EveryCodeExplained()
{
    const Result r = analyse(fixture(QStringLiteral("seed003-error-codes.txt")), soon);
    // 13 codes in the thread, one finding each, all known to the catalog.
    int known = 0;
    for (const Finding &f : r.analysis.findings) {
        if (f.rule != "api-error")
            continue;
        QCOMPARE(QString::fromStdString(f.variant), QStringLiteral("known"));
        QVERIFY(f.detail.en.find("Who acts") != std::string::npos);
        ++known;
    }
    QCOMPARE(known, 13);
    // Staff answers carried into the catalog: NOT_FOUND is about the secret key's merchant.
    const Catalog catalog = Catalog::builtIn();
    const Json *notFound = catalog.error("NOT_FOUND");
    QVERIFY(notFound);
    QVERIFY(Catalog::text(*notFound, "meaning").ko.find("시크릿 키") != std::string::npos);
}

void TestRules::findingsCarryBothLanguages()
{
    const Result r = analyse(fixture(QStringLiteral("seed001-vbank-console-log.txt")), soon);
    const Finding *f = find(r.analysis, QStringLiteral("vbank-cancel-without-deposit"));
    QVERIFY(f);
    QVERIFY(f->title.ko.find("가상계좌") != std::string::npos);
    QVERIFY(f->title.en.find("Virtual account") != std::string::npos);
    // The amount appears formatted: 22,400 KRW.
    QVERIFY2(f->title.en.find("22,400 KRW") != std::string::npos, f->title.en.c_str());
}

void TestRules::severityOverride()
{
    LoadedCase loaded = loadText(fixture(QStringLiteral("seed001-vbank-console-log.txt")).toStdString(), {"test", {}, 0});
    const Catalog catalog = Catalog::builtIn();
    const FixedClock clock(soon);
    AnalyzerOptions options;
    options.severityOverrides["vbank-cancel-without-deposit"] = Severity::Critical;
    const Analysis a = Analyzer(catalog, clock, options).analyze(loaded.kase);
    const Finding *f = find(a, QStringLiteral("vbank-cancel-without-deposit"));
    QVERIFY(f);
    QCOMPARE(f->severity, Severity::Critical);
}

void TestRules::foldsRepeatsAcrossRecords()
{
    // 500 transactions each with the same new field: one finding counting 500.
    Json list = Json::array();
    const Json p = test::healthyPayment("카드", "DONE");
    for (int i = 0; i < 500; ++i) {
        Json t = test::transaction(p, "tx" + std::to_string(i), "DONE", 1000, test::approvedAt);
        t["paymentKey"] = "pk" + std::to_string(i);
        t["brandNewField"] = i;
        list.push_back(t);
    }
    const Result r = analyse(payment(list), soon);
    const Finding *f = find(r.analysis, QStringLiteral("unknown-field"));
    QVERIFY(f);
    QCOMPARE(f->occurrences, std::size_t(500));
    QCOMPARE(r.analysis.findings.size(), std::size_t(1));
    QCOMPARE(r.analysis.records, std::size_t(500));
}

// The ledger notes transactions and folds them in batches of tens of thousands: what a payment's
// transactions say must not depend on where the batches fall. 200,000 streamed records, with
// the telling ones on both sides of batch boundaries and the last one folded only by finish().
void TestRules::ledgerOverManyBatches()
{
    const Catalog catalog = Catalog::builtIn();
    const FixedClock clock(soon);
    Case kase;
    kase.documents.emplace_back();
    kase.documents.back().kind = DocumentKind::Transactions;
    const Analyzer analyzer(catalog, clock);
    auto session = analyzer.begin(kase);

    const Json card = test::healthyPayment("카드", "DONE");
    const Json va = test::healthyPayment("가상계좌", "DONE");
    constexpr int count = 200000;
    const auto tx = [&](const Json &payment, const std::string &paymentKey, const char *status, const char *at) {
        Json t = test::transaction(payment, "tx-" + paymentKey + "-" + status, status, 1000, at);
        t["paymentKey"] = paymentKey;
        return t;
    };
    // paymentKey → (record index → transaction) for the telling records; the rest is filler.
    std::map<int, Json> telling{
        {10, tx(va, "va-deposited", "DONE", "2025-04-02T08:40:02+09:00")},
        {150000, tx(va, "va-deposited", "CANCELED", "2025-04-02T09:00:00+09:00")},
        {70000, tx(va, "va-never-paid", "CANCELED", "2025-04-02T09:00:00+09:00")},
        {100000, tx(card, "card-in-order", "CANCELED", "2025-04-02T09:00:00+09:00")},
        {131000, tx(card, "card-in-order", "DONE", "2025-04-02T08:40:02+09:00")},
        {66000, tx(card, "card-cancel-first", "CANCELED", "2025-04-02T08:30:00+09:00")},
        {132000, tx(card, "card-cancel-first", "DONE", "2025-04-02T08:40:02+09:00")},
        {count - 1, tx(card, "stuck", "DONE", "2025-04-02T08:40:02+09:00")},
    };
    Json filler = tx(card, "filler", "DONE", "2025-04-02T08:40:02+09:00");
    for (int i = 0; i < count; ++i) {
        const std::string pointer = "/" + std::to_string(i);
        const auto it = telling.find(i);
        if (it == telling.end())
            filler["paymentKey"] = "pk" + std::to_string(i);
        const Json &record = it == telling.end() ? filler : it->second;
        session->addRecord({DocumentKind::Transactions, 0, pointer, record, {}});
    }
    // The payment object arrives last, as a record of another kind would.
    Json stuck = test::healthyPayment("카드", "IN_PROGRESS");
    stuck["paymentKey"] = "stuck";
    session->addRecord({DocumentKind::Payment, 0, "/200000", stuck, {}});
    const Analysis a = session->finish();

    QCOMPARE(a.records, std::size_t(count + 1));
    const Finding *neverPaid = find(a, QStringLiteral("vbank-cancel-without-deposit"));
    QVERIFY2(neverPaid, qPrintable(describe(a)));
    QCOMPARE(neverPaid->occurrences, std::size_t(1));
    QCOMPARE(QString::fromStdString(neverPaid->pointers.front()), QStringLiteral("/70000/status"));
    const Finding *order = find(a, QStringLiteral("timestamp-order.transactions"));
    QVERIFY2(order, qPrintable(describe(a)));
    QCOMPARE(order->occurrences, std::size_t(1));
    QCOMPARE(QString::fromStdString(order->pointers.front()), QStringLiteral("/66000/transactionAt"));
    QVERIFY2(find(a, QStringLiteral("status-stuck-in-progress.contradicted")), qPrintable(describe(a)));
    QCOMPARE(a.findings.size(), std::size_t(3));
}

// A streamed record with the previous record's keys skips the field index's key comparisons:
// its values must still reach every field rule, exactly as when each key is compared. Only the
// rules that judge keys alone (partial-document) may skip it, and still find what the first
// record with those keys lacks.
void TestRules::recordsWithTheSameKeys()
{
    const Json card = test::healthyPayment("카드", "DONE");
    std::vector<Json> records;
    for (int i = 0; i < 60; ++i) {
        Json t = test::transaction(card, "tx" + std::to_string(i), "DONE", 1000, test::approvedAt);
        t["paymentKey"] = "pk" + std::to_string(i);
        records.push_back(t);
    }
    records[10]["status"] = "SOMETHING_NEW";                // unknown-enum-value
    records[20]["transactionAt"] = "2025-04-02T08:40:02";   // timestamp-without-offset
    records[30]["brandNewField"] = 1;                       // unknown-field; 31 then lacks it again
    Json reordered = Json::object();                        // 40: the same keys, another order
    for (auto it = records[40].items().begin(); it != records[40].items().end(); ++it)
        if (it.key() != "status")
            reordered[it.key()] = it.value();
    reordered["status"] = "ANOTHER_NEW";
    records[40] = reordered;
    for (std::size_t i = 50; i < records.size(); ++i)     // partial-document: trimmed from 50 on; 51… repeat its keys
        records[i].erase("receiptUrl");

    const Catalog catalog = Catalog::builtIn();
    const FixedClock clock(soon);
    const auto run = [&](bool trustSameKeys) {
        Case kase;
        kase.documents.emplace_back();
        const Analyzer analyzer(catalog, clock);
        auto session = analyzer.begin(kase);
        for (std::size_t i = 0; i < records.size(); ++i) {
            bool sameKeys = false;
            if (trustSameKeys && i > 0 && records[i].size() == records[i - 1].size()) {
                sameKeys = true;
                auto a = records[i].begin();
                for (auto b = records[i - 1].begin(); b != records[i - 1].end(); ++a, ++b)
                    sameKeys = sameKeys && a.key() == b.key();
            }
            const std::string pointer = "/" + std::to_string(i);
            session->addRecord({DocumentKind::Transactions, 0, pointer, records[i], {}}, sameKeys);
        }
        return describe(session->finish());
    };
    const QString compared = run(false);
    QCOMPARE(run(true), compared);
    for (const char *expected : {"unknown-enum-value.unknown [warning] /10/status",
                                 "unknown-enum-value.unknown [warning] /40/status",
                                 "timestamp-without-offset.default [info] /20/transactionAt",
                                 "unknown-field.default [info] /30/brandNewField",
                                 "partial-document.default [info] /50 "})
        QVERIFY2(compared.contains(QLatin1String(expected)), qPrintable(compared));
}

void TestRules::errorMessagePicksTheExplanation()
{
    // FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING is a provider fault (Toss acts), except with the
    // message that the payable time ran out: then the merchant's confirm came too late.
    // Who acts is told in the finding's words, in the reader's language, never as a raw key.
    const auto whoActs = [](const char *message) {
        const Json error = {{"code", "FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING"}, {"message", message}};
        const Result r = analyse(payment(error), soon);
        const Finding *f = find(r.analysis, QStringLiteral("api-error.known"));
        for (const Evidence &e : f->evidence)
            if (e.name == "whoActs")
                return QStringLiteral("evidence");
        const QString detail = QString::fromStdString(f->detail.en);
        return detail.mid(detail.indexOf(QLatin1String("Who acts: ")) + 10).section(QStringLiteral(" · "), 0, 0);
    };
    QCOMPARE(whoActs("결제가능 시간을 초과하였습니다."), QStringLiteral("merchant"));
    QCOMPARE(whoActs("내부 시스템 처리 작업이 실패했습니다."), QStringLiteral("Toss Payments"));
}

void TestRules::errorShowsTheStatusReceived()
{
    // The catalog says 500; a proxy answered 404 with the same body: the 404 is what is shown.
    const auto http = [](int received) {
        LoadedCase loaded = loadText(R"({"code":"FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING","message":"x"})",
                                     {"GET /v1/payments/pk", "/v1/payments/pk", received});
        const FixedClock clock(soon);
        const Analysis a = Analyzer(Catalog::builtIn(), clock).analyze(loaded.kase);
        const QString detail = QString::fromStdString(find(a, QStringLiteral("api-error.known"))->detail.en);
        return detail.mid(detail.indexOf(QLatin1String("HTTP ")) + 5);
    };
    QCOMPARE(http(404), QStringLiteral("404 (usually 500)"));
    QCOMPARE(http(500), QStringLiteral("500"));
    QCOMPARE(http(0), QStringLiteral("usually 500"));  // pasted: only the catalog's is known, and said so
}

void TestRules::ruleIdsMatchTheDesign()
{
    const std::vector<std::string> expected{"null-field-for-status", "status-stuck-in-progress",
                                            "vbank-cancel-without-deposit", "unknown-enum-value", "amount-mismatch",
                                            "settlement-arithmetic", "settlement-payment-mismatch", "timestamp-order",
                                            "timestamp-without-offset", "api-error", "unknown-field",
                                            "status-transition", "partial-document", "unrecognised-document"};
    QCOMPARE(builtinRuleIds(), expected);
}

QTEST_APPLESS_MAIN(TestRules)
#include "tst_rules.moc"
