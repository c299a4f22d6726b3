#include "casefetcher.h"

#include "util/jsonutil.h"
#include "util/timestamp.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace paytriage {
namespace {

// Local KST date-time without offset, as /v1/transactions expects (facts §2.1).
QString kstQueryTime(std::int64_t ms)
{
    return QString::fromStdString(formatIsoKst(ms).substr(0, 19));
}

QString kstDate(std::int64_t ms)
{
    return QString::fromStdString(formatIsoKst(ms).substr(0, 10));
}

constexpr std::int64_t day = 24LL * 3600 * 1000;

} // namespace

IdKind detectIdKind(const QString &id)
{
    // paymentKeys seen: "tgen_20240101…", "ec_id20250402083921BUZL3", "estag20240807160826ZKQT3":
    // letters, then a 14-digit date-time, then more. orderIds are free-form (6–64 [A-Za-z0-9_-]).
    // Older keys are long random tokens (30+ letters and digits, no separators).
    static const QRegularExpression paymentKey(QStringLiteral("^[A-Za-z_]{2,12}20\\d{12}[A-Za-z0-9]{3,}$"));
    static const QRegularExpression randomKey(QStringLiteral("^[A-Za-z0-9]{30,200}$"));
    return paymentKey.match(id).hasMatch() || randomKey.match(id).hasMatch() ? IdKind::PaymentKey : IdKind::OrderId;
}

QString sourceName(Source source)
{
    switch (source) {
    case Source::Payment: return QCoreApplication::translate("paytriage::CaseFetcher", "payment");
    case Source::Transactions: return QCoreApplication::translate("paytriage::CaseFetcher", "transactions");
    case Source::Settlements: return QCoreApplication::translate("paytriage::CaseFetcher", "settlements");
    case Source::IapOrderStatus: return QCoreApplication::translate("paytriage::CaseFetcher", "in-app order status");
    }
    return {};
}

CaseFetcher::CaseFetcher(TossClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    qRegisterMetaType<paytriage::ApiError>();
    qRegisterMetaType<paytriage::Source>();
}

void CaseFetcher::track(Source source, ApiCall *call, const std::function<void(const ApiResponse &)> &onSuccess)
{
    ++m_pending;
    m_calls.emplace_back(call);
    emit sourceStarted(source);
    connect(call, &ApiCall::progress, this, [this, source](int pages, qint64 records) { emit sourceProgress(source, pages, records); });
    connect(call, &ApiCall::retrying, this, [this, source](int attempt, int maxAttempts, qint64 waitMs, bool retryAfter) {
        emit sourceRetrying(source, attempt, maxAttempts, waitMs, retryAfter);
    });
    connect(call, &ApiCall::finished, this, [this, source, onSuccess](const ApiResponse &response) {
        // Whatever the answer holds, one source fails with a message; nothing escapes the slot.
        try {
            if (response.ok()) {
                m_answers[source] = response.answers;
                onSuccess(response);
            } else {
                // An error body (NOT_FOUND_PAYMENT, …) is evidence too: keep it in the case, and
                // what came back as received for the history.
                m_answers[source] = response.answers;
                if (response.body && response.error->kind == ApiError::Kind::Http)
                    addDocument(*response.body, response);
                fail(source, *response.error);
            }
        } catch (const std::exception &e) {
            ApiError error;
            error.kind = ApiError::Kind::InvalidResponse;
            error.httpStatus = response.httpStatus;
            error.detail = QString::fromUtf8(e.what());
            fail(source, error);
        }
        done();
    });
}

const std::vector<RawAnswer> &CaseFetcher::answersOf(Source source) const
{
    static const std::vector<RawAnswer> none;
    const auto it = m_answers.find(source);
    return it == m_answers.end() ? none : it->second;
}

void CaseFetcher::fail(Source source, const ApiError &error)
{
    m_errors.emplace_back(source, error);
    emit sourceFailed(source, error);
}

// A 200 whose body is not what was asked for (a proxy's {"ok": true}, a list): kept as evidence,
// and the source fails.
bool CaseFetcher::expect(DocumentKind kind, Source source, const ApiResponse &response)
{
    std::string payload;
    const DocumentKind found = classify(*response.body, &payload);
    if (found == kind)
        return true;
    addDocument(*response.body, response);
    ApiError error;
    error.kind = ApiError::Kind::InvalidResponse;
    error.httpStatus = response.httpStatus;
    error.detail = kind == DocumentKind::Payment
                       ? tr("HTTP %1, but the answer is not a payment object").arg(response.httpStatus)
                       : tr("HTTP %1, but the answer is not an in-app order status").arg(response.httpStatus);
    fail(source, error);
    return false;
}

void CaseFetcher::addDocument(Json value, const ApiResponse &response)
{
    Document doc;
    doc.kind = classify(value, &doc.payloadPointer);
    doc.value = std::move(value);
    doc.source = {response.endpoint.toStdString(), response.endpoint.toStdString(), response.httpStatus,
                  QDateTime::currentMSecsSinceEpoch()};
    const Json &payload = doc.payload();
    if (payload.is_object() && payload.contains("version") && payload["version"].is_string())
        doc.apiVersion = payload["version"].get<std::string>();
    m_case.documents.push_back(std::move(doc));
    m_case.index();
    emit caseUpdated();
}

void CaseFetcher::fetch(const QString &id, IdKind kind)
{
    cancel();
    m_case = Case();
    m_errors.clear();
    m_answers.clear();
    m_pending = 0;
    const QString trimmed = id.trimmed();
    if (kind == IdKind::Auto)
        kind = detectIdKind(trimmed);
    ApiCall *call = kind == IdKind::PaymentKey ? m_client->payment(trimmed) : m_client->paymentByOrderId(trimmed);
    track(Source::Payment, call, [this](const ApiResponse &response) {
        if (!expect(DocumentKind::Payment, Source::Payment, response))
            return;
        addDocument(*response.body, response);
        if (m_fetchRelated)
            fetchRelated(*response.body);
        emit sourceFinished(Source::Payment, 1);
    });
}

void CaseFetcher::fetchIapOrder(const QString &orderId, const QString &userKey)
{
    m_answers.erase(Source::IapOrderStatus);
    track(Source::IapOrderStatus, m_client->iapOrderStatus(orderId, userKey), [this](const ApiResponse &response) {
        if (!expect(DocumentKind::IapOrderStatus, Source::IapOrderStatus, response))
            return;
        addDocument(*response.body, response);
        emit sourceFinished(Source::IapOrderStatus, 1);
    });
}

void CaseFetcher::fetchRelated(const Json &payment)
{
    if (!payment.is_object())
        return;
    const std::string paymentKey = json::string(payment, "paymentKey");
    // The window: from a day before the request to a day after the last thing that happened.
    std::int64_t first = 0;
    std::int64_t last = 0;
    auto widen = [&](const Json &object, const char *field) {
        if (!object.contains(field) || !object[field].is_string())
            return;
        const auto t = parseTimestamp(object[field].get<std::string>());
        if (!t)
            return;
        first = first == 0 ? t->msSinceEpoch : std::min(first, t->msSinceEpoch);
        last = std::max(last, t->msSinceEpoch);
    };
    widen(payment, "requestedAt");
    widen(payment, "approvedAt");
    if (payment.contains("cancels") && payment["cancels"].is_array())
        for (const Json &c : payment["cancels"])
            widen(c, "canceledAt");
    if (first == 0 || paymentKey.empty())
        return;

    ApiCall *tx = m_client->transactions(kstQueryTime(first - day), kstQueryTime(last + day));
    track(Source::Transactions, tx, [this, paymentKey](const ApiResponse &response) {
        addRecordsOf(paymentKey, Source::Transactions, response);
    });
    // Sold dates follow the settlement cycle: look a fortnight past the last event.
    ApiCall *st = m_client->settlements(kstDate(first), kstDate(last + 14 * day));
    track(Source::Settlements, st, [this, paymentKey](const ApiResponse &response) {
        addRecordsOf(paymentKey, Source::Settlements, response);
    });
}

// A list call returns everyone's records in the window: keep this payment's.
void CaseFetcher::addRecordsOf(const std::string &paymentKey, Source source, const ApiResponse &response)
{
    Json mine = Json::array();
    for (const Json &record : *response.body)
        if (record.is_object() && json::string(record, "paymentKey") == paymentKey)
            mine.push_back(record);
    const int count = int(mine.size());
    if (count > 0)
        addDocument(std::move(mine), response);
    emit sourceFinished(source, count);
}

void CaseFetcher::cancel()
{
    const auto calls = std::move(m_calls);
    m_calls.clear();
    for (const QPointer<ApiCall> &call : calls)
        if (call)
            call->cancel();
}

void CaseFetcher::done()
{
    if (--m_pending == 0)
        emit finished();
}

std::optional<ApiError> CaseFetcher::paymentError() const
{
    std::optional<ApiError> error;
    for (const auto &[source, e] : m_errors)
        if (source == Source::Payment)
            error = e;
    return error;
}

} // namespace paytriage
