// FindingsFilterProxy: minimum severity and text (either language), flat and grouped, and the
// default order (most severe first, then document order).

#include "models/findingsfilterproxy.h"
#include "models/findingsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <algorithm>

using namespace paytriage;

namespace {

Finding make(const char *rule, Severity severity, std::size_t document, const char *en, const char *ko)
{
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.document = document;
    f.pointers = {"/totalAmount"};
    f.title = {ko, en};
    return f;
}

// Deliberately not in severity order, so sorting has work to do.
std::vector<Finding> sample()
{
    return {
        make("amount-mismatch", Severity::Info, 2, "Amount rounding", "금액 반올림"),               // 0
        make("unknown-enum-value", Severity::Warning, 1, "Unknown status value", "알 수 없는 상태값"), // 1
        make("amount-mismatch", Severity::Critical, 0, "Balance exceeds total", "잔액이 총액보다 큼"), // 2
        make("unknown-field", Severity::Info, 0, "Unknown field", "알 수 없는 필드"),               // 3
        make("api-error", Severity::Warning, 0, "Error NOT_FOUND_PAYMENT", "에러 NOT_FOUND_PAYMENT"), // 4
    };
}

// Finding indexes the proxy shows, walking groups; also counts the top-level rows.
QList<int> visible(const QAbstractItemModel &proxy, int *topRows = nullptr)
{
    QList<int> out;
    if (topRows)
        *topRows = proxy.rowCount();
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QModelIndex top = proxy.index(row, 0);
        const int i = proxy.data(top, FindingIndexRole).toInt();
        if (i >= 0)
            out << i;
        for (int child = 0; child < proxy.rowCount(top); ++child)
            out << proxy.data(proxy.index(child, 0, top), FindingIndexRole).toInt();
    }
    return out;
}

} // namespace

class TestFindingsFilterProxy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filters_data()
    {
        QTest::addColumn<int>("minimum");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("expected");   // in the default order
        QTest::addColumn<int>("groups");            // top-level rows when grouped by rule

        // Default order: critical 2; warnings 4 (document 0) then 1 (document 1); infos 3
        // (document 0) then 0 (document 2).
        QTest::newRow("everything") << 0 << QString() << QList<int>{2, 4, 1, 3, 0} << 4;
        // Three rules have a warning or worse: amount-mismatch (2), api-error (4), unknown-enum-value (1).
        QTest::newRow("warnings and above") << 1 << QString() << QList<int>{2, 4, 1} << 3;
        QTest::newRow("critical only") << 2 << QString() << QList<int>{2} << 1;
        QTest::newRow("Korean title") << 0 << QStringLiteral("알 수 없는") << QList<int>{1, 3} << 2;
        // "amount" alone would match all five (their pointer is /totalAmount).
        QTest::newRow("English title, other case") << 0 << QStringLiteral("ROUNDING") << QList<int>{0} << 1;
        // "amount-mismatch" is in the rule id of 0 and 2 (and in no title).
        QTest::newRow("rule id") << 0 << QStringLiteral("amount-mismatch") << QList<int>{2, 0} << 1;
        QTest::newRow("rule id at warning") << 1 << QStringLiteral("amount-mismatch") << QList<int>{2} << 1;
        // Both words must occur: only 1 has "unknown" and "status".
        QTest::newRow("two words") << 0 << QStringLiteral("unknown status") << QList<int>{1} << 1;
        QTest::newRow("pointer") << 0 << QStringLiteral("/totalAmount") << QList<int>{2, 4, 1, 3, 0} << 4;
        QTest::newRow("nothing matches") << 0 << QStringLiteral("zzz") << QList<int>{} << 0;
    }

    void filters()
    {
        QFETCH(int, minimum);
        QFETCH(QString, text);
        QFETCH(QList<int>, expected);
        QFETCH(int, groups);

        FindingsModel model;
        FindingsFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings(sample());
        proxy.setMinimumSeverity(static_cast<Severity>(minimum));
        proxy.setTextFilter(text);

        QCOMPARE(visible(proxy), expected);

        // Grouped: a group stays while one of its findings passes, and never shows empty.
        model.setGroupedByRule(true);
        int top = 0;
        QList<int> grouped = visible(proxy, &top);
        QCOMPARE(top, groups);
        std::sort(grouped.begin(), grouped.end());
        QList<int> sortedExpected = expected;
        std::sort(sortedExpected.begin(), sortedExpected.end());
        QCOMPARE(grouped, sortedExpected);

        // Language does not change what matches: the search text holds both.
        model.setLanguage(Language::Korean);
        QCOMPARE(visible(proxy).size(), expected.size());
    }

    void groupsSortByWorstSeverity()
    {
        FindingsModel model;
        FindingsFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGroupedByRule(true);
        model.setFindings(sample());
        // Groups in source order: amount-mismatch (worst critical), unknown-enum-value (warning),
        // unknown-field (info), api-error (warning). Sorted: the critical group, then the two
        // warnings in source order, then the info group.
        QStringList rules;
        for (int row = 0; row < proxy.rowCount(); ++row)
            rules << proxy.data(proxy.index(row, FindingsModel::RuleColumn)).toString();
        QCOMPARE(rules, (QStringList{QStringLiteral("amount-mismatch"), QStringLiteral("unknown-enum-value"),
                                     QStringLiteral("api-error"), QStringLiteral("unknown-field")}));
        // Within the amount-mismatch group: the critical finding first.
        const QModelIndex group = proxy.index(0, 0);
        QCOMPARE(proxy.data(proxy.index(0, 0, group), FindingIndexRole).toInt(), 2);
        QCOMPARE(proxy.data(proxy.index(1, 0, group), FindingIndexRole).toInt(), 0);
    }

    void sortsByOtherColumns_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QList<int>>("expected");
        // Rule ids alphabetically; ties (amount-mismatch: 2 critical, 0 info) by severity.
        QTest::newRow("rule") << int(FindingsModel::RuleColumn) << QList<int>{2, 0, 4, 1, 3};
        // Document 0 (2, 4, 3 — same pointer, so by severity), then 1, then 2.
        QTest::newRow("location") << int(FindingsModel::LocationColumn) << QList<int>{2, 4, 3, 1, 0};
    }

    void sortsByOtherColumns()
    {
        QFETCH(int, column);
        QFETCH(QList<int>, expected);
        FindingsModel model;
        FindingsFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.setFindings(sample());
        proxy.sort(column, Qt::AscendingOrder);
        QCOMPARE(visible(proxy), expected);
        // Descending is the exact reverse.
        proxy.sort(column, Qt::DescendingOrder);
        std::reverse(expected.begin(), expected.end());
        QCOMPARE(visible(proxy), expected);
    }

    void textFilterIgnoresSurroundingSpace()
    {
        FindingsFilterProxy proxy;
        proxy.setTextFilter(QStringLiteral("  금액  "));
        QCOMPARE(proxy.textFilter(), QStringLiteral("금액"));
    }
};

QTEST_GUILESS_MAIN(TestFindingsFilterProxy)
#include "tst_findingsfilterproxy.moc"
