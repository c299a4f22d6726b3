#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include "rules/finding.h"

#include <memory>
#include <string>

namespace paytriage {

// What came back when it could not be used (not JSON, cut short, over the size cap, a proxy's
// error page): kept so the user sees what arrived instead of a verdict alone.
struct ReceivedAnswer
{
    static constexpr qint64 kKeptBytes = qint64(1) << 20;  // of the body, the first MiB

    int status = 0;
    QString contentType;
    QList<QPair<QByteArray, QByteArray>> headers;  // as received, cookies left out
    QByteArray head;                               // the first kKeptBytes of the body
    qint64 size = 0;                               // bytes received
    bool cut = false;                              // the body was not read to the end

    // Status line, headers, a blank line and the body, as printable text (valid UTF-8 in a
    // QString; control characters shown as symbols), for the raw pane.
    QString text() const;
};

// Every way a request to the provider can fail, typed so the UI and the CLI can say what
// happened and what to do. Never carries the secret key.
struct ApiError
{
    enum class Kind {
        Http,            // the provider answered 4xx/5xx (code/message from its error body when it sent one)
        Timeout,         // no complete answer in time
        Tls,             // the certificate or TLS handshake failed (never ignored)
        Network,         // DNS, refused, reset, … (no HTTP answer)
        Redirect,        // redirected to another host: not followed, so the key is not sent there
        TooLarge,        // the body passed the response size cap
        InvalidResponse, // not JSON, wrong content type, or cut short
        Canceled,        // the user canceled
        Configuration    // a setting makes the request impossible (no key, http:// to a remote host, …)
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;       // 0 when there was no HTTP answer
    std::string code;         // Toss error code (NOT_FOUND_PAYMENT, …), when the body had one
    std::string message;      // the provider's message, as sent
    QString detail;           // what the transport said, for the curious (no secrets)
    int attempts = 1;
    bool list = false;        // the call read a list (transactions, settlements), not one object
    QString endpoint;         // "GET /v1/transactions" (ids included, never the key)
    std::shared_ptr<const ReceivedAnswer> received;  // when the answer came but was not usable

    // One sentence in the UI language: what happened and what to do.
    QString describe() const;
    bool retryable() const;   // transient: worth trying again later
    // How grave the failure is, one answer for the banner, the tab and the status bar: a payment
    // that is not there (404) or a transient fault is a warning; a setting that keeps every lookup
    // from working (a refused key, TLS, a redirect, something else answering) is critical; a
    // cancel is information.
    Severity severity() const;
};

} // namespace paytriage
