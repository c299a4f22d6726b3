#include "bundle.h"

#include "casereport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTimeZone>

#include <nlohmann/json.hpp>

namespace paytriage {
namespace {

class Words
{
    Q_DECLARE_TR_FUNCTIONS(paytriage::Bundle)
};

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

std::string iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs).toStdString();
}

qint64 msOf(const nlohmann::ordered_json &j, const char *key)
{
    if (!j.contains(key) || !j[key].is_string())
        return 0;
    const QDateTime t = QDateTime::fromString(QString::fromStdString(j[key].get<std::string>()), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QString text(const nlohmann::ordered_json &j, const char *key)
{
    return j.contains(key) && j[key].is_string() ? QString::fromStdString(j[key].get<std::string>()) : QString();
}

bool save(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = Words::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

bool writeBundle(const Snapshot &snapshot, std::optional<qint64> id, const QString &caseKey, const Catalog &catalog,
                 const CaseReportOptions &options, const QString &folder, QString *error)
{
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("."))) {
        *error = Words::tr("Cannot create the folder %1.").arg(folder);
        return false;
    }
    // The bodies as the report shows them (masked unless chosen otherwise): the files and the
    // report's appendix are the same bytes with the same hashes.
    const CaseReport report = buildCaseReport(snapshot, id, catalog, options);
    nlohmann::ordered_json manifest;
    manifest["bundle"] = "PayTriage case";
    manifest["toolVersion"] = (snapshot.toolVersion.isEmpty() ? currentToolVersion() : snapshot.toolVersion).toStdString();
    manifest["catalogVersion"] = snapshot.catalogVersion.toStdString();
    if (id)
        manifest["snapshot"] = *id;
    manifest["caseKey"] = caseKey.toStdString();
    manifest["kind"] = snapshotKindId(snapshot.kind).toStdString();
    manifest["title"] = snapshot.title.toStdString();
    manifest["orderId"] = snapshot.orderId.toStdString();
    manifest["paymentKey"] = snapshot.paymentKey.toStdString();
    manifest["status"] = snapshot.status.toStdString();
    manifest["capturedAt"] = iso(snapshot.capturedAtMs);
    if (snapshot.asOfMs)
        manifest["asOf"] = iso(*snapshot.asOfMs);
    manifest["profile"] = snapshot.profile.toStdString();
    manifest["mid"] = snapshot.mid.toStdString();
    manifest["keyMode"] = snapshotKeyModeId(snapshot.keyMode).toStdString();
    manifest["masked"] = report.masked;
    manifest["bodies"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < report.bodies.size(); ++i) {
        const SnapshotBody &b = snapshot.bodies[i];
        const ReportBody &shown = report.bodies[i];
        const QString name = QStringLiteral("%1-%2.txt").arg(i + 1, 2, 10, QLatin1Char('0')).arg(b.source);
        if (!save(dir.filePath(name), shown.content, error))
            return false;
        manifest["bodies"].push_back({{"file", name.toStdString()}, {"source", b.source.toStdString()},
                                      {"method", b.method.toStdString()}, {"path", b.path.toStdString()},
                                      {"status", b.status}, {"receivedAt", iso(shown.receivedAtMs)},
                                      {"sha256", shown.sha256.toStdString()}, {"maskedValues", shown.maskedValues}});
    }
    manifest["reports"] = nlohmann::ordered_json::array();
    for (const auto &[name, bytes] : {std::pair(QStringLiteral("report.md"), reportMarkdown(report).toUtf8()),
                                      std::pair(QStringLiteral("report.html"), reportHtml(report).toUtf8())}) {
        if (!save(dir.filePath(name), bytes, error))
            return false;
        manifest["reports"].push_back({{"file", name.toStdString()}, {"sha256", sha256(bytes).toStdString()}});
    }
    manifest["findings"] = nlohmann::ordered_json::array();
    for (const FindingRecord &f : snapshot.findings)
        manifest["findings"].push_back({{"rule", f.rule}, {"severity", static_cast<int>(f.severity)}, {"pointer", f.pointer},
                                        {"title", {{"en", f.title.in(Language::English)}, {"ko", f.title.in(Language::Korean)}}}});
    return save(dir.filePath(QStringLiteral("manifest.json")), QByteArray::fromStdString(manifest.dump(2) + "\n"), error);
}

BundleCheck readBundle(const QString &folder)
{
    BundleCheck check;
    const QDir dir(folder);
    QFile file(dir.filePath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::ReadOnly)) {
        check.problems << Words::tr("%1 holds no manifest.json: it is not a PayTriage case bundle.").arg(folder);
        return check;
    }
    const QByteArray bytes = file.read(16 << 20);
    const nlohmann::ordered_json manifest = nlohmann::ordered_json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (!manifest.is_object() || !manifest.contains("bodies") || !manifest["bodies"].is_array()) {
        check.problems << Words::tr("The manifest.json of %1 is not a PayTriage case bundle's.").arg(folder);
        return check;
    }
    check.readable = true;
    // A file named by the manifest must be in the folder itself, and be what the manifest says.
    const auto verify = [&](const nlohmann::ordered_json &entry, QByteArray *content) {
        const QString name = text(entry, "file");
        if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) || name.startsWith(QLatin1Char('.'))) {
            check.problems << Words::tr("The manifest names a file outside the bundle: %1").arg(name);
            return false;
        }
        check.files << name;
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly)) {
            check.problems << Words::tr("%1 is missing.").arg(name);
            return false;
        }
        *content = f.readAll();
        if (sha256(*content) != text(entry, "sha256")) {
            check.problems << Words::tr("%1 was changed since the bundle was made: its SHA-256 is not the manifest's.").arg(name);
            return false;
        }
        return true;
    };
    Snapshot &s = check.snapshot.snapshot;
    for (const auto &entry : manifest["bodies"]) {
        QByteArray content;
        verify(entry, &content);
        SnapshotBody body;
        body.source = text(entry, "source");
        body.method = text(entry, "method");
        body.path = text(entry, "path");
        body.status = entry.contains("status") && entry["status"].is_number_integer() ? entry["status"].get<int>() : 0;
        body.receivedAtMs = msOf(entry, "receivedAt");
        body.content = content;
        s.bodies.push_back(std::move(body));
    }
    if (manifest.contains("reports") && manifest["reports"].is_array())
        for (const auto &entry : manifest["reports"]) {
            QByteArray content;
            verify(entry, &content);
        }
    check.snapshot.id = manifest.contains("snapshot") && manifest["snapshot"].is_number_integer() ? manifest["snapshot"].get<qint64>() : 0;
    check.snapshot.caseKey = text(manifest, "caseKey");
    s.kind = snapshotKindOf(text(manifest, "kind"));
    s.title = text(manifest, "title");
    s.orderId = text(manifest, "orderId");
    s.paymentKey = text(manifest, "paymentKey");
    s.status = text(manifest, "status");
    s.profile = text(manifest, "profile");
    s.mid = text(manifest, "mid");
    s.keyMode = snapshotKeyModeOf(text(manifest, "keyMode"));
    s.capturedAtMs = msOf(manifest, "capturedAt");
    if (const qint64 asOf = msOf(manifest, "asOf"))
        s.asOfMs = asOf;
    s.toolVersion = text(manifest, "toolVersion");
    s.catalogVersion = text(manifest, "catalogVersion");
    return check;
}

} // namespace paytriage
