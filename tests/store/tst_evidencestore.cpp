// The evidence history, on SQLite and on PostgreSQL alike (StoreContract): snapshots in and out
// as they were given (masked where they must be), history search and paging, pin and prune, the
// migrations, a newer schema refused, concurrent writers. Then what is SQLite's own: every way a
// file can be wrong (damaged, not a database, locked), and a writer of its own (this executable,
// run with --writer) killed mid-write without losing what it committed; and PostgreSQL's: the
// password, sslmode, a server that is not there.

#include "store/evidencemask.h"
#include "store/evidencestore.h"
#include "store/schema.h"

#include "../support/paymentfactory.h"
#include "throwawaypostgres.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>

#include <cstdio>

using namespace paytriage;

Q_DECLARE_METATYPE(HistoryQuery)
Q_DECLARE_METATYPE(StoreError::Kind)

namespace {

constexpr qint64 kHour = 3600LL * 1000;
constexpr qint64 kDay = 24 * kHour;
// 2025-04-02T08:39:21+09:00, the fixtures' requestedAt.
constexpr qint64 kT0 = 1743550761000;

// A key that must never reach the disk, and the Basic credential it makes (base64 of "key:").
const QByteArray kSecretKey = QByteArrayLiteral("test_sk_StoreTestKeyNeverOnDisk42");
const QByteArray kBasic = "Basic " + QByteArray(kSecretKey + ':').toBase64();

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray bytesOf(const test::Json &json, int indent = -1)
{
    return QByteArray::fromStdString(json.dump(indent));
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

template <typename T>
T valueOf(StoreResult<T> result)
{
    if (const StoreError *error = std::get_if<StoreError>(&result))
        qFatal("store error: %s", qPrintable(error->message()));
    return std::move(std::get<T>(result));
}

std::unique_ptr<EvidenceStore> openStore(const StoreLocation &location)
{
    return valueOf(EvidenceStore::open(location));
}

StoreError openError(const StoreLocation &location)
{
    StoreResult<std::unique_ptr<EvidenceStore>> result = EvidenceStore::open(location);
    if (!std::holds_alternative<StoreError>(result))
        return StoreError{StoreError::Kind::Failed, QStringLiteral("(it opened)"), {}, 0};
    return std::get<StoreError>(result);
}

FindingRecord finding(const char *rule, Severity severity, const char *en = "", const char *ko = "")
{
    FindingRecord f;
    f.rule = rule;
    f.variant = "default";
    f.severity = severity;
    f.document = 0;
    f.pointer = "/status";
    f.title = {ko, en};
    return f;
}

// A lookup of a virtual-account payment canceled before its deposit, with its three answers.
Snapshot lookupSnapshot()
{
    const test::Json payment = test::healthyPayment("가상계좌", "WAITING_FOR_DEPOSIT", 7);
    Snapshot s;
    s.kind = SnapshotKind::Lookup;
    s.title = QString::fromStdString(payment["paymentKey"].get<std::string>());
    s.paymentKey = s.title;
    s.orderId = QString::fromStdString(payment["orderId"].get<std::string>());
    s.status = QStringLiteral("WAITING_FOR_DEPOSIT");
    s.profile = QStringLiteral("본점 Shop");
    s.mid = QStringLiteral("tvivarepublica");
    s.keyMode = SnapshotKeyMode::Test;
    s.capturedAtMs = kT0 + 5 * 60 * 1000;
    s.asOfMs = kT0 + 4 * 60 * 1000;
    s.catalogVersion = QStringLiteral("2025-03");
    const QList<QPair<QByteArray, QByteArray>> headers = {
        {"Content-Type", "application/json"}, {"Date", "Wed, 02 Apr 2025 00:44:21 GMT"}, {"X-Request-Id", "req-123"}};
    SnapshotBody answer;
    answer.source = QStringLiteral("payment");
    answer.method = QStringLiteral("GET");
    answer.path = QStringLiteral("/v1/payments/") + s.paymentKey;
    answer.status = 200;
    answer.headers = headers;
    answer.receivedAtMs = s.capturedAtMs + 180;
    // Without masked fields, so what is stored is what came.
    test::Json plain = payment;
    plain.erase("secret");
    plain.erase("virtualAccount");
    answer.content = bytesOf(plain, 2);
    SnapshotBody transactions = answer;
    transactions.source = QStringLiteral("transactions");
    transactions.path = QStringLiteral("/v1/transactions?startDate=2025-04-01T08:39:21&endDate=2025-04-03T08:39:21");
    transactions.content = bytesOf(test::Json::array());
    transactions.receivedAtMs = s.capturedAtMs + 900;
    SnapshotBody settlements = answer;
    settlements.source = QStringLiteral("settlements");
    settlements.path = QStringLiteral("/v1/settlements?startDate=2025-04-02&endDate=2025-04-02");
    settlements.status = 500;
    settlements.headers = {{"Content-Type", "text/html"}};
    settlements.content = QByteArrayLiteral("<html><body>502 Bad Gateway</body></html>");
    settlements.cut = true;
    settlements.receivedAtMs = 0;
    s.bodies = {answer, transactions, settlements};
    s.findings = {finding("null-field-for-status", Severity::Info, "approvedAt is null", "approvedAt이 null입니다"),
                  finding("vbank-cancel-without-deposit", Severity::Critical, "Canceled before any deposit",
                          "입금 전에 취소되었습니다"),
                  finding("status-stuck-in-progress", Severity::Critical, "Stuck", "멈춤")};
    s.findings[1].document = 2;
    s.findings[1].pointer = "/0/status";
    s.findings[1].occurrences = 3;
    return s;
}

// A small snapshot for search and paging; title names it.
Snapshot row(const char *title, qint64 at, std::vector<FindingRecord> findings = {})
{
    Snapshot s;
    s.title = QString::fromLatin1(title);
    s.capturedAtMs = at;
    SnapshotBody body;
    body.source = QStringLiteral("payment");
    body.content = "{\"title\":\"" + QByteArray(title) + "\"}";
    s.bodies = {body};
    s.findings = std::move(findings);
    return s;
}

// "F E D" → {"F", "E", "D"}
QStringList names(const char *spaced)
{
    return QString::fromLatin1(spaced).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QStringList titlesOf(const std::vector<HistoryRow> &rows)
{
    QStringList titles;
    for (const HistoryRow &r : rows)
        titles << r.title;
    return titles;
}

// A plain connection of the test's own to a store's database, beside the store's.
class RawConnection final
{
public:
    explicit RawConnection(const StoreLocation &location, const QString &options = {})
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        const bool sqlite = location.backend == StoreBackend::SQLite;
        QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), m_name);
        db.setDatabaseName(sqlite ? location.path : location.database);
        db.setHostName(location.host);
        db.setPort(location.port);
        db.setUserName(location.user);
        db.setConnectOptions(options);
        db.open();
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool exec(const QString &sql) const
    {
        QSqlQuery query(db());
        return query.exec(sql);
    }
    // Invalid when the statement failed.
    QVariant value(const QString &sql) const
    {
        QSqlQuery query(db());
        return query.exec(sql) && query.next() ? query.value(0) : QVariant();
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

// What a --writer child printed: the ids it committed and the hash of each body it sent.
struct Committed
{
    qint64 id;
    QString sha256;
};

QList<Committed> committedLines(const QByteArray &output)
{
    QList<Committed> out;
    for (const QByteArray &line : output.split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 3 && parts[0] == "committed")
            out.push_back({parts[1].toLongLong(), QString::fromLatin1(parts[2])});
    }
    return out;
}

// The child side: writes count snapshots (0: until killed) of about kib KiB each, printing each
// id only once add() returned it, that is after the commit.
int runWriter(const QString &where, int count, int kib)
{
    const StoreResult<StoreLocation> location = StoreLocation::parse(where);
    if (!std::holds_alternative<StoreLocation>(location))
        return 2;
    StoreLocation at = std::get<StoreLocation>(location);
    at.busyTimeoutMs = 30000;
    StoreResult<std::unique_ptr<EvidenceStore>> opened = EvidenceStore::open(at);
    if (const StoreError *error = std::get_if<StoreError>(&opened)) {
        std::fprintf(stderr, "%s\n", qPrintable(error->message()));
        return 3;
    }
    EvidenceStore &store = *std::get<std::unique_ptr<EvidenceStore>>(opened);
    const QByteArray pid = QByteArray::number(QCoreApplication::applicationPid());
    for (int n = 0; count == 0 || n < count; ++n) {
        Snapshot s = row("writer", QDateTime::currentMSecsSinceEpoch(), {finding("amount-mismatch", Severity::Warning)});
        s.orderId = QStringLiteral("order-%1-%2").arg(QString::fromLatin1(pid)).arg(n);
        QByteArray records;
        for (int i = 0; records.size() < kib * 1024; ++i)
            records += "{\"transactionKey\":\"tx-" + pid + '-' + QByteArray::number(n) + '-' + QByteArray::number(i)
                + "\",\"status\":\"DONE\",\"amount\":50000},";
        records.chop(1);
        s.bodies.front().content = "[" + records + "]";
        const StoreResult<qint64> id = store.add(s);
        if (const StoreError *error = std::get_if<StoreError>(&id)) {
            std::fprintf(stderr, "%s\n", qPrintable(error->message()));
            return 4;
        }
        std::printf("committed %lld %s\n", static_cast<long long>(std::get<qint64>(id)),
                    qPrintable(sha256(s.bodies.front().content)));
        std::fflush(stdout);
    }
    return 0;
}

QStringList writerArguments(const QString &where, int count, int kib)
{
    return {QStringLiteral("--writer"), where, QString::number(count), QString::number(kib)};
}

} // namespace

// What every backend must do alike. A backend's test class gives it new, empty databases and
// everything a database holds, as bytes, for the secret scan.
class StoreContract : public QObject
{
    Q_OBJECT

public:
    explicit StoreContract(StoreBackend backend)
        : m_backend(backend)
    {
    }

protected:
    virtual StoreLocation freshLocation() = 0;
    // Every byte the database keeps: the files of an SQLite history, a dump of a server's.
    virtual QByteArray everythingStored(const StoreLocation &location) = 0;
    void setSchemaVersion(const StoreLocation &location, int version);

    const StoreBackend m_backend;

private slots:
    void lookupRoundTrip();
    void noSecretIsStored();
    void search_data();
    void search();
    void newestFirstInPages_data();
    void newestFirstInPages();
    void snapshotsOfOneCase();
    void pinKeepsThroughPrune();
    void migrationsRunOneTransactionEach();
    void newerVersionIsRefusedUntouched();
    void concurrentWritersLoseNothing();
};

// The default store: a file, and every way a file can be wrong.
class TestSqliteStore final : public StoreContract
{
    Q_OBJECT

public:
    TestSqliteStore()
        : StoreContract(StoreBackend::SQLite)
    {
    }

protected:
    StoreLocation freshLocation() override { return StoreLocation::sqlite(freshPath()); }
    QByteArray everythingStored(const StoreLocation &location) override;

private slots:
    void initTestCase();
    void maskedInPlace_data();
    void maskedInPlace();
    void freshDatabase();
    void emptyFileBecomesAHistory();
    void damagedFileIsRefusedUntouched_data();
    void damagedFileIsRefusedUntouched();
    void notAHistory_data();
    void notAHistory();
    void lockedByAnotherWriter_data();
    void lockedByAnotherWriter();
    void killedMidWriteLosesNothing();
    void locationParse_data();
    void locationParse();

private:
    QString freshPath() { return m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(++m_files)); }

    QTemporaryDir m_dir;
    int m_files = 0;
};

// The team store, on a PostgreSQL 15 server the test starts and removes (throwawaypostgres.h);
// skipped, saying why, where PostgreSQL 15 or Qt's QPSQL driver is not installed.
class TestPostgresStore final : public StoreContract
{
    Q_OBJECT

public:
    TestPostgresStore()
        : StoreContract(StoreBackend::PostgreSQL)
    {
    }

protected:
    StoreLocation freshLocation() override;
    QByteArray everythingStored(const StoreLocation &location) override;

private slots:
    void initTestCase();
    void cleanupTestCase();
    void passwordComesFromTheCaller();
    void sslModeReachesTheServer();
    void unreachableServer();

private:
    test::ThrowawayPostgres m_server;
};

void StoreContract::setSchemaVersion(const StoreLocation &location, int version)
{
    RawConnection raw(location);
    QVERIFY(raw.exec(m_backend == StoreBackend::SQLite ? QStringLiteral("PRAGMA user_version = %1").arg(version)
                                                       : QStringLiteral("UPDATE paytriage_schema SET version = %1").arg(version)));
}

QByteArray TestSqliteStore::everythingStored(const StoreLocation &location)
{
    QByteArray bytes;
    const QFileInfo file(location.path);
    for (const QFileInfo &part : file.dir().entryInfoList({file.fileName() + QLatin1Char('*')}, QDir::Files))
        bytes += fileBytes(part.filePath());
    return bytes;
}

void TestSqliteStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")), "install libqt6sql6-sqlite");
}

void StoreContract::lookupRoundTrip()
{
    const StoreLocation location = freshLocation();
    const Snapshot given = lookupSnapshot();
    qint64 id = 0;
    {
        std::unique_ptr<EvidenceStore> store = openStore(location);
        id = valueOf(store->add(given));
        QVERIFY(id > 0);
    }
    // Read back by another store on the same database: everything as given.
    std::unique_ptr<EvidenceStore> store = openStore(location);
    const std::optional<StoredSnapshot> stored = valueOf(store->snapshot(id));
    QVERIFY(stored);
    QCOMPARE(stored->id, id);
    QCOMPARE(stored->caseKey, QStringLiteral("paymentKey:") + given.paymentKey);
    QVERIFY(!stored->pinned);
    const Snapshot &s = stored->snapshot;
    QCOMPARE(s.kind, SnapshotKind::Lookup);
    QCOMPARE(s.title, given.title);
    QCOMPARE(s.paymentKey, given.paymentKey);
    QCOMPARE(s.orderId, given.orderId);
    QCOMPARE(s.status, given.status);
    QCOMPARE(s.profile, given.profile);
    QCOMPARE(s.mid, given.mid);
    QCOMPARE(s.keyMode, SnapshotKeyMode::Test);
    QCOMPARE(s.capturedAtMs, given.capturedAtMs);
    QCOMPARE(s.asOfMs, given.asOfMs);
    QCOMPARE(s.toolVersion, QStringLiteral(PAYTRIAGE_VERSION));
    QCOMPARE(s.catalogVersion, given.catalogVersion);

    QCOMPARE(s.bodies.size(), std::size_t(3));
    QCOMPARE(stored->digests.size(), std::size_t(3));
    for (std::size_t i = 0; i < 3; ++i) {
        const SnapshotBody &b = s.bodies[i];
        const SnapshotBody &g = given.bodies[i];
        QCOMPARE(b.source, g.source);
        QCOMPARE(b.method, g.method);
        QCOMPARE(b.path, g.path);
        QCOMPARE(b.status, g.status);
        QCOMPARE(b.headers, g.headers);
        QCOMPARE(b.content, g.content);  // nothing to mask: byte for byte
        QCOMPARE(b.cut, g.cut);
        QCOMPARE(stored->digests[i].sha256, sha256(g.content));
        QCOMPARE(stored->digests[i].maskedValues, 0);
    }
    QCOMPARE(s.bodies[1].receivedAtMs, given.bodies[1].receivedAtMs);
    QCOMPARE(s.bodies[2].receivedAtMs, given.capturedAtMs);  // not given: when captured

    QCOMPARE(s.findings.size(), given.findings.size());
    for (std::size_t i = 0; i < s.findings.size(); ++i) {
        QCOMPARE(s.findings[i].rule, given.findings[i].rule);
        QCOMPARE(s.findings[i].variant, given.findings[i].variant);
        QCOMPARE(s.findings[i].severity, given.findings[i].severity);
        QCOMPARE(s.findings[i].document, given.findings[i].document);
        QCOMPARE(s.findings[i].pointer, given.findings[i].pointer);
        QCOMPARE(s.findings[i].title.en, given.findings[i].title.en);
        QCOMPARE(s.findings[i].title.ko, given.findings[i].title.ko);
        QCOMPARE(s.findings[i].occurrences, given.findings[i].occurrences);
    }

    // The history row: the worst finding is the first of the two critical ones, in both languages.
    const HistoryPage page = valueOf(store->search({}));
    QCOMPARE(page.rows.size(), std::size_t(1));
    const HistoryRow &r = page.rows.front();
    QCOMPARE(r.id, id);
    QCOMPARE(r.findingCount, 3);
    QVERIFY(r.worst);
    QCOMPARE(r.worst->rule, std::string("vbank-cancel-without-deposit"));
    QCOMPARE(r.worst->severity, Severity::Critical);
    QCOMPARE(r.worst->title.ko, std::string("입금 전에 취소되었습니다"));
    QCOMPARE(r.worst->occurrences, std::size_t(3));
    QVERIFY(!page.next);

    QVERIFY(!valueOf(store->snapshot(id + 1)));
}

void TestSqliteStore::maskedInPlace_data()
{
    QTest::addColumn<QByteArray>("given");
    QTest::addColumn<QByteArray>("stored");
    QTest::addColumn<int>("masked");

    QTest::newRow("payment secret") << QByteArray(R"({"secret":"ps_7xLea5zVAlbzjnbLJMm3Q","status":"DONE"})")
                                    << QByteArray(R"({"secret":"[masked]","status":"DONE"})") << 1;
    QTest::newRow("pretty-printed, spacing kept")
        << QByteArray("{\n  \"secret\" :  \"ps_7xLea5zVAlbzjnbLJMm3Q\",\n  \"secret2\": \"x\"\n}")
        << QByteArray("{\n  \"secret\" :  \"[masked]\",\n  \"secret2\": \"x\"\n}") << 1;
    QTest::newRow("card number under card only")
        << QByteArray(R"({"card":{"number":"4330123456781234"},"transfer":{"number":"1234"}})")
        << QByteArray(R"({"card":{"number":"************1234"},"transfer":{"number":"1234"}})") << 1;
    QTest::newRow("a number becomes a masked string") << QByteArray(R"({"cardNumber":4330123456781234})")
                                                      << QByteArray(R"({"cardNumber":"************1234"})") << 1;
    QTest::newRow("names and e-mail") << QByteArray(R"({"customerName":"김토스","customerEmail":"kim@toss.im"})")
                                      << QByteArray(R"({"customerName":"김**","customerEmail":"k**@toss.im"})") << 2;
    QTest::newRow("in a list of records")
        << QByteArray(R"([{"accountNumber":"X6516000012345"},{"accountNumber":"X6516000099999"}])")
        << QByteArray(R"([{"accountNumber":"**********2345"},{"accountNumber":"**********9999"}])") << 2;
    QTest::newRow("pasted with single quotes") << QByteArray("{secret: 'ps_7xLea5zVAlbzjnbLJMm3Q', status: 'DONE'}")
                                               << QByteArray("{secret: '[masked]', status: 'DONE'}") << 1;
    QTest::newRow("JSON escaped in a log line")
        << QByteArray(R"(INFO body="{\"secret\":\"ps_7xLea5zVAlbzjnbLJMm3Q\"}")")
        << QByteArray(R"(INFO body="{\"secret\":\"[masked]\"}")") << 1;
    QTest::newRow("a duplicate key") << QByteArray(R"({"secret":"ps_firstSecret111","secret":"ps_secondSecret22"})")
                                     << QByteArray(R"({"secret":"[masked]","secret":"[masked]"})") << -1;
    QTest::newRow("quoted again in the text around it")
        << QByteArray(R"(secret was ps_7xLea5zVAlbzjnbLJMm3Q: {"secret":"ps_7xLea5zVAlbzjnbLJMm3Q"})")
        << QByteArray(R"(secret was [masked]: {"secret":"[masked]"})") << 1;
    QTest::newRow("a byte that is not UTF-8") << QByteArray("{\"secret\":\"ps_7xLea5zVAlbzjnbLJMm3Q\",\"x\":\"\xff\"}")
                                              << QByteArray("{\"secret\":\"[masked]\",\"x\":\"\xff\"}") << 1;
    QTest::newRow("a secret key in a message")
        << QByteArray(R"({"message":"key test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R is not allowed"})")
        << QByteArray(R"({"message":"key test_sk_[masked] is not allowed"})") << 1;
    QTest::newRow("a curl line") << "curl -H 'Authorization: " + kBasic + "' https://api.tosspayments.com"
                                 << QByteArray("curl -H 'Authorization: Basic [masked]' https://api.tosspayments.com")
                                 << -1;
    QTest::newRow("prose about authorization") << QByteArray("Authorization header is missing")
                                               << QByteArray("Authorization header is missing") << 0;
    QTest::newRow("not JSON") << QByteArray("<html>502 Bad Gateway</html>") << QByteArray("<html>502 Bad Gateway</html>")
                              << 0;
    QTest::newRow("already masked") << QByteArray(R"({"secret":"[masked]","card":{"number":"************1234"}})")
                                    << QByteArray(R"({"secret":"[masked]","card":{"number":"************1234"}})")
                                    << 0;
}

void TestSqliteStore::maskedInPlace()
{
    QFETCH(QByteArray, given);
    QFETCH(QByteArray, stored);
    QFETCH(int, masked);
    const MaskedBody body = maskBody(given);
    QCOMPARE(body.content, stored);
    if (masked >= 0)  // -1: more than one way to count the same thing
        QCOMPARE(body.maskedValues, masked);
    else
        QVERIFY(body.maskedValues > 0);
}

void StoreContract::noSecretIsStored()
{
    // A payment with its secret, a virtual account's number and names, and a merchant's own log
    // with a whole card number; the key in a header twice; a finding whose title quotes the secret.
    const test::Json payment = test::healthyPayment("가상계좌", "WAITING_FOR_DEPOSIT", 3);
    const QByteArray secret = QByteArray::fromStdString(payment["secret"].get<std::string>());
    const QByteArray account = "X6516000012345";
    const QByteArray card = "4330123456781234";
    QVERIFY(bytesOf(payment).contains(secret) && bytesOf(payment).contains(account));
    QVERIFY(bytesOf(payment).contains("박토스"));

    Snapshot s = lookupSnapshot();
    s.bodies[0].content = bytesOf(payment, 2);
    s.bodies[0].headers = {{"Content-Type", "application/json"}, {"Authorization", kBasic},
                           {"X-Echo", kSecretKey}, {"Set-Cookie", "session=CookieValueNeverStored"}};
    s.bodies[1].content = "2025-04-02 08:40 charged card {\"cardNumber\": \"" + card + "\", \"amount\": 50000}";
    s.findings[0].title.en = "Secret " + secret.toStdString() + " differs";

    const StoreLocation location = freshLocation();
    std::unique_ptr<EvidenceStore> store = openStore(location);
    const qint64 id = valueOf(store->add(s));

    const std::optional<StoredSnapshot> stored = valueOf(store->snapshot(id));
    QVERIFY(stored);
    const SnapshotBody &answer = stored->snapshot.bodies[0];
    QCOMPARE(answer.headers.size(), 2);  // Authorization and the cookie dropped
    QCOMPARE(answer.headers[0].first, QByteArray("Content-Type"));
    QCOMPARE(answer.headers[1], (QPair<QByteArray, QByteArray>("X-Echo", "test_sk_[masked]")));
    // Masked where it stood, and nothing else changed: the same JSON less the masked values.
    test::Json expected = payment;
    expected["secret"] = "[masked]";
    expected["virtualAccount"]["accountNumber"] = "**********2345";
    expected["virtualAccount"]["customerName"] = "박**";
    QCOMPARE(answer.content, bytesOf(expected, 2));
    QCOMPARE(stored->digests[0].maskedValues, 3);
    QCOMPARE(stored->digests[0].sha256, sha256(answer.content));
    QVERIFY(stored->snapshot.bodies[1].content.contains("\"************1234\""));
    QCOMPARE(stored->snapshot.findings[0].title.en, std::string("Secret [masked] differs"));

    // All the database holds (an SQLite file, its log and its index; a server's dump, where
    // bytes are written in hex): none of the values, while the store is open and after.
    const QList<QByteArray> forbidden = {secret, account, "박토스", card, kSecretKey, kBasic.mid(6), "CookieValueNeverStored"};
    const auto holds = [](const QByteArray &bytes, const QByteArray &value) {
        return bytes.contains(value) || bytes.contains(value.toHex());
    };
    const auto scan = [&]() {
        const QByteArray bytes = everythingStored(location);
        for (const QByteArray &value : forbidden)
            if (holds(bytes, value))
                return QString::fromUtf8(value);
        // The scan can fail: the masked forms are there to be found.
        return holds(bytes, "**********2345") && holds(bytes, "test_sk_[masked]") ? QString()
                                                                                 : QStringLiteral("(nothing)");
    };
    QCOMPARE(scan(), QString());
    store.reset();
    QCOMPARE(scan(), QString());
}

void StoreContract::search_data()
{
    QTest::addColumn<HistoryQuery>("query");
    QTest::addColumn<QStringList>("titles");

    const auto q = [](auto set) {
        HistoryQuery query;
        set(query);
        return query;
    };
    QTest::newRow("everything") << HistoryQuery() << names("F E D C B A");
    QTest::newRow("by orderId") << q([](HistoryQuery &h) { h.id = QStringLiteral("order-b"); }) << names("B");
    QTest::newRow("by paymentKey, looked up twice")
        << q([](HistoryQuery &h) { h.id = QStringLiteral("pk-a"); }) << names("C A");
    QTest::newRow("by orderId of a paste") << q([](HistoryQuery &h) { h.id = QStringLiteral("order-d"); })
                                           << names("D");
    QTest::newRow("by profile") << q([](HistoryQuery &h) { h.profile = QStringLiteral("Shop"); })
                                << names("C B A");
    QTest::newRow("by MID") << q([](HistoryQuery &h) { h.mid = QStringLiteral("mid-f"); }) << names("F");
    QTest::newRow("by status") << q([](HistoryQuery &h) { h.status = QStringLiteral("DONE"); })
                               << names("C A");
    QTest::newRow("by rule") << q([](HistoryQuery &h) { h.rule = QStringLiteral("unknown-field"); })
                             << names("D B");
    QTest::newRow("worst at least warning") << q([](HistoryQuery &h) { h.atLeast = Severity::Warning; })
                                            << names("F E B A");
    QTest::newRow("worst critical") << q([](HistoryQuery &h) { h.atLeast = Severity::Critical; })
                                    << names("F B");
    QTest::newRow("time range, end excluded") << q([](HistoryQuery &h) {
        h.fromMs = kT0 + 2 * kHour;
        h.toMs = kT0 + 4 * kHour;
    }) << names("C B");
    QTest::newRow("from only") << q([](HistoryQuery &h) { h.fromMs = kT0 + 5 * kHour; }) << names("F E");
    QTest::newRow("rule in a time range") << q([](HistoryQuery &h) {
        h.rule = QStringLiteral("unknown-field");
        h.fromMs = kT0 + 3 * kHour;
    }) << names("D");
    QTest::newRow("rule and profile") << q([](HistoryQuery &h) {
        h.rule = QStringLiteral("unknown-field");
        h.profile = QStringLiteral("Shop");
    }) << names("B");
    QTest::newRow("nothing matches") << q([](HistoryQuery &h) { h.id = QStringLiteral("order-zz"); }) << names("");
}

void StoreContract::search()
{
    QFETCH(HistoryQuery, query);
    QFETCH(QStringList, titles);

    std::unique_ptr<EvidenceStore> store = openStore(freshLocation());
    const auto lookup = [](const char *title, int hour, const char *profile, const char *mid, const char *key,
                           const char *order, const char *status, std::vector<FindingRecord> findings) {
        Snapshot s = row(title, kT0 + hour * kHour, std::move(findings));
        s.profile = QString::fromLatin1(profile);
        s.mid = QString::fromLatin1(mid);
        s.paymentKey = QString::fromLatin1(key);
        s.orderId = QString::fromLatin1(order);
        s.status = QString::fromLatin1(status);
        return s;
    };
    Snapshot d = row("D", kT0 + 4 * kHour, {finding("unknown-field", Severity::Info)});
    d.kind = SnapshotKind::Paste;
    d.orderId = QStringLiteral("order-d");
    d.status = QStringLiteral("WAITING_FOR_DEPOSIT");
    Snapshot e = row("E", kT0 + 5 * kHour, {finding("timestamp-without-offset", Severity::Warning)});
    e.kind = SnapshotKind::File;
    const std::vector<Snapshot> all = {
        lookup("A", 1, "Shop", "mid-a", "pk-a", "order-a", "DONE", {finding("amount-mismatch", Severity::Warning)}),
        lookup("B", 2, "Shop", "mid-a", "pk-b", "order-b", "CANCELED",
               {finding("unknown-field", Severity::Info), finding("vbank-cancel-without-deposit", Severity::Critical)}),
        lookup("C", 3, "Shop", "mid-a", "pk-a", "order-a", "DONE", {}),
        d,
        e,
        lookup("F", 6, "Other", "mid-f", "pk-f", "order-f", "IN_PROGRESS",
               {finding("status-stuck-in-progress", Severity::Critical),
                finding("null-field-for-status", Severity::Warning)}),
    };
    // Written out of time order: the order is by capture time, not by id.
    std::vector<Snapshot> shuffled = {all[3], all[0], all[5], all[2], all[1], all[4]};
    valueOf(store->addAll(shuffled));

    const HistoryPage page = valueOf(store->search(query));
    QCOMPARE(titlesOf(page.rows), titles);
    QVERIFY(!page.next);
    for (const HistoryRow &r : page.rows) {
        if (r.title == QLatin1String("B")) {
            QCOMPARE(r.worst->rule, std::string("vbank-cancel-without-deposit"));
            QCOMPARE(r.kind, SnapshotKind::Lookup);
        } else if (r.title == QLatin1String("C")) {
            QVERIFY(!r.worst);
            QCOMPARE(r.findingCount, 0);
        } else if (r.title == QLatin1String("D")) {
            QCOMPARE(r.kind, SnapshotKind::Paste);
            QCOMPARE(r.caseKey, QStringLiteral("orderId:order-d"));
        }
    }
}

void StoreContract::newestFirstInPages_data()
{
    QTest::addColumn<QString>("rule");
    QTest::newRow("every snapshot") << QString();
    // Read from another key (snapshot_rule): the same order, and a snapshot with the rule twice
    // is one row.
    QTest::newRow("by rule") << QStringLiteral("amount-mismatch");
}

void StoreContract::newestFirstInPages()
{
    QFETCH(QString, rule);
    std::unique_ptr<EvidenceStore> store = openStore(freshLocation());
    // Seven snapshots; three captured in the same millisecond, where the id decides.
    std::vector<Snapshot> all;
    for (int i = 0; i < 7; ++i)
        all.push_back(row(QByteArray::number(i).constData(), kT0 + (i >= 2 && i <= 4 ? 2 : i) * kHour,
                          {finding("amount-mismatch", Severity::Warning)}));
    all[3].findings.push_back(finding("amount-mismatch", Severity::Warning));
    all.push_back(row("without the rule", kT0 + 3 * kHour));
    const std::vector<qint64> ids = valueOf(store->addAll(all));
    QCOMPARE(ids.size(), std::size_t(8));

    QStringList seen;
    HistoryQuery query;
    query.rule = rule;
    query.limit = 3;
    QList<int> sizes;
    for (int pages = 0; pages < 10; ++pages) {
        const HistoryPage page = valueOf(store->search(query));
        sizes << int(page.rows.size());
        seen << titlesOf(page.rows);
        if (!page.next)
            break;
        query.after = page.next;
    }
    seen.removeOne(QStringLiteral("without the rule"));
    QCOMPARE(seen, names("6 5 4 3 2 1 0"));
    QCOMPARE(sizes, rule.isEmpty() ? (QList<int>{3, 3, 2}) : (QList<int>{3, 3, 1}));

    // A page that ends exactly at the last row says there is no next.
    query.after.reset();
    query.limit = rule.isEmpty() ? 8 : 7;
    QVERIFY(!valueOf(store->search(query)).next);
    query.limit -= 1;
    QVERIFY(valueOf(store->search(query)).next);
}

void StoreContract::snapshotsOfOneCase()
{
    std::unique_ptr<EvidenceStore> store = openStore(freshLocation());
    Snapshot first = lookupSnapshot();
    Snapshot refreshed = first;
    refreshed.capturedAtMs += kHour;
    refreshed.status = QStringLiteral("CANCELED");
    Snapshot other = lookupSnapshot();
    other.paymentKey = QStringLiteral("tpay820250402083921ABCDE");
    // Two pastes of one text without ids: one case, keyed by the text.
    Snapshot paste = row("pasted", kT0);
    paste.kind = SnapshotKind::Paste;
    Snapshot pastedAgain = paste;
    pastedAgain.capturedAtMs += 1000;
    valueOf(store->addAll(std::vector<Snapshot>{refreshed, other, first, paste, pastedAgain}));

    const std::vector<HistoryRow> rows = valueOf(store->snapshotsOfCase(QStringLiteral("paymentKey:") + first.paymentKey));
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0].status, QStringLiteral("WAITING_FOR_DEPOSIT"));  // oldest first
    QCOMPARE(rows[1].status, QStringLiteral("CANCELED"));

    const QString textKey = caseKeyOf({}, {}, paste.bodies.front().content);
    QVERIFY(textKey.startsWith(QLatin1String("text:")));
    QCOMPARE(valueOf(store->snapshotsOfCase(textKey)).size(), std::size_t(2));
    QVERIFY(valueOf(store->snapshotsOfCase(QStringLiteral("paymentKey:nope"))).empty());
}

void StoreContract::pinKeepsThroughPrune()
{
    const StoreLocation location = freshLocation();
    std::unique_ptr<EvidenceStore> store = openStore(location);
    const qint64 now = kT0 + 100 * kDay;
    // Forty old snapshots with big bodies (so the size figure has something to lose), one of
    // them pinned; one just inside the limit; one new.
    std::vector<Snapshot> old;
    for (int i = 0; i < 40; ++i) {
        Snapshot s = lookupSnapshot();
        s.title = QStringLiteral("old %1").arg(i);
        s.capturedAtMs = now - 31 * kDay - i;
        // Incompressible (a server compresses what it can): 64 KiB of base64 of a hash chain.
        QByteArray noise = QByteArray::number(i);
        for (QByteArray block = noise; noise.size() < 48 * 1024;) {
            block = QCryptographicHash::hash(block, QCryptographicHash::Sha256);
            noise += block;
        }
        s.bodies[1].content = "[\"" + noise.toBase64() + "\"]";
        old.push_back(s);
    }
    const std::vector<qint64> oldIds = valueOf(store->addAll(old));
    Snapshot recent = lookupSnapshot();
    recent.capturedAtMs = now - 30 * kDay + 1;
    const qint64 recentId = valueOf(store->add(recent));
    const qint64 newId = valueOf(store->add(row("new", now)));
    QVERIFY(valueOf(store->pin(oldIds[5], true)));
    QVERIFY(valueOf(store->pin(oldIds[6], true)));
    QVERIFY(valueOf(store->pin(oldIds[6], false)));  // unpinned again
    QVERIFY(!valueOf(store->pin(newId + 100, true)));  // no such snapshot

    const qint64 before = valueOf(store->sizeBytes());
    QVERIFY(before > 40 * 64 * 1024);
    QCOMPARE(valueOf(store->prune(30, now)), 39);
    const qint64 after = valueOf(store->sizeBytes());
    // SQLite gives the space back at once; a server keeps it for its own vacuum to reuse.
    if (m_backend == StoreBackend::SQLite)
        QVERIFY2(after < before / 4, qPrintable(QStringLiteral("%1 → %2 bytes").arg(before).arg(after)));
    else
        QVERIFY(after > 0);

    const HistoryPage left = valueOf(store->search({}));
    QCOMPARE(left.rows.size(), std::size_t(3));
    QCOMPARE(left.rows[0].id, newId);
    QCOMPARE(left.rows[1].id, recentId);
    QCOMPARE(left.rows[2].id, oldIds[5]);
    QVERIFY(left.rows[2].pinned);
    QVERIFY(!valueOf(store->snapshot(oldIds[0])));
    // Their bodies and findings went with them.
    RawConnection raw(location);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM body")).toInt(), 3 + 3 + 1);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM finding")).toInt(), 3 + 3);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM snapshot_rule")).toInt(), 3 + 3);
    QCOMPARE(valueOf(store->prune(30, now)), 0);
}

void TestSqliteStore::freshDatabase()
{
    const QString path = m_dir.filePath(QStringLiteral("new/folder/history.sqlite"));
    {
        std::unique_ptr<EvidenceStore> store = openStore(StoreLocation::sqlite(path));
        QCOMPARE(store->location().path, path);
        QVERIFY(QFile::exists(path));
    }
    RawConnection raw(StoreLocation::sqlite(path));
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), currentSchemaVersion());
    QCOMPARE(raw.value(QStringLiteral("PRAGMA application_id")).toInt(), kSqliteApplicationId);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(raw.value(QStringLiteral("PRAGMA auto_vacuum")).toInt(), 1);  // FULL
    for (const char *table : {"snapshot", "body", "finding"})
        QVERIFY(raw.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                              .arg(QLatin1String(table)))
                    .toInt()
                == 1);
    // Opened again: nothing to migrate, nothing changed.
    const QByteArray bytes = fileBytes(path);
    openStore(StoreLocation::sqlite(path));
    QCOMPARE(fileBytes(path), bytes);
}

void TestSqliteStore::emptyFileBecomesAHistory()
{
    // Version 0: an empty file (what a touch or a failed first start leaves) is an empty database.
    const QString path = freshPath();
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    std::unique_ptr<EvidenceStore> store = openStore(StoreLocation::sqlite(path));
    QVERIFY(valueOf(store->add(row("first", kT0))) > 0);
}

void StoreContract::migrationsRunOneTransactionEach()
{
    // The framework on steps of the test's own: the second fails half-way through. A server's
    // version lives in paytriage_schema, which its first step makes.
    const StoreLocation location = freshLocation();
    const QString where = location.displayName();
    RawConnection raw(location);
    const auto version = [&]() {
        const StoreResult<int> v = schemaVersion(raw.db(), m_backend, where);
        return std::holds_alternative<int>(v) ? std::get<int>(v) : -1;
    };
    QCOMPARE(version(), 0);
    const QString createA = QStringLiteral("CREATE TABLE a (x INTEGER)");
    const QString fillA = QStringLiteral("INSERT INTO a VALUES (1)");
    const QString createB = QStringLiteral("CREATE TABLE b (x INTEGER)");
    const QString wrong = QStringLiteral("INSERT INTO nowhere VALUES (1)");
    const std::vector<Migration> broken = {
        {1, {createA, fillA},
         {QStringLiteral("CREATE TABLE paytriage_schema (version INTEGER NOT NULL)"),
          QStringLiteral("INSERT INTO paytriage_schema VALUES (0)"), createA, fillA}},
        {2, {createB, wrong}, {createB, wrong}},
    };
    const std::optional<StoreError> error = migrate(raw.db(), m_backend, broken, where);
    QVERIFY(error);
    QCOMPARE(error->kind, StoreError::Kind::Failed);
    QVERIFY2(error->detail.contains(QLatin1String("nowhere")), qPrintable(error->detail));
    QCOMPARE(version(), 1);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM a")).toInt(), 1);
    QVERIFY(!raw.value(QStringLiteral("SELECT count(*) FROM b")).isValid());  // rolled back with its step

    // Fixed, from where it stopped: step 1 is not run again (a would hold two rows).
    std::vector<Migration> fixed = broken;
    fixed[1].sqlite[1] = fixed[1].postgresql[1] = QStringLiteral("INSERT INTO b VALUES (2)");
    QVERIFY(!migrate(raw.db(), m_backend, fixed, where));
    QCOMPARE(version(), 2);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM a")).toInt(), 1);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM b")).toInt(), 1);
    QVERIFY(!migrate(raw.db(), m_backend, fixed, where));  // nothing left to do
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM b")).toInt(), 1);

    // The real list is numbered 1, 2, … in order, as migrate() expects.
    for (std::size_t i = 0; i < schemaMigrations().size(); ++i)
        QCOMPARE(schemaMigrations()[i].version, int(i) + 1);
}

void StoreContract::newerVersionIsRefusedUntouched()
{
    const StoreLocation location = freshLocation();
    valueOf(openStore(location)->add(row("kept", kT0)));
    setSchemaVersion(location, currentSchemaVersion() + 1);
    const QByteArray before = everythingStored(location);
    const StoreError error = openError(location);
    QCOMPARE(error.kind, StoreError::Kind::TooNew);
    QCOMPARE(error.foundVersion, currentSchemaVersion() + 1);
    QVERIFY2(error.message().contains(location.displayName()), qPrintable(error.message()));
    QVERIFY2(error.message().contains(QLatin1String("newer PayTriage")), qPrintable(error.message()));
    QCOMPARE(everythingStored(location), before);
}

void StoreContract::concurrentWritersLoseNothing()
{
    // Four writers open a new database at once (all turn it to WAL and migrate it, in turn) and
    // write side by side; then a fifth store finds every snapshot they said they committed, whole.
    const StoreLocation location = freshLocation();
    std::vector<std::unique_ptr<QProcess>> writers;
    for (int i = 0; i < 4; ++i) {
        writers.push_back(std::make_unique<QProcess>());
        writers.back()->start(QCoreApplication::applicationFilePath(), writerArguments(location.displayName(), 15, 16));
    }
    QList<Committed> committed;
    for (const std::unique_ptr<QProcess> &writer : writers) {
        QVERIFY(writer->waitForFinished(120000));
        QVERIFY2(writer->exitCode() == 0, writer->readAllStandardError().constData());
        committed += committedLines(writer->readAllStandardOutput());
    }
    QCOMPARE(committed.size(), 60);

    std::unique_ptr<EvidenceStore> store = openStore(location);
    HistoryQuery all;
    all.limit = 100;
    QCOMPARE(valueOf(store->search(all)).rows.size(), std::size_t(60));
    for (const Committed &c : committed)
        QCOMPARE(valueOf(store->snapshot(c.id))->digests.front().sha256, c.sha256);
}

void TestSqliteStore::damagedFileIsRefusedUntouched_data()
{
    QTest::addColumn<int>("firstPage");
    QTest::addColumn<StoreError::Kind>("kind");
    // Pages are 4 KiB; page 1 holds the header and the schema.
    QTest::newRow("garbage over the data pages") << 2 << StoreError::Kind::Corrupt;
    QTest::newRow("garbage over the header too") << 1 << StoreError::Kind::NotADatabase;
}

void TestSqliteStore::damagedFileIsRefusedUntouched()
{
    QFETCH(int, firstPage);
    QFETCH(StoreError::Kind, kind);
    const QString path = freshPath();
    {
        std::unique_ptr<EvidenceStore> store = openStore(StoreLocation::sqlite(path));
        for (int i = 0; i < 20; ++i)
            valueOf(store->add(lookupSnapshot()));
    }
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.size() > 10 * 4096);
    // Deterministic garbage over every other page from firstPage on.
    quint32 x = 2463534242u;
    for (qsizetype page = firstPage - 1; (page + 1) * 4096 <= bytes.size(); page += 2)
        for (qsizetype i = page * 4096; i < (page + 1) * 4096; ++i) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            bytes[i] = char(x);
        }
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();

    const StoreError error = openError(StoreLocation::sqlite(path));
    QCOMPARE(error.kind, kind);
    QVERIFY2(error.message().contains(QDir::toNativeSeparators(path)), qPrintable(error.message()));
    QVERIFY2(error.message().contains(QLatin1String("left as it is")), qPrintable(error.message()));
    QCOMPARE(fileBytes(path), bytes);
}

void TestSqliteStore::notAHistory_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("schema");  // a table of another application's, made by SQLite
    QTest::newRow("a text file") << QByteArray("orderId,paymentKey\norder-1,tpay1\n").repeated(200) << QString();
    QTest::newRow("a short binary file") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << QString();
    QTest::newRow("another application's database") << QByteArray()
                                                    << QStringLiteral("CREATE TABLE contacts (name TEXT)");
}

void TestSqliteStore::notAHistory()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, schema);
    const QString path = freshPath();
    if (schema.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    } else {
        RawConnection raw(StoreLocation::sqlite(path));
        QVERIFY(raw.exec(schema));
    }
    const QByteArray bytes = fileBytes(path);
    const StoreError error = openError(StoreLocation::sqlite(path));
    QCOMPARE(error.kind, StoreError::Kind::NotADatabase);
    QVERIFY2(error.message().contains(QDir::toNativeSeparators(path)), qPrintable(error.message()));
    QVERIFY2(error.message().contains(QLatin1String("not a PayTriage evidence history")), qPrintable(error.message()));
    QCOMPARE(fileBytes(path), bytes);
}

void TestSqliteStore::lockedByAnotherWriter_data()
{
    QTest::addColumn<bool>("whileOpening");
    QTest::newRow("a write") << false;
    QTest::newRow("opening a new file") << true;
}

void TestSqliteStore::lockedByAnotherWriter()
{
    QFETCH(bool, whileOpening);
    const QString path = freshPath();
    StoreLocation location = StoreLocation::sqlite(path);
    location.busyTimeoutMs = 300;
    std::unique_ptr<EvidenceStore> store = whileOpening ? nullptr : openStore(location);

    // Another writer, holding its write transaction open.
    RawConnection other(StoreLocation::sqlite(path), QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
    QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
    if (whileOpening)
        QVERIFY(other.exec(QStringLiteral("CREATE TABLE pending (x)")));
    QElapsedTimer waited;
    waited.start();
    const StoreError error = whileOpening ? openError(location) : std::get<StoreError>(store->add(row("late", kT0)));
    QCOMPARE(error.kind, StoreError::Kind::Locked);
    QVERIFY(waited.elapsed() >= 250);  // it waited for the other writer before it gave up
    QVERIFY2(error.message().contains(QDir::toNativeSeparators(path)), qPrintable(error.message()));
    QVERIFY2(error.message().contains(QLatin1String("another PayTriage is writing")), qPrintable(error.message()));

    // Once the other writer is done, the same store (or a new one) writes.
    QVERIFY(other.exec(QStringLiteral("ROLLBACK")));
    if (whileOpening)
        store = openStore(location);
    QVERIFY(valueOf(store->add(row("late", kT0))) > 0);
}

void TestSqliteStore::killedMidWriteLosesNothing()
{
    const QString path = freshPath();
    const QString log = path + QStringLiteral("-wal");
    // The log's size and time: they move while the child writes a transaction into it.
    const auto logState = [&log]() {
        const QFileInfo info(log);
        return std::pair(info.size(), info.lastModified().toMSecsSinceEpoch());
    };
    QList<Committed> committed;
    int extra = 0;  // committed by a child that was killed before it could say so
    // Three rounds on the same file; each child writes ~256 KiB snapshots and is killed the moment
    // its log moves after a few commits (in the middle of the next write); the next child opens
    // what the last one left.
    for (int round = 0; round < 3; ++round) {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), writerArguments(path, 0, 256));
        QVERIFY(child.waitForStarted());
        QByteArray output;
        QElapsedTimer timer;
        timer.start();
        const int wanted = 3 + 2 * round;
        auto state = logState();
        while (timer.elapsed() < 60000) {
            child.waitForReadyRead(0);
            const QByteArray more = child.readAllStandardOutput();
            output += more;
            const bool enough = committedLines(output).size() >= wanted;
            if (!more.isEmpty() || !enough) {
                state = logState();  // as it was after the last commit it told of
            } else if (logState() != state) {
                break;
            }
            QThread::usleep(100);
        }
        QVERIFY2(committedLines(output).size() >= wanted, child.readAllStandardError().constData());
        child.kill();  // SIGKILL: no destructor, no checkpoint, wherever it was
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        output += child.readAllStandardOutput();
        committed += committedLines(output);

        // Whole, and every snapshot it said it committed is there, byte for byte.
        {
            RawConnection raw(StoreLocation::sqlite(path));
            QCOMPARE(raw.value(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
            extra = raw.value(QStringLiteral("SELECT count(*) FROM snapshot")).toInt() - int(committed.size());
        }
        QVERIFY(extra == 0 || extra == 1);
        std::unique_ptr<EvidenceStore> store = openStore(StoreLocation::sqlite(path));
        for (const Committed &c : std::as_const(committed)) {
            const std::optional<StoredSnapshot> stored = valueOf(store->snapshot(c.id));
            QVERIFY2(stored, qPrintable(QStringLiteral("snapshot %1 is lost").arg(c.id)));
            QCOMPARE(stored->digests.front().sha256, c.sha256);
            QCOMPARE(sha256(stored->snapshot.bodies.front().content), c.sha256);
        }
        // A snapshot committed but not told of is whole too, and counts from here on.
        if (extra == 1) {
            const HistoryPage newest = valueOf(store->search({}));
            const std::optional<StoredSnapshot> last = valueOf(store->snapshot(newest.rows.front().id));
            QCOMPARE(sha256(last->snapshot.bodies.front().content), last->digests.front().sha256);
            committed.push_back({last->id, last->digests.front().sha256});
        }
    }
}

void TestSqliteStore::locationParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("shown");
    QTest::newRow("a file") << QStringLiteral("/home/support/history.sqlite") << true << QStringLiteral("/home/support/history.sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql://support@db.example:5433/paytriage?sslmode=verify-full") << true
                                << QStringLiteral("postgresql://support@db.example:5433/paytriage?sslmode=verify-full");
    QTest::newRow("postgres, default port") << QStringLiteral("postgres://support@db.example/paytriage") << true
                                            << QStringLiteral("postgresql://support@db.example:5432/paytriage");
    QTest::newRow("a password in the address") << QStringLiteral("postgresql://support:hunter2@db.example/paytriage") << false
                                               << QStringLiteral("postgresql://support@db.example/paytriage");
    QTest::newRow("no database") << QStringLiteral("postgresql://support@db.example") << false << QStringLiteral("postgresql://support@db.example");
}

void TestSqliteStore::locationParse()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, shown);
    const StoreResult<StoreLocation> parsed = StoreLocation::parse(text);
    QCOMPARE(std::holds_alternative<StoreLocation>(parsed), ok);
    if (ok) {
        QCOMPARE(std::get<StoreLocation>(parsed).displayName(), QDir::toNativeSeparators(shown));
    } else {
        const StoreError &error = std::get<StoreError>(parsed);
        QCOMPARE(error.where, shown);
        QVERIFY(!error.message().contains(QLatin1String("hunter2")));
    }
}

void TestPostgresStore::initTestCase()
{
    QString why;
    const test::ThrowawayPostgres::Start started = m_server.start(&why);
    if (started == test::ThrowawayPostgres::Start::Unavailable)
        QSKIP(qPrintable(QStringLiteral("no PostgreSQL for this test: ") + why));
    QVERIFY2(started == test::ThrowawayPostgres::Start::Running, qPrintable(why));
}

void TestPostgresStore::cleanupTestCase()
{
    m_server.stop();
}

StoreLocation TestPostgresStore::freshLocation()
{
    QString why;
    const StoreLocation location = m_server.freshDatabase(&why);
    if (location.database.isEmpty())
        qFatal("cannot create a database: %s", qPrintable(why));
    return location;
}

QByteArray TestPostgresStore::everythingStored(const StoreLocation &location)
{
    // pg_dump writes bytea as hex: the scan looks for both forms.
    QProcess dump;
    dump.start(m_server.binary(QStringLiteral("pg_dump")),
               {QStringLiteral("-h"), location.host, QStringLiteral("-p"), QString::number(location.port),
                QStringLiteral("-U"), location.user, location.database});
    if (!dump.waitForFinished(60000) || dump.exitCode() != 0)
        qFatal("pg_dump failed: %s", dump.readAllStandardError().constData());
    // Less the lines that differ from one dump to the next (\restrict's random key).
    QByteArray kept;
    for (const QByteArray &line : dump.readAllStandardOutput().split('\n'))
        if (!line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
            kept += line + '\n';
    return kept;
}

void TestPostgresStore::passwordComesFromTheCaller()
{
    // A role that must give a password: what the keychain gives the caller, set on the location.
    StoreLocation location = freshLocation();
    location.user = QLatin1String(test::ThrowawayPostgres::kPasswordRole);
    const StoreError refused = openError(location);
    QCOMPARE(refused.kind, StoreError::Kind::CannotOpen);
    QVERIFY2(refused.message().contains(location.displayName()), qPrintable(refused.message()));

    location.password = QLatin1String(test::ThrowawayPostgres::kPassword);
    std::unique_ptr<EvidenceStore> store = openStore(location);
    QVERIFY(valueOf(store->add(row("with a password", kT0))) > 0);
    // Never shown: not in the name a message gives, nor in a message.
    QVERIFY(!location.displayName().contains(location.password));
    location.password = QStringLiteral("wrong-") + location.password;
    const StoreError wrong = openError(location);
    QCOMPARE(wrong.kind, StoreError::Kind::CannotOpen);
    QVERIFY(!wrong.message().contains(location.password));
}

void TestPostgresStore::sslModeReachesTheServer()
{
    // The throwaway server has no TLS: sslmode=require must fail, as libpq was told.
    StoreLocation location = freshLocation();
    location.sslMode = QStringLiteral("require");
    const StoreError error = openError(location);
    QCOMPARE(error.kind, StoreError::Kind::CannotOpen);
    QVERIFY2(error.detail.contains(QLatin1String("SSL"), Qt::CaseInsensitive), qPrintable(error.detail));
    location.sslMode = QStringLiteral("prefer");
    QVERIFY(openStore(location));
}

void TestPostgresStore::unreachableServer()
{
    StoreLocation location = freshLocation();
    location.port = 1;  // nothing listens there
    const StoreError error = openError(location);
    QCOMPARE(error.kind, StoreError::Kind::CannotOpen);
    QVERIFY2(error.message().contains(QStringLiteral("postgresql://postgres@127.0.0.1:1/")), qPrintable(error.message()));
}

// Both backends, SQLite first; --sqlite or --postgresql first runs one (and its test functions,
// when named after it). --writer LOCATION COUNT KIB is the child side of the kill and
// concurrency tests.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 5 && qstrcmp(argv[1], "--writer") == 0)
        return runWriter(QString::fromLocal8Bit(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]));
    QTEST_SET_MAIN_SOURCE_PATH
    const bool onlySqlite = argc >= 2 && qstrcmp(argv[1], "--sqlite") == 0;
    const bool onlyPostgres = argc >= 2 && qstrcmp(argv[1], "--postgresql") == 0;
    if (onlySqlite || onlyPostgres) {
        argv[1] = argv[0];
        ++argv;
        --argc;
    }
    int failed = 0;
    if (!onlyPostgres) {
        TestSqliteStore sqlite;
        failed += QTest::qExec(&sqlite, argc, argv);
    }
    if (!onlySqlite) {
        TestPostgresStore postgres;
        failed += QTest::qExec(&postgres, argc, argv);
    }
    return failed;
}

#include "tst_evidencestore.moc"
