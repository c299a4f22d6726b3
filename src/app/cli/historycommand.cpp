#include "historycommand.h"

#include "netoptions.h"
#include "output.h"

#include "report/casediff.h"
#include "store/evidencestore.h"
#include "store/snapshotcase.h"
#include "casereport/bundle.h"
#include "casereport/casereport.h"
#include "util/clock.h"
#include "util/timestamp.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QTimeZone>

#include <nlohmann/json.hpp>

namespace paytriage::cli {
namespace {

QString tr(const char *source, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("paytriage::cli", source, disambiguation, n);
}

QString kst(qint64 ms)
{
    return QString::fromStdString(formatKstSeconds(ms));
}

std::optional<qint64> timeOption(const QCommandLineParser &parser, const char *name, bool *bad)
{
    if (!parser.isSet(QString::fromLatin1(name)))
        return std::nullopt;
    const QString text = parser.value(QString::fromLatin1(name));
    if (const auto t = parseTimestamp(text.toStdString()))
        return t->msSinceEpoch;
    err(tr("Cannot read the time \"%1\": write it like 2025-04-02T08:50:00+09:00 or 2025-04-02.").arg(text));
    *bad = true;
    return std::nullopt;
}

// A stored snapshot read back and analysed as of when it was captured (store/snapshotcase).
struct Reread
{
    std::vector<Document> documents;
    Analysis analysis;
};

Reread reread(const StoredSnapshot &stored, const Catalog &catalog)
{
    Reread r;
    Case kase = caseOfSnapshot(stored.snapshot);
    const FixedClock clock(analysedAsOf(stored.snapshot));
    r.analysis = Analyzer(catalog, clock).analyze(kase);
    r.documents = std::move(kase.documents);
    return r;
}

int list(const QCommandLineParser &parser, EvidenceStore &store, Language language)
{
    HistoryQuery query;
    query.id = parser.value(QStringLiteral("id"));
    query.profile = parser.value(QStringLiteral("profile"));
    query.status = parser.value(QStringLiteral("status"));
    query.rule = parser.value(QStringLiteral("rule"));
    bool bad = false;
    query.fromMs = timeOption(parser, "from", &bad);
    query.toMs = timeOption(parser, "to", &bad);
    if (bad)
        return ExitFailed;
    query.limit = parser.isSet(QStringLiteral("limit")) ? std::max(1, parser.value(QStringLiteral("limit")).toInt()) : 50;
    auto page = store.search(query);
    if (const auto *error = std::get_if<StoreError>(&page)) {
        err(error->message());
        return ExitFailed;
    }
    const HistoryPage &rows = std::get<HistoryPage>(page);
    if (wantsJson(parser)) {
        nlohmann::ordered_json json = nlohmann::ordered_json::array();
        for (const HistoryRow &row : rows.rows) {
            nlohmann::ordered_json r;
            r["id"] = row.id;
            r["kind"] = snapshotKindId(row.kind).toStdString();
            r["capturedAt"] = QDateTime::fromMSecsSinceEpoch(row.capturedAtMs, QTimeZone::utc()).toString(Qt::ISODateWithMs).toStdString();
            r["orderId"] = row.orderId.toStdString();
            r["paymentKey"] = row.paymentKey.toStdString();
            r["status"] = row.status.toStdString();
            r["profile"] = row.profile.toStdString();
            r["mid"] = row.mid.toStdString();
            r["keyMode"] = snapshotKeyModeId(row.keyMode).toStdString();
            r["findings"] = row.findingCount;
            r["worstRule"] = row.worst ? row.worst->rule : std::string();
            r["pinned"] = row.pinned;
            json.push_back(std::move(r));
        }
        out(json.dump(2) + "\n");
        return ExitClean;
    }
    if (rows.rows.empty()) {
        out(tr("No snapshots match in %1.").arg(store.location().displayName()).toStdString() + "\n");
        return ExitClean;
    }
    for (const HistoryRow &row : rows.rows) {
        const QString id = !row.orderId.isEmpty() ? row.orderId : !row.paymentKey.isEmpty() ? row.paymentKey : row.title;
        QString worst = row.worst ? row.worst->title.qIn(language) : QString();
        if (worst.isEmpty() && row.worst)
            worst = QString::fromStdString(row.worst->rule);
        out(QStringLiteral("#%1  %2  %3  %4  %5  %6%7\n")
                .arg(row.id)
                .arg(kst(row.capturedAtMs), snapshotKindId(row.kind), id, row.status.isEmpty() ? QStringLiteral("-") : row.status,
                     row.profile.isEmpty() ? QStringLiteral("-") : row.profile,
                     worst.isEmpty() ? QString() : QStringLiteral("  ") + tr("%n finding(s), worst: %1", nullptr, row.findingCount).arg(worst))
                .toStdString());
    }
    if (rows.next)
        out(tr("More are older: narrow the search or raise --limit.").toStdString() + "\n");
    return ExitClean;
}

} // namespace

std::optional<StoredSnapshot> fetchSnapshot(EvidenceStore &store, const QString &idText)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok) {
        err(tr("\"%1\" is not a snapshot number: history list shows them (#12).").arg(idText));
        return std::nullopt;
    }
    auto found = store.snapshot(id);
    if (const auto *error = std::get_if<StoreError>(&found)) {
        err(error->message());
        return std::nullopt;
    }
    auto &snapshot = std::get<std::optional<StoredSnapshot>>(found);
    if (!snapshot)
        err(tr("There is no snapshot #%1 in %2 (never kept, or pruned).").arg(id).arg(store.location().displayName()));
    return std::move(snapshot);
}

namespace {

int show(const QCommandLineParser &parser, EvidenceStore &store, const QString &idText, Language language)
{
    const auto stored = fetchSnapshot(store, idText);
    if (!stored)
        return ExitFailed;
    const Snapshot &s = stored->snapshot;
    if (wantsJson(parser)) {
        nlohmann::ordered_json json;
        json["id"] = stored->id;
        json["caseKey"] = stored->caseKey.toStdString();
        json["kind"] = snapshotKindId(s.kind).toStdString();
        json["capturedAt"] = QDateTime::fromMSecsSinceEpoch(s.capturedAtMs, QTimeZone::utc()).toString(Qt::ISODateWithMs).toStdString();
        json["profile"] = s.profile.toStdString();
        json["mid"] = s.mid.toStdString();
        json["keyMode"] = snapshotKeyModeId(s.keyMode).toStdString();
        json["toolVersion"] = s.toolVersion.toStdString();
        json["catalogVersion"] = s.catalogVersion.toStdString();
        for (std::size_t i = 0; i < s.bodies.size(); ++i) {
            const SnapshotBody &b = s.bodies[i];
            json["bodies"].push_back({{"source", b.source.toStdString()}, {"method", b.method.toStdString()}, {"path", b.path.toStdString()},
                                      {"status", b.status}, {"sha256", stored->digests[i].sha256.toStdString()},
                                      {"maskedValues", stored->digests[i].maskedValues}, {"bytes", b.content.size()}});
        }
        for (const FindingRecord &f : s.findings)
            json["findings"].push_back({{"rule", f.rule}, {"severity", static_cast<int>(f.severity)}, {"pointer", f.pointer},
                                        {"title", f.title.in(language)}});
        out(json.dump(2) + "\n");
        return ExitClean;
    }
    out(tr("Snapshot #%1 (%2), captured %3").arg(stored->id).arg(snapshotKindId(s.kind), kst(s.capturedAtMs)).toStdString() + "\n");
    if (!s.profile.isEmpty())
        out(QStringLiteral("  %1 · MID %2 · %3\n").arg(s.profile, s.mid, snapshotKeyModeId(s.keyMode).toUpper()).toStdString());
    out(tr("  ids: orderId %1, paymentKey %2, status %3").arg(s.orderId, s.paymentKey, s.status).toStdString() + "\n");
    out(tr("  kept by PayTriage %1, judged by catalog %2").arg(s.toolVersion, s.catalogVersion.isEmpty() ? tr("(not recorded)") : s.catalogVersion).toStdString()
        + "\n");
    for (std::size_t i = 0; i < s.bodies.size(); ++i) {
        const SnapshotBody &b = s.bodies[i];
        out(QStringLiteral("  [%1] %2 %3 %4 · %5 bytes · sha256 %6%7\n")
                .arg(i + 1)
                .arg(b.method.isEmpty() ? b.source : b.method, b.path, b.status ? QString::number(b.status) : QString())
                .arg(b.content.size())
                .arg(stored->digests[i].sha256,
                     stored->digests[i].maskedValues ? QStringLiteral(" · ") + tr("%n value(s) masked", nullptr, stored->digests[i].maskedValues)
                                                     : QString())
                .toStdString());
    }
    for (const FindingRecord &f : s.findings)
        out(QStringLiteral("  %1  %2  %3\n").arg(severityName(f.severity), QString::fromStdString(f.rule), f.title.qIn(language)).toStdString());
    return ExitClean;
}

// The snapshot as a case bundle (casereport/bundle): each body as stored, the report as
// Markdown and HTML, and manifest.json with every file's SHA-256, the provenance and the findings.
int exportTo(EvidenceStore &store, const QString &idText, const QString &folder, Language language)
{
    const auto stored = fetchSnapshot(store, idText);
    if (!stored)
        return ExitFailed;
    if (folder.isEmpty()) {
        err(tr("Name the folder to write to with --out."));
        return ExitFailed;
    }
    CaseReportOptions options;
    options.language = language;
    QString error;
    if (!writeBundle(stored->snapshot, stored->id, stored->caseKey, loadCatalog(), options, folder, &error)) {
        err(error);
        return ExitFailed;
    }
    out(tr("Snapshot #%1 written to %2 (%n file(s), the report and manifest.json).", nullptr, int(stored->snapshot.bodies.size()))
            .arg(stored->id)
            .arg(QDir(folder).absolutePath())
            .toStdString()
        + "\n");
    return ExitClean;
}

// A bundle checked file by file against its manifest.
int verify(const QString &folder)
{
    const BundleCheck check = readBundle(folder);
    for (const QString &problem : check.problems)
        err(problem);
    if (!check.verified())
        return ExitFailed;
    const Snapshot &s = check.snapshot.snapshot;
    out(tr("Verified: %1 files match the manifest of %2 (%3, captured %4).")
            .arg(check.files.size())
            .arg(check.snapshot.id ? QStringLiteral("#%1").arg(check.snapshot.id) : s.title,
                 !s.orderId.isEmpty() ? s.orderId : s.paymentKey, kst(s.capturedAtMs))
            .toStdString()
        + "\n");
    return ExitClean;
}

int diff(EvidenceStore &store, const QString &older, const QString &newer, Language language)
{
    const auto before = fetchSnapshot(store, older);
    const auto after = before ? fetchSnapshot(store, newer) : std::nullopt;
    if (!before || !after)
        return ExitFailed;
    const Catalog catalog = loadCatalog();
    const Reread was = reread(*before, catalog);
    const Reread now = reread(*after, catalog);
    const CaseDiff d = diffCases(was.documents, was.analysis, now.documents, now.analysis);
    out(tr("#%1 (%2) → #%3 (%4)").arg(before->id).arg(kst(before->snapshot.capturedAtMs)).arg(after->id).arg(kst(after->snapshot.capturedAtMs)).toStdString()
        + "\n");
    if (before->caseKey != after->caseKey)
        out(tr("  (not the same payment: %1 and %2)").arg(before->caseKey, after->caseKey).toStdString() + "\n");
    if (d.empty()) {
        out(tr("  nothing changed").toStdString() + "\n");
        return ExitClean;
    }
    static const char *kinds[] = {"changed", "filled", "emptied", "added", "removed"};
    for (const FieldChange &c : d.fields)
        out("  " + std::string(kinds[static_cast<int>(c.kind)]) + ' ' + c.pointer + ": "
            + (c.kind == FieldChange::Kind::Added ? std::string("-") : c.before.dump()) + " → "
            + (c.kind == FieldChange::Kind::Removed ? std::string("-") : c.after.dump()) + "\n");
    if (d.transactionsBefore != d.transactionsAfter)
        out(tr("  transactions: %1 → %2").arg(d.transactionsBefore).arg(d.transactionsAfter).toStdString() + "\n");
    if (d.settlementsBefore != d.settlementsAfter)
        out(tr("  settlement rows: %1 → %2").arg(d.settlementsBefore).arg(d.settlementsAfter).toStdString() + "\n");
    for (const Finding *f : d.cleared)
        out(tr("  cleared: %1").arg(f->title.qIn(language)).toStdString() + "\n");
    for (const Finding *f : d.appeared)
        out(tr("  new: %1").arg(f->title.qIn(language)).toStdString() + "\n");
    return ExitClean;
}

} // namespace

std::optional<StoreLocation> chosenStore(const QString &given)
{
    QString text = given;
    if (text.isEmpty())
        text = qEnvironmentVariable("PAYTRIAGE_STORE");
    if (text.isEmpty())
        text = defaultStorePath();
    auto location = StoreLocation::parse(text);
    if (const auto *error = std::get_if<StoreError>(&location)) {
        err(error->message());
        return std::nullopt;
    }
    return std::get<StoreLocation>(location);
}

std::unique_ptr<EvidenceStore> openChosenStore(const QString &given)
{
    auto location = chosenStore(given);
    if (!location)
        return nullptr;
    // A team server's password from the keychain, where the console's Settings put it; else
    // libpq's ~/.pgpass.
    if (location->backend == StoreLocation::Backend::PostgreSQL && location->password.isEmpty())
        location->password = keychainSecret(location->secretName());
    auto opened = EvidenceStore::open(*location);
    if (const auto *error = std::get_if<StoreError>(&opened)) {
        err(error->message());
        return nullptr;
    }
    return std::move(std::get<std::unique_ptr<EvidenceStore>>(opened));
}

bool keepSnapshot(EvidenceStore &store, const Snapshot &snapshot)
{
    auto added = store.add(snapshot);
    if (const auto *error = std::get_if<StoreError>(&added)) {
        err(error->message());
        return false;
    }
    err(tr("%1: kept as snapshot #%2 in %3").arg(snapshot.title).arg(std::get<qint64>(added)).arg(store.location().displayName()));
    return true;
}

void addRecordOptions(QCommandLineParser &parser, const QString &what)
{
    parser.addOption({QStringLiteral("record"), what});
    parser.addOption({QStringLiteral("store"), tr("The history --record writes to (default: PAYTRIAGE_STORE, else the console's own)."),
                      QStringLiteral("location")});
}

bool recordText(const QString &given, bool file, const QString &title, const std::string &text, const CaseFacts &facts,
                const Analysis &analysis, std::optional<std::int64_t> asOf)
{
    const auto store = openChosenStore(given);
    if (!store)
        return false;
    Snapshot snapshot;
    snapshot.kind = file ? SnapshotKind::File : SnapshotKind::Paste;
    snapshot.title = title;
    snapshot.paymentKey = QString::fromStdString(facts.paymentKey);
    snapshot.orderId = QString::fromStdString(facts.orderId);
    snapshot.status = QString::fromStdString(facts.status);
    snapshot.capturedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (asOf)
        snapshot.asOfMs = *asOf;
    SnapshotBody body;
    body.source = file ? QStringLiteral("file") : QStringLiteral("text");
    body.path = file ? title : QString();
    body.content = QByteArray::fromStdString(text);
    snapshot.bodies.push_back(std::move(body));
    for (const Finding &f : analysis.findings)
        snapshot.findings.push_back(findingRecord(f));
    snapshot.catalogVersion = analysis.catalogVersion;
    return keepSnapshot(*store, snapshot);
}

int runHistory(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The evidence history: every snapshot kept (a lookup's answers as received, a paste, a file), "
           "newest first.\n  history [list]      search it\n  history show ID     one snapshot: its bodies "
           "(with SHA-256), provenance and findings\n  history diff OLD NEW what changed between two snapshots of "
           "a payment\n  history export ID   a case bundle: its bodies as stored, the report and manifest.json, into "
           "--out FOLDER\n  history verify FOLDER every file of a bundle against its manifest"));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("store"),
                      tr("The history: an SQLite file, or postgresql://user@host:port/db?sslmode=… (its password from the "
                         "keychain, as the console's Settings store it, else ~/.pgpass; never the command line). Default: "
                         "PAYTRIAGE_STORE, else the console's own file."),
                      QStringLiteral("location")});
    parser.addOption({QStringLiteral("id"), tr("Only this orderId or paymentKey."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("profile"), tr("Only this merchant profile."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("status"), tr("Only this status (DONE, WAITING_FOR_DEPOSIT, …)."), QStringLiteral("status")});
    parser.addOption({QStringLiteral("rule"), tr("Only snapshots with a finding of this rule."), QStringLiteral("rule")});
    parser.addOption({QStringLiteral("from"), tr("Captured at or after this time."), QStringLiteral("time")});
    parser.addOption({QStringLiteral("to"), tr("Captured before this time."), QStringLiteral("time")});
    parser.addOption({QStringLiteral("limit"), tr("How many rows (50)."), QStringLiteral("n")});
    parser.addOption({QStringLiteral("out"), tr("export: the folder to write the case bundle to."),
                      QStringLiteral("folder")});
    parser.addPositionalArgument(QStringLiteral("action"),
                                 tr("list (the default), show ID, diff OLD NEW, export ID --out FOLDER or verify FOLDER."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const Language language = chosenLanguage(parser);
    QStringList positional = parser.positionalArguments();
    const QString action = positional.isEmpty() ? QStringLiteral("list") : positional.takeFirst();
    const bool known = (action == QLatin1String("list") && positional.isEmpty())
                       || (action == QLatin1String("show") && positional.size() == 1)
                       || (action == QLatin1String("diff") && positional.size() == 2)
                       || (action == QLatin1String("export") && positional.size() == 1)
                       || (action == QLatin1String("verify") && positional.size() == 1);
    if (!known) {
        err(tr("Use: history [list], history show ID, history diff OLD NEW, history export ID --out FOLDER or history "
               "verify FOLDER. See paytriage-cli history --help."));
        return ExitFailed;
    }
    if (action == QLatin1String("verify"))
        return verify(positional.at(0));
    const auto opened = openChosenStore(parser.value(QStringLiteral("store")));
    if (!opened)
        return ExitFailed;
    EvidenceStore &store = *opened;
    if (action == QLatin1String("show"))
        return show(parser, store, positional.at(0), language);
    if (action == QLatin1String("diff"))
        return diff(store, positional.at(0), positional.at(1), language);
    if (action == QLatin1String("export"))
        return exportTo(store, positional.at(0), parser.value(QStringLiteral("out")), language);
    return list(parser, store, language);
}

} // namespace paytriage::cli
