#pragma once

// What the evidence history keeps: plain structs, filled by whoever captured the evidence (the
// case session, the CLI) and read back by the history view, the diff and the reports. Nothing
// here knows a widget, a session or a database.
//
// Times are milliseconds since the epoch, UTC; KST is derived for display, never stored.

#include "rules/finding.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>
#include <vector>

namespace paytriage {

enum class SnapshotKind {
    Lookup,  // answers of the provider to a lookup
    Paste,   // text pasted or typed
    File     // a file opened
};

// Test or live key of the profile that looked it up; Unknown for texts and files.
enum class SnapshotKeyMode {
    Unknown,
    Test,
    Live
};

// One answer of a lookup, or the text of a paste or file.
struct SnapshotBody
{
    QString source;    // a stable id: "payment", "transactions", "settlements", "in-app-order-status", "text", "file"
    QString method;    // "GET"; empty for texts and files
    QString path;      // "/v1/payments/tgen_…" with its query; a file's name; empty for a paste
    int status = 0;    // the HTTP status; 0 when it was not an HTTP answer
    // As received. The store keeps those that matter and drops the rest (see storedHeaders()).
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray content;        // the bytes exactly as received or pasted
    bool cut = false;          // the answer was not read to the end: content is its head
    qint64 receivedAtMs = 0;   // when it arrived; 0: at the snapshot's capturedAtMs
};

// A finding as history shows it without analysing again: what, how grave, where, and its title
// in both languages.
struct FindingRecord
{
    std::string rule;
    std::string variant;
    Severity severity = Severity::Info;
    std::size_t document = 0;
    std::string pointer;   // the most relevant JSON pointer in that document; "" for the whole
    LocalizedText title;
    std::size_t occurrences = 1;
};

// The words the history, the CLI's JSON and a bundle's manifest write for a kind and a key mode
// ("lookup", "paste", "file"; "test", "live", ""), and back (what is not one reads as Lookup,
// Unknown).
QString snapshotKindId(SnapshotKind kind);
SnapshotKind snapshotKindOf(const QString &id);
QString snapshotKeyModeId(SnapshotKeyMode mode);
SnapshotKeyMode snapshotKeyModeOf(const QString &id);

// The finding's record; its title is empty unless the finding was rendered (renderFinding).
FindingRecord findingRecord(const Finding &finding);

// The version of this build of PayTriage ("0.1.0").
QString currentToolVersion();

struct Snapshot
{
    SnapshotKind kind = SnapshotKind::Lookup;
    QString title;         // what the user typed or pasted under, or the file's name
    QString paymentKey;    // as far as known; empty otherwise
    QString orderId;
    QString status;        // the case's status as sent (DONE, WAITING_FOR_DEPOSIT, …); empty if none
    QString profile;       // merchant profile name; empty for texts and files
    QString mid;
    SnapshotKeyMode keyMode = SnapshotKeyMode::Unknown;
    qint64 capturedAtMs = 0;
    std::optional<qint64> asOfMs;  // analysed as of this time; none: as of capturedAtMs
    QString toolVersion = currentToolVersion();
    QString catalogVersion;
    std::vector<SnapshotBody> bodies;
    std::vector<FindingRecord> findings;  // in the analysis's order (most severe first)
};

// What identifies one payment across snapshots, for the diff: "paymentKey:…" when it is known,
// else "orderId:…", else "text:" and the SHA-256 of the first body as stored. A lookup by orderId
// whose payment never came back keys on the orderId, so it is not paired with the later
// snapshots that know the paymentKey.
QString caseKeyOf(const QString &paymentKey, const QString &orderId, const QByteArray &storedFirstBody);

struct BodyDigest
{
    QString sha256;        // of the content as stored, lower-case hex
    int maskedValues = 0;  // values masked in it: 0 means the content is exactly what was received
};

// A snapshot read back: as stored, so its bodies are masked and its headers filtered.
struct StoredSnapshot
{
    qint64 id = 0;
    QString caseKey;
    bool pinned = false;
    Snapshot snapshot;
    std::vector<BodyDigest> digests;  // one per body, in order
};

// Where a page of history starts: the last row of the page before (rows are ordered by
// capturedAtMs, then id, newest first).
struct HistoryCursor
{
    qint64 capturedAtMs = 0;
    qint64 id = 0;
};

// Every filter set is required (AND); empty strings and unset optionals do not filter.
struct HistoryQuery
{
    QString id;                          // an orderId or a paymentKey, exactly
    QString profile;
    QString mid;
    QString status;
    QString rule;                        // snapshots with at least one finding of this rule
    std::optional<Severity> atLeast;     // the worst finding at least this grave
    std::optional<qint64> fromMs;        // captured at or after
    std::optional<qint64> toMs;          // captured before
    int limit = 50;
    std::optional<HistoryCursor> after;  // the next page: rows older than this
};

// One row of the history list.
struct HistoryRow
{
    qint64 id = 0;
    QString caseKey;
    SnapshotKind kind = SnapshotKind::Lookup;
    QString title;
    QString paymentKey;
    QString orderId;
    QString status;
    QString profile;
    QString mid;
    SnapshotKeyMode keyMode = SnapshotKeyMode::Unknown;
    qint64 capturedAtMs = 0;
    bool pinned = false;
    int findingCount = 0;
    std::optional<FindingRecord> worst;  // the most severe finding (the first of equals)
};

struct HistoryPage
{
    std::vector<HistoryRow> rows;        // newest first
    std::optional<HistoryCursor> next;   // set when more rows may follow
};

} // namespace paytriage
