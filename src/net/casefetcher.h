#pragma once

// Everything the provider knows about one payment, fetched as soon as it can be: the payment
// first (by paymentKey or orderId), then in parallel its transactions (a window around its
// request and cancels, pages followed, filtered to it), its settlements (by sold date), and
// the in-app order status when asked. Each source arrives on its own; one failing never hides
// the others.

#include "model/document.h"
#include "net/tossclient.h"

#include <QObject>
#include <QPointer>

#include <map>
#include <optional>
#include <vector>

namespace paytriage {

enum class IdKind {
    Auto,
    OrderId,
    PaymentKey
};

// orderId vs paymentKey by shape: paymentKeys are long generated tokens (tgen_…, 20+
// characters with a date-time inside); orderIds are the merchant's own. A guess the user can
// override.
IdKind detectIdKind(const QString &id);

enum class Source {
    Payment,
    Transactions,
    Settlements,
    IapOrderStatus
};

QString sourceName(Source source);

class CaseFetcher final : public QObject
{
    Q_OBJECT

public:
    CaseFetcher(TossClient *client, QObject *parent = nullptr);

    void fetch(const QString &id, IdKind kind = IdKind::Auto);
    // Transactions and settlements are merchant-wide lists filtered to the payment: thorough but
    // heavy. Off, only the payment is fetched (batch triage of many ids).
    void setFetchRelated(bool on) { m_fetchRelated = on; }
    void fetchIapOrder(const QString &orderId, const QString &userKey);
    void cancel();
    bool running() const { return m_pending > 0; }

    const Case &currentCase() const { return m_case; }
    const std::vector<std::pair<Source, ApiError>> &errors() const { return m_errors; }
    // Why the payment itself could not be read (the others are the case's to say); none when it was.
    std::optional<ApiError> paymentError() const;
    // The HTTP answers, as received, of the read that gave this source's document: for a list
    // every page, holding every record of the period, while the document keeps only this
    // payment's. Set as soon as the read succeeds (before sourceFinished and caseUpdated), also
    // when the answer then proves not to be what was asked for or holds none of the payment's
    // records. A read that failed keeps what the server answered, when it answered whole (its
    // error body as received); empty when nothing came or it has not ended. fetch() clears every source's;
    // fetchIapOrder(), which adds to the current case, clears its own.
    const std::vector<RawAnswer> &answersOf(Source source) const;

signals:
    void sourceStarted(paytriage::Source source);
    void sourceFinished(paytriage::Source source, int records);
    void sourceFailed(paytriage::Source source, const paytriage::ApiError &error);
    // A list source's pages and records so far; a source about to be tried again.
    void sourceProgress(paytriage::Source source, int pages, qint64 records);
    void sourceRetrying(paytriage::Source source, int attempt, int maxAttempts, qint64 waitMs, bool retryAfter);
    void caseUpdated();  // a document was added to currentCase(): analyse again
    void finished();     // every source is done (or failed, or was canceled)

private:
    void track(Source source, ApiCall *call, const std::function<void(const ApiResponse &)> &onSuccess);
    void addDocument(Json value, const ApiResponse &response);
    void fetchRelated(const Json &payment);
    void addRecordsOf(const std::string &paymentKey, Source source, const ApiResponse &response);
    void done();
    void fail(Source source, const ApiError &error);
    bool expect(DocumentKind kind, Source source, const ApiResponse &response);

    TossClient *m_client;
    Case m_case;
    std::vector<QPointer<ApiCall>> m_calls;
    std::vector<std::pair<Source, ApiError>> m_errors;
    std::map<Source, std::vector<RawAnswer>> m_answers;
    int m_pending = 0;
    bool m_fetchRelated = true;
};

} // namespace paytriage

Q_DECLARE_METATYPE(paytriage::Source)
