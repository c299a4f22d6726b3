#pragma once

// The evidence history: every lookup, paste and opened file kept as an immutable snapshot, in an
// SQLite file (the default) or a team's PostgreSQL database, through QtSql.
//
// SQLite: WAL journal, foreign keys on, synchronous=FULL (a committed snapshot survives a crash, a
// kill and a power cut), the schema migrated at open, a quick_check before anything is written,
// and a file that is damaged, not a history, or from a newer PayTriage refused untouched with a
// message that names it. What is written is masked first (evidencemask.h).
//
// One store is one database connection: use it from the thread that opened it (QtSql's rule).
// Several stores, in one process or several, may share a database; writers take turns, waiting
// up to StoreLocation::busyTimeoutMs.

#include "store/snapshot.h"
#include "store/storeerror.h"
#include "store/storelocation.h"

#include <memory>
#include <optional>
#include <span>
#include <vector>

class QSqlDatabase;
class QSqlError;

namespace paytriage {

class EvidenceStore final
{
public:
    static StoreResult<std::unique_ptr<EvidenceStore>> open(const StoreLocation &location);
    ~EvidenceStore();

    EvidenceStore(const EvidenceStore &) = delete;
    EvidenceStore &operator=(const EvidenceStore &) = delete;

    const StoreLocation &location() const { return m_location; }

    // Writes the snapshot, masked, in one transaction; its id once committed.
    StoreResult<qint64> add(const Snapshot &snapshot);
    // Several at once in one transaction (a batch's answers, an import): their ids, in order;
    // none is written if one fails.
    StoreResult<std::vector<qint64>> addAll(std::span<const Snapshot> snapshots);

    // None when there is no snapshot with that id (never was, or pruned).
    StoreResult<std::optional<StoredSnapshot>> snapshot(qint64 id);
    StoreResult<HistoryPage> search(const HistoryQuery &query);
    // Every snapshot of one payment, oldest first: what the diff picks two from.
    StoreResult<std::vector<HistoryRow>> snapshotsOfCase(const QString &caseKey);

    // Kept by prune() while pinned. False when there is no such snapshot.
    StoreResult<bool> pin(qint64 id, bool pinned);
    // Removes the snapshots captured more than olderThanDays days before nowMs, except pinned
    // ones. SQLite gives their space back at once, a server at its own vacuum. Returns how many
    // were removed.
    StoreResult<int> prune(int olderThanDays, qint64 nowMs);
    // What the history takes: the file and its write-ahead log, or the tables on the server.
    StoreResult<qint64> sizeBytes();
    // How many snapshots it holds.
    StoreResult<qint64> count();

private:
    EvidenceStore(StoreLocation location, QString connection);
    QSqlDatabase database() const;
    bool sqlite() const;
    StoreError errorOf(const QSqlError &error) const;
    std::optional<StoreError> prepareSqlite();
    std::optional<StoreError> prepareSqliteWaiting();
    std::optional<StoreError> preparePostgres();
    // A write transaction (SQLite: BEGIN IMMEDIATE); commit() rolls back when it fails.
    std::optional<StoreError> begin();
    std::optional<StoreError> commit();
    void rollback();

    StoreLocation m_location;
    QString m_connection;  // this store's own QSqlDatabase connection name
};

} // namespace paytriage
