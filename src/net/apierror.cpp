#include "apierror.h"

#include "util/text.h"

#include <QCoreApplication>
#include <QLocale>

namespace paytriage {

QString ReceivedAnswer::text() const
{
    QString out = QStringLiteral("HTTP %1").arg(status);
    for (const auto &[name, value] : headers)
        out += QLatin1Char('\n') + QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value);
    out += QStringLiteral("\n\n");
    out += printable(QString::fromUtf8(head));
    if (cut || size > head.size())
        out += QLatin1Char('\n') + QCoreApplication::translate("paytriage::ApiError", "[… %1 bytes received, the first %2 shown%3]")
                   .arg(QLocale().toString(size), QLocale().toString(head.size()),
                        cut ? QCoreApplication::translate("paytriage::ApiError", "; the rest was not read") : QString());
    return out;
}

bool ApiError::retryable() const
{
    switch (kind) {
    case Kind::Timeout:
    case Kind::Network:
        return true;
    case Kind::Http:
        return httpStatus == 429 || httpStatus >= 500;
    default:
        return false;
    }
}

Severity ApiError::severity() const
{
    switch (kind) {
    case Kind::Canceled:
        return Severity::Info;
    case Kind::Http:
        return httpStatus == 401 || httpStatus == 403 ? Severity::Critical : Severity::Warning;
    case Kind::Timeout:
    case Kind::Network:
        return Severity::Warning;
    case Kind::TooLarge:
        return list ? Severity::Warning : Severity::Critical;  // a side list left out vs. the payment itself
    case Kind::Tls:
    case Kind::Redirect:
    case Kind::InvalidResponse:
    case Kind::Configuration:
        return Severity::Critical;
    }
    return Severity::Critical;
}

QString ApiError::describe() const
{
    const QString tries = attempts > 1 ? QCoreApplication::translate("paytriage::ApiError", " (after %1 attempts)").arg(attempts)
                                       : QString();
    switch (kind) {
    case Kind::Http:
        if (httpStatus == 401)
            return QCoreApplication::translate("paytriage::ApiError", "The provider did not accept the secret key (HTTP 401%1). Check the key of this profile: test "
                      "and live keys differ, and the key must be a secret key (…_sk_…), not a client key.")
                .arg(code.empty() ? QString() : QStringLiteral(", ") + QString::fromStdString(code));
        if (httpStatus == 429)
            return QCoreApplication::translate("paytriage::ApiError", "The provider is limiting requests (HTTP 429)%1. Wait a minute and try again, or lower the "
                      "request rate.").arg(tries);
        if (httpStatus >= 500)
            return QCoreApplication::translate("paytriage::ApiError", "The provider had an internal error (HTTP %1%2)%3. It is usually temporary: try again in a "
                      "few minutes; if it persists, check the provider's status page.")
                .arg(httpStatus)
                .arg(code.empty() ? QString() : QStringLiteral(", ") + QString::fromStdString(code))
                .arg(tries);
        if (!code.empty() && !message.empty())
            return QCoreApplication::translate("paytriage::ApiError", "The provider answered HTTP %1 with %2: %3").arg(httpStatus).arg(QString::fromStdString(code), QString::fromStdString(message));
        if (!code.empty())
            return QCoreApplication::translate("paytriage::ApiError", "The provider answered HTTP %1 with %2, without a message.").arg(httpStatus).arg(QString::fromStdString(code));
        return QCoreApplication::translate("paytriage::ApiError", "The provider answered HTTP %1 without an error code.").arg(httpStatus);
    case Kind::Timeout:
        return QCoreApplication::translate("paytriage::ApiError", "No complete answer arrived in time%1. The provider or the network is slow: try again, and for "
                  "long periods of transactions or settlements query a shorter range.").arg(tries);
    case Kind::Tls:
        return QCoreApplication::translate("paytriage::ApiError", "The secure connection failed (%1). PayTriage does not ignore certificate errors: check the "
                  "system clock, a proxy that intercepts TLS, or the base URL of the profile.").arg(detail);
    case Kind::Network:
        return QCoreApplication::translate("paytriage::ApiError", "The provider could not be reached (%1)%2. Check the network connection, a proxy or firewall, "
                  "and the base URL of the profile.").arg(detail, tries);
    case Kind::Redirect:
        return QCoreApplication::translate("paytriage::ApiError", "The provider redirected the request to another host; PayTriage did not follow it, so the secret "
                  "key was not sent there. Check the base URL of the profile.");
    case Kind::TooLarge:
        if (list)
            return QCoreApplication::translate("paytriage::ApiError", "The answer of %2 passed the size limit (%1) and was not read to the end: the merchant "
                      "has more records in the days around this payment than one lookup reads, so this list was left out; the other "
                      "sources are analysed without it.").arg(detail, endpoint);
        // One payment is a few kilobytes: something else answered.
        return QCoreApplication::translate("paytriage::ApiError", "The answer of %2 is larger than the limit (%1), far larger than one object ever is, and was "
                  "not read to the end. Something other than the API may be answering: its first bytes are in the raw pane; check "
                  "the base URL of the profile.").arg(detail, endpoint);
    case Kind::InvalidResponse:
        return QCoreApplication::translate("paytriage::ApiError", "The answer was not the JSON the API sends (%1). A proxy or captive portal may be in between; "
                  "try again and check the base URL.").arg(detail);
    case Kind::Canceled:
        return QCoreApplication::translate("paytriage::ApiError", "Canceled.");
    case Kind::Configuration:
        return detail;
    }
    return detail;
}

} // namespace paytriage
