#include "catalog/catalog.h"
#include "model/input.h"
#include "timeline/timeline.h"

#include "../support/paymentfactory.h"

#include <QTest>

using namespace paytriage;
using paytriage::test::Json;

namespace {

std::vector<TimelineEvent> timelineOf(const Json &a, const Json &b = Json(), const Json &c = Json())
{
    std::string text = a.dump();
    for (const Json *j : {&b, &c})
        if (!j->is_null())
            text += '\n' + j->dump();
    const LoadedCase loaded = loadText(text, {"test", {}, 0});  // events copy what they show
    const Catalog catalog = Catalog::builtIn();
    TimelineBuilder builder(catalog);
    const std::pair<const std::vector<JsonRef> *, DocumentKind> lists[] = {
        {&loaded.kase.of(DocumentKind::Payment), DocumentKind::Payment},
        {&loaded.kase.of(DocumentKind::Transactions), DocumentKind::Transactions},
        {&loaded.kase.of(DocumentKind::Settlements), DocumentKind::Settlements}};
    for (const auto &[refs, kind] : lists)
        for (const JsonRef &ref : *refs)
            builder.add({kind, ref.document, ref.pointer, *ref.value, {}});
    return builder.take();
}

QStringList describe(const std::vector<TimelineEvent> &events)
{
    QStringList out;
    for (const TimelineEvent &e : events)
        out << QStringLiteral("%1 %2").arg(QString::fromLatin1(eventTypeId(e.type).data()), QString::fromStdString(e.status));
    return out;
}

} // namespace

class TestTimeline final : public QObject
{
    Q_OBJECT

private slots:
    void everySourceOnOneClock();
    void limitCountsWithoutBuilding();
    void labelsInBothLanguages();
    void snapshotsOfOnePaymentAreLabelled();
    void aLookedUpPaymentSaysWhenItWasLookedUp();
};

void TestTimeline::aLookedUpPaymentSaysWhenItWasLookedUp()
{
    // One payment fetched at 2025-04-02 09:00:00 KST (00:00:00 UTC): its answer is a snapshot of
    // that moment, so a row says when it was looked up and the status it gave then, even alone.
    const Json payment = test::healthyPayment("카드", "IN_PROGRESS");
    DocumentSource source{"GET /v1/payments/x", "/v1/payments/x", 200};
    source.fetchedAtMs = 1743552000000;
    const LoadedCase loaded = loadText(payment.dump(), source);
    const Catalog catalog = Catalog::builtIn();
    TimelineBuilder builder(catalog, 100000, &loaded.kase);
    for (const JsonRef &ref : loaded.kase.of(DocumentKind::Payment))
        builder.add({DocumentKind::Payment, ref.document, ref.pointer, *ref.value, {}});
    const std::vector<TimelineEvent> events = builder.take();
    const auto snapshot = std::find_if(events.begin(), events.end(), [](const TimelineEvent &e) { return e.type == EventType::Snapshot; });
    QVERIFY(snapshot != events.end());
    QCOMPARE(snapshot->at.msSinceEpoch, std::int64_t(1743552000000));
    QCOMPARE(QString::fromStdString(snapshot->status), QStringLiteral("IN_PROGRESS"));
    QCOMPARE(QString::fromStdString(snapshot->label.en), QStringLiteral("Looked up (status at that time)"));

    // Pasted (not fetched), a lone payment adds no snapshot row: its latest event says as much.
    const std::vector<TimelineEvent> pasted = timelineOf(payment);
    QVERIFY(std::none_of(pasted.begin(), pasted.end(), [](const TimelineEvent &e) { return e.type == EventType::Snapshot; }));
}

void TestTimeline::snapshotsOfOnePaymentAreLabelled()
{
    // The same payment pasted twice: DONE, then PARTIAL_CANCELED. Its request and approval are
    // told once; the later snapshot adds its cancel; each snapshot is marked at its latest event
    // (approved 08:40:02 for the first, canceled 10:05:11 for the second).
    const Json done = test::healthyPayment("카드", "DONE");
    const Json later = test::healthyPayment("카드", "PARTIAL_CANCELED");
    const auto events = timelineOf(done, later);
    QCOMPARE(describe(events), (QStringList{QStringLiteral("requested "), QStringLiteral("approved DONE"),
                                            QStringLiteral("snapshot DONE"), QStringLiteral("canceled CANCELED"),
                                            QStringLiteral("snapshot PARTIAL_CANCELED")}));
    // One snapshot alone is not labelled: it is the payment.
    QVERIFY(!describe(timelineOf(done)).contains(QStringLiteral("snapshot DONE")));
}

void TestTimeline::everySourceOnOneClock()
{
    const Json p = test::healthyPayment("카드", "PARTIAL_CANCELED");
    const auto events = timelineOf(p, test::healthyTransactions(p), test::healthySettlements(p));
    // requested 08:39:21, approved 08:40:02 (payment and its DONE transaction, in that order of
    // adding), canceled 10:05:11 (transaction and payment), then the settlement days: 04-02 sold
    // (after that day's timed events), 04-07 paid out.
    QCOMPARE(describe(events),
             QStringList({QStringLiteral("requested "), QStringLiteral("approved DONE"), QStringLiteral("transaction DONE"),
                          QStringLiteral("canceled CANCELED"), QStringLiteral("transaction PARTIAL_CANCELED"),
                          QStringLiteral("settlement-sold "), QStringLiteral("settlement-sold "),
                          QStringLiteral("settlement-paid-out "), QStringLiteral("settlement-paid-out ")}));
    QCOMPARE(*events[3].amount, 10000.0);
    QCOMPARE(QString::fromStdString(events[3].pointer), QStringLiteral("/cancels/0/canceledAt"));
    QCOMPARE(events[3].document, std::size_t(0));
}

void TestTimeline::limitCountsWithoutBuilding()
{
    const Catalog catalog = Catalog::builtIn();
    TimelineBuilder builder(catalog, 2);
    const Json p = test::healthyPayment("카드", "CANCELED");
    builder.add({DocumentKind::Payment, 0, "", p, {}});  // requested, approved, canceled: 3 events
    QVERIFY(builder.truncated());
    QCOMPARE(builder.take().size(), std::size_t(2));
}

void TestTimeline::labelsInBothLanguages()
{
    const auto events = timelineOf(test::healthyPayment("가상계좌", "WAITING_FOR_DEPOSIT"));
    QCOMPARE(events.back().type, EventType::DepositDue);
    QCOMPARE(QString::fromStdString(events.back().label.ko), QStringLiteral("가상계좌 입금 기한"));
    QCOMPARE(QString::fromStdString(events.back().label.en), QStringLiteral("Virtual-account due date"));
}

QTEST_APPLESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
