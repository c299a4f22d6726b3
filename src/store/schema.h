#pragma once

// The evidence history's tables, as a list of migrations, and what brings a database to the
// last of them. Internal to paytriage_store (and its tests, which feed migrate() their own list).
//
// A new table or column is a new Migration at the end of schemaMigrations(): the next version,
// its statements for SQLite and for PostgreSQL. A released migration is never edited: databases
// out there already ran it.

#include "store/storeerror.h"
#include "store/storelocation.h"

#include <QSqlDatabase>
#include <QString>

#include <vector>

class QSqlError;

namespace paytriage {

using StoreBackend = StoreLocation::Backend;

struct Migration
{
    int version = 0;                  // the schema version it makes (1, 2, …, in order)
    std::vector<QString> sqlite;      // its statements, run in one transaction
    std::vector<QString> postgresql;
};

const std::vector<Migration> &schemaMigrations();
// The version this build writes and reads: the last migration's.
int currentSchemaVersion();

// SQLite's application_id of a PayTriage history ("PTEH"): a file with another id is not ours.
constexpr int kSqliteApplicationId = 0x50544548;

// What the database said, as a StoreError of the right kind (busy, corrupt, not a database, …).
StoreError storeErrorOf(const QSqlError &error, StoreBackend backend, const QString &where);

// The schema version the database has: SQLite's user_version; PostgreSQL's paytriage_schema
// table (0 when it does not exist yet).
StoreResult<int> schemaVersion(const QSqlDatabase &db, StoreBackend backend, const QString &where);

// Runs every migration of steps the database has not run yet, each in its own transaction
// together with the version it sets, so a crash between two leaves the database at the one
// before. Writers that open the same database at once take turns: the version is read again
// inside each transaction. Returns the first error; the database then stays at the last version
// that completed.
std::optional<StoreError> migrate(const QSqlDatabase &db, StoreBackend backend, const std::vector<Migration> &steps,
                                  const QString &where);

} // namespace paytriage
