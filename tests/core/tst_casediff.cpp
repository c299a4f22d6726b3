// Two looks at one payment compared: a pasted answer against the live one (seed 000's
// IN_PROGRESS with nulls against the DONE that followed), and snapshots of the history.

#include "catalog/catalog.h"
#include "model/input.h"
#include "report/casediff.h"
#include "util/clock.h"
#include "util/timestamp.h"

#include <QTest>

using namespace paytriage;

namespace {

struct Look
{
    std::vector<Document> documents;
    Analysis analysis;
};

Look look(const QByteArray &text)
{
    const Catalog catalog = Catalog::builtIn();
    LoadedCase loaded = loadText(text.toStdString(), DocumentSource{"paste", {}, 0});
    Look l;
    const FixedClock clock(parseTimestamp("2024-02-13T12:30:00+09:00")->msSinceEpoch);
    l.analysis = Analyzer(catalog, clock).analyze(loaded.kase);
    l.documents = std::move(loaded.kase.documents);
    return l;
}

const QByteArray inProgress = R"({"mId":"tvivarepublica","paymentKey":"tgen_2024","orderId":"o-1","status":"IN_PROGRESS","method":null,"approvedAt":null,"useEscrow":null,"card":null,"totalAmount":15000,"balanceAmount":15000,"cancels":null,"requestedAt":"2024-02-13T12:18:14+09:00"})";
const QByteArray done = R"({"mId":"tvivarepublica","paymentKey":"tgen_2024","orderId":"o-1","status":"DONE","method":"카드","approvedAt":"2024-02-13T12:18:40+09:00","useEscrow":false,"card":{"number":"43301234****123*"},"totalAmount":15000,"balanceAmount":15000,"cancels":null,"requestedAt":"2024-02-13T12:18:14+09:00"})";
const QByteArray partlyCanceled = R"({"mId":"tvivarepublica","paymentKey":"tgen_2024","orderId":"o-1","status":"PARTIAL_CANCELED","method":"카드","approvedAt":"2024-02-13T12:18:40+09:00","useEscrow":false,"card":{"number":"43301234****123*"},"totalAmount":15000,"balanceAmount":10000,"cancels":[{"cancelAmount":5000,"canceledAt":"2024-02-13T12:25:00+09:00","cancelStatus":"DONE"}],"requestedAt":"2024-02-13T12:18:14+09:00"})";

QByteArrayList describe(const CaseDiff &diff)
{
    static const char *kinds[] = {"changed", "filled", "emptied", "added", "removed"};
    QByteArrayList out;
    for (const FieldChange &c : diff.fields)
        out << QByteArray(kinds[int(c.kind)]) + ' ' + QByteArray::fromStdString(c.pointer);
    return out;
}

} // namespace

class TestCaseDiff final : public QObject
{
    Q_OBJECT

private slots:
    void fields_data();
    void fields();
    void findingsThatAppearedOrCleared();
    void differentKindsCompareOnlyCounts();
};

void TestCaseDiff::fields_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QByteArrayList>("changes");
    QTest::newRow("seed 000: nulls filled once the provider finished")
        << inProgress << done
        << QByteArrayList{"changed /status", "filled /method", "filled /approvedAt", "filled /useEscrow", "filled /card"};
    QTest::newRow("a cancel arrived: one change for the whole cancel list")
        << done << partlyCanceled << QByteArrayList{"changed /status", "changed /balanceAmount", "filled /cancels"};
    QTest::newRow("a second cancel: the new element only")
        << partlyCanceled
        << QByteArray(partlyCanceled).replace(R"("cancelStatus":"DONE"}])", R"("cancelStatus":"DONE"},{"cancelAmount":10000,"canceledAt":"2024-02-13T12:29:00+09:00","cancelStatus":"DONE"}])")
        << QByteArrayList{"added /cancels/1"};
    QTest::newRow("a trimmed paste against the full answer: what it left out is added")
        << QByteArray(R"({"paymentKey":"tgen_2024","orderId":"o-1","status":"DONE","totalAmount":15000})") << done
        << QByteArrayList{"added /mId", "added /method", "added /approvedAt", "added /useEscrow", "added /card",
                       "added /balanceAmount", "added /cancels", "added /requestedAt"};
    QTest::newRow("the same answer twice: nothing") << done << done << QByteArrayList{};
    QTest::newRow("a value gone to null") << done << QByteArray(done).replace(R"("useEscrow":false)", R"("useEscrow":null)")
                                          << QByteArrayList{"emptied /useEscrow"};
}

void TestCaseDiff::fields()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QByteArrayList, changes);
    const Look was = look(before);
    const Look now = look(after);
    const CaseDiff diff = diffCases(was.documents, was.analysis, now.documents, now.analysis);
    QVERIFY(diff.comparable);
    QCOMPARE(diff.kind, DocumentKind::Payment);
    QCOMPARE(describe(diff), changes);
    QCOMPARE(diff.fields.empty(), changes.isEmpty());
    for (const FieldChange &c : diff.fields)
        if (c.kind == FieldChange::Kind::Filled)
            QVERIFY(c.before.is_null() && !c.after.is_null());
}

void TestCaseDiff::findingsThatAppearedOrCleared()
{
    // Pasted while the provider was still working: its nulls are findings; once DONE they clear.
    const Look was = look(inProgress);
    const Look now = look(done);
    const CaseDiff diff = diffCases(was.documents, was.analysis, now.documents, now.analysis);
    QVERIFY(!diff.cleared.empty());
    for (const Finding *f : diff.cleared)
        QVERIFY(f >= was.analysis.findings.data() && f < was.analysis.findings.data() + was.analysis.findings.size());
    QVERIFY(diff.appeared.empty());
    // And the other way round they appear.
    const CaseDiff back = diffCases(now.documents, now.analysis, was.documents, was.analysis);
    QCOMPARE(back.appeared.size(), diff.cleared.size());
    QVERIFY(back.cleared.empty());
}

void TestCaseDiff::differentKindsCompareOnlyCounts()
{
    const Look was = look(done);
    const Look now = look(R"([{"transactionKey":"t1","paymentKey":"tgen_2024","orderId":"o-1","method":"카드","status":"DONE","amount":15000,"transactionAt":"2024-02-13T12:18:40+09:00"}])");
    const CaseDiff diff = diffCases(was.documents, was.analysis, now.documents, now.analysis);
    QVERIFY(!diff.comparable);
    QVERIFY(diff.fields.empty());
    QCOMPARE(diff.transactionsBefore, std::size_t(0));
    QCOMPARE(diff.transactionsAfter, std::size_t(1));
    QVERIFY(!diff.empty());
}

QTEST_GUILESS_MAIN(TestCaseDiff)
#include "tst_casediff.moc"
