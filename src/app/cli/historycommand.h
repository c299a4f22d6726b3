#pragma once

#include "report/casesummary.h"
#include "store/evidencestore.h"
#include "store/storelocation.h"

#include <QStringList>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace paytriage::cli {

// The history a command writes to or reads: --store's value, else PAYTRIAGE_STORE, else the
// console's own file. None (and said on stderr) when it cannot be read as a location.
std::optional<StoreLocation> chosenStore(const QString &given);

// The chosen history, opened; null (and said on stderr) when it cannot be.
std::unique_ptr<EvidenceStore> openChosenStore(const QString &given);

// Keeps a snapshot; says on stderr as what, or why not. False when it could not be kept.
bool keepSnapshot(EvidenceStore &store, const Snapshot &snapshot);

// --record and --store, for the commands that keep what they read.
void addRecordOptions(QCommandLineParser &parser, const QString &what);

// Keeps an analysed text as a snapshot of kind (a paste from standard input, or a file) in the
// history; says on stderr where, or why not. False when it could not be kept.
bool recordText(const QString &given, bool file, const QString &title, const std::string &text, const CaseFacts &facts,
                const Analysis &analysis, std::optional<std::int64_t> asOf);

// The snapshot numbered idText (as typed), or none with why on stderr.
std::optional<StoredSnapshot> fetchSnapshot(EvidenceStore &store, const QString &idText);

// paytriage-cli history [list|show ID|diff OLD NEW]: the evidence history (paytriage_store).
int runHistory(const QStringList &arguments);

} // namespace paytriage::cli
