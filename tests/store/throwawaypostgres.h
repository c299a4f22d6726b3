#pragma once

// A PostgreSQL server of the test's own: initdb into a temporary directory, pg_ctl start on a
// free loopback port (TCP only, no socket file), stopped and removed when the object goes. When
// the test runs as root the server runs as `nobody` (PostgreSQL refuses to run as root).
//
// Local connections are trusted, except for one role that must give its password (scram), so
// the password path of StoreLocation is tested too.

#include "store/storelocation.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>

#include <unistd.h>

namespace paytriage::test {

class ThrowawayPostgres final
{
public:
    static constexpr const char *kPasswordRole = "store_password_role";
    static constexpr const char *kPassword = "Store-Test-Password-7";

    ~ThrowawayPostgres() { stop(); }

    enum class Start {
        Running,
        Unavailable,  // not installed here: PostgreSQL 15 or Qt's QPSQL driver
        Failed
    };

    // With why, unless Running.
    Start start(QString *why)
    {
        m_bin = qEnvironmentVariable("PAYTRIAGE_PG_BIN", QStringLiteral("/usr/lib/postgresql/15/bin"));
        if (!QFile::exists(m_bin + QStringLiteral("/initdb"))) {
            *why = QStringLiteral("no PostgreSQL 15 in %1 (Debian: apt-get install postgresql-15)").arg(m_bin);
            return Start::Unavailable;
        }
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
            *why = QStringLiteral("no QPSQL driver (Debian: apt-get install libqt6sql6-psql)");
            return Start::Unavailable;
        }
        if (!m_dir.isValid()) {
            *why = QStringLiteral("no temporary directory");
            return Start::Failed;
        }
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QDir().mkpath(data);
        if (geteuid() == 0) {
            // The server's user must reach its directory, and own it.
            QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                    | QFile::ExeGroup | QFile::ExeOther);
            if (!run(QStringLiteral("chown"), {QStringLiteral("nobody:nogroup"), data}, why, false))
                return Start::Failed;
            m_asUser = {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--")};
        }
        if (!run(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"),
                  QStringLiteral("--auth=trust"), QStringLiteral("--no-sync"), QStringLiteral("-E"),
                  QStringLiteral("UTF8"), QStringLiteral("--locale=C")},
                 why))
            return Start::Failed;
        // First match wins: the password role before initdb's trust lines.
        QFile hba(data + QStringLiteral("/pg_hba.conf"));
        if (!hba.open(QIODevice::ReadOnly)) {
            *why = QStringLiteral("pg_hba.conf unreadable");
            return Start::Failed;
        }
        const QByteArray rules = "host all " + QByteArray(kPasswordRole) + " 127.0.0.1/32 scram-sha-256\n" + hba.readAll();
        hba.close();
        if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate) || hba.write(rules) != rules.size()) {
            *why = QStringLiteral("pg_hba.conf not writable");
            return Start::Failed;
        }
        hba.close();

        QTcpServer probe;  // a free port, given back just before the server takes it
        if (!probe.listen(QHostAddress::LocalHost)) {
            *why = QStringLiteral("no free port");
            return Start::Failed;
        }
        m_port = probe.serverPort();
        probe.close();
        if (!run(QStringLiteral("pg_ctl"),
                 {QStringLiteral("-D"), data, QStringLiteral("-l"), data + QStringLiteral("/server.log"),
                  QStringLiteral("-w"), QStringLiteral("-o"),
                  QStringLiteral("-p %1 -c listen_addresses=127.0.0.1 -c unix_socket_directories=''").arg(m_port),
                  QStringLiteral("start")},
                 why))
            return Start::Failed;
        m_running = true;
        return execAsAdmin(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'")
                               .arg(QLatin1String(kPasswordRole), QLatin1String(kPassword)),
                           why)
            ? Start::Running
            : Start::Failed;
    }

    void stop()
    {
        if (!m_running)
            return;
        m_running = false;
        QString ignored;
        run(QStringLiteral("pg_ctl"),
            {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
             QStringLiteral("immediate"), QStringLiteral("stop")},
            &ignored);
    }

    int port() const { return m_port; }
    QString binary(const QString &name) const { return m_bin + QLatin1Char('/') + name; }

    // A new, empty database, owned by the password role so it can use it too.
    StoreLocation freshDatabase(QString *why)
    {
        const QString name = QStringLiteral("store_test_%1").arg(++m_databases);
        StoreLocation location;
        location.backend = StoreLocation::Backend::PostgreSQL;
        location.host = QStringLiteral("127.0.0.1");
        location.port = m_port;
        location.database = name;
        location.user = QStringLiteral("postgres");
        location.sslMode = QStringLiteral("disable");
        if (!execAsAdmin(QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(name, QLatin1String(kPasswordRole)), why))
            location.database.clear();
        return location;
    }

private:
    bool execAsAdmin(const QString &sql, QString *why)
    {
        const QString connection = QStringLiteral("throwaway-postgres-admin");
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_port);
            db.setDatabaseName(QStringLiteral("postgres"));
            db.setUserName(QStringLiteral("postgres"));
            QSqlQuery query(db);
            ok = db.open() && query.exec(sql);
            if (!ok)
                *why = (query.lastError().isValid() ? query.lastError() : db.lastError()).text();
        }
        QSqlDatabase::removeDatabase(connection);
        return ok;
    }

    bool run(const QString &tool, QStringList arguments, QString *why, bool inBin = true)
    {
        QProcess process;
        const QString program = inBin ? binary(tool) : tool;
        if (!m_asUser.isEmpty() && inBin) {
            arguments = m_asUser + QStringList{program} + arguments;
            process.start(QStringLiteral("runuser"), arguments);
        } else {
            process.start(program, arguments);
        }
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            *why = tool + QStringLiteral(" failed: ") + QString::fromLocal8Bit(process.readAllStandardError());
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    QString m_bin;
    QStringList m_asUser;
    int m_port = 0;
    int m_databases = 0;
    bool m_running = false;
};

} // namespace paytriage::test
