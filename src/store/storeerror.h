#pragma once

// Why the evidence history could not be used, typed so the console and the CLI can say what
// happened to which file (or server) and what to do about it.

#include <QString>

#include <variant>

namespace paytriage {

struct StoreError
{
    enum class Kind {
        DriverMissing,  // Qt's SQL driver for the backend is not installed
        CannotOpen,     // the file or server cannot be opened or reached
        Locked,         // another writer held the database beyond the busy timeout
        Corrupt,        // the integrity check failed, or SQLite found damaged pages
        NotADatabase,   // not an SQLite database, or one that is not a PayTriage history
        TooNew,         // written by a newer PayTriage: left untouched
        Failed          // anything else the database said
    };

    Kind kind = Kind::Failed;
    QString where;       // the file's path, or the server's URL (never a password)
    QString detail;      // what the driver said, for the curious
    int foundVersion = 0;  // TooNew: the schema version the database has

    // One or two sentences in the UI language (context "paytriage::Store"): what happened, to
    // which file, and what to do.
    QString message() const;
};

template <typename T>
using StoreResult = std::variant<T, StoreError>;

} // namespace paytriage
