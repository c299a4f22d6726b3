#include "store/schema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace paytriage {
namespace {

// Version 1. Columns that hold text are NOT NULL with '' for "not known", so a filter is a
// plain equality that an index answers. Times are ms since the epoch, UTC. Severities are
// 0 info, 1 warning, 2 critical. The worst finding is found once, when the snapshot is written
// (snapshots never change), so a history page is one join and no sort of findings.
const QString kSnapshotColumns = QStringLiteral(R"(
    case_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    payment_key TEXT NOT NULL,
    order_id TEXT NOT NULL,
    status TEXT NOT NULL,
    profile TEXT NOT NULL,
    mid TEXT NOT NULL,
    key_mode TEXT NOT NULL,
    captured_at BIGINT NOT NULL,
    as_of BIGINT,
    tool_version TEXT NOT NULL,
    catalog_version TEXT NOT NULL,
    finding_count INTEGER NOT NULL,
    worst_severity INTEGER,
    worst_finding INTEGER,
    pinned INTEGER NOT NULL DEFAULT 0)");

QString bodyTable(const QString &idType, const QString &blobType)
{
    return QStringLiteral(R"(CREATE TABLE body (
    snapshot_id %1 NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    source TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    http_status INTEGER NOT NULL,
    headers TEXT NOT NULL,
    content %2 NOT NULL,
    cut INTEGER NOT NULL,
    received_at BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    masked_values INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, seq)))")
        .arg(idType, blobType);
}

QString findingTable(const QString &idType)
{
    return QStringLiteral(R"(CREATE TABLE finding (
    snapshot_id %1 NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    rule TEXT NOT NULL,
    variant TEXT NOT NULL,
    severity INTEGER NOT NULL,
    document INTEGER NOT NULL,
    pointer TEXT NOT NULL,
    title_en TEXT NOT NULL,
    title_ko TEXT NOT NULL,
    occurrences INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, seq)))")
        .arg(idType);
}

// The rules a snapshot's findings name, once each, with its time: the rule filter reads its
// rows newest first from the key, instead of gathering every snapshot that has the rule and
// sorting them (20 % of a history for the common rules).
QString snapshotRuleTable(const QString &idType, const QString &options)
{
    return QStringLiteral(R"(CREATE TABLE snapshot_rule (
    rule TEXT NOT NULL,
    captured_at BIGINT NOT NULL,
    snapshot_id %1 NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    PRIMARY KEY (rule, captured_at, snapshot_id))%2)")
        .arg(idType, options);
}

// Each filter of the history view with the order of its rows: the newest page, a time range and
// prune walk captured_at; an id, a profile, a MID, a status and a case find their rows first.
const std::vector<QString> kIndexes = {
    QStringLiteral("CREATE INDEX snapshot_captured ON snapshot (captured_at, id)"),
    QStringLiteral("CREATE INDEX snapshot_case ON snapshot (case_key, captured_at)"),
    QStringLiteral("CREATE INDEX snapshot_order ON snapshot (order_id, captured_at)"),
    QStringLiteral("CREATE INDEX snapshot_payment ON snapshot (payment_key, captured_at)"),
    QStringLiteral("CREATE INDEX snapshot_profile ON snapshot (profile, captured_at)"),
    QStringLiteral("CREATE INDEX snapshot_mid ON snapshot (mid, captured_at)"),
    QStringLiteral("CREATE INDEX snapshot_status ON snapshot (status, captured_at)"),
    QStringLiteral("CREATE INDEX snapshot_rule_snapshot ON snapshot_rule (snapshot_id)"),  // prune's cascade
};

std::vector<QString> version1(StoreBackend backend)
{
    std::vector<QString> statements;
    if (backend == StoreBackend::SQLite) {
        // AUTOINCREMENT: an id is never given again after a prune, so a ticket that cites
        // snapshot 42 never comes to mean another one.
        statements = {
            QStringLiteral("CREATE TABLE snapshot (id INTEGER PRIMARY KEY AUTOINCREMENT,") + kSnapshotColumns
                + QLatin1Char(')'),
            bodyTable(QStringLiteral("INTEGER"), QStringLiteral("BLOB")),
            findingTable(QStringLiteral("INTEGER")),
            snapshotRuleTable(QStringLiteral("INTEGER"), QStringLiteral(" WITHOUT ROWID")),
            QStringLiteral("PRAGMA application_id = %1").arg(kSqliteApplicationId),
        };
    } else {
        statements = {
            QStringLiteral("CREATE TABLE paytriage_schema (version INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO paytriage_schema (version) VALUES (0)"),
            QStringLiteral("CREATE TABLE snapshot (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,")
                + kSnapshotColumns + QLatin1Char(')'),
            bodyTable(QStringLiteral("BIGINT"), QStringLiteral("BYTEA")),
            findingTable(QStringLiteral("BIGINT")),
            snapshotRuleTable(QStringLiteral("BIGINT"), QString()),
        };
    }
    statements.insert(statements.end(), kIndexes.begin(), kIndexes.end());
    return statements;
}

} // namespace

const std::vector<Migration> &schemaMigrations()
{
    static const std::vector<Migration> steps = {
        {1, version1(StoreBackend::SQLite), version1(StoreBackend::PostgreSQL)},
    };
    return steps;
}

int currentSchemaVersion()
{
    return schemaMigrations().back().version;
}

StoreError storeErrorOf(const QSqlError &error, StoreBackend backend, const QString &where)
{
    StoreError out;
    out.where = where;
    out.detail = error.text().trimmed();
    out.kind = StoreError::Kind::Failed;
    if (backend == StoreBackend::SQLite) {
        // Extended result codes: the primary code is the low byte.
        switch (error.nativeErrorCode().toInt() & 0xff) {
        case 5:   // SQLITE_BUSY
        case 6:   // SQLITE_LOCKED
            out.kind = StoreError::Kind::Locked;
            break;
        case 11:  // SQLITE_CORRUPT
            out.kind = StoreError::Kind::Corrupt;
            break;
        case 26:  // SQLITE_NOTADB
            out.kind = StoreError::Kind::NotADatabase;
            break;
        case 14:  // SQLITE_CANTOPEN
            out.kind = StoreError::Kind::CannotOpen;
            break;
        default:
            break;
        }
    } else {
        const QString state = error.nativeErrorCode();
        if (error.type() == QSqlError::ConnectionError || state.startsWith(QLatin1String("08")))
            out.kind = StoreError::Kind::CannotOpen;
        else if (state == QLatin1String("55P03") || state == QLatin1String("40P01"))  // lock timeout, deadlock
            out.kind = StoreError::Kind::Locked;
        else if (state == QLatin1String("XX001") || state == QLatin1String("XX002"))  // data or index corrupted
            out.kind = StoreError::Kind::Corrupt;
    }
    return out;
}

StoreResult<int> schemaVersion(const QSqlDatabase &db, StoreBackend backend, const QString &where)
{
    QSqlQuery query(db);
    if (backend == StoreBackend::SQLite) {
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
            return storeErrorOf(query.lastError(), backend, where);
        return query.value(0).toInt();
    }
    // Asked before it is read: a failed statement would end the transaction it runs in.
    if (!query.exec(QStringLiteral("SELECT to_regclass('paytriage_schema') IS NOT NULL")) || !query.next())
        return storeErrorOf(query.lastError(), backend, where);
    if (!query.value(0).toBool())
        return 0;
    if (!query.exec(QStringLiteral("SELECT version FROM paytriage_schema")) || !query.next())
        return storeErrorOf(query.lastError(), backend, where);
    return query.value(0).toInt();
}

namespace {

// PostgreSQL: one migrating console at a time, for the whole step. A session lock, taken before
// the transaction begins: a transaction that began while another console's migration was still
// running keeps seeing the catalog as it was (paytriage_schema missing) even after that commits.
constexpr qint64 kMigrationLockKey = 5054454801;  // any number; PayTriage's alone in its database

class MigrationLock final
{
public:
    explicit MigrationLock(const QSqlDatabase &db)
        : m_db(db)
    {
        QSqlQuery query(m_db);
        m_held = query.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kMigrationLockKey));
        if (!m_held)
            m_error = query.lastError();
    }
    ~MigrationLock()
    {
        if (m_held)
            QSqlQuery(m_db).exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kMigrationLockKey));
    }
    MigrationLock(const MigrationLock &) = delete;
    MigrationLock &operator=(const MigrationLock &) = delete;

    bool held() const { return m_held; }
    const QSqlError &error() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_held = false;
    QSqlError m_error;
};

// One step in one transaction, with the version it sets; nothing when the database has it
// already (another console migrated it meanwhile: the version is read inside the transaction).
std::optional<StoreError> runStep(const QSqlDatabase &db, StoreBackend backend, const Migration &step,
                                  const QString &where)
{
    const bool sqlite = backend == StoreBackend::SQLite;
    std::optional<MigrationLock> lock;
    if (!sqlite) {
        lock.emplace(db);
        if (!lock->held())
            return storeErrorOf(lock->error(), backend, where);
    }
    QSqlQuery query(db);
    // SQLite: the write lock now, waiting out other writers, instead of failing on the first write.
    if (!query.exec(sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN")))
        return storeErrorOf(query.lastError(), backend, where);
    const auto rollback = [&db]() { QSqlQuery(db).exec(QStringLiteral("ROLLBACK")); };
    const StoreResult<int> version = schemaVersion(db, backend, where);
    if (const StoreError *error = std::get_if<StoreError>(&version)) {
        rollback();
        return *error;
    }
    if (std::get<int>(version) >= step.version) {
        rollback();
        return std::nullopt;
    }
    const QString setVersion = sqlite ? QStringLiteral("PRAGMA user_version = %1").arg(step.version)
                                      : QStringLiteral("UPDATE paytriage_schema SET version = %1").arg(step.version);
    std::vector<QString> statements = sqlite ? step.sqlite : step.postgresql;
    statements.push_back(setVersion);
    statements.push_back(QStringLiteral("COMMIT"));
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            StoreError error = storeErrorOf(query.lastError(), backend, where);
            rollback();
            return error;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<StoreError> migrate(const QSqlDatabase &db, StoreBackend backend, const std::vector<Migration> &steps,
                                  const QString &where)
{
    for (const Migration &step : steps)
        if (std::optional<StoreError> error = runStep(db, backend, step, where))
            return error;
    return std::nullopt;
}

} // namespace paytriage
