#include "store/snapshot.h"

#include <QCryptographicHash>

namespace paytriage {

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
