#include "store/storeerror.h"

#include <QCoreApplication>

namespace paytriage {

QString StoreError::message() const
{
    QString text;
    switch (kind) {
    case Kind::DriverMissing:
        text = QCoreApplication::translate("paytriage::Store", "The evidence history %1 cannot be opened: Qt's database driver for it is not installed. "
                  "Install it (on Debian: libqt6sql6-sqlite for a file, libqt6sql6-psql for PostgreSQL) and "
                  "start PayTriage again.")
                   .arg(where);
        break;
    case Kind::CannotOpen:
        text = QCoreApplication::translate("paytriage::Store", "The evidence history %1 cannot be opened. Check that its folder exists and is writable, "
                  "or for a server that it is running and the address, user and password are right.")
                   .arg(where);
        break;
    case Kind::Locked:
        text = QCoreApplication::translate("paytriage::Store", "The evidence history %1 is busy: another PayTriage is writing to it and did not finish "
                  "in time. Close the other window or command, or wait for it, and try again.")
                   .arg(where);
        break;
    case Kind::Corrupt:
        text = QCoreApplication::translate("paytriage::Store", "The evidence history %1 is damaged and was left as it is. Move the file aside (keep it: "
                  "the sqlite3 tool's .recover may save its snapshots) and PayTriage will start a new history.")
                   .arg(where);
        break;
    case Kind::NotADatabase:
        text = QCoreApplication::translate("paytriage::Store", "%1 is not a PayTriage evidence history and was left as it is. Choose another file, or move "
                  "this one aside and PayTriage will start a new history there.")
                   .arg(where);
        break;
    case Kind::TooNew:
        text = QCoreApplication::translate("paytriage::Store", "The evidence history %1 was written by a newer PayTriage (schema version %2) and was left "
                  "untouched. Update PayTriage to use it, or choose another history.")
                   .arg(where)
                   .arg(foundVersion);
        break;
    case Kind::Failed:
        text = QCoreApplication::translate("paytriage::Store", "The evidence history %1 could not be read or written.").arg(where);
        break;
    }
    if (!detail.isEmpty())
        text += QLatin1Char(' ') + QCoreApplication::translate("paytriage::Store", "(%1)").arg(detail);
    return text;
}

} // namespace paytriage
