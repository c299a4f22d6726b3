#include "sandboxfault.h"

#include <QCoreApplication>
#include <QStringList>

namespace paytriage {

namespace {

struct KindInfo
{
    FaultKind kind;
    const char *name;
    int maxParam;  // 0: takes no parameter
};

// Parameter ceilings keep a typo from tying a client up for hours or filling its disk.
constexpr KindInfo kinds[] = {
    {FaultKind::None, "none", 0},
    {FaultKind::Latency, "latency", 600000},
    {FaultKind::TooManyRequests, "429", 86400},
    {FaultKind::InternalError, "500", 0},
    {FaultKind::BadGateway, "502", 0},
    {FaultKind::Unavailable, "503", 86400},
    {FaultKind::Reset, "reset", 0},
    {FaultKind::Truncated, "truncated", 0},
    {FaultKind::InvalidJson, "invalid-json", 0},
    {FaultKind::WrongContentType, "wrong-content-type", 0},
    {FaultKind::Slow, "slow", 600000},
    {FaultKind::Oversized, "oversized", 4096},
    {FaultKind::GatewayError, "gateway-error", 0},
    {FaultKind::OddError, "odd-error", 0},
    {FaultKind::NullKey, "null-key", 1},
    {FaultKind::NotAPayment, "not-a-payment", 0},
    {FaultKind::NonObjectRecords, "non-object-records", 0},
    {FaultKind::IgnorePaging, "ignore-paging", 0},
    {FaultKind::NumericCursor, "numeric-cursor", 0},
    {FaultKind::RetryAfterDate, "retry-after-date", 86400},
    {FaultKind::RetryAfterHuge, "retry-after-huge", 0},
    {FaultKind::RedirectAway, "redirect-away", 0},
    {FaultKind::EscapeMessage, "escape-message", 0},
};

const KindInfo &infoOf(FaultKind kind)
{
    for (const KindInfo &info : kinds) {
        if (info.kind == kind)
            return info;
    }
    return kinds[0];
}

void fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

QString SandboxFault::toString() const
{
    QString text = QLatin1String(infoOf(kind).name);
    if (param >= 0)
        text += QLatin1Char(':') + QString::number(param);
    return text;
}

QStringList SandboxFault::kindNames()
{
    QStringList names;
    for (const KindInfo &info : kinds)
        names << QLatin1String(info.name);
    return names;
}

std::optional<SandboxFault> SandboxFault::parse(QStringView text, QString *error)
{
    const QStringView trimmed = text.trimmed();
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    const QStringView name = colon < 0 ? trimmed : trimmed.left(colon);
    for (const KindInfo &info : kinds) {
        if (name.compare(QLatin1String(info.name), Qt::CaseInsensitive) != 0)
            continue;
        SandboxFault fault{info.kind, -1};
        if (colon < 0)
            return fault;
        if (info.maxParam == 0) {
            fail(error, QCoreApplication::translate("paytriage::sandbox", "the fault \"%1\" takes no parameter").arg(name.toString()));
            return std::nullopt;
        }
        bool ok = false;
        const int value = trimmed.mid(colon + 1).toInt(&ok);
        if (!ok || value < 0 || value > info.maxParam) {
            fail(error, QCoreApplication::translate("paytriage::sandbox", "the parameter of \"%1\" must be a whole number from 0 to %2")
                            .arg(name.toString())
                            .arg(info.maxParam));
            return std::nullopt;
        }
        fault.param = value;
        return fault;
    }
    fail(error, QCoreApplication::translate("paytriage::sandbox", "unknown fault \"%1\"; known faults: %2")
                    .arg(name.toString(), kindNames().join(QLatin1String(", "))));
    return std::nullopt;
}

std::optional<std::vector<FaultRate>> parseFaultRates(QStringView spec, QString *error)
{
    std::vector<FaultRate> rates;
    double total = 0;
    for (QStringView item : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        item = item.trimmed();
        const qsizetype colon = item.lastIndexOf(QLatin1Char(':'));
        if (colon < 0) {
            fail(error, QCoreApplication::translate("paytriage::sandbox", "\"%1\" has no rate; write KIND[:PARAM]:RATE, e.g. 429:0.05").arg(item.toString()));
            return std::nullopt;
        }
        bool ok = false;
        const double probability = item.mid(colon + 1).toDouble(&ok);
        if (!ok || probability < 0 || probability > 1) {
            fail(error, QCoreApplication::translate("paytriage::sandbox", "the rate in \"%1\" must be a number from 0 to 1").arg(item.toString()));
            return std::nullopt;
        }
        const auto fault = SandboxFault::parse(item.left(colon), error);
        if (!fault)
            return std::nullopt;
        total += probability;
        rates.push_back({*fault, probability});
    }
    if (total > 1.0 + 1e-9) {
        fail(error, QCoreApplication::translate("paytriage::sandbox", "the fault rates add up to %1, more than 1").arg(total));
        return std::nullopt;
    }
    return rates;
}

} // namespace paytriage
