#include "tossclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

#include <chrono>

#include <algorithm>
#include <cmath>

namespace paytriage {
namespace {

int monthOf(QByteArrayView name)
{
    static constexpr const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i)
        if (name.compare(QByteArrayView(months[i]), Qt::CaseInsensitive) == 0)
            return i + 1;
    return 0;
}

// An HTTP-date (RFC 9110 §5.6.7) in UTC; invalid when it is none of the three forms.
QDateTime httpDate(const QByteArray &text)
{
    const QList<QByteArray> parts = text.simplified().split(' ');
    int day = 0, month = 0, year = 0;
    QByteArray clock;
    bool ok = true;
    if (parts.size() == 6 && parts[0].endsWith(',') && parts[5] == "GMT") {
        // IMF-fixdate: Tue, 01 Dec 2026 22:40:33 GMT
        day = parts[1].toInt(&ok);
        month = monthOf(parts[2]);
        year = ok ? parts[3].toInt(&ok) : 0;
        clock = parts[4];
    } else if (parts.size() == 4 && parts[0].endsWith(',') && parts[3] == "GMT") {
        // RFC 850: Tuesday, 01-Dec-26 22:40:33 GMT (a two-digit year: this century)
        const QList<QByteArray> date = parts[1].split('-');
        if (date.size() != 3)
            return {};
        day = date[0].toInt(&ok);
        month = monthOf(date[1]);
        year = ok ? 2000 + date[2].toInt(&ok) : 0;
        clock = parts[2];
    } else if (parts.size() == 5) {
        // asctime: Tue Dec  1 22:40:33 2026
        month = monthOf(parts[1]);
        day = parts[2].toInt(&ok);
        year = ok ? parts[4].toInt(&ok) : 0;
        clock = parts[3];
    } else {
        return {};
    }
    const QTime time = QTime::fromString(QString::fromLatin1(clock), QStringLiteral("HH:mm:ss"));
    const QDate date(year, month, day);
    if (!ok || month == 0 || !date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

// A JSON scalar as text: a gateway's {"code": 404} is "404"; null, objects and arrays are nothing.
std::string scalarText(const Json *value)
{
    if (!value)
        return {};
    if (value->is_string())
        return value->get<std::string>();
    if (value->is_number())
        return value->dump();
    return {};
}

const Json *memberOf(const Json &object, const char *key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

ApiError::Kind kindOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError::Kind::Tls;
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        return ApiError::Kind::Redirect;
    case QNetworkReply::TimeoutError:
        return ApiError::Kind::Timeout;
    default:
        return ApiError::Kind::Network;
    }
}

// An id as one path segment: "/", "?", "#", spaces and non-ASCII are percent-encoded.
QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

std::optional<QString> urlProblem(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("paytriage::ApiError",
                "The base URL \"%1\" is not a valid address: write it like https://api.tosspayments.com "
                "(or a proxy's address, path included).").arg(url.toString());
    if (url.hasQuery() || url.hasFragment())
        return QCoreApplication::translate("paytriage::ApiError",
                "The base URL \"%1\" has a query or fragment (after ? or #): give the address only, like "
                "https://api.tosspayments.com.").arg(url.toString());
    if (url.scheme() != QLatin1String("https") && !(url.scheme() == QLatin1String("http") && isLoopbackHost(url.host())))
        return QCoreApplication::translate("paytriage::ApiError",
                "Plain http:// is allowed only to this computer (loopback); use https:// for %1.").arg(url.host());
    return std::nullopt;
}

std::optional<QString> readFile(const QString &path, const QString &what, QByteArray *bytes)
{
    QFile file(path);
    if (!file.exists())
        return QCoreApplication::translate("paytriage::ApiError",
                "The %1 file %2 does not exist.").arg(what, QDir::toNativeSeparators(path));
    // A PEM certificate or key is a few kB; anything huge is the wrong file.
    if (file.size() > 1024 * 1024)
        return QCoreApplication::translate("paytriage::ApiError",
                "The %1 file %2 is too large to be a PEM file.").arg(what, QDir::toNativeSeparators(path));
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("paytriage::ApiError",
                "Cannot read the %1 file %2: %3").arg(what, QDir::toNativeSeparators(path), file.errorString());
    *bytes = file.readAll();
    return std::nullopt;
}

// The Apps-in-Toss mTLS identity (facts §7.1) into ssl; a reason, in words a support engineer
// can act on, when it cannot be used. Only loopback (the sandbox) goes without one.
std::optional<QString> loadClientIdentity(const ClientConfig &config, QSslConfiguration *ssl)
{
    const QString certPath = config.clientCertificatePath.trimmed();
    const QString keyPath = config.clientKeyPath.trimmed();
    if (certPath.isEmpty() && keyPath.isEmpty()) {
        if (isLoopbackHost(config.appsInTossBaseUrl.host()))
            return std::nullopt;
        return QCoreApplication::translate("paytriage::ApiError",
                "Apps-in-Toss calls need the mTLS client certificate and key issued in the Apps-in-Toss console; "
                "set both in the merchant profile.");
    }
    if (certPath.isEmpty())
        return QCoreApplication::translate("paytriage::ApiError",
                "Only the client key is set: set the client certificate too (both come from the Apps-in-Toss "
                "console).");
    if (keyPath.isEmpty())
        return QCoreApplication::translate("paytriage::ApiError",
                "Only the client certificate is set: set its private key too (both come from the Apps-in-Toss "
                "console).");

    QByteArray certBytes;
    const QString certWhat = QCoreApplication::translate("paytriage::ApiError", "client certificate");
    if (auto problem = readFile(certPath, certWhat, &certBytes))
        return problem;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certBytes, QSsl::Pem);
    if (chain.isEmpty() || chain.front().isNull())
        return QCoreApplication::translate("paytriage::ApiError",
                "%1 holds no PEM certificate (a block starting with -----BEGIN CERTIFICATE-----). A DER file can "
                "be converted with: openssl x509 -inform der -in FILE -out FILE.pem")
            .arg(QDir::toNativeSeparators(certPath));
    const QSslCertificate &certificate = chain.front();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (certificate.expiryDate().isValid() && certificate.expiryDate() < now)
        return QCoreApplication::translate("paytriage::ApiError",
                "The client certificate %1 expired on %2. Issue a new one in the Apps-in-Toss console.")
            .arg(QDir::toNativeSeparators(certPath), certificate.expiryDate().toUTC().date().toString(Qt::ISODate));
    if (certificate.effectiveDate().isValid() && certificate.effectiveDate() > now)
        return QCoreApplication::translate("paytriage::ApiError", "The client certificate %1 is not valid before %2.")
            .arg(QDir::toNativeSeparators(certPath), certificate.effectiveDate().toUTC().date().toString(Qt::ISODate));

    QByteArray keyBytes;
    const QString keyWhat = QCoreApplication::translate("paytriage::ApiError", "client key");
    if (auto problem = readFile(keyPath, keyWhat, &keyBytes))
        return problem;
    if (keyBytes.contains("ENCRYPTED"))
        return QCoreApplication::translate("paytriage::ApiError",
                "The client key %1 is protected by a passphrase, which PayTriage cannot ask for. Keep an "
                "unencrypted copy in a private place: openssl pkey -in KEY -out KEY-plain.pem")
            .arg(QDir::toNativeSeparators(keyPath));
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyBytes, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return QCoreApplication::translate("paytriage::ApiError",
                "%1 holds no PEM private key (a block starting with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA "
                "PRIVATE KEY-----).")
            .arg(QDir::toNativeSeparators(keyPath));

    *ssl = QSslConfiguration::defaultConfiguration();
    ssl->setLocalCertificateChain(chain);
    ssl->setPrivateKey(key);
    return std::nullopt;
}

} // namespace

std::optional<qint64> parseRetryAfter(const QByteArray &raw, const QDateTime &now)
{
    const QByteArray value = raw.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    // Beyond a day it makes no difference: every retry budget is far shorter.
    constexpr qint64 capMs = 24LL * 3600 * 1000;
    bool ok = false;
    const qlonglong seconds = value.toLongLong(&ok);
    if (ok)
        return std::clamp<qlonglong>(seconds, 0, capMs / 1000) * 1000;
    const QDateTime at = httpDate(value);
    if (!at.isValid())
        return std::nullopt;
    return std::clamp<qint64>(now.msecsTo(at), 0, capMs);
}

std::optional<QString> idProblem(const QString &id)
{
    const QString trimmed = id.trimmed();
    if (trimmed.isEmpty())
        return QCoreApplication::translate("paytriage::ApiError", "No id to look up: give an orderId or a paymentKey.");
    // "." and ".." are no ids: as a path segment they would name another endpoint.
    if (trimmed == QLatin1String(".") || trimmed == QLatin1String(".."))
        return QCoreApplication::translate("paytriage::ApiError",
                "\"%1\" is not an orderId or paymentKey: those are letters, digits, - and _.").arg(trimmed);
    for (const QChar c : trimmed)
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return QCoreApplication::translate("paytriage::ApiError",
                    "The id holds a control character: copy the orderId or paymentKey again.");
    return std::nullopt;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

std::optional<QString> ClientConfig::problem() const
{
    if (auto problem = urlProblem(baseUrl))
        return problem;
    if (secretKey.isEmpty())
        return QCoreApplication::translate("paytriage::ApiError",
                "No secret key: set one in the profile or in PAYTRIAGE_SECRET_KEY.");
    return std::nullopt;
}

std::optional<QString> ClientConfig::appsInTossProblem() const
{
    if (auto problem = urlProblem(appsInTossBaseUrl))
        return problem;
    QSslConfiguration scratch;
    return loadClientIdentity(*this, &scratch);
}

ApiCall::ApiCall(QNetworkAccessManager *network, const ClientConfig &config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(config)
    , m_timer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_retryTimer->setSingleShot(true);
    // A coarse timer may fire up to 5 % early: a Retry-After must not be cut short.
    m_retryTimer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &ApiCall::onTimeout);
    connect(m_retryTimer, &QTimer::timeout, this, &ApiCall::sendAttempt);
}

QUrl ApiCall::currentUrl() const
{
    QUrl url = m_appsInToss ? m_config.appsInTossBaseUrl : m_config.baseUrl;
    // A base URL behind a reverse proxy keeps its path: https://gw.example.com/toss + /v1/….
    QString prefix = url.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + m_path, QUrl::StrictMode);  // ids in m_path are already percent-encoded
    QUrlQuery query = m_query;
    if (m_paging == Paging::Cursor) {
        query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
        if (!m_lastCursor.empty())
            query.addQueryItem(QStringLiteral("startingAfter"), QString::fromStdString(m_lastCursor));
    } else if (m_paging == Paging::Page) {
        query.addQueryItem(QStringLiteral("page"), QString::number(m_page));
        query.addQueryItem(QStringLiteral("size"), QString::number(m_pageSize));
    }
    url.setQuery(query);
    return url;
}

void ApiCall::start()
{
    m_clock.start();
    std::optional<QString> problem = m_idProblem;
    if (!problem)
        problem = m_appsInToss ? urlProblem(m_config.appsInTossBaseUrl) : m_config.problem();
    if (!problem && m_appsInToss)
        problem = loadClientIdentity(m_config, &m_ssl);
    if (problem) {
        ApiError e;
        e.kind = ApiError::Kind::Configuration;
        e.detail = *problem;
        e.attempts = 0;
        // Asynchronously, so callers connect before the answer arrives.
        QTimer::singleShot(0, this, [this, e] { finishWithError(e); });
        return;
    }
    QTimer::singleShot(0, this, &ApiCall::sendAttempt);
}

void ApiCall::sendAttempt()
{
    if (m_done)
        return;
    ++m_attempts;
    ++m_totalAttempts;
    m_timedOut = false;
    m_tooLarge = false;
    m_tooLargeHead.clear();
    m_tooLargeReceived = 0;
    const QUrl url = currentUrl();
    // The answer is kept under the API's own path and query, without the base URL's host or a
    // proxy's prefix: the same for every profile that reaches the same API.
    m_target = m_path + (url.hasQuery() ? QLatin1Char('?') + url.query(QUrl::FullyEncoded) : QString());
    QNetworkRequest request(url);
    // Redirects stay on the same origin: the Authorization header never reaches another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setMaximumRedirectsAllowed(3);
    if (m_appsInToss) {
        // Another host: the Toss Payments secret key is never sent there; the certificate speaks.
        if (!m_ssl.isNull())
            request.setSslConfiguration(m_ssl);
    } else {
        request.setRawHeader("Authorization", "Basic " + QByteArray(m_config.secretKey.toUtf8() + ':').toBase64());
        if (!m_config.apiVersion.isEmpty())
            request.setRawHeader("TossPayments-API-Version", m_config.apiVersion.toUtf8());
    }
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Accept-Language", m_config.language == Language::Korean ? "ko-KR" : "en-US");
    request.setRawHeader("User-Agent", "PayTriage/" PAYTRIAGE_VERSION);
    for (const auto &[name, value] : m_config.extraHeaders)
        request.setRawHeader(name, value);
    for (const auto &[name, value] : m_headers)
        request.setRawHeader(name, value);
    if (!m_body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));

    m_reply = m_method == QLatin1String("POST") ? m_network->post(request, m_body) : m_network->get(request);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64 total) {
        if (m_tooLarge)
            return;  // progress queued before the abort
        if (received > m_config.maxResponseBytes || total > m_config.maxResponseBytes) {
            m_tooLarge = true;
            // The first bytes say who answered (an error page, a file server): keep them.
            m_tooLargeHead = reply->read(ReceivedAnswer::kKeptBytes);
            m_tooLargeReceived = received;
            reply->abort();
        }
    });
    m_timer->start(m_timeoutMs);
}

void ApiCall::onTimeout()
{
    if (m_reply) {
        m_timedOut = true;
        m_reply->abort();
    }
}

void ApiCall::cancel()
{
    if (m_done)
        return;
    m_retryTimer->stop();
    m_timer->stop();
    ApiError e;
    e.kind = ApiError::Kind::Canceled;
    e.attempts = m_totalAttempts;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
    finishWithError(e);
}

bool ApiCall::scheduleRetry(const ApiError &error, std::optional<qint64> retryAfter)
{
    if (!error.retryable() || m_attempts >= m_config.maxAttempts)
        return false;
    // Full jitter over an exponential ceiling; Retry-After, when given, is the floor. In 64 bits:
    // a Retry-After of 2147484 seconds is read, found past the budget, and given up on at once.
    const qint64 ceiling = qint64(m_config.backoffBaseMs) << std::min(m_attempts - 1, 10);
    qint64 wait = qint64(QRandomGenerator::global()->bounded(quint64(ceiling) + 1));
    if (retryAfter)
        wait = std::max(wait, *retryAfter);
    if (m_waitedMs + wait > m_config.retryBudgetMs)
        return false;
    m_waitedMs += wait;
    m_retryTimer->start(std::chrono::milliseconds(wait));
    emit retrying(m_attempts + 1, m_config.maxAttempts, wait, retryAfter && *retryAfter >= wait);
    return true;
}

void ApiCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_done)
        return;
    m_reply = nullptr;
    m_timer->stop();
    reply->deleteLater();
    // Whatever a server sends, one call fails with a message; nothing escapes into the event loop.
    try {
        handleReply(reply);
    } catch (const std::exception &e) {
        ApiError error;
        error.kind = ApiError::Kind::InvalidResponse;
        error.detail = QString::fromUtf8(e.what());
        error.attempts = m_totalAttempts;
        error.list = m_paging != Paging::None || m_listPage;
        finishWithError(error);
    }
}

bool ApiCall::pageAdvances(const Json &page, qint64 pageBytes)
{
    ApiError error;
    error.kind = ApiError::Kind::InvalidResponse;
    error.attempts = m_totalAttempts;
    error.list = true;
    m_listBytes += pageBytes;
    if (qint64(m_items.size()) > m_config.maxListRecords) {
        error.detail = tr("more than %1 records in one list call; query a shorter period").arg(m_config.maxListRecords);
    } else if (m_listBytes > m_config.maxListBytes) {
        error.detail = tr("more than %1 MB in one list call; query a shorter period").arg(m_config.maxListBytes >> 20);
    } else if (m_paging == Paging::Cursor) {
        // The next page starts after the last record's transactionKey: it must be there, and new.
        const Json *last = nullptr;
        for (auto it = page.rbegin(); it != page.rend() && !last; ++it)
            if (it->is_object())
                last = &*it;
        const Json *key = last ? memberOf(*last, "transactionKey") : nullptr;
        if (!key || !key->is_string() || key->get_ref<const std::string &>().empty()) {
            error.detail = tr("page %1 ends without a transactionKey to ask for the next page").arg(m_page);
        } else if (key->get_ref<const std::string &>() == m_lastCursor) {
            error.detail = tr("the server ignored startingAfter: page %1 ends where page %2 did").arg(m_page).arg(m_page - 1);
        } else {
            m_lastCursor = key->get<std::string>();
            return true;
        }
    } else {
        const std::size_t hash = std::hash<std::string>{}(page.dump());
        if (m_page > 1 && hash == m_lastPageHash) {
            error.detail = tr("the server ignored the page number: page %1 repeats page %2").arg(m_page).arg(m_page - 1);
        } else {
            m_lastPageHash = hash;
            return true;
        }
    }
    finishWithError(error);
    return false;
}

AnswerReading readAnswer(const Answer &answer, const QDateTime &now)
{
    AnswerReading reading;
    ApiError &error = reading.error;
    error.httpStatus = answer.status;
    const auto fail = [&](ApiError::Kind kind, QString detail, bool retry) {
        error.kind = kind;
        error.detail = std::move(detail);
        reading.outcome = retry ? AnswerReading::Outcome::RetryableError : AnswerReading::Outcome::Error;
        return reading;
    };
    if (answer.tooLarge)
        return fail(ApiError::Kind::TooLarge, QStringLiteral("%1 MB").arg(answer.maxBytes / (1024 * 1024)), false);
    if (answer.timedOut)
        return fail(ApiError::Kind::Timeout, QStringLiteral("%1 s").arg(answer.timeoutMs / 1000.0), true);
    // A redirect that was not followed (to another origin): never retried, never re-sent.
    if ((answer.status >= 300 && answer.status < 400) || answer.networkError == QNetworkReply::InsecureRedirectError
        || answer.networkError == QNetworkReply::TooManyRedirectsError)
        return fail(ApiError::Kind::Redirect, QString::fromUtf8(answer.location), false);
    // Fewer bytes than promised: the connection dropped mid-body.
    if (answer.promisedBytes > answer.bytes.size())
        return fail(ApiError::Kind::Network,
                    ApiCall::tr("the answer was cut short: %1 of %2 bytes").arg(answer.bytes.size()).arg(answer.promisedBytes), true);
    if (answer.networkError != QNetworkReply::NoError && answer.status == 0)
        return fail(kindOf(answer.networkError), answer.networkErrorText, true);

    Json body = Json::parse(answer.bytes.constData(), answer.bytes.constData() + answer.bytes.size(), nullptr, false);
    const bool json = !body.is_discarded() && answer.contentType.contains(QLatin1String("json"), Qt::CaseInsensitive);
    if (answer.status >= 400) {
        error.kind = ApiError::Kind::Http;
        if (json && body.is_object()) {
            // Core API {code, message}; Apps-in-Toss {resultType: FAIL, error: {errorCode, reason}};
            // a gateway's {code: 404, message: "Not Found"}. Read by type: a server may send anything.
            const Json *nested = memberOf(body, "error");
            const Json &e = nested && nested->is_object() ? *nested : body;
            error.code = scalarText(memberOf(e, "code"));
            if (error.code.empty())
                error.code = scalarText(memberOf(e, "errorCode"));
            error.message = scalarText(memberOf(e, "message"));
            if (error.message.empty())
                error.message = scalarText(memberOf(e, "reason"));
        }
        if (json)
            reading.body = std::move(body);  // the error object itself is evidence
        reading.retryAfterMs = parseRetryAfter(answer.retryAfter, now);
        reading.outcome = error.retryable() ? AnswerReading::Outcome::RetryableError : AnswerReading::Outcome::Error;
        return reading;
    }
    if (!json) {
        // A body cut short by the network is worth one more try.
        return fail(ApiError::Kind::InvalidResponse,
                    body.is_discarded() ? ApiCall::tr("HTTP %1, %2 bytes that are not JSON").arg(answer.status).arg(answer.bytes.size())
                                        : ApiCall::tr("Content-Type %1").arg(answer.contentType.isEmpty() ? ApiCall::tr("missing") : answer.contentType),
                    true);
    }
    if (answer.list && !body.is_array())
        return fail(ApiError::Kind::InvalidResponse, ApiCall::tr("expected a JSON array of records"), false);
    reading.outcome = AnswerReading::Outcome::Body;
    reading.body = std::move(body);
    return reading;
}

namespace {

// The headers of an answer as they are kept, used or not (RawAnswer, ReceivedAnswer): a cookie may
// hold a session, which is no evidence and not to be kept; and a server sending thousands of
// headers, or huge ones, does not fill memory.
QList<QPair<QByteArray, QByteArray>> keptHeaders(const QNetworkReply &reply)
{
    constexpr int kMaxHeaders = 64;
    QList<QPair<QByteArray, QByteArray>> kept;
    for (const QNetworkReply::RawHeaderPair &header : reply.rawHeaderPairs()) {
        if (kept.size() == kMaxHeaders)
            break;
        if (header.first.compare("Set-Cookie", Qt::CaseInsensitive) == 0
            || header.first.compare("Set-Cookie2", Qt::CaseInsensitive) == 0
            || header.first.compare("Cookie", Qt::CaseInsensitive) == 0)
            continue;
        kept.append({header.first.left(256), header.second.left(2048)});
    }
    return kept;
}

// What a kept answer holds, for the list caps: the bytes that vary with what the server sends.
qint64 keptBytes(const RawAnswer &raw)
{
    qint64 bytes = raw.content.size() + raw.path.size();
    for (const auto &[name, value] : raw.headers)
        bytes += name.size() + value.size();
    return bytes;
}

std::shared_ptr<const ReceivedAnswer> receivedAnswer(const Answer &answer, QNetworkReply *reply, const QByteArray &body,
                                                     qint64 size, bool cut)
{
    auto received = std::make_shared<ReceivedAnswer>();
    received->status = answer.status;
    received->contentType = answer.contentType;
    received->headers = keptHeaders(*reply);
    received->head = body.left(ReceivedAnswer::kKeptBytes);
    received->size = size;
    received->cut = cut || (answer.promisedBytes > answer.bytes.size());
    return received;
}

} // namespace

void ApiCall::handleReply(QNetworkReply *reply)
{
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.networkError = reply->error();
    answer.networkErrorText = reply->errorString();
    answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    answer.tooLarge = m_tooLarge;
    answer.timedOut = m_timedOut;
    answer.bytes = m_tooLarge ? QByteArray() : reply->readAll();
    const QVariant promised = reply->header(QNetworkRequest::ContentLengthHeader);
    answer.promisedBytes = promised.isValid() ? promised.toLongLong() : -1;
    answer.location = reply->rawHeader("Location");
    answer.retryAfter = reply->rawHeader("Retry-After");
    answer.list = m_paging != Paging::None || m_listPage;
    answer.maxBytes = m_config.maxResponseBytes;
    answer.timeoutMs = m_timeoutMs;

    const QDateTime now = QDateTime::currentDateTimeUtc();
    AnswerReading reading = readAnswer(answer, now);
    reading.error.attempts = m_totalAttempts;
    reading.error.list = answer.list;
    reading.error.endpoint = m_endpoint;
    if (reading.outcome != AnswerReading::Outcome::Body && !reading.body && (answer.status != 0 || m_tooLarge))
        reading.error.received = receivedAnswer(answer, reply, m_tooLarge ? m_tooLargeHead : answer.bytes,
                                                m_tooLarge ? m_tooLargeReceived : answer.bytes.size(), m_tooLarge);
    switch (reading.outcome) {
    case AnswerReading::Outcome::RetryableError: {
        // What is not JSON is retried as a network fault (a body cut short), and told as what it was.
        ApiError retry = reading.error;
        if (retry.kind == ApiError::Kind::InvalidResponse)
            retry.kind = ApiError::Kind::Network;
        if (scheduleRetry(retry, reading.retryAfterMs))
            return;
        [[fallthrough]];
    }
    case AnswerReading::Outcome::Error: {
        ApiResponse response;
        response.httpStatus = reading.error.httpStatus;
        response.error = std::move(reading.error);
        response.body = std::move(reading.body);
        // What the provider answered is evidence too (a NOT_FOUND_PAYMENT body, a gateway's 502
        // page): the pages before it and the answer itself, as received, when it came whole.
        if (answer.status != 0 && !m_tooLarge) {
            response.answers = std::move(m_answers);
            response.answers.push_back(
                RawAnswer{m_method, m_target, answer.status, keptHeaders(*reply), answer.bytes, now.toMSecsSinceEpoch()});
        }
        finish(std::move(response));
        return;
    }
    case AnswerReading::Outcome::Body:
        break;
    }
    Json &body = *reading.body;
    RawAnswer raw{m_method, m_target, answer.status, keptHeaders(*reply), std::move(answer.bytes), now.toMSecsSinceEpoch()};
    if (m_paging == Paging::None) {
        ApiResponse response;
        response.body = std::move(body);
        response.httpStatus = answer.status;
        response.answers.push_back(std::move(raw));
        finish(std::move(response));
        return;
    }
    const std::size_t received = body.size();
    const bool last = received < std::size_t(m_pageSize) || received == 0;
    if (!last && !pageAdvances(body, keptBytes(raw)))
        return;
    m_answers.push_back(std::move(raw));
    for (Json &item : body)
        m_items.push_back(std::move(item));
    emit progress(m_page, qint64(m_items.size()));
    if (last) {
        ApiResponse response;
        response.body = std::move(m_items);
        response.answers = std::move(m_answers);
        response.httpStatus = answer.status;
        response.pages = m_page;
        finish(std::move(response));
        return;
    }
    ++m_page;
    m_attempts = 0;
    sendAttempt();
}

void ApiCall::finishWithError(ApiError error)
{
    ApiResponse response;
    response.httpStatus = error.httpStatus;
    response.error = std::move(error);
    finish(std::move(response));
}

void ApiCall::finish(ApiResponse response)
{
    if (m_done)
        return;
    m_done = true;
    response.endpoint = m_endpoint;
    response.attempts = m_totalAttempts;
    if (response.pages == 0 && m_paging != Paging::None)
        response.pages = m_page;
    emit finished(response);
    deleteLater();
}

TossClient::TossClient(QNetworkAccessManager *network, ClientConfig config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(std::move(config))
{
    qRegisterMetaType<paytriage::ApiResponse>();
}

ApiCall *TossClient::make(const QString &method, const QString &path, int timeoutMs)
{
    auto *call = new ApiCall(m_network, m_config, this);
    call->m_method = method;
    call->m_path = path;
    call->m_timeoutMs = timeoutMs;
    call->m_endpoint = method + QLatin1Char(' ') + path;
    return call;
}

ApiCall *TossClient::payment(const QString &paymentKey)
{
    ApiCall *call = make(QStringLiteral("GET"), QStringLiteral("/v1/payments/") + encoded(paymentKey), m_config.timeoutMs);
    call->m_idProblem = idProblem(paymentKey);
    call->start();
    return call;
}

ApiCall *TossClient::paymentByOrderId(const QString &orderId)
{
    ApiCall *call = make(QStringLiteral("GET"), QStringLiteral("/v1/payments/orders/") + encoded(orderId), m_config.timeoutMs);
    call->m_idProblem = idProblem(orderId);
    call->start();
    return call;
}

ApiCall *TossClient::transactions(const QString &startDate, const QString &endDate, int limit)
{
    ApiCall *call = make(QStringLiteral("GET"), QStringLiteral("/v1/transactions"), m_config.listTimeoutMs);
    call->m_query.addQueryItem(QStringLiteral("startDate"), startDate);
    call->m_query.addQueryItem(QStringLiteral("endDate"), endDate);
    call->m_paging = ApiCall::Paging::Cursor;
    call->m_pageSize = std::clamp(limit, 1, 5000);
    call->start();
    return call;
}

ApiCall *TossClient::settlements(const QString &startDate, const QString &endDate, bool byPaidOutDate, int size)
{
    ApiCall *call = make(QStringLiteral("GET"), QStringLiteral("/v1/settlements"), m_config.listTimeoutMs);
    call->m_query.addQueryItem(QStringLiteral("startDate"), startDate);
    call->m_query.addQueryItem(QStringLiteral("endDate"), endDate);
    call->m_query.addQueryItem(QStringLiteral("dateType"),
                               byPaidOutDate ? QStringLiteral("paidOutDate") : QStringLiteral("soldDate"));
    call->m_paging = ApiCall::Paging::Page;
    call->m_pageSize = std::clamp(size, 1, 5000);
    call->start();
    return call;
}

ApiCall *TossClient::transactionsPage(const QString &startDate, const QString &endDate, const QString &startingAfter, int limit)
{
    ApiCall *call = make(QStringLiteral("GET"), QStringLiteral("/v1/transactions"), m_config.listTimeoutMs);
    call->m_query.addQueryItem(QStringLiteral("startDate"), startDate);
    call->m_query.addQueryItem(QStringLiteral("endDate"), endDate);
    if (!startingAfter.isEmpty())
        call->m_query.addQueryItem(QStringLiteral("startingAfter"), startingAfter);
    call->m_query.addQueryItem(QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 5000)));
    call->m_listPage = true;
    call->start();
    return call;
}

ApiCall *TossClient::settlementsPage(const QString &startDate, const QString &endDate, int page, int size)
{
    ApiCall *call = make(QStringLiteral("GET"), QStringLiteral("/v1/settlements"), m_config.listTimeoutMs);
    call->m_query.addQueryItem(QStringLiteral("startDate"), startDate);
    call->m_query.addQueryItem(QStringLiteral("endDate"), endDate);
    call->m_query.addQueryItem(QStringLiteral("dateType"), QStringLiteral("soldDate"));
    call->m_query.addQueryItem(QStringLiteral("page"), QString::number(std::max(page, 1)));
    call->m_query.addQueryItem(QStringLiteral("size"), QString::number(std::clamp(size, 1, 5000)));
    call->m_listPage = true;
    call->start();
    return call;
}

ApiCall *TossClient::iapOrderStatus(const QString &orderId, const QString &userKey)
{
    // A read, though it is a POST: the Apps-in-Toss API asks for the id in the body.
    ApiCall *call = make(QStringLiteral("POST"), QStringLiteral("/api-partner/v1/apps-in-toss/order/get-order-status"),
                         m_config.timeoutMs);
    call->m_body = QByteArray::fromStdString(Json{{"orderId", orderId.toStdString()}}.dump());
    call->m_headers.append({QByteArrayLiteral("x-toss-user-key"), userKey.toUtf8()});
    call->m_appsInToss = true;
    call->start();
    return call;
}

} // namespace paytriage
