#include "model/document.h"
#include "model/input.h"

#include <QTemporaryDir>
#include <QTest>

using namespace paytriage;

class TestDocument final : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void caseIndexesEveryObject();
    void webhookCarriesItsPayment();
    void streamsRecordsOfAnArray();
    void streamReportsWhereItBroke();
};

void TestDocument::classify_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("version");
    QTest::newRow("payment") << R"({"paymentKey":"pk","status":"DONE","totalAmount":1,"version":"2022-11-16"})"
                             << "payment" << "" << "2022-11-16";
    QTest::newRow("version 1.x payment") << R"({"paymentKey":"pk","status":"DONE","orderName":"x","version":"1.4"})"
                                         << "payment" << "" << "1.4";
    QTest::newRow("transaction") << R"({"transactionKey":"t","paymentKey":"p","transactionAt":"2024-01-01T00:00:00+09:00"})"
                                 << "transactions" << "" << "";
    QTest::newRow("transactions list") << R"([{"transactionKey":"t","transactionAt":"x"},{"transactionKey":"u","transactionAt":"y"}])"
                                       << "transactions" << "" << "";
    QTest::newRow("settlement list") << R"([{"paymentKey":"p","transactionKey":"t","payOutAmount":1,"soldDate":"2023-11-25"}])"
                                     << "settlements" << "" << "";
    QTest::newRow("iap envelope") << R"({"resultType":"SUCCESS","success":{"orderId":"o","status":"PURCHASED","sku":"s"}})"
                                  << "iap-order-status" << "/success" << "";
    QTest::newRow("bare iap status") << R"({"orderId":"o","status":"PAYMENT_COMPLETED","reason":"결제가 완료되었어요."})"
                                     << "iap-order-status" << "" << "";
    QTest::newRow("iap failure") << R"({"resultType":"FAIL","error":{"errorCode":"INTERNAL_ERROR","reason":"x"}})"
                                 << "error" << "/error" << "";
    QTest::newRow("api error") << R"({"code":"NOT_FOUND_PAYMENT","message":"없음"})" << "error" << "" << "";
    QTest::newRow("status webhook") << R"({"eventType":"PAYMENT_STATUS_CHANGED","createdAt":"x","data":{"paymentKey":"p","status":"DONE","totalAmount":1,"version":"2022-11-16"}})"
                                    << "webhook" << "" << "2022-11-16";
    QTest::newRow("deposit callback") << R"({"createdAt":"2022-01-01T00:00:00.000000","secret":"ps_x","status":"DONE","transactionKey":"t","orderId":"o"})"
                                      << "deposit-callback" << "" << "";
    QTest::newRow("cash receipts page") << R"({"hasNext":false,"lastCursor":1,"data":[{"receiptKey":"r","issueNumber":"1","issueStatus":"COMPLETED"}]})"
                                        << "cash-receipts" << "/data" << "";
    QTest::newRow("something else") << R"({"hello":"world"})" << "unknown" << "" << "";
    QTest::newRow("a bare number") << "42" << "unknown" << "" << "";
}

void TestDocument::classify()
{
    QFETCH(QString, json);
    QFETCH(QString, kind);
    QFETCH(QString, payload);
    QFETCH(QString, version);
    const LoadedCase loaded = loadText(json.toStdString(), {"test", {}, 0});
    QVERIFY(loaded.decoded.ok());
    QCOMPARE(loaded.kase.documents.size(), std::size_t(1));
    const Document &d = loaded.kase.documents.front();
    QCOMPARE(QString::fromLatin1(kindId(d.kind).data()), kind);
    QCOMPARE(QString::fromStdString(d.payloadPointer), payload);
    QCOMPARE(QString::fromStdString(d.apiVersion), version);
}

void TestDocument::caseIndexesEveryObject()
{
    // A payment, a list of two transactions and a nested settlement list (seed 004's paste shape).
    const LoadedCase loaded = loadText(R"({"paymentKey":"p","status":"DONE","totalAmount":1}
[{"transactionKey":"a","transactionAt":"x","paymentKey":"p"},{"transactionKey":"b","transactionAt":"y","paymentKey":"p"}]
[{"paymentKey":"p","payOutAmount":1,"soldDate":"2023-11-25"},[{"paymentKey":"p","payOutAmount":2,"soldDate":"2023-11-25"}]])",
                                       {"paste", {}, 0});
    QVERIFY(loaded.decoded.ok());
    const Case &c = loaded.kase;
    QCOMPARE(c.documents.size(), std::size_t(3));
    QCOMPARE(c.payments.size(), std::size_t(1));
    QCOMPARE(c.transactions.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(c.transactions[1].pointer), QStringLiteral("/1"));
    QCOMPARE(c.settlements.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(c.settlements[1].pointer), QStringLiteral("/1/0"));
    QCOMPARE(c.settlements[1].document, std::size_t(2));
}

void TestDocument::webhookCarriesItsPayment()
{
    const LoadedCase loaded = loadText(
        R"({"eventType":"PAYMENT_STATUS_CHANGED","createdAt":"2023-07-20T16:35:47.729718","data":{"paymentKey":"p","status":"DONE","totalAmount":1}})",
        {"paste", {}, 0});
    QCOMPARE(loaded.kase.webhooks.size(), std::size_t(1));
    QCOMPARE(loaded.kase.payments.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(loaded.kase.payments[0].pointer), QStringLiteral("/data"));
}

void TestDocument::streamsRecordsOfAnArray()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tx.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\xEF\xBB\xBF [ {\"transactionKey\":\"a\",\"nested\":{\"x\":[1,2]}}, 7, [ {\"transactionKey\":\"b\"} ], {\"transactionKey\":\"c\"} ]");
    file.close();
    QVERIFY(fileStartsWithArray(path));
    QStringList seen;
    const StreamResult r = streamRecords(path, 64, [&](const Json &record, const std::string &pointer) {
        seen << QString::fromStdString(record["transactionKey"].get<std::string>() + '@' + pointer);
        if (record["transactionKey"] == "a")
            QCOMPARE(record["nested"]["x"][1].get<int>(), 2);
    });
    QVERIFY(!r.error);
    QCOMPARE(r.records, std::size_t(3));
    // The scalar 7 sits at /1, so the nested list is /2 and "c" is /3.
    QCOMPARE(seen, QStringList({QStringLiteral("a@/0"), QStringLiteral("b@/2/0"), QStringLiteral("c@/3")}));
}

void TestDocument::streamReportsWhereItBroke()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tx.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Line 3 is cut short: the file ends inside the second record.
    file.write("[\n{\"transactionKey\":\"a\"},\n{\"transactionKey\":\"b\", \"amount\": 1");
    file.close();
    int records = 0;
    const StreamResult r = streamRecords(path, 64, [&](const Json &, const std::string &) { ++records; });
    QVERIFY(r.error);
    QCOMPARE(records, 1);
    QCOMPARE(r.error->kind, DecodeError::Kind::Truncated);
    QCOMPARE(r.error->position.line, 3);
}

QTEST_APPLESS_MAIN(TestDocument)
#include "tst_document.moc"
