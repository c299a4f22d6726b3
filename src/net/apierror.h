#pragma once

#include <QString>

#include <string>

namespace paytriage {

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

    // One sentence in the UI language: what happened and what to do.
    QString describe() const;
    bool retryable() const;   // transient: worth trying again later
};

} // namespace paytriage
