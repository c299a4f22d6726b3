#include "sandboxserver.h"

#include "deterministicrng.h"
#include "sandboxdata.h"
#include "util/timestamp.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QLocale>
#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#elif defined(Q_OS_WIN)
#define NOMINMAX  // windows.h's min/max macros would break std::max
#include <winsock2.h>
#endif

namespace paytriage {

namespace {

using toss::Json;

constexpr const char *inAppPath = "/api-partner/v1/apps-in-toss/order/get-order-status";
constexpr qint64 streamChunk = 1 << 20;          // oversized: bytes produced per step
constexpr qint64 streamHighWater = 4 * (1 << 20);  // …and never more than this waiting in the socket

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

// Header names are case-insensitive (RFC 9110); QHttpServerRequest::value() in 6.4 is not
// documented to fold case, so look for ourselves.
QByteArray headerValue(const QHttpServerRequest &request, const char *name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return {};
}

QByteArray dump(const Json &json)
{
    return QByteArray::fromStdString(json.dump());
}

std::string utf8(const QString &s)
{
    return s.toStdString();
}

// Julian day of the KST calendar date a query bound names.
std::int64_t kstJulianDay(std::int64_t msSinceEpoch)
{
    const std::int64_t local = msSinceEpoch / 1000 + 9 * 3600;
    return (local >= 0 ? local / 86400 : (local - 86399) / 86400) + 2440588;
}

} // namespace

struct SandboxServer::Response
{
    int status = 200;
    QByteArray contentType = "application/json";
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static Response json(int status, const Json &body)
    {
        Response r;
        r.status = status;
        r.body = dump(body);
        return r;
    }
    static Response error(int status, const char *code, const std::string &message)
    {
        return json(status, toss::errorBody(code, message));
    }

    QByteArray head(qint64 contentLength) const
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
        out += "Content-Type: " + contentType + "\r\n";
        if (contentLength >= 0)
            out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
        else
            out += "Transfer-Encoding: chunked\r\n";
        for (const auto &[name, value] : headers)
            out += name + ": " + value + "\r\n";
        return out + "\r\n";
    }
};

// What a request is about, found from its method, path and body before anything else is
// checked: the fault of a scenario applies even to a request that will fail authentication,
// as a gateway's faults would.
struct SandboxServer::Routed
{
    enum class Endpoint {
        Unknown,
        PaymentByKey,
        PaymentByOrderId,
        Transactions,
        Settlements,
        InAppOrderStatus,
    };
    Endpoint endpoint = Endpoint::Unknown;
    QByteArray method;
    QString target;    // path and query, for the log
    std::string id;    // the paymentKey or orderId the request is about
    bool inApp = false;
    bool methodAllowed = false;
};

// The QAbstractHttpServer that hands every complete request, with its socket, to the sandbox.
class SandboxServer::HttpFront final : public QAbstractHttpServer
{
public:
    explicit HttpFront(SandboxServer *owner) : m_owner(owner) {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_owner->handle(request, socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *socket) override
    {
        // Not reached: handleRequest takes every request. Close rather than leave the client waiting.
        socket->disconnectFromHost();
    }

private:
    SandboxServer *m_owner;
};

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_data(std::make_unique<SandboxData>(options))
    , m_faultRng(std::make_unique<DeterministicRng>(options.seed ^ 0x5a4d4f4b45ULL))
    , m_http(std::make_unique<HttpFront>(this))
{
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen(quint16 port)
{
    close();
    auto tcp = std::make_unique<QTcpServer>();
    // Loopback only: any test_sk_ key opens the sandbox, so it must not be reachable from the network.
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        m_error = tcp->errorString();
        return false;
    }
    m_error.clear();
    m_tcp = tcp.release();
    m_http->bind(m_tcp);  // takes ownership
    return true;
}

void SandboxServer::close()
{
    if (!m_tcp)
        return;
    m_tcp->close();
    delete m_tcp;
    m_tcp = nullptr;
}

bool SandboxServer::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

QUrl SandboxServer::url() const
{
    if (!isListening())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_tcp->serverPort());
    return url;
}

QString SandboxServer::errorString() const
{
    return m_error;
}

SandboxServer::Routed SandboxServer::route(const QHttpServerRequest &request) const
{
    Routed r;
    r.method = methodName(request.method());
    const QUrl url = request.url();
    const QString encodedPath = url.path(QUrl::FullyEncoded);
    r.target = encodedPath;
    if (url.hasQuery())
        r.target += QLatin1Char('?') + url.query(QUrl::FullyEncoded);

    // Split the path as sent, then decode each segment: an orderId holding "%2F" stays one segment.
    QStringList segments = encodedPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (QString &segment : segments)
        segment = QUrl::fromPercentEncoding(segment.toUtf8());
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    const auto is = [&](std::initializer_list<const char *> expected) {
        if (segments.size() != qsizetype(expected.size()))
            return false;
        qsizetype i = 0;
        for (const char *part : expected) {
            if (part && segments.at(i) != QLatin1String(part))
                return false;
            ++i;
        }
        return true;
    };

    if (is({"v1", "payments", "orders", nullptr})) {
        r.endpoint = Routed::Endpoint::PaymentByOrderId;
        r.id = utf8(segments.at(3));
    } else if (is({"v1", "payments", nullptr})) {
        r.endpoint = Routed::Endpoint::PaymentByKey;
        r.id = utf8(segments.at(2));
    } else if (is({"v1", "transactions"})) {
        r.endpoint = Routed::Endpoint::Transactions;
    } else if (is({"v1", "settlements"})) {
        r.endpoint = Routed::Endpoint::Settlements;
    } else if (encodedPath == QLatin1String(inAppPath) || encodedPath == QLatin1String(inAppPath) + QLatin1Char('/')) {
        r.endpoint = Routed::Endpoint::InAppOrderStatus;
        r.inApp = true;
        const Json body = Json::parse(request.body().toStdString(), nullptr, false);
        if (body.is_object() && body.contains("orderId") && body["orderId"].is_string())
            r.id = body["orderId"].get<std::string>();
    }
    r.methodAllowed = r.inApp ? request.method() == QHttpServerRequest::Method::Post : get;
    return r;
}

std::optional<SandboxFault> SandboxServer::chooseFault(const QHttpServerRequest &request, const Routed &routed,
                                                       Response *headerError)
{
    const QByteArray header = headerValue(request, "x-sandbox-fault");
    if (!header.isEmpty()) {
        QString error;
        const auto fault = SandboxFault::parse(QString::fromUtf8(header), &error);
        if (!fault)
            *headerError = Response::error(400, "INVALID_REQUEST", "X-Sandbox-Fault: " + utf8(error));
        return fault;
    }
    if (!routed.id.empty()) {
        if (const auto fault = m_data->scenarioFault(routed.id))
            return fault;
    }
    if (m_options.faultRates.empty())
        return std::nullopt;
    // One draw per request that neither the header nor a scenario decided: a run with the same
    // seed and the same sequence of requests meets the same faults.
    double draw = m_faultRng->unit();
    for (const FaultRate &rate : m_options.faultRates) {
        if (draw < rate.probability)
            return rate.fault;
        draw -= rate.probability;
    }
    return std::nullopt;
}

void SandboxServer::handle(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const Routed routed = route(request);
    const bool closeAfter = headerValue(request, "connection").compare("close", Qt::CaseInsensitive) == 0;

    Response headerError;
    const std::optional<SandboxFault> chosen = chooseFault(request, routed, &headerError);
    if (headerError.status != 200) {
        Q_EMIT requestHandled(QString::fromLatin1(routed.method), routed.target, headerError.status, {});
        send(socket, std::move(headerError), {}, routed.inApp, closeAfter);
        return;
    }
    const SandboxFault fault = chosen.value_or(SandboxFault{});

    // Messages follow Accept-Language as the real API's do (facts §1: Korean unless en-US).
    const bool english = headerValue(request, "accept-language").trimmed().toLower().startsWith("en");
    const auto say = [english](const char *korean, const char *englishText) {
        return std::string(english ? englishText : korean);
    };

    Response response = [&]() -> Response {
        if (routed.endpoint == Routed::Endpoint::Unknown) {
            if (request.method() != QHttpServerRequest::Method::Get) {
                // Every other Toss endpoint moves money or changes state; the sandbox refuses them
                // as a read-only console must never call them.
                Response r = Response::error(405, "METHOD_NOT_ALLOWED",
                                             say("샌드박스는 조회(GET) API만 제공합니다. 결제를 바꾸는 요청은 받지 않습니다.",
                                                 "The sandbox serves read (GET) APIs only; it takes no request that changes a payment."));
                r.headers.emplace_back("Allow", "GET");
                return r;
            }
            return Response::error(404, "NOT_FOUND_ENDPOINT",
                                   say("샌드박스에 없는 API 경로입니다: ", "No such API path in the sandbox: ")
                                       + utf8(routed.target));
        }
        if (!routed.methodAllowed) {
            Response r = routed.inApp
                             ? Response::json(405, toss::inAppFailure("METHOD_NOT_ALLOWED",
                                                                      say("POST 요청만 받습니다.", "Only POST is accepted.")))
                             : Response::error(405, "METHOD_NOT_ALLOWED",
                                               say("샌드박스는 조회(GET) API만 제공합니다. 결제를 바꾸는 요청은 받지 않습니다.",
                                                   "The sandbox serves read (GET) APIs only; it takes no request that changes a payment."));
            r.headers.emplace_back("Allow", routed.inApp ? "POST" : "GET");
            return r;
        }
        if (routed.inApp) {
            // Apps-in-Toss authenticates with mTLS, not Basic auth; the user key header is required.
            if (headerValue(request, "x-toss-user-key").isEmpty())
                return Response::json(400, toss::inAppFailure("INVALID_PARAMETER",
                                                                      say("x-toss-user-key 헤더가 필요합니다.",
                                                                          "The x-toss-user-key header is required.")));
            if (routed.id.empty())
                return Response::json(400, toss::inAppFailure("INVALID_PARAMETER",
                                                                      say("요청 본문에 orderId가 필요합니다.",
                                                                          "The request body needs an orderId.")));
            if (auto order = m_data->inAppOrder(routed.id))
                return Response::json(200, toss::inAppSuccess(std::move(*order)));
            // NOT_FOUND is a status inside a SUCCESS envelope, not a FAIL (facts §7.2).
            Json notFound = Json::object();
            notFound["orderId"] = routed.id;
            notFound["sku"] = nullptr;
            notFound["status"] = "NOT_FOUND";
            notFound["statusDeterminedAt"] = nullptr;
            notFound["reason"] = say("주문을 찾을 수 없어요.", "The order was not found.");
            return Response::json(200, toss::inAppSuccess(std::move(notFound)));
        }

        // Basic auth: base64(secretKey + ":"), facts §1.
        const QByteArray authorization = headerValue(request, "authorization");
        const std::string unauthorized = say("인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.",
                                             "The secret key or client key is not authorized.");
        if (authorization.isEmpty())
            return Response::error(401, "UNAUTHORIZED_KEY", unauthorized);
        const qsizetype space = authorization.indexOf(' ');
        const auto decoded = QByteArray::fromBase64Encoding(authorization.mid(space + 1).trimmed(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (space < 0 || authorization.left(space).compare("Basic", Qt::CaseInsensitive) != 0 || !decoded
            || !decoded.decoded.contains(':'))
            return Response::error(403, "INCORRECT_BASIC_AUTH_FORMAT",
                                   say("잘못된 요청입니다. ':' 를 포함해 인코딩해주세요.",
                                       "Invalid request: encode the key with a trailing ':'."));
        const QString key = QString::fromUtf8(decoded.decoded.left(decoded.decoded.indexOf(':')));
        const bool keyOk = m_options.secretKey.isEmpty()
                               ? key.startsWith(QLatin1String("test_sk_")) && key.size() > 8
                               : key == m_options.secretKey;
        if (!keyOk)
            return Response::error(401, "UNAUTHORIZED_KEY", unauthorized);

        const QUrlQuery query(request.url());
        const auto param = [&](const char *name) {
            return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
        };
        const auto badParam = [](const std::string &message) {
            return Response::error(400, "INVALID_REQUEST", message);
        };

        switch (routed.endpoint) {
        case Routed::Endpoint::PaymentByKey:
        case Routed::Endpoint::PaymentByOrderId: {
            const auto payment = routed.endpoint == Routed::Endpoint::PaymentByKey ? m_data->paymentByKey(routed.id)
                                                                                   : m_data->paymentByOrderId(routed.id);
            if (!payment)
                return Response::error(404, "NOT_FOUND_PAYMENT",
                                       say("존재하지 않는 결제 정보 입니다.", "The payment does not exist."));
            return Response::json(200, *payment);
        }
        case Routed::Endpoint::Transactions: {
            const auto from = parseTimestamp(utf8(param("startDate")));
            const auto to = parseTimestamp(utf8(param("endDate")));
            if (!from || !to)
                return badParam(say("startDate와 endDate는 필수이며 yyyy-MM-dd 또는 yyyy-MM-ddTHH:mm:ss 형식이어야 합니다.",
                                    "startDate and endDate are required, as yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss."));
            if (*to < *from)
                return badParam(say("endDate는 startDate보다 빠를 수 없습니다.", "endDate cannot be before startDate."));
            int limit = 100;
            if (query.hasQueryItem(QStringLiteral("limit"))) {
                bool ok = false;
                limit = param("limit").toInt(&ok);
                if (!ok || limit < 1 || limit > 5000)
                    return badParam(say("limit은 1 이상 5000 이하의 정수여야 합니다.",
                                            "limit must be an integer from 1 to 5000."));
            }
            // A server that ignores the cursor: every page is the first.
            const std::string after = fault.kind == FaultKind::IgnorePaging ? std::string() : utf8(param("startingAfter"));
            const auto page = m_data->transactions(from->msSinceEpoch, to->msSinceEpoch, after, std::size_t(limit));
            if (!page)
                return Response::error(400, "INVALID_TRANSACTION_KEY",
                                       say("잘못된 페이징 키 입니다.", "Invalid paging key."));
            return Response::json(200, Json(*page));
        }
        case Routed::Endpoint::Settlements: {
            const auto from = parseTimestamp(utf8(param("startDate")));
            const auto to = parseTimestamp(utf8(param("endDate")));
            if (!from || !to)
                return badParam(say("startDate와 endDate는 필수이며 yyyy-MM-dd 형식이어야 합니다.",
                                    "startDate and endDate are required, as yyyy-MM-dd."));
            const QString dateTypeText = param("dateType");
            SandboxData::SettlementDateType dateType = SandboxData::SettlementDateType::SoldDate;
            if (dateTypeText == QLatin1String("paidOutDate"))
                dateType = SandboxData::SettlementDateType::PaidOutDate;
            else if (!dateTypeText.isEmpty() && dateTypeText != QLatin1String("soldDate"))
                return badParam(say("dateType은 soldDate 또는 paidOutDate여야 합니다.",
                                    "dateType must be soldDate or paidOutDate."));
            int page = 1;
            int size = 100;
            bool ok = true;
            if (query.hasQueryItem(QStringLiteral("page")))
                page = param("page").toInt(&ok);
            if (!ok || page < 1)
                return badParam(say("page는 1 이상의 정수여야 합니다.", "page must be an integer of 1 or more."));
            if (query.hasQueryItem(QStringLiteral("size")))
                size = param("size").toInt(&ok);
            if (!ok || size < 1 || size > 5000)
                return badParam(say("size는 1 이상 5000 이하의 정수여야 합니다.",
                                            "size must be an integer from 1 to 5000."));
            if (fault.kind == FaultKind::IgnorePaging)
                page = 1;
            const auto rows = m_data->settlements(kstJulianDay(from->msSinceEpoch), kstJulianDay(to->msSinceEpoch),
                                                  dateType, std::size_t(page), std::size_t(size));
            return Response::json(200, Json(rows));
        }
        default:
            return Response::error(404, "NOT_FOUND_ENDPOINT",
                                   say("샌드박스에 없는 API 경로입니다.", "No such API path in the sandbox."));
        }
    }();

    const int loggedStatus = fault.kind == FaultKind::Reset                ? 0
                             : fault.kind == FaultKind::TooManyRequests    ? 429
                             : fault.kind == FaultKind::InternalError      ? 500
                             : fault.kind == FaultKind::BadGateway         ? 502
                             : fault.kind == FaultKind::Unavailable        ? 503
                             : fault.kind == FaultKind::Oversized          ? 200
                             : fault.kind == FaultKind::GatewayError       ? 404
                             : fault.kind == FaultKind::OddError           ? 400
                             : fault.kind == FaultKind::EscapeMessage      ? 400
                             : fault.kind == FaultKind::RetryAfterDate     ? 503
                             : fault.kind == FaultKind::RetryAfterHuge     ? 429
                             : fault.kind == FaultKind::RedirectAway       ? 302
                                                                           : response.status;
    Q_EMIT requestHandled(QString::fromLatin1(routed.method), routed.target, loggedStatus,
                          fault.isNone() ? QString() : fault.toString());
    send(socket, std::move(response), fault, routed.inApp, closeAfter);
}

namespace {

// Aborts so that the peer sees a reset (RST), not an orderly close: SO_LINGER with a zero
// timeout makes close() drop the connection.
void resetConnection(QTcpSocket *socket)
{
    const qintptr fd = socket->socketDescriptor();
    if (fd != -1) {
        struct linger hard{};
        hard.l_onoff = 1;
        hard.l_linger = 0;
#if defined(Q_OS_UNIX)
        ::setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
#elif defined(Q_OS_WIN)
        ::setsockopt(static_cast<SOCKET>(fd), SOL_SOCKET, SO_LINGER, reinterpret_cast<const char *>(&hard),
                     sizeof hard);
#endif
    }
    socket->abort();
}

void finish(QTcpSocket *socket, bool closeAfter)
{
    if (closeAfter)
        socket->disconnectFromHost();  // after what is buffered has been written
}

// Writes the body in pieces over `totalMs`, for clients whose read timeouts restart on every byte.
void trickle(QTcpSocket *socket, const QByteArray &body, int totalMs, bool closeAfter)
{
    constexpr int pieces = 20;
    const qsizetype piece = std::max<qsizetype>(1, (body.size() + pieces - 1) / pieces);
    auto *timer = new QTimer(socket);  // dies with the socket if the client goes away
    auto offset = std::make_shared<qsizetype>(0);
    QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, body, piece, offset, closeAfter] {
        socket->write(body.mid(*offset, piece));
        *offset += piece;
        if (*offset >= body.size()) {
            timer->stop();
            timer->deleteLater();
            finish(socket, closeAfter);
        }
    });
    timer->start(std::max(1, totalMs / pieces));
}

// A valid JSON array of transaction records, at least `targetBytes` long, produced a megabyte at a
// time as the socket drains (chunked transfer encoding): memory stays at a few megabytes however
// large the body. The records cycle through the first few thousand transactions, serialized once:
// 64 MiB needs ~200,000 records, more than most data sets hold, and serializing each anew would
// make the producer, not the client, the bottleneck.
class OversizedStream final : public QObject
{
public:
    OversizedStream(QTcpSocket *socket, const SandboxData &data, qint64 targetBytes, bool closeAfter)
        : QObject(socket)
        , m_socket(socket)
        , m_data(data)
        , m_target(targetBytes)
        , m_closeAfter(closeAfter)
    {
        connect(socket, &QTcpSocket::bytesWritten, this, &OversizedStream::pump);
        pump();
    }

private:
    static constexpr std::size_t cycleLength = 4096;

    const std::string &record(std::size_t n)
    {
        const std::size_t available = std::min(cycleLength, m_data.transactionCount());
        if (available == 0) {
            static const std::string empty = "{}";
            return empty;
        }
        const std::size_t i = n % available;
        if (i == m_cycle.size())
            m_cycle.push_back(m_data.transactionAt(i).dump());
        return m_cycle[i];
    }

    void pump()
    {
        while (!m_done && m_socket->bytesToWrite() < streamHighWater) {
            std::string chunk;
            chunk.reserve(std::size_t(streamChunk) + 4096);
            if (m_written == 0)
                chunk += '[';
            while (qint64(chunk.size()) < streamChunk && m_written + qint64(chunk.size()) < m_target) {
                if (m_records > 0)
                    chunk += ',';
                chunk += record(m_records++);
            }
            m_written += qint64(chunk.size());
            if (m_written >= m_target) {
                chunk += ']';
                m_done = true;
            }
            m_socket->write(QByteArray::number(qulonglong(chunk.size()), 16) + "\r\n");
            m_socket->write(chunk.data(), qint64(chunk.size()));
            m_socket->write("\r\n");
            if (m_done) {
                m_socket->write("0\r\n\r\n");
                disconnect(m_socket, &QTcpSocket::bytesWritten, this, &OversizedStream::pump);
                finish(m_socket, m_closeAfter);
                deleteLater();
            }
        }
    }

    QTcpSocket *m_socket;
    const SandboxData &m_data;
    qint64 m_target;
    bool m_closeAfter;
    qint64 m_written = 0;
    std::size_t m_records = 0;
    std::vector<std::string> m_cycle;
    bool m_done = false;
};

} // namespace

namespace {

// The body reshaped as a broken server would send it.
std::string reshaped(const SandboxFault &fault, const QByteArray &body)
{
    Json value = Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (value.is_discarded())
        return body.toStdString();
    if (fault.kind == FaultKind::NullKey && value.is_object() && value.contains("paymentKey")) {
        value["paymentKey"] = fault.param == 1 ? Json(20250402) : Json();
    } else if (fault.kind == FaultKind::NonObjectRecords && value.is_array()) {
        Json mixed = Json::array({nullptr, 42, "x", Json::array()});
        for (Json &record : value) {
            mixed.push_back(std::move(record));
            mixed.push_back(nullptr);
        }
        value = std::move(mixed);
    } else if (fault.kind == FaultKind::NumericCursor && value.is_array()) {
        std::int64_t n = 1;
        for (Json &record : value)
            if (record.is_object() && record.contains("transactionKey"))
                record["transactionKey"] = n++;
    }
    return value.dump();
}

} // namespace

void SandboxServer::send(QTcpSocket *socket, Response response, const SandboxFault &fault, bool inApp,
                         bool closeAfter)
{
    if (!fault.isNone())
        response.headers.emplace_back("X-Sandbox-Fault", fault.toString().toLatin1());
    // Another answer in place of this one, with the headers it carried (the fault's name among them).
    const auto replaceWith = [&](Response other) {
        other.headers = response.headers;
        response = std::move(other);
    };
    const auto failWith = [&](int status, const char *code, const char *message) {
        Response r = inApp ? Response::json(status, toss::inAppFailure("INTERNAL_ERROR", message))
                           : Response::error(status, code, message);
        r.headers = response.headers;
        response = std::move(r);
    };

    switch (fault.kind) {
    case FaultKind::None:
        break;
    case FaultKind::Latency: {
        const QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(fault.paramOr(1000), socket, [guard, response, closeAfter] {
            if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                return;
            guard->write(response.head(response.body.size()) + response.body);
            finish(guard, closeAfter);
        });
        return;
    }
    case FaultKind::TooManyRequests:
        // The Core API has no documented rate-limit code; this is its "too many repeated requests".
        failWith(429, "FORBIDDEN_CONSECUTIVE_REQUEST", "반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요.");
        response.headers.emplace_back("Retry-After", QByteArray::number(fault.paramOr(1)));
        break;
    case FaultKind::InternalError:
        failWith(500, "FAILED_INTERNAL_SYSTEM_PROCESSING", "내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요.");
        break;
    case FaultKind::BadGateway:
        failWith(502, "FAILED_INTERNAL_SYSTEM_PROCESSING", "게이트웨이 오류입니다. 잠시 후 다시 시도해주세요.");
        break;
    case FaultKind::Unavailable:
        failWith(503, "FAILED_INTERNAL_SYSTEM_PROCESSING", "서비스를 일시적으로 사용할 수 없습니다. 잠시 후 다시 시도해주세요.");
        if (fault.param >= 0)
            response.headers.emplace_back("Retry-After", QByteArray::number(fault.param));
        break;
    case FaultKind::Reset:
        resetConnection(socket);
        return;
    case FaultKind::Truncated:
        // The head promises the whole body; half of it arrives, then the connection closes.
        socket->write(response.head(response.body.size()) + response.body.left(response.body.size() / 2));
        socket->disconnectFromHost();
        return;
    case FaultKind::InvalidJson:
        // The first half of the real body: a proper prefix of an object or array never parses,
        // since only the last byte closes the outermost bracket.
        response.body.truncate(std::max<qsizetype>(1, response.body.size() / 2));
        break;
    case FaultKind::WrongContentType:
        response.contentType = "text/html; charset=utf-8";
        response.body = "<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\"><title>서비스 점검 중</title>"
                        "</head>\n<body><h1>서비스 점검 중입니다</h1><p>잠시 후 다시 시도해주세요.</p></body></html>\n";
        break;
    case FaultKind::Slow:
        socket->write(response.head(response.body.size()));
        trickle(socket, response.body, fault.paramOr(2000), closeAfter);
        return;
    case FaultKind::Oversized: {
        Response head;
        head.headers = response.headers;
        socket->write(head.head(-1));
        new OversizedStream(socket, *m_data, qint64(fault.paramOr(64)) << 20, closeAfter);
        return;
    }
    case FaultKind::GatewayError:
        replaceWith(Response::json(404, Json{{"code", 404}, {"message", "Not Found"}}));
        break;
    case FaultKind::OddError:
        replaceWith(Response::json(400, Json{{"code", nullptr},
                                             {"message", {{"text", "invalid request"}}},
                                             {"error", {{"errorCode", 12}, {"reason", nullptr}}}}));
        break;
    case FaultKind::NullKey:
    case FaultKind::NonObjectRecords:
    case FaultKind::NumericCursor:
        if (response.status == 200)
            response.body = QByteArray::fromStdString(reshaped(fault, response.body));
        break;
    case FaultKind::NotAPayment:
        replaceWith(Response::json(200, Json{{"ok", true}, {"result", Json::array()}}));
        break;
    case FaultKind::IgnorePaging:
        break;  // applied when the page was chosen
    case FaultKind::RetryAfterDate:
        failWith(503, "FAILED_INTERNAL_SYSTEM_PROCESSING", "서비스를 일시적으로 사용할 수 없습니다. 잠시 후 다시 시도해주세요.");
        response.headers.emplace_back("Retry-After",
                                      QLocale::c()
                                          .toString(QDateTime::currentDateTimeUtc().addSecs(fault.paramOr(1)),
                                                    QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                          .toLatin1());
        break;
    case FaultKind::RetryAfterHuge:
        failWith(429, "FORBIDDEN_CONSECUTIVE_REQUEST", "반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요.");
        response.headers.emplace_back("Retry-After", "2147484");
        break;
    case FaultKind::RedirectAway: {
        Response r;
        r.status = 302;
        r.body = "{}";
        replaceWith(std::move(r));
        response.headers.emplace_back("Location", "https://collector.example.invalid/v1/payments");
        break;
    }
    case FaultKind::EscapeMessage:
        failWith(400, "INVALID_REQUEST",
                 "\x1b]0;PWNED\x07\x1b[2J\x1b[31m잘못된 요청입니다.\x1b[0m\r\x1b[K\xc2\x9b" "6n");
        break;
    }
    socket->write(response.head(response.body.size()) + response.body);
    finish(socket, closeAfter);
}

} // namespace paytriage
