// FindingsModel over real analyses (seed 000 + 002 + 003 in one paste) and small hand-made
// findings: flat and grouped shapes, roles, language switches without reset.

#include "models/findingsmodel.h"

#include "analysedsample.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace paytriage;
using namespace paytriage::test;

namespace {

// seed000 (a confirm answered IN_PROGRESS), seed002 (in-app order PAYMENT_COMPLETED) and
// seed003 (13 API errors), as one paste: 15 documents.
AnalysedSample combined()
{
    std::string text = sampleText("seed000-confirm-in-progress.json");
    text += '\n' + sampleText("seed002-iap-payment-completed.txt");
    text += '\n' + sampleText("seed003-error-codes.txt");
    // Three minutes after seed002's order was determined (2025-09-25 16:30:26 KST): a young
    // PAYMENT_COMPLETED, explained as information; and months after seed000's requestedAt
    // (2025-04-02 08:39:21 KST), long past the 10 minutes an IN_PROGRESS payment may last.
    return analyse(std::move(text), msAt("2025-09-25T16:33:26+09:00"));
}

Finding make(const char *rule, Severity severity, std::size_t document, std::vector<std::string> pointers,
             const char *en, const char *ko, std::size_t occurrences = 1)
{
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.document = document;
    f.pointers = std::move(pointers);
    f.title = {ko, en};
    f.detail = {std::string(ko) + " 설명", std::string(en) + " detail"};
    f.occurrences = occurrences;
    return f;
}

QString text(const QAbstractItemModel &m, const QModelIndex &i, int role = Qt::DisplayRole)
{
    return m.data(i, role).toString();
}

} // namespace

class TestFindingsModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flatListShowsEveryFinding()
    {
        const AnalysedSample s = combined();
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings(s.analysis.findings);

        // status-stuck-in-progress for seed000 (a warning) and for seed002 (information: a young
        // PAYMENT_COMPLETED) + one api-error per seed003 error (13) = 15.
        QVERIFY2(model.rowCount() == 15, qPrintable(describe(s.analysis.findings)));
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex i = model.index(row, FindingsModel::TitleColumn);
            QCOMPARE(model.data(i, FindingIndexRole).toInt(), row);
            QCOMPARE(model.finding(i), &model.findings()[static_cast<std::size_t>(row)]);
            QCOMPARE(model.indexOfFinding(static_cast<std::size_t>(row)), i);
            QCOMPARE(model.rowCount(i), 0);
            QVERIFY(!model.parent(i).isValid());
        }
        QVERIFY(!model.indexOfFinding(15).isValid());
    }

    void rolesOfOneFinding_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("severity");
        QTest::addColumn<qulonglong>("document");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("location");

        // seed000 is document 0 (#1); its stuck finding points at /status first.
        QTest::newRow("stuck payment") << QStringLiteral("status-stuck-in-progress") << 1 << 0ULL << QStringLiteral("/status") << QStringLiteral("#1 /status");
        // seed003's first error object is document 2 (#3).
        QTest::newRow("first API error") << QStringLiteral("api-error") << 1 << 2ULL << QStringLiteral("/code") << QStringLiteral("#3 /code");
    }

    void rolesOfOneFinding()
    {
        QFETCH(QString, rule);
        QFETCH(int, severity);
        QFETCH(qulonglong, document);
        QFETCH(QString, pointer);
        QFETCH(QString, location);

        const AnalysedSample s = combined();
        FindingsModel model;
        model.setFindings(s.analysis.findings);
        QModelIndex found;
        for (int row = 0; row < model.rowCount() && !found.isValid(); ++row) {
            if (text(model, model.index(row, FindingsModel::RuleColumn)) == rule)
                found = model.index(row, FindingsModel::TitleColumn);
        }
        QVERIFY2(found.isValid(), qPrintable(describe(s.analysis.findings)));
        const Finding &f = *model.finding(found);
        QCOMPARE(model.data(found, SeverityRole).toInt(), severity);
        QCOMPARE(model.data(found, DocumentRole).toULongLong(), document);
        QCOMPARE(text(model, found, PointerRole), pointer);
        QCOMPARE(text(model, found.siblingAtColumn(FindingsModel::LocationColumn)), location);
        QCOMPARE(text(model, found), QString::fromStdString(f.title.en));
        QCOMPARE(text(model, found, Qt::ToolTipRole), QString::fromStdString(f.detail.en));
        // The filter text carries both languages whatever the UI shows.
        const QString search = text(model, found, SearchTextRole);
        QVERIFY(search.contains(QString::fromStdString(f.title.ko)));
        QVERIFY(search.contains(QString::fromStdString(f.title.en)));
        QVERIFY(search.contains(rule));
    }

    void languageSwitchesWithoutReset()
    {
        const AnalysedSample s = combined();
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings(s.analysis.findings);
        model.setGroupedByRule(true);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);

        const QModelIndex first = model.indexOfFinding(0);
        QCOMPARE(text(model, first), QString::fromStdString(s.analysis.findings[0].title.en));
        model.setLanguage(Language::Korean);
        QCOMPARE(text(model, first), QString::fromStdString(s.analysis.findings[0].title.ko));
        QCOMPARE(text(model, first, Qt::ToolTipRole), QString::fromStdString(s.analysis.findings[0].detail.ko));
        QCOMPARE(resets.count(), 0);
        // One dataChanged for the 2 group rows, one per group for its findings.
        QCOMPARE(changes.count(), 1 + 2);
        QCOMPARE(headers.count(), 1);

        model.setLanguage(Language::Korean);  // no change, no signal
        QCOMPARE(changes.count(), 3);
    }

    void groupsByRule()
    {
        const AnalysedSample s = combined();
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings(s.analysis.findings);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setGroupedByRule(true);
        QCOMPARE(resets.count(), 1);

        // Rules in order of first appearance (the analysis lists the most severe first).
        const QStringList expected{QStringLiteral("status-stuck-in-progress (2)"), QStringLiteral("api-error (13)")};
        QStringList titles;
        for (int row = 0; row < model.rowCount(); ++row)
            titles << text(model, model.index(row, FindingsModel::TitleColumn));
        QVERIFY2(titles == expected, qPrintable(titles.join(QLatin1Char('|'))));

        const QModelIndex errors = model.index(1, 0);
        QCOMPARE(model.rowCount(errors), 13);
        QCOMPARE(model.finding(errors), nullptr);
        QCOMPARE(model.data(errors, FindingIndexRole).toInt(), -1);
        QCOMPARE(model.data(errors, SeverityRole).toInt(), 1);
        QVERIFY(!model.data(errors, DocumentRole).isValid());
        // Thirteen errors seen once each.
        QCOMPARE(model.data(errors.siblingAtColumn(FindingsModel::CountColumn)).toULongLong(), 13ULL);

        // Every finding is reachable, under the group of its rule.
        for (std::size_t i = 0; i < model.findings().size(); ++i) {
            const QModelIndex at = model.indexOfFinding(i);
            QVERIFY(at.isValid());
            QCOMPARE(model.data(at, FindingIndexRole).toInt(), static_cast<int>(i));
            QCOMPARE(text(model, at.parent().siblingAtColumn(FindingsModel::RuleColumn)),
                     QString::fromStdString(model.findings()[i].rule));
        }

        model.setGroupedByRule(false);
        QCOMPARE(resets.count(), 2);
        QCOMPARE(model.rowCount(), 15);
    }

    void groupTakesTheWorstSeverity_data()
    {
        QTest::addColumn<QList<int>>("severities");
        QTest::addColumn<int>("worst");
        QTest::newRow("info then critical") << QList<int>{0, 2} << 2;
        QTest::newRow("warning then info") << QList<int>{1, 0} << 1;
        QTest::newRow("info only") << QList<int>{0, 0, 0} << 0;
    }

    void groupTakesTheWorstSeverity()
    {
        QFETCH(QList<int>, severities);
        QFETCH(int, worst);
        std::vector<Finding> findings;
        for (int severity : severities)
            findings.push_back(make("amount-mismatch", static_cast<Severity>(severity), 0, {"/totalAmount"}, "t", "t"));
        FindingsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGroupedByRule(true);
        model.setFindings(std::move(findings));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, 0), SeverityRole).toInt(), worst);
        QCOMPARE(model.rowCount(model.index(0, 0)), severities.size());
        // Only column 0 of a group has children.
        QCOMPARE(model.rowCount(model.index(0, 1)), 0);
    }

    void countsFoldedOccurrences()
    {
        // A finding folded over 250 records counts 250; the group adds its findings' counts.
        std::vector<Finding> findings{
            make("unknown-field", Severity::Info, 0, {"/0/newField"}, "Unknown field", "알 수 없는 필드", 250),
            make("unknown-field", Severity::Info, 0, {"/0/other"}, "Unknown field", "알 수 없는 필드", 3)};
        FindingsModel model;
        model.setFindings(findings);
        QCOMPARE(model.data(model.index(0, FindingsModel::CountColumn)).toULongLong(), 250ULL);
        model.setGroupedByRule(true);
        QCOMPARE(model.data(model.index(0, FindingsModel::CountColumn)).toULongLong(), 253ULL);
        QCOMPARE(text(model, model.index(0, FindingsModel::TitleColumn)), QStringLiteral("unknown-field (2)"));
    }

    void findingWithoutPointerPointsAtTheDocument()
    {
        FindingsModel model;
        model.setFindings({make("settlement-payment-mismatch", Severity::Warning, 4, {}, "t", "t")});
        const QModelIndex i = model.index(0, 0);
        QCOMPARE(text(model, i, PointerRole), QString());
        // Document 4 is shown as #5, with nothing after it.
        QCOMPARE(text(model, i.siblingAtColumn(FindingsModel::LocationColumn)), QStringLiteral("#5"));
    }

    void headersAreTitled()
    {
        FindingsModel model;
        for (int c = 0; c < FindingsModel::ColumnCount; ++c)
            QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
        QVERIFY(!model.headerData(FindingsModel::ColumnCount, Qt::Horizontal).isValid());
    }
};

QTEST_GUILESS_MAIN(TestFindingsModel)
#include "tst_findingsmodel.moc"
