#pragma once

// What the sandbox does wrong on purpose. A fault is chosen per request (header
// "X-Sandbox-Fault: KIND[:PARAM]"), per scenario (an orderId or paymentKey mapped to a fault), or
// at default rates ("429:0.05,reset:0.01"), so a client's retry, timeout and size limits can be
// exercised against the same data the healthy paths serve.

#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace paytriage {

enum class FaultKind {
    None,              // "none": no fault, even where a scenario or a rate would choose one
    Latency,           // "latency:MS": the normal answer, MS milliseconds late (default 1000)
    TooManyRequests,   // "429[:SECONDS]": 429 with Retry-After: SECONDS (default 1)
    InternalError,     // "500"
    BadGateway,        // "502"
    Unavailable,       // "503[:SECONDS]": Retry-After only when SECONDS is given
    Reset,             // "reset": the connection is aborted, no byte of a response
    Truncated,         // "truncated": Content-Length promises more than is sent, then close
    InvalidJson,       // "invalid-json": 200 and application/json, but the body does not parse
    WrongContentType,  // "wrong-content-type": an HTML page (what a proxy in the way sends)
    Slow,              // "slow[:MS]": the normal answer trickled in small pieces over MS (default 2000)
    Oversized,         // "oversized[:MIB]": a valid JSON array of at least MIB MiB (default 64), streamed
    // What a hostile or merely unusual server (a gateway, a WAF, a broken proxy) sends:
    GatewayError,      // "gateway-error": 404 with {"code": 404, "message": "Not Found"} (a numeric code)
    OddError,          // "odd-error": 400 whose code is null and message an object, and a nested error of numbers
    NullKey,           // "null-key[:1]": the payment with paymentKey null (1: a number instead)
    NotAPayment,       // "not-a-payment": 200 and JSON, but {"ok": true} where a payment or list belongs
    NonObjectRecords,  // "non-object-records": a list whose records are interleaved with null, 42, "x" and []
    IgnorePaging,      // "ignore-paging": startingAfter and page are ignored: every page is the first
    NumericCursor,     // "numeric-cursor": transactions whose transactionKey is a number
    RetryAfterDate,    // "retry-after-date[:SECONDS]": 503 with Retry-After as an HTTP-date SECONDS ahead (default 1)
    RetryAfterHuge,    // "retry-after-huge": 429 with Retry-After: 2147484 (past int milliseconds)
    RedirectAway,      // "redirect-away": 302 to another origin
    EscapeMessage,     // "escape-message": 400 whose message holds terminal escape sequences
};

struct SandboxFault
{
    FaultKind kind = FaultKind::None;
    int param = -1;  // -1: the kind's default

    int paramOr(int fallback) const { return param >= 0 ? param : fallback; }
    bool isNone() const { return kind == FaultKind::None; }

    // "429:3", "reset", … — the header syntax, accepted back by parse().
    QString toString() const;

    // KIND[:PARAM]; nullopt with a message in *error (translated) when the text is not one.
    static std::optional<SandboxFault> parse(QStringView text, QString *error = nullptr);
    // Every kind's name, for help texts and error messages.
    static QStringList kindNames();

    friend bool operator==(const SandboxFault &, const SandboxFault &) = default;
};

struct FaultRate
{
    SandboxFault fault;
    double probability = 0;  // 0..1; the rates of one plan add up to at most 1
};

// "429:0.05,reset:0.01,latency:300:0.1": KIND[:PARAM]:RATE, comma separated. The last colon
// separates the rate, so a fault with a parameter has two colons.
std::optional<std::vector<FaultRate>> parseFaultRates(QStringView spec, QString *error = nullptr);

} // namespace paytriage
