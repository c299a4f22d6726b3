// Selection values and the mediator that links the case's panes: it must announce each new
// selection once, and never let a pane's answer bounce back into a loop.

#include "models/selection.h"

#include <QSignalSpy>
#include <QTest>

using namespace paytriage;

namespace {

Selection sel(std::size_t document, const char *pointer)
{
    return Selection(document, pointer);
}

} // namespace

class TestSelectionMediator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equality_data()
    {
        QTest::addColumn<Selection>("a");
        QTest::addColumn<Selection>("b");
        QTest::addColumn<bool>("equal");

        QTest::newRow("same document and pointer") << sel(1, "/status") << sel(1, "/status") << true;
        QTest::newRow("other pointer") << sel(1, "/status") << sel(1, "/method") << false;
        QTest::newRow("other document") << sel(0, "/status") << sel(1, "/status") << false;
        QTest::newRow("document root vs first document's field") << sel(0, "") << sel(0, "/status") << false;
        // A default Selection is "nothing": its stale fields do not matter.
        Selection stale;
        stale.document = 3;
        stale.pointer = "/x";
        QTest::newRow("nothing vs nothing with stale fields") << Selection() << stale << true;
        QTest::newRow("nothing vs document 0 root") << Selection() << sel(0, "") << false;
    }

    void equality()
    {
        QFETCH(Selection, a);
        QFETCH(Selection, b);
        QFETCH(bool, equal);
        QCOMPARE(a == b, equal);
        QCOMPARE(b == a, equal);
    }

    void validity()
    {
        QVERIFY(!Selection().valid());
        // Document 0 with the root pointer is a real selection (the first document's row).
        QVERIFY(sel(0, "").valid());
    }

    void travelsInAVariant()
    {
        const QVariant v = QVariant::fromValue(sel(2, "/cancels/0"));
        QCOMPARE(v.value<Selection>(), sel(2, "/cancels/0"));
    }

    void announcesEachNewSelectionOnce()
    {
        SelectionMediator mediator;
        QSignalSpy spy(&mediator, &SelectionMediator::selectionChanged);
        QObject pane;

        mediator.select(sel(0, "/status"), &pane);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Selection>(), sel(0, "/status"));
        QCOMPARE(spy.at(0).at(1).value<const QObject *>(), &pane);
        QCOMPARE(mediator.current(), sel(0, "/status"));

        // The same place again (a pane re-selecting its current row) is not news.
        mediator.select(sel(0, "/status"), nullptr);
        QCOMPARE(spy.count(), 1);

        mediator.select(sel(0, "/method"), nullptr);
        QCOMPARE(spy.count(), 2);

        mediator.clear(nullptr);
        QCOMPARE(spy.count(), 3);
        QVERIFY(!mediator.current().valid());
        mediator.clear(nullptr);
        QCOMPARE(spy.count(), 3);
    }

    void panesAnsweringCannotLoop_data()
    {
        QTest::addColumn<Selection>("answer");
        // The tree snaps a missing field to its parent and reports that; the timeline reports
        // the event it moved to; a pane re-announces what it was told. None may be re-emitted.
        QTest::newRow("answer with the parent node") << sel(0, "");
        QTest::newRow("answer with another place") << sel(1, "/0/transactionAt");
        QTest::newRow("answer with the same place") << sel(0, "/approvedAt");
    }

    void panesAnsweringCannotLoop()
    {
        QFETCH(Selection, answer);
        SelectionMediator mediator;
        QObject tree;
        QObject timeline;
        int treeCalls = 0;
        int timelineCalls = 0;
        // Two panes that select something of their own whenever they follow a selection: the
        // classic ping-pong of linked views.
        connect(&mediator, &SelectionMediator::selectionChanged, &tree,
                [&](const Selection &, const QObject *origin) {
                    ++treeCalls;
                    if (origin != &tree)
                        mediator.select(answer, &tree);
                });
        connect(&mediator, &SelectionMediator::selectionChanged, &timeline,
                [&](const Selection &, const QObject *origin) {
                    ++timelineCalls;
                    if (origin != &timeline)
                        mediator.select(sel(5, "/elsewhere"), &timeline);
                });
        QSignalSpy spy(&mediator, &SelectionMediator::selectionChanged);

        mediator.select(sel(0, "/approvedAt"), nullptr);

        // One announcement, each pane called once, and the user's choice stands.
        QCOMPARE(spy.count(), 1);
        QCOMPARE(treeCalls, 1);
        QCOMPARE(timelineCalls, 1);
        QCOMPARE(mediator.current(), sel(0, "/approvedAt"));

        // Once the emission is over, a pane's own selection goes through again.
        mediator.select(answer == sel(0, "/approvedAt") ? sel(0, "/status") : answer, &tree);
        QCOMPARE(spy.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSelectionMediator)
#include "tst_selectionmediator.moc"
