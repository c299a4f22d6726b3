#pragma once
// One case of the console: a lookup (fetched through CaseFetcher, source by source) or a text
// (pasted, typed, dropped, opened), decoded and analysed. Emits typed signals as sources
// arrive; the CaseView only draws what it is told. Decoding and analysis run off the UI thread,
// for texts and for fetched answers alike (once per arriving source at most).

#include "catalog/catalog.h"
#include "net/casefetcher.h"
#include "net/tossclient.h"
#include "pipeline/caseinput.h"
#include "store/snapshot.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace paytriage {

// Everything a case view shows, immutable once published (models keep shared pointers).
struct CaseSnapshot
{
    std::shared_ptr<const std::vector<Document>> documents;
    std::shared_ptr<const std::string> rawText;       // the raw pane's text
    std::shared_ptr<const SourceMap> sourceMap;       // null when mapping is None
    // How much of the raw text the map links to values (see InputLimits): every value, the
    // records only (a big text), or nothing (a streamed file: rawText is then its head only).
    SourceMapping mapping = SourceMapping::None;
    InputRoute route = InputRoute::Whole;
    std::uint64_t inputBytes = 0;                     // the text's or file's size
    bool previewCut = false;                          // streamed: rawText is not all of it
    std::vector<Repair> repairs;                      // pasted text only
    std::vector<DecodeError> skipped;                 // pasted documents that broke while the rest was read
    Analysis analysis;
    CaseFacts facts;                                  // status, method, amounts, ids of the case
};

class CaseSession final : public QObject
{
    Q_OBJECT
public:
    enum class SourceState {
        Idle,
        Running,
        Done,
        Failed,
        Canceled
    };
    struct SourceStatus
    {
        SourceState state = SourceState::Idle;
        int records = 0;
        std::optional<ApiError> error;
        // While running: list pages read so far, and a retry under way (attempt of maxAttempts,
        // sent at retryAtMs, since the epoch; 0 when none).
        int pages = 0;
        int attempt = 0;
        int maxAttempts = 0;
        std::int64_t retryAtMs = 0;
        bool retryAfter = false;
    };
    // Where the case as a whole stands. The header chip, the tab, the explanation pane and the
    // status bar all read this one state: "no findings" is only ever said of a complete case.
    enum class State {
        Empty,         // nothing asked yet
        Working,       // sources being fetched, or the text being read and analysed
        Complete,      // everything asked for arrived and was analysed
        PartlyFailed,  // the payment (or order status) is here; another source failed or was stopped
        Failed,        // nothing to analyse: the main source failed, or the text could not be read
        Canceled       // stopped by the user before the main source arrived
    };
    Q_ENUM(State)
    struct Progress
    {
        int finished = 0;  // sources done, failed or stopped
        int started = 0;   // sources asked for so far (a payment's lists start once it arrived)
    };
    struct LookupRequest
    {
        QString id;
        IdKind kind = IdKind::Auto;
        bool inApp = false;              // an Apps-in-Toss orderId (get-order-status)
        QString iapUserKey;
        QString profileName;
        QString mid;                     // the profile's merchant ID, for provenance
        ClientConfig config;
    };

    // Where a case opened from the evidence history came from: the snapshot and its provenance.
    struct StoredOrigin
    {
        qint64 id = 0;
        QString caseKey;
        SnapshotKind kind = SnapshotKind::Lookup;
        QString profile;
        QString mid;
        SnapshotKeyMode keyMode = SnapshotKeyMode::Unknown;
        qint64 capturedAtMs = 0;
    };

    // The session shares the network access manager and reads catalog/options at each analysis.
    CaseSession(const Catalog &catalog, AnalyzerOptions options, QObject *parent = nullptr);
    ~CaseSession() override;

    void startLookup(QNetworkAccessManager *network, LookupRequest request);
    // asOf: analyse as of that time (ms since the epoch), as the evidence was when captured;
    // none: as of now.
    void startText(QString title, std::string text, std::optional<std::int64_t> asOf = std::nullopt);
    std::optional<std::int64_t> asOf() const { return m_asOf; }
    // A snapshot of the evidence history, opened again: read-only, its bodies as stored (masked
    // where the store says), analysed as of when it was captured. Refresh analyses it again; it
    // is not kept again.
    void startStored(StoredSnapshot stored);
    const std::optional<StoredOrigin> &stored() const { return m_stored; }
    // The snapshot itself (its bodies as kept), when the case is one.
    std::shared_ptr<const Snapshot> storedSnapshot() const { return m_stored ? m_storedSnapshot : nullptr; }
    // A file is read by the worker too: a 50 MB read would hold the window for ~100 ms.
    void startFile(QString title, QString path);
    void refresh();                      // F5: fetch again, or re-analyse the text
    void cancel();
    void setAnalyzerOptions(AnalyzerOptions options);  // re-analyses
    // Size limits of texts and files, for the next start (tests use small ones).
    void setInputLimits(const InputLimits &limits) { m_limits = limits; }
    const InputLimits &inputLimits() const { return m_limits; }
    // The language the provider is asked to answer in (Accept-Language) from the next fetch on.
    void setLanguage(Language language);

    bool isLookup() const { return m_lookup.has_value(); }
    const std::optional<LookupRequest> &lookup() const { return m_lookup; }
    QString title() const { return m_title; }
    // When the lookup or analysis last started (ms since the epoch, UTC).
    std::int64_t startedAtMs() const { return m_startedAtMs; }
    bool busy() const;
    State state() const;
    Progress progress() const;
    // How many times the case was analysed since it started: once per arriving source at most.
    int analyses() const { return m_analyses; }
    const CaseSnapshot &snapshot() const { return m_snapshot; }
    const SourceStatus &status(Source source) const { return m_status[static_cast<int>(source)]; }
    // What a source's read received, as received (every page of a list): the evidence history's
    // bodies. Empty for texts and for a source that did not arrive.
    const std::vector<RawAnswer> &answersOf(Source source) const;
    // Why the case has nothing to show (a decode error of the text, or the payment's fetch
    // failing); empty when it has.
    QString failure() const { return m_failure; }
    std::optional<ApiError> failedRequest() const { return m_failedRequest; }
    std::optional<ByteRange> failurePosition() const { return m_failurePosition; }
    const std::string &inputText() const { return m_inputText; }  // empty for files (see rawText)

Q_SIGNALS:
    void sourceChanged(paytriage::Source source);
    void snapshotChanged();
    void failedChanged();
    void busyChanged(bool busy);
    void stateChanged(paytriage::CaseSession::State state);

private:
    struct FetchedResult;
    struct PrintedDocument;
    static std::string keyOf(const Document &document, std::size_t index);
    static std::shared_ptr<const PrintedDocument> print(const Document &document, std::size_t index);
    void analyseFetched();
    void publish(CaseSnapshot snapshot);
    void setFailure(QString message, std::optional<ApiError> request, std::optional<ByteRange> at);
    void runText();
    void runStored();
    // Starts an analysis of documents off the UI thread (one at a time); printed: those of
    // them already printed for the raw pane.
    void analyseDocuments(std::vector<Document> documents, std::optional<std::int64_t> asOf);

    const Catalog &m_catalog;
    AnalyzerOptions m_options;
    InputLimits m_limits;
    QString m_title;
    std::optional<LookupRequest> m_lookup;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<TossClient> m_client;
    std::unique_ptr<CaseFetcher> m_fetcher;
    std::string m_inputText;
    QString m_inputPath;
    std::unique_ptr<QFutureWatcher<std::shared_ptr<AnalysedInput>>> m_watcher;
    // A lookup's analysis under way, whether answers arrived during it, and the documents
    // printed for the raw pane so far.
    std::unique_ptr<QFutureWatcher<std::shared_ptr<FetchedResult>>> m_fetchedWatcher;
    bool m_fetchedAgain = false;
    std::vector<std::shared_ptr<const PrintedDocument>> m_printed;
    CaseSnapshot m_snapshot;
    SourceStatus m_status[4];
    QString m_failure;
    std::optional<ApiError> m_failedRequest;
    std::optional<ByteRange> m_failurePosition;
    bool m_textRunning = false;
    bool m_textCanceled = false;
    int m_analyses = 0;
    std::int64_t m_startedAtMs = 0;
    std::optional<std::int64_t> m_asOf;
    std::optional<StoredOrigin> m_stored;
    std::shared_ptr<const Snapshot> m_storedSnapshot;  // its bodies, read again by the worker
    State m_lastState = State::Empty;
    void updateState();
};

} // namespace paytriage
