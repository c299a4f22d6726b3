// JsonTreeModel: catalog labels per document kind (lists, payloads, aliases, webhook data),
// values and types, severities carried to ancestors, lazy nodes and batches — up to element
// 75,000 of a 100,000-record transactions list built in memory.

#include "models/jsontreemodel.h"

#include "analysedsample.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace paytriage;
using namespace paytriage::test;

Q_DECLARE_METATYPE(std::vector<paytriage::Finding>)

namespace {

const char *payment = R"({"paymentKey": "k", "orderId": "order-1", "status": "DONE", "totalAmount": 22400,
  "vat": 2036.5, "useEscrow": false, "approvedAt": null, "orderName": "핀턱 자수 캐롯 팬츠",
  "cancels": [{"cancelAmount": 1000}, {"cancelAmount": 2000}, {"cancelAmount": 3000}],
  "card": {"issuerCode": "11", "number": "1234"}, "metadata": {"a/b": "1", "c~d": "2"}})";

const char *transactions = R"([
  {"transactionKey": "t1", "paymentKey": "p", "orderId": "o", "status": "DONE", "transactionAt": "2024-08-07T16:08:45+09:00", "amount": 100},
  {"transactionKey": "t2", "paymentKey": "p", "orderId": "o", "status": "CANCELED", "transactionAt": "2024-08-07T16:10:40+09:00", "amount": 100}])";

const char *settlements = R"([{"paymentKey": "p", "transactionKey": "t", "orderId": "o", "amount": 22000,
  "fees": [{"type": "BASE", "fee": -2250, "suppliedAmount": -2045}], "soldDate": "2023-11-25", "paidOutDate": "2023-11-30"}])";

const char *inApp = R"({"resultType": "SUCCESS", "success": {"orderId": "20e47c63", "sku": "s",
  "status": "PAYMENT_COMPLETED", "statusDeterminedAt": "2025-09-25T16:30:26", "reason": "r"}})";

const char *webhook = R"({"eventType": "PAYMENT_STATUS_CHANGED", "createdAt": "2023-07-20T16:35:47.729718",
  "data": {"paymentKey": "k", "orderId": "o", "status": "DONE", "totalAmount": 1000, "requestedAt": "2023-07-20T16:35:00+09:00"}})";

const std::int64_t now = msAt("2025-10-01T00:00:00+09:00");

std::shared_ptr<const std::vector<Document>> decoded(const char *text)
{
    return analyse(text, now).documents;
}

// A transactions list of count records, as a fetched /v1/transactions answer would be.
std::shared_ptr<const std::vector<Document>> generatedList(int count)
{
    Json list = Json::array();
    for (int i = 0; i < count; ++i) {
        list.push_back(Json{{"transactionKey", "tk" + std::to_string(i)},
                            {"paymentKey", "pk" + std::to_string(i)},
                            {"orderId", "order-" + std::to_string(i)},
                            {"status", "DONE"},
                            {"amount", i}});
    }
    Document doc;
    doc.kind = DocumentKind::Transactions;
    doc.value = std::move(list);
    doc.source.label = "GET /v1/transactions";
    return std::make_shared<const std::vector<Document>>(std::vector<Document>{std::move(doc)});
}

QString cell(const JsonTreeModel &model, const QModelIndex &index, int column, int role = Qt::DisplayRole)
{
    return model.data(index.siblingAtColumn(column), role).toString();
}

Finding finding(std::vector<std::string> pointers, Severity severity)
{
    Finding f;
    f.rule = "test";
    f.severity = severity;
    f.pointers = std::move(pointers);
    return f;
}

} // namespace

class TestJsonTreeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentRows()
    {
        // seed003: thirteen error objects pasted one after the other.
        const AnalysedSample s = analyse(sampleText("seed003-error-codes.txt"), now, "errors.txt");
        JsonTreeModel model(catalog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocuments(s.documents);
        QCOMPARE(model.rowCount(), 13);
        const QModelIndex third = model.index(2, 0);
        QCOMPARE(cell(model, third, JsonTreeModel::FieldColumn), QStringLiteral("#3 API error — errors.txt"));
        // {"code", "message"}: two members.
        QCOMPARE(cell(model, third, JsonTreeModel::ValueColumn), QStringLiteral("{2}"));
        QCOMPARE(cell(model, third, JsonTreeModel::TypeColumn), QStringLiteral("object"));
        QCOMPARE(model.selectionAt(third), Selection(2, ""));
        QCOMPARE(model.indexFor(Selection(2, "")), third);
        QCOMPARE(model.rowCount(third), 2);
    }

    void labelsFromTheCatalog_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("korean");

        const QString orderEn = QStringLiteral("Order ID");
        const QString orderKo = QStringLiteral("주문번호");
        QTest::newRow("payment field") << QString::fromUtf8(payment) << QStringLiteral("/orderId") << orderEn << orderKo;
        QTest::newRow("payment status") << QString::fromUtf8(payment) << QStringLiteral("/status")
                                        << QStringLiteral("Payment status") << QStringLiteral("결제 상태");
        // cancels is an array of the "cancel" object: its elements take that object's fields.
        QTest::newRow("field of an array element") << QString::fromUtf8(payment) << QStringLiteral("/cancels/0/cancelAmount")
                                                   << QStringLiteral("Cancel amount") << QStringLiteral("취소 금액");
        QTest::newRow("array element") << QString::fromUtf8(payment) << QStringLiteral("/cancels/2")
                                       << QStringLiteral("Cancel") << QStringLiteral("취소");
        QTest::newRow("unknown field has no label") << QString::fromUtf8(payment) << QStringLiteral("/metadata/a~1b")
                                                    << QString() << QString();
        // A list document applies its record kind (transaction) to each element.
        QTest::newRow("record of a list") << QString::fromUtf8(transactions) << QStringLiteral("/1")
                                          << QStringLiteral("Transaction") << QStringLiteral("거래 내역");
        QTest::newRow("field of a list record") << QString::fromUtf8(transactions) << QStringLiteral("/1/orderId") << orderEn
                                                << orderKo;
        // settlementFee knows supplyAmount; suppliedAmount is its alias.
        QTest::newRow("alias in a nested object") << QString::fromUtf8(settlements)
                                                  << QStringLiteral("/0/fees/0/suppliedAmount")
                                                  << QStringLiteral("Fee supply amount") << QStringLiteral("수수료 공급가액");
        QTest::newRow("element of a nested array") << QString::fromUtf8(settlements) << QStringLiteral("/0/fees/0")
                                                   << QStringLiteral("Settlement fee item") << QStringLiteral("정산 수수료 항목");
        // seed004 pasted one settlement inside a nested array: /1/0 is still a settlement.
        QTest::newRow("record of a nested list") << QString::fromStdString(sampleText("seed004-settlement-paste.txt"))
                                                 << QStringLiteral("/1/0/orderId") << orderEn << orderKo;
        // The in-app payload sits at /success: the kind's fields start there.
        QTest::newRow("in-app payload field") << QString::fromUtf8(inApp) << QStringLiteral("/success/orderId") << orderEn
                                              << orderKo;
        QTest::newRow("in-app envelope field") << QString::fromUtf8(inApp) << QStringLiteral("/resultType") << QString()
                                               << QString();
        QTest::newRow("webhook data") << QString::fromUtf8(webhook) << QStringLiteral("/data")
                                      << QStringLiteral("Event data") << QStringLiteral("이벤트 데이터");
        // The data of a payment webhook is a Payment.
        QTest::newRow("payment inside webhook data") << QString::fromUtf8(webhook) << QStringLiteral("/data/orderId")
                                                     << orderEn << orderKo;
    }

    void labelsFromTheCatalog()
    {
        QFETCH(QString, text);
        QFETCH(QString, pointer);
        QFETCH(QString, english);
        QFETCH(QString, korean);
        JsonTreeModel model(catalog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocuments(analyse(text.toStdString(), now).documents);
        const Selection selection(0, pointer.toStdString());
        const QModelIndex at = model.indexFor(selection);
        QCOMPARE(model.selectionAt(at), selection);
        QCOMPARE(cell(model, at, JsonTreeModel::LabelColumn), english);
        model.setLanguage(Language::Korean);
        QCOMPARE(cell(model, at, JsonTreeModel::LabelColumn), korean);
        // Filters match either language.
        const QString search = cell(model, at, JsonTreeModel::FieldColumn, SearchTextRole);
        QVERIFY(search.contains(english));
        QVERIFY(search.contains(korean));
    }

    void valuesAndTypes_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("isNull");

        QTest::newRow("integer") << QStringLiteral("/totalAmount") << QStringLiteral("totalAmount") << QStringLiteral("22400")
                                 << QStringLiteral("number") << false;
        QTest::newRow("decimal") << QStringLiteral("/vat") << QStringLiteral("vat") << QStringLiteral("2036.5")
                                 << QStringLiteral("number") << false;
        QTest::newRow("boolean") << QStringLiteral("/useEscrow") << QStringLiteral("useEscrow") << QStringLiteral("false")
                                 << QStringLiteral("boolean") << false;
        QTest::newRow("null") << QStringLiteral("/approvedAt") << QStringLiteral("approvedAt") << QStringLiteral("null")
                              << QStringLiteral("null") << true;
        QTest::newRow("string without quotes") << QStringLiteral("/orderName") << QStringLiteral("orderName")
                                               << QStringLiteral("핀턱 자수 캐롯 팬츠") << QStringLiteral("string") << false;
        QTest::newRow("array of three") << QStringLiteral("/cancels") << QStringLiteral("cancels") << QStringLiteral("[3]")
                                        << QStringLiteral("array") << false;
        QTest::newRow("array element") << QStringLiteral("/cancels/1") << QStringLiteral("[1]") << QStringLiteral("{1}")
                                       << QStringLiteral("object") << false;
        QTest::newRow("object of two") << QStringLiteral("/card") << QStringLiteral("card") << QStringLiteral("{2}")
                                       << QStringLiteral("object") << false;
        QTest::newRow("escaped key") << QStringLiteral("/metadata/a~1b") << QStringLiteral("a/b") << QStringLiteral("1")
                                     << QStringLiteral("string") << false;
        QTest::newRow("escaped tilde") << QStringLiteral("/metadata/c~0d") << QStringLiteral("c~d") << QStringLiteral("2")
                                       << QStringLiteral("string") << false;
        // The payment above has 11 members.
        QTest::newRow("document") << QString() << QStringLiteral("#1 Payment — test") << QStringLiteral("{11}")
                                  << QStringLiteral("object") << false;
    }

    void valuesAndTypes()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, type);
        QFETCH(bool, isNull);
        JsonTreeModel model(catalog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocuments(decoded(payment));
        const Selection selection(0, pointer.toStdString());
        const QModelIndex at = model.indexFor(selection);
        QCOMPARE(model.selectionAt(at), selection);
        QCOMPARE(cell(model, at, JsonTreeModel::FieldColumn), field);
        QCOMPARE(cell(model, at, JsonTreeModel::ValueColumn), value);
        QCOMPARE(cell(model, at, JsonTreeModel::TypeColumn), type);
        QCOMPARE(model.data(at, IsNullRole).toBool(), isNull);
        QCOMPARE(model.data(at, DocumentRole).toULongLong(), 0ULL);
        QCOMPARE(model.data(at, PointerRole).toString(), pointer);
    }

    void toolTipDescribesTheField()
    {
        JsonTreeModel model(catalog());
        model.setDocuments(decoded(payment));
        // fields.json: orderId's description, and approvedAt's "nullWhen" beside its null.
        const QString orderId = cell(model, model.indexFor(Selection(0, "/orderId")), 0, Qt::ToolTipRole);
        QVERIFY2(orderId.contains(QStringLiteral("Merchant-assigned order identifier")), qPrintable(orderId));
        const QString approvedAt = cell(model, model.indexFor(Selection(0, "/approvedAt")), 0, Qt::ToolTipRole);
        QVERIFY2(approvedAt.contains(QStringLiteral("Null before approval")), qPrintable(approvedAt));
        model.setLanguage(Language::Korean);
        QVERIFY(cell(model, model.indexFor(Selection(0, "/orderId")), 0, Qt::ToolTipRole)
                    .contains(QStringLiteral("상점이 정한 주문 식별자")));
        // A member the catalog does not describe has no tooltip.
        QVERIFY(!model.data(model.indexFor(Selection(0, "/metadata/a~1b")), Qt::ToolTipRole).isValid());
    }

    void severityCarriesToAncestors_data()
    {
        QTest::addColumn<std::vector<Finding>>("findings");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<int>("severity");

        const std::vector<Finding> one{finding({"/cancels/1/cancelAmount"}, Severity::Critical)};
        QTest::newRow("the field itself") << one << QStringLiteral("/cancels/1/cancelAmount") << 2;
        QTest::newRow("its object") << one << QStringLiteral("/cancels/1") << 2;
        QTest::newRow("its array") << one << QStringLiteral("/cancels") << 2;
        QTest::newRow("the document row") << one << QString() << 2;
        QTest::newRow("a sibling element") << one << QStringLiteral("/cancels/0") << -1;
        QTest::newRow("an unrelated field") << one << QStringLiteral("/totalAmount") << -1;
        // A field named like a prefix of another is not its parent.
        const std::vector<Finding> prefix{finding({"/card/numberX"}, Severity::Warning)};
        QTest::newRow("prefix is not parent") << prefix << QStringLiteral("/card/number") << -1;
        const std::vector<Finding> mixed{finding({"/cancels/0/cancelAmount"}, Severity::Info),
                                         finding({"/totalAmount", "/cancels/2"}, Severity::Warning)};
        QTest::newRow("worst of children") << mixed << QStringLiteral("/cancels") << 1;
        QTest::newRow("second pointer counts") << mixed << QStringLiteral("/cancels/2") << 1;
        // Colour goes up, never down: a finding about a whole object leaves its fields alone.
        QTest::newRow("not below the finding") << mixed << QStringLiteral("/cancels/2/cancelAmount") << -1;
        QTest::newRow("info below") << mixed << QStringLiteral("/cancels/0") << 0;
    }

    void severityCarriesToAncestors()
    {
        QFETCH(std::vector<Finding>, findings);
        QFETCH(QString, pointer);
        QFETCH(int, severity);
        JsonTreeModel model(catalog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocuments(decoded(payment));
        const QModelIndex at = model.indexFor(Selection(0, pointer.toStdString()));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setFindings(findings);
        QCOMPARE(model.data(at, SeverityRole).toInt(), severity);
        QCOMPARE(resets.count(), 0);
        QVERIFY(changes.count() > 0);
    }

    void seedFindingColoursItsDocument()
    {
        // seed000: IN_PROGRESS long after the request: a warning at /status and /requestedAt.
        const AnalysedSample s = analyse(sampleText("seed000-confirm-in-progress.json"), msAt("2025-04-03T08:39:21+09:00"));
        JsonTreeModel model(catalog());
        model.setDocuments(s.documents);
        model.setFindings(s.analysis.findings);
        QVERIFY2(model.data(model.indexFor(Selection(0, "/status")), SeverityRole).toInt() == 1,
                 qPrintable(describe(s.analysis.findings)));
        QCOMPARE(model.data(model.index(0, 0), SeverityRole).toInt(), 1);
        QCOMPARE(model.data(model.indexFor(Selection(0, "/orderId")), SeverityRole).toInt(), -1);

        // Findings given before the documents apply just the same.
        JsonTreeModel early(catalog());
        early.setFindings(s.analysis.findings);
        early.setDocuments(s.documents);
        QCOMPARE(early.data(early.index(0, 0), SeverityRole).toInt(), 1);
    }

    void indexForGoesAsDeepAsExists_data()
    {
        QTest::addColumn<Selection>("selection");
        QTest::addColumn<QString>("found");   // pointer of the node given, "-" for none

        QTest::newRow("missing field: the document") << Selection(0, "/lastTransactionKey") << QString();
        QTest::newRow("inside a scalar: the scalar") << Selection(0, "/orderId/x") << QStringLiteral("/orderId");
        QTest::newRow("index past the end: the array") << Selection(0, "/cancels/3") << QStringLiteral("/cancels");
        QTest::newRow("non-numeric index: the array") << Selection(0, "/cancels/first") << QStringLiteral("/cancels");
        QTest::newRow("inside null: the null") << Selection(0, "/approvedAt/x") << QStringLiteral("/approvedAt");
        QTest::newRow("not a pointer: the document") << Selection(0, "orderId") << QString();
        QTest::newRow("unknown document") << Selection(1, "/orderId") << QStringLiteral("-");
        QTest::newRow("nothing selected") << Selection() << QStringLiteral("-");
    }

    void indexForGoesAsDeepAsExists()
    {
        QFETCH(Selection, selection);
        QFETCH(QString, found);
        JsonTreeModel model(catalog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocuments(decoded(payment));
        const QModelIndex at = model.indexFor(selection);
        if (found == QLatin1String("-")) {
            QVERIFY(!at.isValid());
            QVERIFY(!model.selectionAt(at).valid());
        } else {
            QVERIFY(at.isValid());
            QCOMPARE(model.data(at, PointerRole).toString(), found);
        }
    }

    void batchesOfAThousand()
    {
        // 2,500 records: batches of 1,000, 1,000 and 500.
        JsonTreeModel model(catalog());
        model.setDocuments(generatedList(2500));
        const QModelIndex doc = model.index(0, 0);
        QCOMPARE(model.rowCount(doc), 1000);
        QVERIFY(model.hasChildren(doc));
        QVERIFY(model.canFetchMore(doc));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        model.fetchMore(doc);
        QCOMPARE(model.rowCount(doc), 2000);
        model.fetchMore(doc);
        QCOMPARE(model.rowCount(doc), 2500);
        QVERIFY(!model.canFetchMore(doc));
        model.fetchMore(doc);  // nothing left
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1000);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1999);
        QCOMPARE(inserted.at(1).at(1).toInt(), 2000);
        QCOMPARE(inserted.at(1).at(2).toInt(), 2499);
        // A record has five members: no batching there.
        QVERIFY(!model.canFetchMore(model.index(2499, 0, doc)));
        QCOMPARE(model.rowCount(model.index(2499, 0, doc)), 5);
        // Only column 0 has children.
        QCOMPARE(model.rowCount(model.index(0, 1)), 0);
        QVERIFY(!model.hasChildren(model.index(0, 1)));
    }

    void staysConsistentUnderTheTester()
    {
        // The tester walks every node it can reach after each reset and insertion (fetching
        // one batch per node per walk) and checks each index some twenty ways: 2,100 plain
        // numbers keep that quick while still needing three batches. Qt 6.4's tester runs its
        // walk on modelReset before it clears its own "reset in flight" state, so a fetch in
        // that walk reads to it as an insertion inside a reset: the tester is attached once
        // the big array is in, and the resets it watches are of documents without batches.
        Json numbers = Json::array();
        for (int i = 0; i < 2100; ++i)
            numbers.push_back(i);
        Document doc;
        doc.value = std::move(numbers);
        JsonTreeModel model(catalog());
        model.setDocuments(std::make_shared<const std::vector<Document>>(std::vector<Document>{std::move(doc)}));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The tester's first walk fetched the second batch: 2,000 rows.
        const QModelIndex top = model.index(0, 0);
        QCOMPARE(model.rowCount(top), 2000);
        model.setFindings({finding({"/2050"}, Severity::Warning)});
        // Element 2,050 is in the third batch: an insertion the tester checks.
        const QModelIndex deep = model.indexFor(Selection(0, "/2050"));
        QCOMPARE(model.rowCount(top), 2100);
        QCOMPARE(model.data(deep, SeverityRole).toInt(), 1);
        QCOMPARE(model.data(top, SeverityRole).toInt(), 1);
        QCOMPARE(model.data(deep.siblingAtColumn(JsonTreeModel::ValueColumn)).toString(), QStringLiteral("2050"));
        model.setLanguage(Language::Korean);
        model.setDocuments(decoded(payment));
        model.indexFor(Selection(0, "/cancels/2/cancelAmount"));
        model.setFindings({finding({"/cancels/0"}, Severity::Info)});
        model.setDocuments({});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.indexFor(Selection(0, "")).isValid());
    }

    void opensAHundredThousandRecordsLazily()
    {
        JsonTreeModel model(catalog());
        model.setDocuments(generatedList(100000));
        // Nothing below the document exists yet.
        QCOMPARE(model.nodeCount(), std::size_t(1));
        const QModelIndex doc = model.index(0, 0);
        QCOMPARE(model.rowCount(doc), 1000);
        QCOMPARE(cell(model, doc, JsonTreeModel::ValueColumn), QStringLiteral("[100000]"));
        QCOMPARE(model.nodeCount(), std::size_t(1));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const Selection selection(0, "/75000/orderId");
        const QModelIndex at = model.indexFor(selection);
        QVERIFY(at.isValid());
        QCOMPARE(model.selectionAt(at), selection);
        QCOMPARE(cell(model, at, JsonTreeModel::ValueColumn), QStringLiteral("order-75000"));
        QCOMPARE(cell(model, at, JsonTreeModel::LabelColumn), QStringLiteral("Order ID"));
        const QModelIndex record = at.parent();
        QCOMPARE(record.row(), 75000);
        QCOMPARE(cell(model, record, JsonTreeModel::FieldColumn), QStringLiteral("[75000]"));
        QCOMPARE(record.parent(), doc);
        // Batches up to the one holding 75,000 (rows 75,000–75,999), exposed in one insertion.
        QCOMPARE(model.rowCount(doc), 76000);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1000);
        QCOMPARE(inserted.at(0).at(2).toInt(), 75999);
        // Created: the document, record 75,000 and its orderId — not the 75,000 records before.
        QCOMPARE(model.nodeCount(), std::size_t(3));

        // Asking again finds the same node and fetches nothing.
        QCOMPARE(model.indexFor(selection), at);
        QCOMPARE(inserted.count(), 1);
        // The last record is reachable the same way.
        QCOMPARE(cell(model, model.indexFor(Selection(0, "/99999/amount")), JsonTreeModel::ValueColumn),
                 QStringLiteral("99999"));
        QCOMPARE(model.rowCount(doc), 100000);
        QVERIFY(!model.canFetchMore(doc));
    }

    void languageSwitchesWithoutReset()
    {
        JsonTreeModel model(catalog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocuments(decoded(payment));
        const QModelIndex at = model.indexFor(Selection(0, "/cancels/0/cancelAmount"));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
        model.setLanguage(Language::Korean);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(headers.count(), 1);
        // The view may have seen the documents, the payment's members, the cancels, and the
        // first cancel's members: each range is told.
        QVERIFY(changes.count() >= 4);
        QCOMPARE(cell(model, at, JsonTreeModel::LabelColumn), QStringLiteral("취소 금액"));
        QCOMPARE(model.indexFor(Selection(0, "/cancels/0/cancelAmount")), at);
    }
};

QTEST_GUILESS_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
