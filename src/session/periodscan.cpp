#include "periodscan.h"

#include "util/clock.h"
#include "util/jsonutil.h"
#include "util/timestamp.h"

#include <QDateTime>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <cstdlib>

namespace paytriage {
namespace {

constexpr int maxResumeWaitMs = 30000;

QDate kstDay(const Json &record, const char *field)
{
    const std::string text = json::string(record, field);
    if (text.empty())
        return {};
    if (const auto t = parseTimestamp(text))
        return QDateTime::fromMSecsSinceEpoch(t->msSinceEpoch, QTimeZone::utc()).addSecs(9 * 3600).date();
    return {};
}

std::string argOf(const Finding &finding, const char *name)
{
    for (const FindingArg &arg : finding.args)
        if (arg.name == name)
            return arg.value;
    return {};
}

} // namespace

PeriodScan::PeriodScan(TossClient *client, const Catalog &catalog, PeriodScanOptions options, QObject *parent)
    : QObject(parent), m_client(client), m_catalog(catalog), m_options(std::move(options)), m_pacer(new QTimer(this))
{
    m_pacer->setSingleShot(true);
    connect(m_pacer, &QTimer::timeout, this, &PeriodScan::ask);
}

PeriodScan::~PeriodScan()
{
    if (m_call)
        m_call->disconnect(this);
}

void PeriodScan::start()
{
    m_clock = std::make_unique<SystemClock>();
    AnalyzerOptions options;
    options.renderFindings = false;  // facts only: rendered when shown
    options.timelineLimit = 0;       // a scan draws no timeline
    options.onFinding = [this](Finding &&finding) { note(std::move(finding)); };
    m_analyzer = std::make_unique<Analyzer>(m_catalog, *m_clock, std::move(options));
    m_case = {};
    for (const DocumentKind kind : {DocumentKind::Transactions, DocumentKind::Settlements}) {
        Document placeholder;
        placeholder.kind = kind;
        placeholder.source.label = kind == DocumentKind::Transactions ? "GET /v1/transactions" : "GET /v1/settlements";
        m_case.documents.push_back(std::move(placeholder));
    }
    m_session = m_analyzer->begin(m_case);
    m_progress = {};
    m_cursor.clear();
    m_settlementPage = 1;
    m_failedInARow = 0;
    m_error.reset();
    m_canceled = false;
    m_dayOfPayment.clear();
    m_notJudged.clear();
    m_payments.clear();
    m_merchantWide.clear();
    m_perDay.clear();
    m_statusMix.clear();
    m_running = true;
    next();
}

void PeriodScan::resume()
{
    if (m_running || !m_session || m_progress.phase == ScanProgress::Phase::Done)
        return;
    m_error.reset();
    m_canceled = false;
    m_failedInARow = 0;
    m_running = true;
    next();
}

void PeriodScan::cancel()
{
    if (!m_running)
        return;
    m_canceled = true;
    m_running = false;
    m_pacer->stop();
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
    }
    Q_EMIT finished(false);
}

void PeriodScan::next()
{
    // Requests are paced: one each 1/rate seconds at most.
    if (m_options.ratePerSecond > 0 && m_sinceLastRequest.isValid()) {
        const qint64 interval = qint64(1000.0 / m_options.ratePerSecond);
        if (const qint64 left = interval - m_sinceLastRequest.elapsed(); left > 0) {
            m_pacer->start(int(left));
            return;
        }
    }
    ask();
}

void PeriodScan::ask()
{
    if (!m_running)
        return;
    m_sinceLastRequest.start();
    ++m_progress.requests;
    const QString day = QStringLiteral("yyyy-MM-dd");
    if (m_progress.phase == ScanProgress::Phase::Transactions)
        m_call = m_client->transactionsPage(m_options.from.toString(day) + QStringLiteral("T00:00:00"),
                                            m_options.to.toString(day) + QStringLiteral("T23:59:59"), m_cursor, m_options.pageSize);
    else
        m_call = m_client->settlementsPage(m_options.from.toString(day), m_options.to.toString(day), m_settlementPage, m_options.pageSize);
    connect(m_call, &ApiCall::finished, this, &PeriodScan::onPage);
}

void PeriodScan::onPage(const ApiResponse &response)
{
    m_call.clear();
    if (!m_running)
        return;
    if (!response.ok()) {
        fail(*response.error);
        return;
    }
    if (!response.body || !response.body->is_array()) {
        ApiError error;
        error.kind = ApiError::Kind::InvalidResponse;
        error.list = true;
        error.endpoint = response.endpoint;
        error.detail = tr("the answer is not a list of records");
        fail(error);
        return;
    }
    m_failedInARow = 0;
    const Json &page = *response.body;
    const bool last = page.size() < std::size_t(m_options.pageSize);
    // A full page must move the reading on: transactions after its last transactionKey, a
    // settlements page unlike the one before. A server that ignores the cursor or the page
    // number would otherwise be read for ever: the scan stops and says so, before counting the
    // page twice.
    QString stuck;
    std::string key;
    std::size_t hash = 0;
    if (!last && m_progress.phase == ScanProgress::Phase::Transactions) {
        key = page.empty() || !page.back().is_object() ? std::string() : json::string(page.back(), "transactionKey");
        if (key.empty())
            stuck = tr("a page ends without a transactionKey to read on from");
        else if (QString::fromStdString(key) == m_cursor)
            stuck = tr("the server ignored startingAfter: a page ends where the one before did");
    } else if (!last) {
        hash = std::hash<std::string>{}(page.dump());
        if (m_settlementPage > 1 && hash == m_lastSettlementPage)
            stuck = tr("the server ignored the page number: a settlements page repeats the one before");
    }
    if (!stuck.isEmpty()) {
        ApiError error;
        error.kind = ApiError::Kind::InvalidResponse;
        error.list = true;
        error.endpoint = response.endpoint;
        error.detail = stuck;
        m_running = false;
        m_error = error;
        Q_EMIT progressed();
        Q_EMIT finished(false);
        return;
    }
    ++m_progress.pages;
    if (m_progress.phase == ScanProgress::Phase::Transactions) {
        addTransactions(page);
        if (!last)
            m_cursor = QString::fromStdString(key);
    } else {
        addSettlements(page);
        m_lastSettlementPage = hash;
        ++m_settlementPage;
    }
    if (last)
        finishPhase();
    Q_EMIT progressed();
    if (m_progress.phase == ScanProgress::Phase::Done) {
        m_running = false;
        Q_EMIT finished(true);
        return;
    }
    next();
}

void PeriodScan::fail(const ApiError &error)
{
    // The client retried already; a transient failure is asked again from the cursor, after a
    // wait that doubles each time, a few times over.
    if (error.retryable() && m_failedInARow < m_options.maxResumes) {
        const int wait = std::min(maxResumeWaitMs, m_options.firstResumeWaitMs << std::min(m_failedInARow, 15));
        ++m_failedInARow;
        ++m_progress.resumes;
        Q_EMIT progressed();
        m_pacer->start(wait);
        return;
    }
    m_running = false;
    m_error = error;
    Q_EMIT progressed();
    Q_EMIT finished(false);
}

void PeriodScan::addTransactions(const Json &page)
{
    std::string pointer;
    for (const Json &record : page) {
        ++m_progress.transactions;
        if (!record.is_object())
            continue;
        m_currentPayment = json::string(record, "paymentKey");
        m_currentOrder = json::string(record, "orderId");
        m_currentDay = kstDay(record, "transactionAt");
        if (!m_currentDay.isValid())
            m_currentDay = kstDay(record, "transactedAt");
        const std::string status = json::string(record, "status");
        if (!m_currentPayment.empty()) {
            // A payment whose first record in the period is a cancel began before it: its
            // approval or deposit was not read (negative: see m_dayOfPayment).
            const std::int32_t day = m_currentDay.isValid() ? std::int32_t(m_currentDay.toJulianDay()) : 1;
            const bool before = status == "CANCELED" || status == "PARTIAL_CANCELED";
            const auto [it, added] = m_dayOfPayment.try_emplace(std::hash<std::string>{}(m_currentPayment), before ? -day : day);
            if (added)
                ++m_progress.payments;
        }
        if (!status.empty())
            ++m_statusMix[status];
        pointer = '/' + std::to_string(m_progress.transactions - 1);
        m_session->addRecord({DocumentKind::Transactions, 0, pointer, record, {}});
    }
    m_currentPayment.clear();
    m_currentOrder.clear();
}

void PeriodScan::addSettlements(const Json &page)
{
    std::string pointer;
    for (const Json &record : page) {
        ++m_progress.settlements;
        if (!record.is_object())
            continue;
        m_currentPayment = json::string(record, "paymentKey");
        m_currentOrder = json::string(record, "orderId");
        m_currentDay = kstDay(record, "soldDate");
        pointer = '/' + std::to_string(m_progress.settlements - 1);
        m_session->addRecord({DocumentKind::Settlements, 1, pointer, record, {}});
    }
    m_currentPayment.clear();
    m_currentOrder.clear();
}

void PeriodScan::finishPhase()
{
    if (m_progress.phase == ScanProgress::Phase::Transactions && m_options.settlements) {
        m_progress.phase = ScanProgress::Phase::Settlements;
        return;
    }
    // The rules that weigh records against each other (the ledger's) speak now; what folds over
    // many records is the merchant's, not one payment's.
    m_currentDay = {};
    m_finishing = true;
    Analysis analysis = m_session->finish();
    m_finishing = false;
    m_session.reset();
    for (Finding &f : analysis.findings) {
        if (f.occurrences > 1 || argOf(f, "paymentKey").empty()) {
            m_progress.findings += qint64(f.occurrences);
            m_merchantWide.push_back(std::move(f));
        } else {
            note(std::move(f));
        }
    }
    m_dayOfPayment.clear();
    m_dayOfPayment.rehash(0);
    m_progress.phase = ScanProgress::Phase::Done;
}

ScannedPayment &PeriodScan::paymentOf(const std::string &paymentKey)
{
    auto [it, added] = m_payments.try_emplace(paymentKey);
    if (added) {
        it->second.paymentKey = paymentKey;
        if (const auto day = m_dayOfPayment.find(std::hash<std::string>{}(paymentKey)); day != m_dayOfPayment.end())
            it->second.day = QDate::fromJulianDay(std::abs(day->second));
    }
    return it->second;
}

void PeriodScan::note(Finding &&finding)
{
    std::string key = argOf(finding, "paymentKey");
    if (key.empty())
        key = m_currentPayment;
    // What the rules say of a payment's records taken together holds only when all of them were
    // read: of a payment that began before the period (its approval or deposit is not among the
    // records), "canceled before any deposit" would be said of every refund. Such a payment is
    // counted, not judged.
    if (m_finishing && !key.empty()) {
        if (const auto day = m_dayOfPayment.find(std::hash<std::string>{}(key)); day != m_dayOfPayment.end() && day->second < 0) {
            if (m_notJudged.insert(key).second)
                ++m_progress.notJudged;
            return;
        }
    }
    ++m_progress.findings;
    if (key.empty()) {
        m_merchantWide.push_back(std::move(finding));
        return;
    }
    ScannedPayment &p = paymentOf(key);
    if (p.orderId.empty())
        p.orderId = argOf(finding, "orderId");
    if (p.orderId.empty() && key == m_currentPayment)
        p.orderId = m_currentOrder;
    if (!p.day.isValid() && m_currentDay.isValid())
        p.day = m_currentDay;
    p.worst = std::max(p.worst, finding.severity);
    ++p.findings;
    const QDate day = p.day.isValid() ? p.day : m_currentDay;
    if (day.isValid())
        ++m_perDay[day][std::size_t(finding.severity)];
    const bool seenRule = std::any_of(p.examples.begin(), p.examples.end(), [&finding](const Finding &f) { return f.rule == finding.rule; });
    if (!seenRule)
        p.examples.push_back(std::move(finding));
}

std::vector<const ScannedPayment *> PeriodScan::ranked() const
{
    std::vector<const ScannedPayment *> rows;
    rows.reserve(m_payments.size());
    for (const auto &[key, payment] : m_payments)
        rows.push_back(&payment);
    std::sort(rows.begin(), rows.end(), [](const ScannedPayment *a, const ScannedPayment *b) {
        if (a->worst != b->worst)
            return a->worst > b->worst;
        if (a->findings != b->findings)
            return a->findings > b->findings;
        if (a->day != b->day)
            return a->day < b->day;
        return a->paymentKey < b->paymentKey;
    });
    return rows;
}

} // namespace paytriage
