#include "casesession.h"

#include "model/input.h"
#include "store/snapshotcase.h"
#include "util/clock.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace paytriage {
namespace {

CaseSession::SourceStatus sourceStatus(CaseSession::SourceState state, int records, std::optional<ApiError> error)
{
    CaseSession::SourceStatus status;
    status.state = state;
    status.records = records;
    status.error = std::move(error);
    return status;
}

} // namespace

// One fetched document as the raw pane shows it: pretty-printed under a comment line naming the
// request, with the map of that text (as document 0). Printed and mapped once, when it arrives;
// the pane's text and map are these laid end to end.
struct CaseSession::PrintedDocument
{
    std::string key;  // the request and when it arrived: a refresh's documents are new ones
    std::string text;
    SourceMap map;
};

std::string CaseSession::keyOf(const Document &d, std::size_t index)
{
    return std::to_string(index) + ' ' + d.source.label + ' ' + std::to_string(d.source.fetchedAtMs);
}

std::shared_ptr<const CaseSession::PrintedDocument> CaseSession::print(const Document &d, std::size_t index)
{
    auto printed = std::make_shared<PrintedDocument>();
    printed->key = keyOf(d, index);
    std::string &text = printed->text;
    text += "// #" + std::to_string(index + 1) + ' ' + d.source.label;
    if (d.source.httpStatus)
        text += " → HTTP " + std::to_string(d.source.httpStatus);
    text += '\n';
    text += d.value.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace);
    text += "\n\n";
    DecodeResult decoded = decode(text);
    if (decoded.ok() && decoded.documents.size() == 1)
        printed->map = std::move(decoded.sourceMap);
    return printed;
}

struct CaseSession::FetchedResult
{
    CaseSnapshot snapshot;
    std::vector<std::shared_ptr<const PrintedDocument>> printed;
    QString failure;  // the analysis broke
};

CaseSession::CaseSession(const Catalog &catalog, AnalyzerOptions options, QObject *parent)
    : QObject(parent), m_catalog(catalog), m_options(std::move(options))
{
    // Whatever changed, the case's one state is read again.
    connect(this, &CaseSession::sourceChanged, this, &CaseSession::updateState);
    connect(this, &CaseSession::snapshotChanged, this, &CaseSession::updateState);
    connect(this, &CaseSession::failedChanged, this, &CaseSession::updateState);
    connect(this, &CaseSession::busyChanged, this, &CaseSession::updateState);
}

CaseSession::~CaseSession()
{
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->waitForFinished();  // the worker reads the catalog this session refers to
    }
    if (m_fetcher)
        m_fetcher->disconnect(this);
    if (m_fetchedWatcher)
        m_fetchedWatcher->disconnect(this);
}

const std::vector<RawAnswer> &CaseSession::answersOf(Source source) const
{
    static const std::vector<RawAnswer> none;
    return m_fetcher ? m_fetcher->answersOf(source) : none;
}

bool CaseSession::busy() const
{
    return m_textRunning || (m_fetcher && m_fetcher->running()) || m_fetchedWatcher;
}

CaseSession::State CaseSession::state() const
{
    if (!m_lookup) {
        if (m_textRunning || m_fetchedWatcher)
            return State::Working;
        if (m_textCanceled)
            return State::Canceled;
        if (!m_failure.isEmpty())
            return State::Failed;
        return m_snapshot.documents ? State::Complete : State::Empty;
    }
    const Source main = m_lookup->inApp ? Source::IapOrderStatus : Source::Payment;
    bool started = false;
    bool running = false;
    bool othersFell = false;
    for (int i = 0; i < 4; ++i) {
        const SourceState s = m_status[i].state;
        started = started || s != SourceState::Idle;
        running = running || s == SourceState::Running;
        othersFell = othersFell || (Source(i) != main && (s == SourceState::Failed || s == SourceState::Canceled));
    }
    // Not complete before the last answer is analysed: an all-clear before the settlement rules
    // ran would be a false one.
    if (running || (m_fetcher && m_fetcher->running()) || m_fetchedWatcher)
        return State::Working;
    switch (m_status[int(main)].state) {
    case SourceState::Failed:
        return State::Failed;
    case SourceState::Canceled:
        return State::Canceled;
    case SourceState::Done:
        // An analysis that broke leaves the answers shown but their findings unknown.
        return othersFell || !m_failure.isEmpty() ? State::PartlyFailed : State::Complete;
    case SourceState::Idle:
    case SourceState::Running:
        break;
    }
    return started ? State::Working : State::Empty;
}

CaseSession::Progress CaseSession::progress() const
{
    if (!m_lookup)
        return {m_textRunning || state() == State::Empty ? 0 : 1, state() == State::Empty ? 0 : 1};
    Progress p;
    for (const SourceStatus &s : m_status) {
        p.started += s.state != SourceState::Idle;
        p.finished += s.state == SourceState::Done || s.state == SourceState::Failed || s.state == SourceState::Canceled;
    }
    return p;
}

void CaseSession::updateState()
{
    const State now = state();
    if (now == m_lastState)
        return;
    m_lastState = now;
    Q_EMIT stateChanged(now);
}

void CaseSession::startLookup(QNetworkAccessManager *network, LookupRequest request)
{
    m_network = network;
    m_title = request.id;
    m_asOf.reset();
    m_stored.reset();
    m_lookup = std::move(request);
    refresh();
}

void CaseSession::setLanguage(Language language)
{
    if (m_lookup)
        m_lookup->config.language = language;
}

void CaseSession::startText(QString title, std::string text, std::optional<std::int64_t> asOf)
{
    m_title = std::move(title);
    m_asOf = asOf;
    m_stored.reset();
    m_lookup.reset();
    m_inputText = std::move(text);
    m_inputPath.clear();
    refresh();
}

void CaseSession::startFile(QString title, QString path)
{
    m_title = std::move(title);
    m_asOf.reset();
    m_stored.reset();
    m_lookup.reset();
    m_inputText.clear();
    m_inputPath = std::move(path);
    refresh();
}

void CaseSession::startStored(StoredSnapshot stored)
{
    const Snapshot &s = stored.snapshot;
    const QString shown = !s.orderId.isEmpty() ? s.orderId : !s.paymentKey.isEmpty() ? s.paymentKey : s.title;
    m_title = tr("#%1 %2").arg(stored.id).arg(shown);
    m_asOf = analysedAsOf(s);
    m_lookup.reset();
    m_inputText.clear();
    m_inputPath.clear();
    m_stored = StoredOrigin{stored.id, stored.caseKey, s.kind, s.profile, s.mid, s.keyMode, s.capturedAtMs};
    m_storedSnapshot = std::make_shared<const Snapshot>(std::move(stored.snapshot));
    refresh();
}

void CaseSession::refresh()
{
    if (m_stored) {
        runStored();
        return;
    }
    if (!m_lookup) {
        runText();
        return;
    }
    if (m_fetcher) {
        m_fetcher->disconnect(this);
        m_fetcher->cancel();
        m_fetcher.reset();
    }
    if (m_fetchedWatcher) {
        m_fetchedWatcher->disconnect(this);  // its worker holds copies only: it may finish alone
        m_fetchedWatcher.reset();
    }
    m_fetchedAgain = false;
    m_printed.clear();
    m_client = std::make_unique<TossClient>(m_network, m_lookup->config);
    m_fetcher = std::make_unique<CaseFetcher>(m_client.get());
    m_analyses = 0;
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
    for (SourceStatus &s : m_status)
        s = {};
    setFailure({}, {}, {});
    m_snapshot = {};
    Q_EMIT snapshotChanged();

    connect(m_fetcher.get(), &CaseFetcher::sourceStarted, this, [this](Source source) {
        m_status[int(source)] = sourceStatus(SourceState::Running, 0, {});
        Q_EMIT sourceChanged(source);
    });
    connect(m_fetcher.get(), &CaseFetcher::sourceFinished, this, [this](Source source, int records) {
        m_status[int(source)] = sourceStatus(SourceState::Done, records, {});
        Q_EMIT sourceChanged(source);
    });
    connect(m_fetcher.get(), &CaseFetcher::sourceFailed, this, [this](Source source, const ApiError &error) {
        const bool canceled = error.kind == ApiError::Kind::Canceled;
        m_status[int(source)] = sourceStatus(canceled ? SourceState::Canceled : SourceState::Failed, 0, error);
        Q_EMIT sourceChanged(source);
        if (!canceled && (source == Source::Payment || source == Source::IapOrderStatus))
            setFailure(error.describe(), error, {});
    });
    connect(m_fetcher.get(), &CaseFetcher::sourceProgress, this, [this](Source source, int pages, qint64 records) {
        SourceStatus &status = m_status[int(source)];
        status.pages = pages;
        status.records = int(std::min<qint64>(records, std::numeric_limits<int>::max()));
        status.retryAtMs = 0;
        Q_EMIT sourceChanged(source);
    });
    connect(m_fetcher.get(), &CaseFetcher::sourceRetrying, this,
            [this](Source source, int attempt, int maxAttempts, qint64 waitMs, bool retryAfter) {
                SourceStatus &status = m_status[int(source)];
                status.attempt = attempt;
                status.maxAttempts = maxAttempts;
                status.retryAtMs = QDateTime::currentMSecsSinceEpoch() + waitMs;
                status.retryAfter = retryAfter;
                Q_EMIT sourceChanged(source);
            });
    connect(m_fetcher.get(), &CaseFetcher::caseUpdated, this, &CaseSession::analyseFetched);
    connect(m_fetcher.get(), &CaseFetcher::finished, this, [this] {
        if (!m_fetchedWatcher)  // else when its analysis ends
            Q_EMIT busyChanged(false);
    });

    std::optional<QString> problem = m_lookup->inApp ? m_lookup->config.appsInTossProblem() : m_lookup->config.problem();
    if (!problem && m_lookup->inApp && m_lookup->iapUserKey.isEmpty())
        problem = tr("The in-app order status is read for one Toss user: enter their user key (x-toss-user-key) "
                     "beside the order ID.");
    if (problem) {
        ApiError error;
        error.kind = ApiError::Kind::Configuration;
        error.detail = *problem;
        m_status[int(m_lookup->inApp ? Source::IapOrderStatus : Source::Payment)] = sourceStatus(SourceState::Failed, 0, error);
        setFailure(error.describe(), error, {});
        Q_EMIT busyChanged(false);
        return;
    }
    Q_EMIT busyChanged(true);
    if (m_lookup->inApp)
        m_fetcher->fetchIapOrder(m_lookup->id, m_lookup->iapUserKey);
    else
        m_fetcher->fetch(m_lookup->id, m_lookup->kind);
}

void CaseSession::cancel()
{
    if (m_fetcher)
        m_fetcher->cancel();
    if (m_textRunning && m_watcher) {
        // A decode cannot be interrupted halfway; its result is dropped when it arrives.
        m_watcher->disconnect(this);
        m_watcher.release()->deleteLater();
        m_textRunning = false;
        m_textCanceled = true;
        setFailure(tr("Analysis canceled. Press F5 to run it again."), {}, {});
        Q_EMIT busyChanged(false);
    }
}

void CaseSession::setAnalyzerOptions(AnalyzerOptions options)
{
    m_options = std::move(options);
    if (m_stored)
        runStored();
    else if (m_lookup)
        analyseFetched();
    else if (!m_textRunning)
        runText();
}

void CaseSession::analyseFetched()
{
    if (m_fetcher)
        analyseDocuments(m_fetcher->currentCase().documents, std::nullopt);
}

void CaseSession::runStored()
{
    if (m_fetchedWatcher) {
        m_fetchedWatcher->disconnect(this);  // its worker holds copies only: it may finish alone
        m_fetchedWatcher.reset();
    }
    m_fetchedAgain = false;
    m_printed.clear();
    m_analyses = 0;
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
    setFailure({}, {}, {});
    Case kase = caseOfSnapshot(*m_storedSnapshot);
    if (kase.documents.empty()) {
        m_snapshot = {};
        Q_EMIT snapshotChanged();
        setFailure(tr("No body of snapshot #%1 could be read as JSON: see it with paytriage-cli history show %1.").arg(m_stored->id), {},
                   {});
        return;
    }
    Q_EMIT busyChanged(true);
    analyseDocuments(std::move(kase.documents), m_asOf);
}

void CaseSession::analyseDocuments(std::vector<Document> documents, std::optional<std::int64_t> asOf)
{
    // One analysis at a time, off the window's thread; answers that arrive meanwhile are taken
    // by one more run when it ends: at most one analysis per arriving source.
    if (m_fetchedWatcher) {
        m_fetchedAgain = true;
        return;
    }
    m_fetchedAgain = false;
    ++m_analyses;
    m_fetchedWatcher = std::make_unique<QFutureWatcher<std::shared_ptr<FetchedResult>>>();
    connect(m_fetchedWatcher.get(), &QFutureWatcherBase::finished, this, [this] {
        const std::shared_ptr<FetchedResult> result = m_fetchedWatcher->result();
        m_fetchedWatcher.reset();
        m_printed = std::move(result->printed);
        if (!result->failure.isEmpty())
            setFailure(tr("The answers could not be analysed (%1). The raw answers are shown as they came.").arg(result->failure),
                       {}, {});
        publish(std::move(result->snapshot));
        if (m_fetchedAgain)
            analyseFetched();
        else if (!m_fetcher || !m_fetcher->running())
            Q_EMIT busyChanged(false);
    });
    // The worker gets copies: the documents of this moment, the catalog's shared data, the
    // documents printed so far (immutable, shared).
    m_fetchedWatcher->setFuture(QtConcurrent::run(
        [catalog = m_catalog, options = m_options, documents = std::move(documents), printed = m_printed, asOf]() mutable {
            auto result = std::make_shared<FetchedResult>();
            CaseSnapshot &snapshot = result->snapshot;
            // Only the documents that arrived since the last run are printed and mapped.
            printed.resize(std::min(printed.size(), documents.size()));
            for (std::size_t i = 0; i < documents.size(); ++i)
                if (i >= printed.size() || printed[i]->key != keyOf(documents[i], i)) {
                    printed.resize(i);
                    break;
                }
            for (std::size_t i = printed.size(); i < documents.size(); ++i)
                printed.push_back(print(documents[i], i));
            auto raw = std::make_shared<std::string>();
            auto map = std::make_shared<SourceMap>();
            for (std::size_t i = 0; i < printed.size(); ++i) {
                map->append(printed[i]->map, i, raw->size());
                *raw += printed[i]->text;
            }
            map->index();
            snapshot.rawText = std::move(raw);
            snapshot.sourceMap = std::move(map);
            snapshot.mapping = SourceMapping::Full;
            snapshot.inputBytes = snapshot.rawText->size();
            result->printed = std::move(printed);
            Case kase;
            kase.documents = std::move(documents);
            kase.index();
            try {
                const SystemClock now;
                const FixedClock then(asOf.value_or(0));
                const Clock &clock = asOf ? static_cast<const Clock &>(then) : now;
                snapshot.analysis = Analyzer(catalog, clock, options).analyze(kase);
            } catch (const std::exception &e) {
                // Whatever the answers hold, the case says so; the window stays.
                result->failure = QString::fromUtf8(e.what());
            }
            snapshot.facts = caseFactsOf(kase, catalog);
            snapshot.documents = std::make_shared<std::vector<Document>>(std::move(kase.documents));
            return result;
        }));
}

void CaseSession::runText()
{
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher.release()->deleteLater();
    }
    setFailure({}, {}, {});
    m_textRunning = true;
    m_textCanceled = false;
    m_analyses = 0;
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
    Q_EMIT busyChanged(true);
    m_watcher = std::make_unique<QFutureWatcher<std::shared_ptr<AnalysedInput>>>();
    connect(m_watcher.get(), &QFutureWatcherBase::finished, this, [this] {
        const std::shared_ptr<AnalysedInput> result = m_watcher->result();
        m_textRunning = false;
        AnalysedInput &input = *result;
        if (!input.failure.isEmpty()) {
            setFailure(input.failure, {}, {});
            Q_EMIT busyChanged(false);
            return;
        }
        CaseSnapshot snapshot;
        snapshot.rawText = std::make_shared<std::string>(std::move(input.loaded.decoded.text));
        snapshot.route = input.route;
        snapshot.inputBytes = input.bytes;
        snapshot.previewCut = input.previewCut;
        if (!input.loaded.decoded.ok()) {
            const DecodeError &e = *input.loaded.decoded.error;
            setFailure(e.message().toString(), {}, ByteRange{e.offset, e.offset + 1});
            publish(std::move(snapshot));
        } else {
            snapshot.mapping = input.mapping;
            if (input.mapping != SourceMapping::None)
                snapshot.sourceMap = std::make_shared<SourceMap>(std::move(input.loaded.decoded.sourceMap));
            snapshot.repairs = std::move(input.loaded.decoded.repairs);
            snapshot.skipped = std::move(input.loaded.decoded.skipped);
            snapshot.analysis = std::move(input.analysis);
            snapshot.facts = std::move(input.facts);
            ++m_analyses;
            snapshot.documents = std::make_shared<std::vector<Document>>(std::move(input.loaded.kase.documents));
            publish(std::move(snapshot));
        }
        Q_EMIT busyChanged(false);
    });
    // The worker gets copies: the catalog shares its immutable data, the text is copied once so
    // the user's input survives whatever happens to the analysis. Text and files take the one
    // way the CLI takes too (pipeline/caseinput): the same limits, big dumps streamed.
    m_watcher->setFuture(QtConcurrent::run(
        [catalog = m_catalog, options = m_options, limits = m_limits, text = m_inputText, path = m_inputPath,
         title = m_title.toStdString(), asOf = m_asOf]() mutable {
            auto result = std::make_shared<AnalysedInput>();
            // An exception must not cross into the window's thread with the result: it becomes
            // the case's failure.
            try {
                const SystemClock now;
                const FixedClock then(asOf.value_or(0));
                const Clock &clock = asOf ? static_cast<const Clock &>(then) : now;
                const InputOptions input{limits, true};
                *result = path.isEmpty()
                                    ? analyseText(std::move(text), std::move(title), catalog, clock, std::move(options), input)
                                    : analyseFile(path, std::move(title), catalog, clock, std::move(options), input);
            } catch (const std::exception &e) {
                result = std::make_shared<AnalysedInput>();
                result->failure = QString::fromUtf8(e.what());
            }
            return result;
        }));
}

void CaseSession::publish(CaseSnapshot snapshot)
{
    m_snapshot = std::move(snapshot);
    Q_EMIT snapshotChanged();
}

void CaseSession::setFailure(QString message, std::optional<ApiError> request, std::optional<ByteRange> at)
{
    if (message == m_failure && !request && !m_failedRequest)
        return;
    m_failure = std::move(message);
    m_failedRequest = std::move(request);
    m_failurePosition = at;
    Q_EMIT failedChanged();
}

} // namespace paytriage
