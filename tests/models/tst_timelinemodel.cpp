// TimelineModel: what the columns say (seed analyses), which events a finding marks, how a
// selection finds its event, and a 20,000-event timeline with as many findings.

#include "models/timelinemodel.h"

#include "analysedsample.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace paytriage;
using namespace paytriage::test;

namespace {

TimelineEvent makeEvent(EventType type, std::size_t document, std::string pointer, const char *iso = "2024-08-07T16:08:45+09:00")
{
    TimelineEvent e;
    e.at = *parseTimestamp(iso);
    e.type = type;
    e.document = document;
    e.pointer = std::move(pointer);
    e.label = {"이벤트", "Event"};
    return e;
}

// Document 0: a lone payment with a cancel and a virtual account; 1: a transactions list;
// 2: an in-app order status inside its {resultType, success} envelope; 3: a webhook whose data
// is a payment.
std::vector<TimelineEvent> events()
{
    return {
        makeEvent(EventType::Requested, 0, "/requestedAt"),                  // 0
        makeEvent(EventType::Approved, 0, "/approvedAt"),                    // 1
        makeEvent(EventType::Canceled, 0, "/cancels/0/canceledAt"),          // 2
        makeEvent(EventType::DepositDue, 0, "/virtualAccount/dueDate"),      // 3
        makeEvent(EventType::Transaction, 1, "/0/transactionAt"),            // 4
        makeEvent(EventType::Transaction, 1, "/1/transactionAt"),            // 5
        makeEvent(EventType::IapStatus, 2, "/success/statusDeterminedAt"),   // 6
        makeEvent(EventType::Requested, 3, "/data/requestedAt"),             // 7
        makeEvent(EventType::Webhook, 3, "/createdAt"),                      // 8
    };
}

Finding finding(std::size_t document, std::vector<std::string> pointers, Severity severity = Severity::Warning)
{
    Finding f;
    f.rule = "test";
    f.severity = severity;
    f.document = document;
    f.pointers = std::move(pointers);
    return f;
}

QList<int> severities(const TimelineModel &model)
{
    QList<int> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.data(model.index(row, 0), SeverityRole).toInt();
    return out;
}

QString cell(const TimelineModel &model, int row, int column)
{
    return model.data(model.index(row, column)).toString();
}

} // namespace

class TestTimelineModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A virtual account waiting for its deposit, a settlement's plain date before the request,
    // and a deadline: "since start" counts from the request (the first timed event), the due date
    // reads as a deadline, and a "now" row stands at the time of analysis.
    void startDeadlineAndNow_data()
    {
        QTest::addColumn<QString>("status");     // of the request
        QTest::addColumn<bool>("deadline");      // a due date on the timeline
        QTest::addColumn<bool>("now");           // a now row expected
        QTest::addColumn<int>("afterSeconds");   // analysed this long after the request
        const int later = 49 * 3600;  // 2 d 1 h
        QTest::newRow("waiting with a due date") << u"WAITING_FOR_DEPOSIT"_qs << true << true << later;
        QTest::newRow("in progress, no deadline") << u"IN_PROGRESS"_qs << false << true << later;
        QTest::newRow("done, no deadline: nothing moves") << u"DONE"_qs << false << false << later;
        QTest::newRow("done but a deadline") << u"DONE"_qs << true << true << later;
        // Right after the event, now is that event's own row: nothing to add.
        QTest::newRow("in progress, seconds ago") << u"IN_PROGRESS"_qs << false << false << 10;
    }
    void startDeadlineAndNow()
    {
        QFETCH(QString, status);
        QFETCH(bool, deadline);
        QFETCH(bool, now);
        QFETCH(int, afterSeconds);
        TimelineEvent sold = makeEvent(EventType::SettlementSold, 1, "/0/soldDate", "2024-08-06");
        TimelineEvent requested = makeEvent(EventType::Requested, 0, "/requestedAt", "2024-08-07T16:08:45+09:00");
        requested.status = status.toStdString();
        std::vector<TimelineEvent> list{sold, requested};
        if (deadline)
            list.push_back(makeEvent(EventType::DepositDue, 0, "/virtualAccount/dueDate", "2024-08-14T23:59:59+09:00"));
        TimelineModel model;
        QAbstractItemModelTester tester(&model);
        const std::int64_t analysedAt = requested.at.msSinceEpoch + afterSeconds * 1000LL;
        model.setEvents(list, analysedAt);
        QCOMPARE(model.rowCount(), int(list.size()) + (now ? 1 : 0));
        const auto relative = [&](int row) { return model.index(row, TimelineModel::RelativeColumn).data().toString(); };
        const auto label = [&](int row) { return model.index(row, TimelineModel::EventColumn).data().toString(); };
        // Row 0 is the plain date (the 6th), counted in days from the request's day: a day before.
        QCOMPARE(relative(0), QStringLiteral("-1 d"));
        QCOMPARE(relative(1), QStringLiteral("start"));
        if (now) {
            QCOMPARE(label(2), QStringLiteral("Now (time of analysis)"));
            QCOMPARE(relative(2), QStringLiteral("+2 d 1 h"));
            QCOMPARE(model.data(model.index(2, 0), DocumentRole).toULongLong(), qulonglong(std::numeric_limits<std::size_t>::max()));
        }
        if (deadline) {
            // Due 7 days, 7 h 51 min after the request: shown as a deadline, not an event.
            QCOMPARE(relative(model.rowCount() - 1), QStringLiteral("due +7 d 7 h"));
            QVERIFY(model.index(model.rowCount() - 1, 0).data(Qt::ToolTipRole).toString().startsWith(QLatin1String("A deadline")));
        }
    }

    void marksTheEventsAFindingIsAbout_data()
    {
        QTest::addColumn<std::vector<Finding>>("findings");
        QTest::addColumn<QList<int>>("expected");   // SeverityRole per event of events()

        const QList<int> none{-1, -1, -1, -1, -1, -1, -1, -1, -1};
        auto only = [&](int row, int severity) {
            QList<int> l = none;
            l[row] = severity;
            return l;
        };
        QTest::newRow("exact pointer of a lone payment's event")
            << std::vector<Finding>{finding(0, {"/approvedAt"})} << only(1, 1);
        // The payment is the document's root: its other fields mark none of its events, or
        // every finding about a payment would light up its whole timeline.
        QTest::newRow("other field of a lone payment") << std::vector<Finding>{finding(0, {"/status"})} << none;
        QTest::newRow("field inside a cancel marks that cancel")
            << std::vector<Finding>{finding(0, {"/cancels/0/cancelAmount"}, Severity::Critical)} << only(2, 2);
        QTest::newRow("the cancel object itself") << std::vector<Finding>{finding(0, {"/cancels/0"})} << only(2, 1);
        QTest::newRow("another cancel") << std::vector<Finding>{finding(0, {"/cancels/1/cancelAmount"})} << none;
        QTest::newRow("the cancels array (above the record)") << std::vector<Finding>{finding(0, {"/cancels"})} << none;
        QTest::newRow("virtual account field marks the due date")
            << std::vector<Finding>{finding(0, {"/virtualAccount/accountNumber"}, Severity::Info)} << only(3, 0);
        QTest::newRow("field of the second transaction of a list")
            << std::vector<Finding>{finding(1, {"/1/status"})} << only(5, 1);
        QTest::newRow("same pointer in another document") << std::vector<Finding>{finding(2, {"/approvedAt"})} << none;
        // "/success" is the in-app document's payload: like a root, only the exact pointer counts.
        QTest::newRow("payload field") << std::vector<Finding>{finding(2, {"/success/status"})} << none;
        QTest::newRow("payload event exactly")
            << std::vector<Finding>{finding(2, {"/success/statusDeterminedAt"}, Severity::Info)} << only(6, 0);
        // A webhook's data payment is its payload too.
        QTest::newRow("webhook data field") << std::vector<Finding>{finding(3, {"/data/status"})} << none;
        QTest::newRow("webhook data event exactly") << std::vector<Finding>{finding(3, {"/data/requestedAt"})} << only(7, 1);
        // seed000's stuck finding points at /status first and /requestedAt second.
        QTest::newRow("second pointer of a finding") << std::vector<Finding>{finding(0, {"/status", "/requestedAt"})}
                                                     << only(0, 1);
        QTest::newRow("worst of two findings on one transaction")
            << std::vector<Finding>{finding(1, {"/0/amount"}, Severity::Info), finding(1, {"/0/status"}, Severity::Critical),
                                    finding(1, {"/0/transactionAt"}, Severity::Warning)}
            << only(4, 2);
    }

    void marksTheEventsAFindingIsAbout()
    {
        QFETCH(std::vector<Finding>, findings);
        QFETCH(QList<int>, expected);
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEvents(events());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setFindings(findings);
        QCOMPARE(severities(model), expected);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);

        // Findings given before the events apply as well.
        TimelineModel other;
        other.setFindings(findings);
        other.setEvents(events());
        QCOMPARE(severities(other), expected);

        // And they go away.
        model.setFindings({});
        QCOMPARE(severities(model), QList<int>(expected.size(), -1));
    }

    void seedAnalysesMarkTheirEvents()
    {
        // seed000: the stuck IN_PROGRESS finding names /requestedAt, the only event.
        const AnalysedSample stuck = analyse(sampleText("seed000-confirm-in-progress.json"),
                                             msAt("2025-04-03T08:39:21+09:00"));
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEvents(stuck.analysis.timeline);
        model.setFindings(stuck.analysis.findings);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.event(0)->pointer, std::string("/requestedAt"));
        QVERIFY2(model.data(model.index(0, 0), SeverityRole).toInt() == 1, qPrintable(describe(stuck.analysis.findings)));

        // seed001: two lone transactions (one per pasted object). The cancel-without-deposit
        // finding is about document 1's /status and /amount, not its /transactionAt, and the
        // transaction is that document's root: no event is marked.
        const AnalysedSample vbank = analyse(sampleText("seed001-vbank-console-log.txt"), msAt("2024-08-08T00:00:00+09:00"));
        model.setEvents(vbank.analysis.timeline);
        model.setFindings(vbank.analysis.findings);
        QVERIFY2(!vbank.analysis.findings.empty(), "seed001 must have its finding");
        QCOMPARE(severities(model), (QList<int>{-1, -1}));
    }

    void columnsOfSeedTimelines_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<int>("row");
        QTest::addColumn<QStringList>("expected");   // every column, English

        // seed001: WAITING_FOR_DEPOSIT at 16:08:45, then CANCELED at 16:10:40 (115 s later:
        // formatDuration shows whole minutes, "1 min"), 22,400 KRW.
        QTest::newRow("first transaction")
            << QStringLiteral("seed001-vbank-console-log.txt") << 0
            << QStringList{QStringLiteral("2024-08-07 16:08:45 KST"), QStringLiteral("start"), QStringLiteral("Transaction"),
                           QStringLiteral("Transaction"), QStringLiteral("WAITING_FOR_DEPOSIT"), QStringLiteral("0 KRW")};
        QTest::newRow("cancel")
            << QStringLiteral("seed001-vbank-console-log.txt") << 1
            << QStringList{QStringLiteral("2024-08-07 16:10:40 KST"), QStringLiteral("+1 min"), QStringLiteral("Transaction"),
                           QStringLiteral("Transaction"), QStringLiteral("CANCELED"), QStringLiteral("22,400 KRW")};
        // seed002: the in-app API writes no offset; KST is assumed and said. No amount.
        QTest::newRow("in-app status without offset")
            << QStringLiteral("seed002-iap-payment-completed.txt") << 0
            << QStringList{QStringLiteral("2025-09-25 16:30:26 KST (no offset)"), QStringLiteral("start"),
                           QStringLiteral("In-app status determined"), QStringLiteral("In-app order"),
                           QStringLiteral("PAYMENT_COMPLETED"), QString()};
        // seed004: plain dates. Sold 2023-11-25 (the start), paid out 2023-11-30: 5 days on,
        // -97,550 KRW paid out (a cancel's settlement).
        QTest::newRow("settlement paid out")
            << QStringLiteral("seed004-settlement-paste.txt") << 2
            << QStringList{QStringLiteral("2023-11-30"), QStringLiteral("+5 d"), QStringLiteral("Settlement paid out"),
                           QStringLiteral("Settlement"), QString(), QStringLiteral("-97,550 KRW")};
    }

    void columnsOfSeedTimelines()
    {
        QFETCH(QString, sample);
        QFETCH(int, row);
        QFETCH(QStringList, expected);
        const AnalysedSample s = analyse(sampleText(qPrintable(sample)), msAt("2025-10-01T00:00:00+09:00"));
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEvents(s.analysis.timeline);
        QStringList actual;
        for (int column = 0; column < TimelineModel::ColumnCount; ++column)
            actual << cell(model, row, column);
        QCOMPARE(actual, expected);
        const TimelineEvent &e = *model.event(row);
        QCOMPARE(model.data(model.index(row, 0), DocumentRole).toULongLong(), qulonglong(e.document));
        QCOMPARE(model.data(model.index(row, 0), PointerRole).toString(), QString::fromStdString(e.pointer));
        QCOMPARE(model.data(model.index(row, TimelineModel::TimeColumn), SortRole).toLongLong(), e.at.msSinceEpoch);
    }

    void languageSwitchesLabels()
    {
        const AnalysedSample s = analyse(sampleText("seed001-vbank-console-log.txt"), msAt("2024-08-08T00:00:00+09:00"));
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEvents(s.analysis.timeline);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
        model.setLanguage(Language::Korean);
        // messages.json: timeline.transaction = 거래 / Transaction.
        QCOMPARE(cell(model, 0, TimelineModel::EventColumn), QStringLiteral("거래"));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(headers.count(), 1);
        // Both languages are searchable in either.
        const QString search = model.data(model.index(0, 0), SearchTextRole).toString();
        QVERIFY(search.contains(QStringLiteral("거래")));
        QVERIFY(search.contains(QStringLiteral("Transaction")));
        QVERIFY(search.contains(QStringLiteral("estag20240807160826ZKQT3")));  // the paymentKey
    }

    void rowForASelection_data()
    {
        QTest::addColumn<Selection>("selection");
        QTest::addColumn<int>("row");
        QTest::newRow("nothing selected") << Selection() << -1;
        QTest::newRow("an event's own field") << Selection(0, "/approvedAt") << 1;
        QTest::newRow("a field inside a cancel") << Selection(0, "/cancels/0/cancelAmount") << 2;
        QTest::newRow("the cancel object") << Selection(0, "/cancels/0") << 2;
        QTest::newRow("a virtual account field") << Selection(0, "/virtualAccount/bankCode") << 3;
        // Anything else of the payment sits in the root record, which holds requestedAt first.
        QTest::newRow("another payment field") << Selection(0, "/card/number") << 0;
        QTest::newRow("the payment document") << Selection(0, "") << 0;
        QTest::newRow("a field of the second transaction") << Selection(1, "/1/amount") << 5;
        // The list itself is no event's record.
        QTest::newRow("the transactions list") << Selection(1, "") << -1;
        QTest::newRow("a field in the in-app payload") << Selection(2, "/success/status") << 6;
        QTest::newRow("webhook data field") << Selection(3, "/data/orderId") << 7;
        QTest::newRow("webhook envelope field") << Selection(3, "/eventType") << 8;
        QTest::newRow("unknown document") << Selection(9, "/status") << -1;
    }

    void rowForASelection()
    {
        QFETCH(Selection, selection);
        QFETCH(int, row);
        TimelineModel model;
        model.setEvents(events());
        QCOMPARE(model.rowFor(selection), row);
    }

    void twentyThousandEvents()
    {
        // One transactions list of 20,000 records, a finding on every third record's status,
        // and 20,000 more about fields no event holds: the index keeps this linear.
        constexpr int count = 20000;
        std::vector<TimelineEvent> list;
        std::vector<Finding> findings;
        for (int i = 0; i < count; ++i) {
            const std::string record = "/" + std::to_string(i);
            list.push_back(makeEvent(EventType::Transaction, 0, record + "/transactionAt"));
            if (i % 3 == 0)
                findings.push_back(finding(0, {record + "/status"}));
            findings.push_back(finding(1, {record + "/status"}, Severity::Critical));  // another document
        }
        TimelineModel model;
        model.setEvents(std::move(list));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings(findings);
        int marked = 0;
        for (int row = 0; row < count; ++row)
            marked += model.data(model.index(row, 0), SeverityRole).toInt() == 1 ? 1 : 0;
        // Rows 0, 3, …, 19,998: 6,667 of them.
        QCOMPARE(marked, 6667);
        QCOMPARE(model.data(model.index(19998, 0), SeverityRole).toInt(), 1);
        QCOMPARE(model.data(model.index(19999, 0), SeverityRole).toInt(), -1);
        QCOMPARE(model.rowFor(Selection(0, "/12345/amount")), 12345);
    }
};

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
