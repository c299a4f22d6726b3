#pragma once

// Read-only client of the Toss Payments core API and the Apps-in-Toss order-status API.
// Only idempotent reads exist here: nothing that moves money can be called through it.

#include "net/apierror.h"

#include "util/text.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace paytriage {

using Json = nlohmann::ordered_json;

struct ClientConfig
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.tosspayments.com"));
    QString secretKey;                 // test_sk_…/live_sk_…: sent as Basic auth, never logged
    QString apiVersion;                // TossPayments-API-Version header when set
    Language language = Language::Korean;  // Accept-Language: ko-KR or en-US
    QList<QPair<QByteArray, QByteArray>> extraHeaders;  // e.g. TossPayments-Test-Code on test keys

    int timeoutMs = 15000;             // one attempt of a single-object read
    int listTimeoutMs = 65000;         // transactions/settlements may take up to 60 s (facts §1)
    int maxAttempts = 4;               // first try included
    int retryBudgetMs = 30000;         // total waiting between retries, Retry-After included
    int backoffBaseMs = 250;           // exponential: base × 2^n with full jitter
    qint64 maxResponseBytes = qint64(64) * 1024 * 1024;   // one answer
    // One list call, every page together (its records, and its pages as kept in
    // ApiResponse::answers): a server that ignores the paging (the same page again and again, a
    // full page forever) stops here with an error that says which limit it hit.
    qint64 maxListRecords = 2'000'000;
    qint64 maxListBytes = qint64(1024) * 1024 * 1024;

    // Apps-in-Toss (in-app order status): its own host, authenticated by an mTLS client
    // certificate instead of the secret key, which is never sent there (facts §7.1).
    QUrl appsInTossBaseUrl = QUrl(QStringLiteral("https://apps-in-toss-api.toss.im"));
    QString clientCertificatePath;     // PEM: the certificate, optionally followed by its chain
    QString clientKeyPath;             // PEM: its private key, unencrypted

    // https everywhere except loopback; a reason when this config cannot be used.
    std::optional<QString> problem() const;
    // The same for Apps-in-Toss calls: its URL, and the certificate and key (readable, valid PEM,
    // a pair, not expired). Both are required except on loopback (the sandbox).
    std::optional<QString> appsInTossProblem() const;
};

// Retry-After in either form RFC 9110 allows: delay-seconds, or an HTTP-date (IMF-fixdate
// "Tue, 01 Dec 2026 22:40:33 GMT", the obsolete RFC 850 and asctime forms too), as milliseconds
// from now (never negative); nullopt when absent or unreadable. 64-bit: a value past the retry
// budget is read as such, not wrapped.
std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);

// One HTTP answer as it arrived, without the network object: what readAnswer() decides from.
struct Answer
{
    int status = 0;                   // 0 when no HTTP answer came
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    QString contentType;
    QByteArray bytes;
    qint64 promisedBytes = -1;        // Content-Length, -1 when absent
    QByteArray location;              // of a redirect
    QByteArray retryAfter;
    bool timedOut = false;
    bool tooLarge = false;            // the body passed maxBytes and was not read
    bool list = false;                // a list call: the body must be an array
    qint64 maxBytes = 0;
    int timeoutMs = 0;
};

struct AnswerReading
{
    enum class Outcome {
        Body,            // usable JSON: body holds it
        Error,           // error says what; body holds an error object the server sent, if any
        RetryableError   // the same, worth another attempt (after retryAfterMs when given)
    };
    Outcome outcome = Outcome::Error;
    ApiError error;
    std::optional<Json> body;
    std::optional<qint64> retryAfterMs;
};

// What an answer means, read by type from whatever the server sent (tested and fuzzed on its
// own: tests/fuzz). Never throws on any input.
AnswerReading readAnswer(const Answer &answer, const QDateTime &now);

// The problem with an id as one path segment of a lookup ("", ".", ".." or control characters), or
// nullopt.
std::optional<QString> idProblem(const QString &id);

// localhost, 127.0.0.0/8, ::1: the only hosts plain http:// may reach.
bool isLoopbackHost(const QString &host);

// One HTTP answer that a successful read used, as it arrived: what the evidence history keeps of
// a lookup. Only the attempt that was used, never a failed try before it; always whole, since an
// answer cut short or past ClientConfig::maxResponseBytes is no success.
struct RawAnswer
{
    QString method;        // "GET"; "POST" for the in-app order status (a read that sends its id in the body)
    QString path;          // "/v1/transactions?startDate=…&limit=…": path and query as sent, without the base
                           // URL; the key is a header, never in it
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;  // as received, cookies left out (as ReceivedAnswer's)
    // The body byte for byte as received, never re-serialised; a content coding (gzip, br, …) is
    // already undone by Qt, while headers still name it.
    QByteArray content;
    qint64 receivedAtMs = 0;  // when it arrived, ms since the epoch (UTC)
};

struct ApiResponse
{
    std::optional<Json> body;          // the decoded JSON on success
    // On success, every answer the read used, in order: one for an object, each page for a list.
    // On a failure the server answered (an HTTP error, a body that is not JSON), the pages before
    // it and that answer, when it came whole; empty when nothing came (network, timeout, TLS) or
    // the body passed the size cap (its head is in ApiError::received).
    std::vector<RawAnswer> answers;
    std::optional<ApiError> error;
    int httpStatus = 0;
    QString endpoint;                  // "GET /v1/payments/…" (ids included, never the key)
    int attempts = 0;
    int pages = 0;                     // for lists: pages followed

    bool ok() const { return !error.has_value(); }
};

// One read, possibly several HTTP requests (retries, pages). Emits finished exactly once,
// also after cancel(). Deletes itself later once finished.
class ApiCall final : public QObject
{
    Q_OBJECT

public:
    void cancel();
    const QString &endpoint() const { return m_endpoint; }

signals:
    void progress(int pages, qint64 records);
    // A transient failure is tried again: attempt (the one coming) of maxAttempts, after waitMs;
    // retryAfter when the server's Retry-After set the wait.
    void retrying(int attempt, int maxAttempts, qint64 waitMs, bool retryAfter);
    void finished(const paytriage::ApiResponse &response);

private:
    friend class TossClient;
    enum class Paging {
        None,
        Cursor,   // transactions: startingAfter = last transactionKey
        Page      // settlements: page = 1, 2, …
    };

    ApiCall(QNetworkAccessManager *network, const ClientConfig &config, QObject *parent);
    void start();
    void sendAttempt();
    void onReplyFinished();
    void onTimeout();
    void finish(ApiResponse response);
    void finishWithError(ApiError error);
    bool scheduleRetry(const ApiError &error, std::optional<qint64> retryAfterMs = std::nullopt);
    void handleReply(QNetworkReply *reply);
    // The next page was asked for; false (with the call finished) when the server's pages do not
    // move on or pass a limit. pageBytes: what is kept of this page (its RawAnswer).
    bool pageAdvances(const Json &page, qint64 pageBytes);
    QUrl currentUrl() const;

    QNetworkAccessManager *m_network;
    ClientConfig m_config;
    QString m_method = QStringLiteral("GET");
    QString m_path;
    QUrlQuery m_query;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    int m_timeoutMs = 0;
    bool m_appsInToss = false;     // other host, mTLS instead of Basic auth
    QSslConfiguration m_ssl;       // with the client certificate when m_appsInToss
    Paging m_paging = Paging::None;
    bool m_listPage = false;       // one page of a list, asked for by its reader (no paging here)
    int m_pageSize = 0;
    QString m_endpoint;
    QString m_target;              // path and query of the attempt in flight: RawAnswer::path
    std::optional<QString> m_idProblem;  // the id cannot be one path segment: the call fails at once

    QPointer<QNetworkReply> m_reply;
    QTimer *m_timer = nullptr;
    QTimer *m_retryTimer = nullptr;
    QElapsedTimer m_clock;
    int m_attempts = 0;            // of the current page
    int m_totalAttempts = 0;
    qint64 m_waitedMs = 0;
    bool m_timedOut = false;
    bool m_tooLarge = false;
    QByteArray m_tooLargeHead;     // what arrived before the size cap stopped the read
    qint64 m_tooLargeReceived = 0;
    bool m_done = false;
    int m_page = 1;
    Json m_items = Json::array();
    std::string m_lastCursor;      // transactions: the startingAfter of the page just asked for
    std::size_t m_lastPageHash = 0; // settlements: the page just received, to see it come again
    qint64 m_listBytes = 0;
    std::vector<RawAnswer> m_answers;  // the pages received so far, as they came
};

class TossClient final : public QObject
{
    Q_OBJECT

public:
    TossClient(QNetworkAccessManager *network, ClientConfig config, QObject *parent = nullptr);

    const ClientConfig &config() const { return m_config; }

    ApiCall *payment(const QString &paymentKey);
    ApiCall *paymentByOrderId(const QString &orderId);
    // startDate/endDate: local KST date-times without offset ("2024-08-07T00:00:00"); every page.
    ApiCall *transactions(const QString &startDate, const QString &endDate, int limit = 5000);
    ApiCall *settlements(const QString &startDate, const QString &endDate, bool byPaidOutDate = false, int size = 5000);
    // One page of each list, for a reader that keeps only the page in hand (a period scan):
    // transactions after the cursor (empty: the first page), settlements page number page (1…).
    ApiCall *transactionsPage(const QString &startDate, const QString &endDate, const QString &startingAfter, int limit = 5000);
    ApiCall *settlementsPage(const QString &startDate, const QString &endDate, int page, int size = 5000);
    // Apps-in-Toss: config().appsInTossBaseUrl with the mTLS certificate and key of the config;
    // no secret key needed (nor sent). userKey: the x-toss-user-key from Toss Login.
    ApiCall *iapOrderStatus(const QString &orderId, const QString &userKey);

private:
    ApiCall *make(const QString &method, const QString &path, int timeoutMs);

    QNetworkAccessManager *m_network;
    ClientConfig m_config;
};

} // namespace paytriage

Q_DECLARE_METATYPE(paytriage::ApiResponse)
Q_DECLARE_METATYPE(paytriage::ApiError)
