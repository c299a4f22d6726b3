// CaseSession, the console's case pipeline, without a window: lookups against the sandbox (its
// seed scenarios and every hostile fault) and texts, read through the one state every view shows.

#include "sandboxdata.h"
#include "sandboxserver.h"
#include "session/casesession.h"
#include "session/evidencehistory.h"
#include "store/evidencestore.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>

using namespace paytriage;

namespace {

const QString testKey = QStringLiteral("test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R");
using State = CaseSession::State;

const char *name(State state)
{
    switch (state) {
    case State::Empty: return "Empty";
    case State::Working: return "Working";
    case State::Complete: return "Complete";
    case State::PartlyFailed: return "PartlyFailed";
    case State::Failed: return "Failed";
    case State::Canceled: return "Canceled";
    }
    return "?";
}

// Every state the session announced, in order.
QList<State> statesOf(const QSignalSpy &spy)
{
    QList<State> states;
    for (const QList<QVariant> &args : spy)
        states << args.at(0).value<State>();
    return states;
}

} // namespace

class TestCaseSession final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void seedLookupEndsComplete();
    void hostileAnswers_data();
    void hostileAnswers();
    void listsThatFailLeaveThePaymentPartlyFailed();
    void unknownOrderFails();
    void missingKeyFailsWithoutAsking();
    void cancelBeforeTheAnswer();
    void texts_data();
    void texts();
    void bigInputs_data();
    void bigInputs();
    void evidenceOfALookupAndOfAText();
    void aSnapshotOpensAgainAsItWasJudged_data();
    void aSnapshotOpensAgainAsItWasJudged();

private:
    CaseSession::LookupRequest lookup(const QString &id, const QByteArray &fault = {}) const;
    // Waits until the session is neither empty nor working.
    static bool settle(CaseSession &session);

    std::unique_ptr<SandboxServer> m_sandbox;
    QNetworkAccessManager m_network;
    Catalog m_catalog = Catalog::builtIn();
};

void TestCaseSession::initTestCase()
{
    SandboxOptions options;
    options.days = 1;
    options.paymentsPerDay = 50;
    m_sandbox = std::make_unique<SandboxServer>(options);
    QVERIFY(m_sandbox->listen(0));
}

CaseSession::LookupRequest TestCaseSession::lookup(const QString &id, const QByteArray &fault) const
{
    CaseSession::LookupRequest request;
    request.id = id;
    request.profileName = QStringLiteral("sandbox");
    request.config.baseUrl = m_sandbox->url();
    request.config.secretKey = testKey;
    request.config.backoffBaseMs = 20;
    if (!fault.isEmpty())
        request.config.extraHeaders.append({QByteArrayLiteral("X-Sandbox-Fault"), fault});
    return request;
}

bool TestCaseSession::settle(CaseSession &session)
{
    QElapsedTimer timer;
    timer.start();
    while (session.state() == State::Working || session.state() == State::Empty || session.busy()) {
        if (timer.elapsed() > 30000)
            return false;
        QTest::qWait(10);
    }
    return true;
}

void TestCaseSession::seedLookupEndsComplete()
{
    // Seed 001: the payment, then its transactions and settlements. Working until every source
    // is in, then Complete, analysed once per document that arrived.
    CaseSession session(m_catalog, {});
    QSignalSpy states(&session, &CaseSession::stateChanged);
    session.startLookup(&m_network, lookup(QStringLiteral("LIVE-V20240807160726-PAY_6367_3859")));
    QCOMPARE(session.state(), State::Working);
    QVERIFY(settle(session));
    QCOMPARE(statesOf(states), (QList<State>{State::Working, State::Complete}));
    const CaseSession::Progress progress = session.progress();
    QCOMPARE(progress.started, 3);
    QCOMPARE(progress.finished, 3);
    QVERIFY(session.failure().isEmpty());
    const std::size_t documents = session.snapshot().documents->size();
    // Analysed off the window's thread, once per arriving answer at most (answers that arrive
    // during an analysis are taken by one more).
    QVERIFY(session.analyses() >= 1 && session.analyses() <= int(documents));
    // Each answer was printed and mapped once, as it arrived; laid end to end, text and map are
    // what reading the whole text at once gives.
    const CaseSnapshot &snap = session.snapshot();
    const DecodeResult whole = decode(*snap.rawText);
    QVERIFY(whole.ok());
    QCOMPARE(whole.documents.size(), documents);
    QCOMPARE(snap.sourceMap->size(), whole.sourceMap.size());
    for (std::size_t offset = 0; offset < snap.rawText->size(); ++offset)
        QCOMPARE(snap.sourceMap->at(offset), whole.sourceMap.at(offset));
    QVERIFY(documents >= 2);
    for (std::size_t i = 1; i <= documents; ++i)
        QVERIFY(snap.rawText->find("// #" + std::to_string(i) + " GET /v1/") != std::string::npos);
    QVERIFY(std::any_of(session.snapshot().analysis.findings.begin(), session.snapshot().analysis.findings.end(),
                        [](const Finding &f) { return f.rule == "vbank-cancel-without-deposit"; }));
}

void TestCaseSession::hostileAnswers_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<bool>("paymentFails");
    for (const char *fault : {"gateway-error", "odd-error", "escape-message", "redirect-away", "retry-after-huge",
                              "not-a-payment", "reset", "truncated", "invalid-json", "wrong-content-type", "500"})
        QTest::newRow(fault) << QByteArray(fault) << true;
    for (const char *fault : {"null-key", "null-key:1", "non-object-records", "numeric-cursor", "ignore-paging"})
        QTest::newRow(fault) << QByteArray(fault) << false;
}

void TestCaseSession::hostileAnswers()
{
    // Every request of the case answered wrongly: the session ends (never stuck working), in a
    // state that says whether the payment came, with a message where it did not; nothing throws.
    QFETCH(QByteArray, fault);
    QFETCH(bool, paymentFails);
    CaseSession session(m_catalog, {});
    session.startLookup(&m_network, lookup(QStringLiteral("2025040210437094"), fault));
    QVERIFY(settle(session));
    const State state = session.state();
    if (paymentFails) {
        QVERIFY2(state == State::Failed, name(state));
        QVERIFY(!session.failure().isEmpty());
        QVERIFY(session.failedRequest().has_value());
    } else {
        QVERIFY2(state == State::Complete || state == State::PartlyFailed, name(state));
        const bool listsFailed = session.status(Source::Transactions).state == CaseSession::SourceState::Failed
                                 || session.status(Source::Settlements).state == CaseSession::SourceState::Failed;
        QCOMPARE(state == State::PartlyFailed, listsFailed);
    }
    const CaseSession::Progress progress = session.progress();
    QCOMPARE(progress.finished, progress.started);
    QVERIFY(session.analyses() <= 3);
}

void TestCaseSession::listsThatFailLeaveThePaymentPartlyFailed()
{
    // The payment answers; the list calls (every payment of the day, tens of KB) pass the size cap
    // of one answer (8 KB, here) and fail: the payment stays analysed, and the case is not called
    // complete.
    CaseSession session(m_catalog, {});
    // A payment of the generated merchant: its day's lists hold every payment of that day.
    const QString orderId = QString::fromStdString(m_sandbox->data().merchant().orderId(0));
    CaseSession::LookupRequest request = lookup(orderId);
    request.config.maxResponseBytes = 8 * 1024;
    session.startLookup(&m_network, request);
    QVERIFY(settle(session));
    QCOMPARE(session.status(Source::Payment).state, CaseSession::SourceState::Done);
    QCOMPARE(session.status(Source::Transactions).state, CaseSession::SourceState::Failed);
    QCOMPARE(session.state(), State::PartlyFailed);
    QVERIFY(session.failure().isEmpty());  // the payment's own lookup did not fail
    QVERIFY(session.snapshot().documents && !session.snapshot().documents->empty());
}

void TestCaseSession::unknownOrderFails()
{
    CaseSession session(m_catalog, {});
    session.startLookup(&m_network, lookup(QStringLiteral("no-such-order-1")));
    QVERIFY(settle(session));
    QCOMPARE(session.state(), State::Failed);
    QCOMPARE(session.failedRequest()->httpStatus, 404);
    // The error object is evidence: shown, and analysed.
    QVERIFY(session.snapshot().documents && session.snapshot().documents->size() == 1);
}

void TestCaseSession::missingKeyFailsWithoutAsking()
{
    CaseSession session(m_catalog, {});
    CaseSession::LookupRequest request = lookup(QStringLiteral("2025040210437094"));
    request.config.secretKey.clear();
    session.startLookup(&m_network, request);
    QCOMPARE(session.state(), State::Failed);
    QCOMPARE(session.failedRequest()->kind, ApiError::Kind::Configuration);
    QVERIFY(!session.busy());
}

void TestCaseSession::cancelBeforeTheAnswer()
{
    CaseSession session(m_catalog, {});
    session.startLookup(&m_network, lookup(QStringLiteral("2025040210437094"), "latency:3000"));
    QTest::qWait(100);
    QCOMPARE(session.state(), State::Working);
    session.cancel();
    QVERIFY(settle(session));
    QCOMPARE(session.state(), State::Canceled);
}

void TestCaseSession::texts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("state");
    QTest::newRow("a payment") << QByteArray(R"({"paymentKey":"p","orderId":"o","status":"DONE","totalAmount":1000})")
                               << int(State::Complete);
    QTest::newRow("a broken paste") << QByteArray(R"({"status": "DONE", "amount": })") << int(State::Failed);
    QTest::newRow("nothing") << QByteArray("   \n") << int(State::Failed);
}

void TestCaseSession::texts()
{
    QFETCH(QByteArray, text);
    QFETCH(int, state);
    CaseSession session(m_catalog, {});
    QSignalSpy states(&session, &CaseSession::stateChanged);
    session.startText(QStringLiteral("paste"), text.toStdString());
    QCOMPARE(session.state(), State::Working);
    QVERIFY(settle(session));
    QCOMPARE(int(session.state()), state);
    QCOMPARE(statesOf(states), (QList<State>{State::Working, State(state)}));
    QCOMPARE(session.analyses(), state == int(State::Complete) ? 1 : 0);
}

// Texts and files take the CLI's way (pipeline/caseinput), with its limits: shown here with
// small limits, so each route is taken by a few hundred bytes.
void TestCaseSession::bigInputs_data()
{
    QTest::addColumn<bool>("asFile");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("route");
    QTest::addColumn<int>("mapping");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("records");

    QByteArray dump = "[";
    for (int i = 0; i < 40; ++i)
        dump += QByteArray(i ? "," : "") + R"({"transactionKey":"t)" + QByteArray::number(i)
                + R"(","paymentKey":"p","orderId":"o","method":"카드","status":"DONE","amount":1000,"transactionAt":"2024-02-13T12:18:14+09:00"})";
    dump += "]";
    const QByteArray payment = R"({"paymentKey":"p","orderId":"o","status":"DONE","totalAmount":1000,"balanceAmount":1000,"method":"카드","approvedAt":"2024-02-13T12:18:14+09:00"})";
    const QByteArray padded = payment + QByteArray(9000, ' ');
    QTest::newRow("small text: every value mapped") << false << payment << int(InputRoute::Whole) << int(SourceMapping::Full)
                                                    << int(State::Complete) << 0;
    QTest::newRow("big text: records mapped") << false << dump << int(InputRoute::Whole) << int(SourceMapping::Records)
                                              << int(State::Complete) << 40;
    QTest::newRow("big file of one array: streamed") << true << dump << int(InputRoute::Streamed) << int(SourceMapping::None)
                                                     << int(State::Complete) << 40;
    QTest::newRow("too big, not an array: refused") << true << padded << int(InputRoute::Whole) << int(SourceMapping::None)
                                                    << int(State::Failed) << 0;
}

void TestCaseSession::bigInputs()
{
    QFETCH(bool, asFile);
    QFETCH(QByteArray, text);
    QFETCH(int, route);
    QFETCH(int, mapping);
    QFETCH(int, state);
    QFETCH(int, records);
    InputLimits limits;
    limits.fullMapUpTo = 1000;
    limits.streamAbove = 2000;
    limits.maxInMemory = 8000;
    limits.previewBytes = 949;  // two bytes into the third record's "카" (at 947): the head ends before it
    CaseSession session(m_catalog, {});
    session.setInputLimits(limits);
    QTemporaryDir dir;
    if (asFile) {
        QFile file(dir.filePath(QStringLiteral("dump.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        session.startFile(QStringLiteral("dump.json"), file.fileName());
    } else {
        session.startText(QStringLiteral("paste"), text.toStdString());
    }
    QVERIFY(settle(session));
    QCOMPARE(int(session.state()), state);
    const CaseSnapshot &snap = session.snapshot();
    if (state == int(State::Failed)) {
        QVERIFY2(session.failure().contains(QLatin1String("too large")), qPrintable(session.failure()));
        QVERIFY(session.failure().contains(QLatin1String("one JSON array")));
        return;
    }
    QCOMPARE(int(snap.route), route);
    QCOMPARE(int(snap.mapping), mapping);
    QCOMPARE(snap.inputBytes, std::uint64_t(text.size()));
    QCOMPARE(int(snap.analysis.records), records);
    QCOMPARE(snap.sourceMap != nullptr, mapping != int(SourceMapping::None));
    // The history keeps a ticket's text, not a dump: above the fully linked size, or streamed, nothing.
    QCOMPARE(snapshotOf(session).has_value(), mapping == int(SourceMapping::Full));
    if (mapping == int(SourceMapping::Records)) {
        QVERIFY(snap.sourceMap->find(0, "/3").has_value());
        QVERIFY(!snap.sourceMap->find(0, "/3/amount").has_value());
    }
    if (route == int(InputRoute::Streamed)) {
        // The head of the file for the raw pane, cut before a broken character; the records are
        // not kept, one document names the file.
        QVERIFY(snap.previewCut);
        QCOMPARE(*snap.rawText, text.left(947).toStdString());
        QCOMPARE(snap.documents->size(), std::size_t(1));
        QCOMPARE(snap.documents->front().kind, DocumentKind::Transactions);
    } else {
        QCOMPARE(*snap.rawText, text.toStdString());
    }
}

// What the evidence history keeps of a case: a lookup's answers as received (the payment, every
// page of its lists) with its provenance and findings; a paste's text; nothing of a streamed file.
// Written on the recorder's thread and read back the same.
void TestCaseSession::evidenceOfALookupAndOfAText()
{
    CaseSession lookupCase(m_catalog, {});
    lookupCase.startLookup(&m_network, lookup(QStringLiteral("LIVE-V20240807160726-PAY_6367_3859")));
    QVERIFY(settle(lookupCase));
    const auto snapshot = snapshotOf(lookupCase);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->kind, SnapshotKind::Lookup);
    QCOMPARE(snapshot->keyMode, SnapshotKeyMode::Test);
    QCOMPARE(snapshot->status, QStringLiteral("CANCELED"));
    QVERIFY(snapshot->bodies.size() >= 3);
    QCOMPARE(snapshot->bodies.front().source, QStringLiteral("payment"));
    QCOMPARE(snapshot->bodies.front().content, lookupCase.answersOf(Source::Payment).front().content);
    QVERIFY(!snapshot->bodies.front().path.contains(testKey));
    QVERIFY(std::any_of(snapshot->findings.begin(), snapshot->findings.end(),
                        [](const FindingRecord &f) { return f.rule == "vbank-cancel-without-deposit"; }));

    QTemporaryDir dir;
    EvidenceHistory recorder(StoreLocation::sqlite(dir.filePath(QStringLiteral("history.sqlite"))));
    QSignalSpy recorded(&recorder, &EvidenceHistory::recorded);
    recorder.record(*snapshot);
    QVERIFY(recorded.wait(10000));
    const qint64 id = recorded.front().at(0).toLongLong();

    CaseSession pasted(m_catalog, {});
    const QByteArray text = R"({"paymentKey":"p","orderId":"o","status":"DONE","totalAmount":1000})";
    pasted.startText(QStringLiteral("ticket"), text.toStdString());
    QVERIFY(settle(pasted));
    const auto paste = snapshotOf(pasted);
    QVERIFY(paste);
    QCOMPARE(paste->kind, SnapshotKind::Paste);
    QCOMPARE(paste->bodies.size(), std::size_t(1));
    QCOMPARE(paste->bodies.front().content, text);
    recorder.record(*paste);
    QVERIFY(recorded.wait(10000));

    auto opened = EvidenceStore::open(StoreLocation::sqlite(dir.filePath(QStringLiteral("history.sqlite"))));
    QVERIFY(std::holds_alternative<std::unique_ptr<EvidenceStore>>(opened));
    auto stored = std::get<std::unique_ptr<EvidenceStore>>(opened)->snapshot(id);
    QVERIFY(std::holds_alternative<std::optional<StoredSnapshot>>(stored));
    const auto &back = std::get<std::optional<StoredSnapshot>>(stored);
    QVERIFY(back);
    QCOMPARE(back->snapshot.bodies.size(), snapshot->bodies.size());
    QCOMPARE(back->caseKey, QStringLiteral("paymentKey:estag20240807160826ZKQT3"));
}

void TestCaseSession::aSnapshotOpensAgainAsItWasJudged_data()
{
    QTest::addColumn<QString>("orderId");
    QTest::newRow("seed 000, in progress") << QStringLiteral("2025040210437094");
    QTest::newRow("seed 001, virtual account") << QStringLiteral("LIVE-V20240807160726-PAY_6367_3859");
}

// A lookup kept in the history and opened again is the same case: the same documents (of the
// merchant-wide transaction pages, this payment's records only), the same findings, judged as of
// when it was captured; read-only, and not kept a second time. The asynchronous ask of the store
// answers on the caller's thread.
void TestCaseSession::aSnapshotOpensAgainAsItWasJudged()
{
    QFETCH(QString, orderId);
    CaseSession live(m_catalog, {});
    live.startLookup(&m_network, lookup(orderId));
    QVERIFY(settle(live));
    const auto snapshot = snapshotOf(live);
    QVERIFY(snapshot);

    QTemporaryDir dir;
    EvidenceHistory history(StoreLocation::sqlite(dir.filePath(QStringLiteral("history.sqlite"))));
    qint64 id = 0;
    history.record(*snapshot, this, [&id](qint64 kept) { id = kept; });
    QTRY_VERIFY(id > 0);
    std::optional<StoredSnapshot> stored;
    bool answered = false;
    history.ask<std::optional<StoredSnapshot>>([id](EvidenceStore &store) { return store.snapshot(id); }, this,
                                               [&](const StoreResult<std::optional<StoredSnapshot>> &result) {
                                                   QVERIFY(QThread::currentThread() == thread());
                                                   answered = true;
                                                   if (const auto *s = std::get_if<std::optional<StoredSnapshot>>(&result))
                                                       stored = *s;
                                               });
    QTRY_VERIFY(answered);
    QVERIFY(stored);

    CaseSession again(m_catalog, {});
    again.startStored(*stored);
    QVERIFY(settle(again));
    QCOMPARE(again.state(), CaseSession::State::Complete);
    QVERIFY(again.stored() && again.stored()->id == id);
    QCOMPARE(again.asOf(), std::optional<std::int64_t>(stored->snapshot.capturedAtMs));
    const auto rules = [](const CaseSession &s) {
        QStringList r;
        for (const Finding &f : s.snapshot().analysis.findings)
            r << QString::fromStdString(f.rule + '/' + f.variant);
        return r;
    };
    QCOMPARE(rules(again), rules(live));
    QCOMPARE(again.snapshot().documents->size(), live.snapshot().documents->size());
    for (std::size_t i = 0; i < live.snapshot().documents->size(); ++i)
        QCOMPARE((*again.snapshot().documents)[i].kind, (*live.snapshot().documents)[i].kind);
    QCOMPARE(again.snapshot().facts.status, live.snapshot().facts.status);
    QVERIFY(!snapshotOf(again));  // kept already
}

QTEST_GUILESS_MAIN(TestCaseSession)
#include "tst_casesession.moc"
