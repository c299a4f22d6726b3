#pragma once

// A case bundle: a folder a ticket or the provider can be sent, and that PayTriage opens again and
// verifies. Each body as kept (masked where the history masked it), the report as Markdown and
// HTML, and manifest.json: where and when the case came from, its ids and findings, and the
// SHA-256 of every file. Verifying reads every file again and compares.

#include "store/snapshot.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace paytriage {

class Catalog;
struct CaseReportOptions;

// Writes the bundle of a snapshot (id: its number in the history, when it came from there) into
// folder (made if missing). False, with why, when a file cannot be written.
bool writeBundle(const Snapshot &snapshot, std::optional<qint64> id, const QString &caseKey, const Catalog &catalog,
                 const CaseReportOptions &options, const QString &folder, QString *error);

struct BundleCheck
{
    bool readable = false;        // a manifest was found and read
    QStringList problems;         // files missing, or whose SHA-256 is not the manifest's
    QStringList files;            // every file the manifest names, checked
    StoredSnapshot snapshot;      // the case as the bundle holds it (id 0 when it names none)

    bool verified() const { return readable && problems.isEmpty(); }
};

// Reads folder's manifest.json and checks every file it names. Messages in the UI language.
BundleCheck readBundle(const QString &folder);

} // namespace paytriage
