#include "store/evidencestore.h"

#include "store/evidencemask.h"
#include "store/schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QThread>
#include <QVariant>

#include <atomic>
#include <set>

namespace paytriage {
namespace {

using Backend = StoreLocation::Backend;

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

// Bound as NOT NULL text: QtSql binds a null QString (or QByteArray) as SQL NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString text(const std::string &value)
{
    return text(QString::fromStdString(value));
}

// The numbers are part of the schema (0 info, 1 warning, 2 critical): ordered, so "at least" and
// "worst" are comparisons.
int severityNumber(Severity severity)
{
    switch (severity) {
    case Severity::Info: return 0;
    case Severity::Warning: return 1;
    case Severity::Critical: return 2;
    }
    return 0;
}

Severity severityOf(int number)
{
    return number >= 2 ? Severity::Critical : number == 1 ? Severity::Warning : Severity::Info;
}

// Headers as an HTTP message writes them, one "Name: value" a line: readable in any SQL tool.
QString headerLines(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray lines;
    for (const auto &[name, value] : headers)
        lines += name + ": " + value + '\n';
    return text(QString::fromUtf8(lines));
}

QList<QPair<QByteArray, QByteArray>> headersOf(const QString &lines)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QString &line : lines.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QLatin1String(": "));
        if (colon > 0)
            headers.push_back({line.left(colon).toUtf8(), line.mid(colon + 2).toUtf8()});
    }
    return headers;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// The columns of a history row, and the worst finding beside it.
const QString kRowColumns = QStringLiteral(
    "SELECT s.id, s.case_key, s.kind, s.title, s.payment_key, s.order_id, s.status, s.profile, s.mid, "
    "s.key_mode, s.captured_at, s.pinned, s.finding_count, "
    "f.rule, f.variant, f.severity, f.document, f.pointer, f.title_en, f.title_ko, f.occurrences ");
const QString kWorstFinding = QStringLiteral("LEFT JOIN finding f ON f.snapshot_id = s.id AND f.seq = s.worst_finding ");

FindingRecord findingAt(const QSqlQuery &query, int first)
{
    FindingRecord f;
    f.rule = query.value(first).toString().toStdString();
    f.variant = query.value(first + 1).toString().toStdString();
    f.severity = severityOf(query.value(first + 2).toInt());
    f.document = std::size_t(query.value(first + 3).toLongLong());
    f.pointer = query.value(first + 4).toString().toStdString();
    f.title.en = query.value(first + 5).toString().toStdString();
    f.title.ko = query.value(first + 6).toString().toStdString();
    f.occurrences = std::size_t(query.value(first + 7).toLongLong());
    return f;
}

HistoryRow rowOf(const QSqlQuery &query)
{
    HistoryRow row;
    row.id = query.value(0).toLongLong();
    row.caseKey = query.value(1).toString();
    row.kind = snapshotKindOf(query.value(2).toString());
    row.title = query.value(3).toString();
    row.paymentKey = query.value(4).toString();
    row.orderId = query.value(5).toString();
    row.status = query.value(6).toString();
    row.profile = query.value(7).toString();
    row.mid = query.value(8).toString();
    row.keyMode = snapshotKeyModeOf(query.value(9).toString());
    row.capturedAtMs = query.value(10).toLongLong();
    row.pinned = query.value(11).toInt() != 0;
    row.findingCount = query.value(12).toInt();
    if (!query.isNull(13))
        row.worst = findingAt(query, 13);
    return row;
}

// A snapshot as it is written: masked, hashed, its worst finding found.
struct Prepared
{
    struct Body
    {
        const SnapshotBody *given;
        QByteArray content;
        QString headers;
        QString sha256;
        int maskedValues;
    };
    std::vector<Body> bodies;
    QList<QByteArray> originals;
    QString caseKey;
    std::optional<std::size_t> worst;
    std::set<std::string> rules;  // each once
};

Prepared prepare(const Snapshot &snapshot)
{
    Prepared p;
    for (const SnapshotBody &body : snapshot.bodies) {
        MaskedBody masked = maskBody(body.content);
        p.originals += masked.originals;
        p.bodies.push_back({&body, masked.content.isNull() ? QByteArray("") : masked.content,
                            headerLines(storedHeaders(body.headers)), sha256Hex(masked.content), masked.maskedValues});
    }
    p.caseKey = caseKeyOf(snapshot.paymentKey, snapshot.orderId,
                          p.bodies.empty() ? QByteArray() : p.bodies.front().content);
    for (const FindingRecord &finding : snapshot.findings)
        p.rules.insert(finding.rule);
    for (std::size_t i = 0; i < snapshot.findings.size(); ++i)
        if (!p.worst || severityNumber(snapshot.findings[i].severity) > severityNumber(snapshot.findings[*p.worst].severity))
            p.worst = i;
    return p;
}

} // namespace

EvidenceStore::EvidenceStore(StoreLocation location, QString connection)
    : m_location(std::move(location))
    , m_connection(std::move(connection))
{
}

EvidenceStore::~EvidenceStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase EvidenceStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool EvidenceStore::sqlite() const
{
    return m_location.backend == Backend::SQLite;
}

StoreError EvidenceStore::errorOf(const QSqlError &error) const
{
    return storeErrorOf(error, m_location.backend, m_location.displayName());
}

StoreResult<std::unique_ptr<EvidenceStore>> EvidenceStore::open(const StoreLocation &location)
{
    const QString driver = location.backend == Backend::SQLite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    StoreError error;
    error.where = location.displayName();
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        error.kind = StoreError::Kind::DriverMissing;
        error.detail = driver;
        return error;
    }
    if (location.backend == Backend::SQLite) {
        const QFileInfo file(location.path);
        if (location.path.isEmpty() || (file.exists() && !file.isFile()) || !QDir().mkpath(file.absolutePath())) {
            error.kind = StoreError::Kind::CannotOpen;
            return error;
        }
    }

    // One connection per store, by a name no other store has; the destructor removes it, also
    // when open() fails below.
    static std::atomic<int> stores = 0;
    std::unique_ptr<EvidenceStore> store(
        new EvidenceStore(location, QStringLiteral("paytriage-store-%1").arg(++stores)));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, store->m_connection);
        if (location.backend == Backend::SQLite) {
            db.setDatabaseName(location.path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(location.busyTimeoutMs));
        } else {
            db.setHostName(location.host);
            db.setPort(location.port);
            db.setDatabaseName(location.database);
            db.setUserName(location.user);
            db.setPassword(location.password);
            QString options = QStringLiteral("connect_timeout=10");
            if (!location.sslMode.isEmpty())
                options += QStringLiteral(";sslmode=") + location.sslMode;
            db.setConnectOptions(options);
        }
        if (!db.open()) {
            StoreError failed = store->errorOf(db.lastError());
            if (failed.kind == StoreError::Kind::Failed)
                failed.kind = StoreError::Kind::CannotOpen;
            return failed;
        }
    }
    if (std::optional<StoreError> failed = store->sqlite() ? store->prepareSqliteWaiting() : store->preparePostgres())
        return *failed;
    return store;
}

// Two PayTriages opening a new file at once both turn it to WAL: SQLite answers one of them
// "busy" at once, not after the busy timeout, where waiting could deadlock (its locks are let go
// with the statement). Every step of the preparation can be run again, so it is, until it
// succeeds or the timeout has passed.
std::optional<StoreError> EvidenceStore::prepareSqliteWaiting()
{
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        std::optional<StoreError> error = prepareSqlite();
        if (!error || error->kind != StoreError::Kind::Locked || waited.elapsed() >= m_location.busyTimeoutMs)
            return error;
        QThread::msleep(10);
    }
}

// Nothing is written before the file is known to be ours, not newer, and sound: a file that is
// refused is left as it was.
std::optional<StoreError> EvidenceStore::prepareSqlite()
{
    const QSqlDatabase db = database();
    QSqlQuery query(db);
    // One statement, so one moment: another PayTriage may be creating the tables meanwhile. The
    // first read is also where SQLite finds out that a file is not a database at all.
    if (!query.exec(QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id), "
                                   "(SELECT user_version FROM pragma_user_version), "
                                   "(SELECT count(*) FROM sqlite_master)"))
        || !query.next())
        return errorOf(query.lastError());
    const qint64 applicationId = query.value(0).toLongLong();
    const qint64 version = query.value(1).toLongLong();
    const bool fresh = query.value(2).toLongLong() == 0;
    query.finish();

    StoreError error;
    error.where = m_location.displayName();
    if (applicationId != kSqliteApplicationId && !(fresh && version == 0)) {
        error.kind = StoreError::Kind::NotADatabase;
        return error;
    }
    if (version > currentSchemaVersion()) {
        error.kind = StoreError::Kind::TooNew;
        error.foundVersion = int(version);
        return error;
    }
    if (!fresh) {
        if (!query.exec(QStringLiteral("PRAGMA quick_check")))
            return errorOf(query.lastError());
        QStringList problems;
        while (query.next() && problems.size() < 3)
            problems << query.value(0).toString();
        if (problems != QStringList{QStringLiteral("ok")}) {
            error.kind = StoreError::Kind::Corrupt;
            error.detail = problems.join(QLatin1String("; "));
            return error;
        }
    }
    query.finish();

    // auto_vacuum can only be chosen before the first table; FULL: the pages prune() frees go
    // back to the file system (inserts, nearly all the writes, pay almost nothing for it).
    // synchronous=FULL: a commit is on the disk before add() returns, power cut included.
    QStringList setup;
    if (fresh)
        setup << QStringLiteral("PRAGMA auto_vacuum = FULL");
    setup << QStringLiteral("PRAGMA journal_mode = WAL") << QStringLiteral("PRAGMA synchronous = FULL")
          << QStringLiteral("PRAGMA foreign_keys = ON");
    for (const QString &statement : std::as_const(setup))
        if (!query.exec(statement))
            return errorOf(query.lastError());
    query.finish();
    return migrate(db, Backend::SQLite, schemaMigrations(), m_location.displayName());
}

std::optional<StoreError> EvidenceStore::preparePostgres()
{
    const QSqlDatabase db = database();
    const StoreResult<int> version = schemaVersion(db, Backend::PostgreSQL, m_location.displayName());
    if (const StoreError *error = std::get_if<StoreError>(&version))
        return *error;
    if (std::get<int>(version) > currentSchemaVersion()) {
        StoreError error;
        error.kind = StoreError::Kind::TooNew;
        error.where = m_location.displayName();
        error.foundVersion = std::get<int>(version);
        return error;
    }
    return migrate(db, Backend::PostgreSQL, schemaMigrations(), m_location.displayName());
}

std::optional<StoreError> EvidenceStore::begin()
{
    QSqlQuery query(database());
    // SQLite: the write lock first, waiting out other writers up to the busy timeout.
    if (!query.exec(sqlite() ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN")))
        return errorOf(query.lastError());
    return std::nullopt;
}

std::optional<StoreError> EvidenceStore::commit()
{
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("COMMIT")))
        return std::nullopt;
    StoreError error = errorOf(query.lastError());
    rollback();
    return error;
}

void EvidenceStore::rollback()
{
    QSqlQuery(database()).exec(QStringLiteral("ROLLBACK"));
}

StoreResult<qint64> EvidenceStore::add(const Snapshot &snapshot)
{
    StoreResult<std::vector<qint64>> ids = addAll(std::span<const Snapshot>(&snapshot, 1));
    if (StoreError *error = std::get_if<StoreError>(&ids))
        return *error;
    return std::get<std::vector<qint64>>(ids).front();
}

StoreResult<std::vector<qint64>> EvidenceStore::addAll(std::span<const Snapshot> snapshots)
{
    // Masked and hashed before the write lock is taken: other writers wait for the SQL only.
    std::vector<Prepared> prepared;
    prepared.reserve(snapshots.size());
    for (const Snapshot &snapshot : snapshots)
        prepared.push_back(prepare(snapshot));

    if (std::optional<StoreError> error = begin())
        return *error;
    const QSqlDatabase db = database();
    QSqlQuery insertSnapshot(db);
    QSqlQuery insertBody(db);
    QSqlQuery insertFinding(db);
    QSqlQuery insertRule(db);
    const auto fail = [this](const QSqlQuery &query) {
        StoreError error = errorOf(query.lastError());
        rollback();
        return error;
    };
    if (!insertSnapshot.prepare(QStringLiteral(
            "INSERT INTO snapshot (case_key, kind, title, payment_key, order_id, status, profile, mid, key_mode, "
            "captured_at, as_of, tool_version, catalog_version, finding_count, worst_severity, worst_finding, pinned) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) RETURNING id")))
        return fail(insertSnapshot);
    if (!insertBody.prepare(QStringLiteral(
            "INSERT INTO body (snapshot_id, seq, source, method, path, http_status, headers, content, cut, "
            "received_at, sha256, masked_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return fail(insertBody);
    if (!insertFinding.prepare(QStringLiteral(
            "INSERT INTO finding (snapshot_id, seq, rule, variant, severity, document, pointer, title_en, title_ko, "
            "occurrences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return fail(insertFinding);
    if (!insertRule.prepare(QStringLiteral("INSERT INTO snapshot_rule (rule, captured_at, snapshot_id) VALUES (?, ?, ?)")))
        return fail(insertRule);

    std::vector<qint64> ids;
    for (std::size_t n = 0; n < snapshots.size(); ++n) {
        const Snapshot &s = snapshots[n];
        const Prepared &p = prepared[n];
        const auto masked = [&p](const QString &value) {
            return text(QString::fromUtf8(maskText(value.toUtf8(), p.originals)));
        };
        const QVariant none(QMetaType::fromType<qlonglong>());
        for (const QVariant &value :
             {QVariant(p.caseKey), QVariant(snapshotKindId(s.kind)), QVariant(masked(s.title)), QVariant(text(s.paymentKey)),
              QVariant(text(s.orderId)), QVariant(text(s.status)), QVariant(text(s.profile)), QVariant(text(s.mid)),
              QVariant(snapshotKeyModeId(s.keyMode)), QVariant(s.capturedAtMs), s.asOfMs ? QVariant(*s.asOfMs) : none,
              QVariant(text(s.toolVersion)), QVariant(text(s.catalogVersion)), QVariant(int(s.findings.size())),
              p.worst ? QVariant(severityNumber(s.findings[*p.worst].severity)) : none,
              p.worst ? QVariant(qlonglong(*p.worst)) : none})
            insertSnapshot.addBindValue(value);
        if (!insertSnapshot.exec() || !insertSnapshot.next())
            return fail(insertSnapshot);
        const qint64 id = insertSnapshot.value(0).toLongLong();
        insertSnapshot.finish();

        for (std::size_t i = 0; i < p.bodies.size(); ++i) {
            const Prepared::Body &b = p.bodies[i];
            for (const QVariant &value :
                 {QVariant(id), QVariant(qlonglong(i)), QVariant(text(b.given->source)), QVariant(text(b.given->method)),
                  QVariant(masked(b.given->path)), QVariant(b.given->status), QVariant(b.headers),
                  QVariant(b.content), QVariant(b.given->cut ? 1 : 0),
                  QVariant(b.given->receivedAtMs ? b.given->receivedAtMs : s.capturedAtMs), QVariant(b.sha256),
                  QVariant(b.maskedValues)})
                insertBody.addBindValue(value);
            if (!insertBody.exec())
                return fail(insertBody);
        }
        for (std::size_t i = 0; i < s.findings.size(); ++i) {
            const FindingRecord &f = s.findings[i];
            for (const QVariant &value :
                 {QVariant(id), QVariant(qlonglong(i)), QVariant(text(f.rule)), QVariant(text(f.variant)),
                  QVariant(severityNumber(f.severity)), QVariant(qlonglong(f.document)), QVariant(text(f.pointer)),
                  QVariant(masked(text(f.title.en))), QVariant(masked(text(f.title.ko))),
                  QVariant(qlonglong(f.occurrences))})
                insertFinding.addBindValue(value);
            if (!insertFinding.exec())
                return fail(insertFinding);
        }
        for (const std::string &rule : p.rules) {
            for (const QVariant &value : {QVariant(text(rule)), QVariant(s.capturedAtMs), QVariant(id)})
                insertRule.addBindValue(value);
            if (!insertRule.exec())
                return fail(insertRule);
        }
        ids.push_back(id);
    }
    if (std::optional<StoreError> error = commit())
        return *error;
    return ids;
}

StoreResult<std::optional<StoredSnapshot>> EvidenceStore::snapshot(qint64 id)
{
    // One read transaction: the snapshot, its bodies and its findings as of one moment, also
    // while a prune runs elsewhere.
    const QSqlDatabase db = database();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("BEGIN")))
        return errorOf(query.lastError());
    const auto fail = [this, &query]() {
        StoreError error = errorOf(query.lastError());
        rollback();
        return error;
    };
    query.prepare(QStringLiteral(
        "SELECT case_key, pinned, kind, title, payment_key, order_id, status, profile, mid, key_mode, captured_at, "
        "as_of, tool_version, catalog_version FROM snapshot WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return fail();
    if (!query.next()) {
        query.finish();
        rollback();
        return std::optional<StoredSnapshot>();
    }
    StoredSnapshot stored;
    stored.id = id;
    stored.caseKey = query.value(0).toString();
    stored.pinned = query.value(1).toInt() != 0;
    Snapshot &s = stored.snapshot;
    s.kind = snapshotKindOf(query.value(2).toString());
    s.title = query.value(3).toString();
    s.paymentKey = query.value(4).toString();
    s.orderId = query.value(5).toString();
    s.status = query.value(6).toString();
    s.profile = query.value(7).toString();
    s.mid = query.value(8).toString();
    s.keyMode = snapshotKeyModeOf(query.value(9).toString());
    s.capturedAtMs = query.value(10).toLongLong();
    if (!query.isNull(11))
        s.asOfMs = query.value(11).toLongLong();
    s.toolVersion = query.value(12).toString();
    s.catalogVersion = query.value(13).toString();

    query.prepare(QStringLiteral(
        "SELECT source, method, path, http_status, headers, content, cut, received_at, sha256, masked_values "
        "FROM body WHERE snapshot_id = ? ORDER BY seq"));
    query.addBindValue(id);
    if (!query.exec())
        return fail();
    while (query.next()) {
        SnapshotBody body;
        body.source = query.value(0).toString();
        body.method = query.value(1).toString();
        body.path = query.value(2).toString();
        body.status = query.value(3).toInt();
        body.headers = headersOf(query.value(4).toString());
        body.content = query.value(5).toByteArray();
        body.cut = query.value(6).toInt() != 0;
        body.receivedAtMs = query.value(7).toLongLong();
        s.bodies.push_back(std::move(body));
        stored.digests.push_back({query.value(8).toString(), query.value(9).toInt()});
    }

    query.prepare(QStringLiteral(
        "SELECT rule, variant, severity, document, pointer, title_en, title_ko, occurrences "
        "FROM finding WHERE snapshot_id = ? ORDER BY seq"));
    query.addBindValue(id);
    if (!query.exec())
        return fail();
    while (query.next())
        s.findings.push_back(findingAt(query, 0));
    query.finish();
    rollback();  // nothing was written: ends the read
    return std::optional<StoredSnapshot>(std::move(stored));
}

StoreResult<HistoryPage> EvidenceStore::search(const HistoryQuery &q)
{
    // By rule, the rows come from snapshot_rule's key in time order; else from snapshot's.
    const bool byRule = !q.rule.isEmpty();
    const QString time = byRule ? QStringLiteral("r.captured_at") : QStringLiteral("s.captured_at");
    const QString id = byRule ? QStringLiteral("r.snapshot_id") : QStringLiteral("s.id");
    QStringList where;
    QVariantList values;
    const auto filter = [&](const QString &condition, const QVariantList &bound) {
        where << condition;
        values << bound;
    };
    if (byRule)
        filter(QStringLiteral("r.rule = ?"), {q.rule});
    if (!q.id.isEmpty())
        filter(QStringLiteral("(s.order_id = ? OR s.payment_key = ?)"), {q.id, q.id});
    if (!q.profile.isEmpty())
        filter(QStringLiteral("s.profile = ?"), {q.profile});
    if (!q.mid.isEmpty())
        filter(QStringLiteral("s.mid = ?"), {q.mid});
    if (!q.status.isEmpty())
        filter(QStringLiteral("s.status = ?"), {q.status});
    if (q.atLeast)
        filter(QStringLiteral("s.worst_severity >= ?"), {severityNumber(*q.atLeast)});
    if (q.fromMs)
        filter(time + QStringLiteral(" >= ?"), {*q.fromMs});
    if (q.toMs)
        filter(time + QStringLiteral(" < ?"), {*q.toMs});
    if (q.after)
        filter(QStringLiteral("(%1 < ? OR (%1 = ? AND %2 < ?))").arg(time, id),
               {q.after->capturedAtMs, q.after->capturedAtMs, q.after->id});

    const int limit = std::max(1, q.limit);
    QString sql = kRowColumns
        + (byRule ? QStringLiteral("FROM snapshot_rule r JOIN snapshot s ON s.id = r.snapshot_id ")
                  : QStringLiteral("FROM snapshot s "))
        + kWorstFinding;
    if (!where.isEmpty())
        sql += QStringLiteral("WHERE ") + where.join(QLatin1String(" AND ")) + QLatin1Char(' ');
    // One more row than asked: whether a next page exists, without counting them all.
    sql += QStringLiteral("ORDER BY %1 DESC, %2 DESC LIMIT %3").arg(time, id).arg(limit + 1);

    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return errorOf(query.lastError());
    HistoryPage page;
    while (query.next()) {
        if (int(page.rows.size()) == limit) {
            page.next = HistoryCursor{page.rows.back().capturedAtMs, page.rows.back().id};
            break;
        }
        page.rows.push_back(rowOf(query));
    }
    return page;
}

StoreResult<std::vector<HistoryRow>> EvidenceStore::snapshotsOfCase(const QString &caseKey)
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(kRowColumns + QStringLiteral("FROM snapshot s ") + kWorstFinding
                  + QStringLiteral("WHERE s.case_key = ? ORDER BY s.captured_at, s.id"));
    query.addBindValue(caseKey);
    if (!query.exec())
        return errorOf(query.lastError());
    std::vector<HistoryRow> rows;
    while (query.next())
        rows.push_back(rowOf(query));
    return rows;
}

StoreResult<bool> EvidenceStore::pin(qint64 id, bool pinned)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE snapshot SET pinned = ? WHERE id = ?"));
    query.addBindValue(pinned ? 1 : 0);
    query.addBindValue(id);
    if (!query.exec())
        return errorOf(query.lastError());
    return query.numRowsAffected() > 0;
}

StoreResult<int> EvidenceStore::prune(int olderThanDays, qint64 nowMs)
{
    if (std::optional<StoreError> error = begin())
        return *error;
    QSqlQuery query(database());
    // Bodies and findings go with their snapshot (ON DELETE CASCADE).
    query.prepare(QStringLiteral("DELETE FROM snapshot WHERE captured_at < ? AND pinned = 0"));
    query.addBindValue(nowMs - qint64(olderThanDays) * kDayMs);
    if (!query.exec()) {
        StoreError error = errorOf(query.lastError());
        rollback();
        return error;
    }
    const int removed = query.numRowsAffected();
    if (std::optional<StoreError> error = commit())
        return *error;
    if (sqlite() && removed > 0) {
        // The log folded into the file, which auto_vacuum then shortens, so sizeBytes() drops. Best
        // effort: a reader elsewhere may hold the log for now; the next checkpoint does it.
        query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    return removed;
}

StoreResult<qint64> EvidenceStore::sizeBytes()
{
    if (sqlite())
        return QFileInfo(m_location.path).size() + QFileInfo(m_location.path + QStringLiteral("-wal")).size();
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT pg_total_relation_size('snapshot') + pg_total_relation_size('body') "
                                   "+ pg_total_relation_size('finding')"))
        || !query.next())
        return errorOf(query.lastError());
    return query.value(0).toLongLong();
}

StoreResult<qint64> EvidenceStore::count()
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM snapshot")) || !query.next())
        return errorOf(query.lastError());
    return query.value(0).toLongLong();
}

} // namespace paytriage
