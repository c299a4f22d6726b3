#include "store/snapshot.h"

#include <QCryptographicHash>

namespace paytriage {

QString snapshotKindId(SnapshotKind kind)
{
    switch (kind) {
    case SnapshotKind::Lookup: return QStringLiteral("lookup");
    case SnapshotKind::Paste: return QStringLiteral("paste");
    case SnapshotKind::File: return QStringLiteral("file");
    }
    return QStringLiteral("lookup");
}

SnapshotKind snapshotKindOf(const QString &id)
{
    if (id == QLatin1String("paste"))
        return SnapshotKind::Paste;
    if (id == QLatin1String("file"))
        return SnapshotKind::File;
    return SnapshotKind::Lookup;
}

QString snapshotKeyModeId(SnapshotKeyMode mode)
{
    switch (mode) {
    case SnapshotKeyMode::Test: return QStringLiteral("test");
    case SnapshotKeyMode::Live: return QStringLiteral("live");
    case SnapshotKeyMode::Unknown: break;
    }
    return QStringLiteral("");
}

SnapshotKeyMode snapshotKeyModeOf(const QString &id)
{
    if (id == QLatin1String("test"))
        return SnapshotKeyMode::Test;
    if (id == QLatin1String("live"))
        return SnapshotKeyMode::Live;
    return SnapshotKeyMode::Unknown;
}

FindingRecord findingRecord(const Finding &finding)
{
    FindingRecord record;
    record.rule = finding.rule;
    record.variant = finding.variant;
    record.severity = finding.severity;
    record.document = finding.document;
    record.pointer = finding.pointers.empty() ? std::string() : finding.pointers.front();
    record.title = finding.title;
    record.occurrences = finding.occurrences;
    return record;
}

QString currentToolVersion()
{
    return QStringLiteral(PAYTRIAGE_VERSION);
}

QString caseKeyOf(const QString &paymentKey, const QString &orderId, const QByteArray &storedFirstBody)
{
    if (!paymentKey.isEmpty())
        return QStringLiteral("paymentKey:") + paymentKey;
    if (!orderId.isEmpty())
        return QStringLiteral("orderId:") + orderId;
    return QStringLiteral("text:")
        + QString::fromLatin1(QCryptographicHash::hash(storedFirstBody, QCryptographicHash::Sha256).toHex());
}

} // namespace paytriage
