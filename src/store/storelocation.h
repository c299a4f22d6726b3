#pragma once

// Where the evidence history lives: an SQLite file (the default, one per user) or a team's
// PostgreSQL database given as postgresql://user@host:port/db?sslmode=….

#include "store/storeerror.h"

#include <QString>

namespace paytriage {

struct StoreLocation
{
    enum class Backend {
        SQLite,
        PostgreSQL
    };

    Backend backend = Backend::SQLite;
    QString path;            // SQLite: the file
    // PostgreSQL
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString sslMode;         // libpq's sslmode (disable, require, verify-full, …); empty: libpq's default
    // From the keychain (SecretStore, under the URL), set by the caller before open(); never
    // read from a URL, the command line or the settings file, and never shown.
    QString password;
    // How long a write waits for another writer before it gives up with StoreError::Locked.
    int busyTimeoutMs = 5000;

    // The file's path, or the URL without a password: what a message names.
    QString displayName() const;
    // Under what name a PostgreSQL history's password is kept in the keychain ("history " and
    // the URL without a password); empty for a file.
    QString secretName() const;

    static StoreLocation sqlite(const QString &path);
    // A postgresql:// (or postgres://) URL, or else a file path. A URL that carries a password
    // is refused: the password belongs in the keychain.
    static StoreResult<StoreLocation> parse(const QString &text);
};

// history.sqlite in QStandardPaths::AppDataLocation: ~/.local/share/PayTriage/PayTriage/ on
// Linux for the console and the CLI alike, as both main()s name themselves PayTriage/PayTriage.
QString defaultStorePath();

} // namespace paytriage
