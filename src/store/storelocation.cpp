#include "store/storelocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace paytriage {

QString StoreLocation::secretName() const
{
    return backend == Backend::PostgreSQL ? QStringLiteral("history ") + displayName() : QString();
}

QString StoreLocation::displayName() const
{
    if (backend == Backend::SQLite)
        return QDir::toNativeSeparators(path);
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    if (!sslMode.isEmpty())
        url.setQuery(QStringLiteral("sslmode=") + sslMode);
    return url.toString();
}

StoreLocation StoreLocation::sqlite(const QString &path)
{
    StoreLocation location;
    location.backend = Backend::SQLite;
    location.path = path;
    return location;
}

StoreResult<StoreLocation> StoreLocation::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(QLatin1String("postgresql://")) && !trimmed.startsWith(QLatin1String("postgres://")))
        return sqlite(trimmed);

    const QUrl url(trimmed, QUrl::StrictMode);
    StoreLocation location;
    location.backend = Backend::PostgreSQL;
    if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2) {
        StoreError error;
        error.kind = StoreError::Kind::CannotOpen;
        error.where = url.toString(QUrl::RemovePassword);
        error.detail = QCoreApplication::translate("paytriage::Store",
                                                   "expected postgresql://user@host:port/database?sslmode=…");
        return error;
    }
    if (!url.password().isEmpty()) {
        StoreError error;
        error.kind = StoreError::Kind::CannotOpen;
        error.where = url.toString(QUrl::RemovePassword);
        error.detail = QCoreApplication::translate("paytriage::Store",
                                                   "a password belongs in the keychain, not in the address");
        return error;
    }
    location.host = url.host();
    location.port = url.port(5432);
    location.database = url.path().mid(1);
    location.user = url.userName();
    location.sslMode = QUrlQuery(url).queryItemValue(QStringLiteral("sslmode"));
    return location;
}

QString defaultStorePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history.sqlite");
}

} // namespace paytriage
