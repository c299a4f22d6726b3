#include "periodscan.h"

#include "util/clock.h"
#include "util/jsonutil.h"
#include "util/timestamp.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace paytriage {
namespace {

constexpr int maxResumeWaitMs = 30000;
constexpr int maxShareLevel = 13;  // 6 bits of the hash choose one of the 64 shares, 4 more each split

// Where the shares of the payments are chosen from: std::hash of the paymentKey, its bits spread
// (the ledger partitions by std::hash's top bits: a share's payments still fill all its partitions).
std::uint64_t shareHash(std::string_view paymentKey)
{
    std::uint64_t h = std::hash<std::string_view>{}(paymentKey) + 0x9e3779b97f4a7c15ULL;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

std::size_t partOf(std::uint64_t hash, int level)
{
    return level == 0 ? std::size_t(hash & 63) : std::size_t((hash >> (6 + 4 * (level - 1))) & 15);
}

constexpr int sketchBits = 14;

// HyperLogLog's estimate of the distinct hashes its registers saw (Flajolet et al. 2007, with
// the small-range correction; 64-bit hashes need no large-range one).
qint64 sketchEstimate(const std::vector<std::uint8_t> &registers)
{
    const double m = double(registers.size());
    double sum = 0;
    int zeros = 0;
    for (const std::uint8_t r : registers) {
        sum += std::ldexp(1.0, -int(r));
        zeros += r == 0;
    }
    const double estimate = 0.7213 / (1 + 1.079 / m) * m * m / sum;
    if (estimate <= 2.5 * m && zeros > 0)
        return qint64(std::llround(m * std::log(m / zeros)));
    return qint64(std::llround(estimate));
}

// A spooled line: the share hash in 16 hex digits and a space (so a split need not parse the
// rest), then the record's JSON.
constexpr qsizetype spoolHashLength = 17;

std::string spoolLine(std::uint64_t hash, const Json &record)
{
    char prefix[spoolHashLength + 1];
    std::snprintf(prefix, sizeof prefix, "%016llx ", static_cast<unsigned long long>(hash));
    return prefix + record.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace) + '\n';
}

// The hash a spooled line begins with; none for a line cut by a full disk before its record.
std::optional<std::uint64_t> spoolHashOf(const QByteArray &line)
{
    bool ok = false;
    const std::uint64_t hash = line.left(spoolHashLength - 1).toULongLong(&ok, 16);
    if (!ok || line.size() <= spoolHashLength)
        return std::nullopt;
    return hash;
}

bool cancelStatus(const std::string &status)
{
    return status == "CANCELED" || status == "PARTIAL_CANCELED";
}

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
    options.ledger = false;          // weighed together later, a share at a time (judge)
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
    m_notJudged.clear();
    m_sketch.assign(std::size_t(1) << sketchBits, 0);
    m_shares.clear();
    m_spoolError.clear();
    for (auto &file : m_spoolFiles)
        file.reset();
    m_payments.clear();
    m_merchantWide.clear();
    m_perDay.clear();
    m_statusMix.clear();
    m_running = true;
    const QString folder = spoolFolder();
    QString failure;
    if (folder.isEmpty() || !QDir().mkpath(folder)) {
        failure = tr("it cannot be made");
    } else {
        // What a scan killed or crashed left behind (a living scan writes, or is removed, within a day).
        const QDateTime dayAgo = QDateTime::currentDateTimeUtc().addDays(-1);
        for (const QFileInfo &left : QDir(folder).entryInfoList({QStringLiteral("scan-*")}, QDir::Dirs | QDir::NoDotAndDotDot))
            if (left.lastModified().toUTC() < dayAgo)
                QDir(left.filePath()).removeRecursively();
        m_spool = std::make_unique<QTemporaryDir>(QDir(folder).filePath(QStringLiteral("scan-XXXXXX")));
        if (!m_spool->isValid())
            failure = m_spool->errorString();
    }
    if (!failure.isEmpty()) {
        // Told from the event loop, as every other end of a scan is: after start() returns.
        m_spool.reset();
        QTimer::singleShot(0, this, [this, failure] {
            if (m_running)
                failSpool(failure);
        });
        return;
    }
    next();
}

bool PeriodScan::canResume() const
{
    return !m_running && m_spool && m_spoolError.isEmpty() && m_progress.phase != ScanProgress::Phase::Done
           && (m_session || m_progress.phase == ScanProgress::Phase::Judging);
}

void PeriodScan::resume()
{
    if (!canResume())
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
    // Judging reads no page: one share each turn of the event loop, so the window stays live.
    if (m_progress.phase == ScanProgress::Phase::Judging) {
        QTimer::singleShot(0, this, &PeriodScan::judgeNext);
        return;
    }
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
    if (!m_spoolError.isEmpty()) {
        failSpool(m_spoolError);
        return;
    }
    if (last)
        finishPhase();
    Q_EMIT progressed();
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
        if (!status.empty())
            ++m_statusMix[status];
        pointer = '/' + std::to_string(m_progress.transactions - 1);
        m_session->addRecord({DocumentKind::Transactions, 0, pointer, record, {}});
        if (!m_currentPayment.empty())
            spool(record, std::size_t(m_progress.transactions - 1), m_currentPayment, status);
    }
    m_currentPayment.clear();
    m_currentOrder.clear();
    m_progress.paymentsAbout = sketchEstimate(m_sketch);
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

void PeriodScan::spool(const Json &record, std::size_t index, const std::string &paymentKey, const std::string &status)
{
    if (!m_spoolError.isEmpty())
        return;
    // A line per transaction: its share hash (split without parsing), then what the ledger reads
    // of it (the words of a finding only from cancels), where it was read, and its KST day.
    const std::uint64_t hash = shareHash(paymentKey);
    // Its first 14 bits choose a register, which keeps the longest run of zeros seen after them.
    std::uint8_t &reg = m_sketch[std::size_t(hash >> (64 - sketchBits))];
    reg = std::max(reg, std::uint8_t(std::countl_zero((hash << sketchBits) | (std::uint64_t(1) << (sketchBits - 1))) + 1));
    Json line = Json::object();
    line["i"] = index;
    line["d"] = m_currentDay.isValid() ? std::int64_t(m_currentDay.toJulianDay()) : std::int64_t(1);  // 1: no day known
    const bool cancel = cancelStatus(status);
    for (const char *field : {"paymentKey", "method", "status", "transactionAt", "orderId", "currency", "amount"}) {
        if (!cancel && (field == std::string_view("orderId") || field == std::string_view("currency") || field == std::string_view("amount")))
            continue;
        if (const auto it = record.find(field); it != record.end())
            line[field] = *it;
    }
    std::unique_ptr<QFile> &file = m_spoolFiles[partOf(hash, 0)];
    if (!file) {
        file = std::make_unique<QFile>(m_spool->filePath(QStringLiteral("share-%1").arg(partOf(hash, 0), 2, 10, QLatin1Char('0'))));
        if (!file->open(QIODevice::WriteOnly | QIODevice::Append)) {
            m_spoolError = file->errorString();
            return;
        }
    }
    const std::string text = spoolLine(hash, line);
    if (file->write(text.data(), qint64(text.size())) != qint64(text.size()))
        m_spoolError = file->errorString();
}

bool PeriodScan::closeSpool()
{
    m_shares.clear();
    for (std::size_t i = 0; i < m_spoolFiles.size(); ++i) {
        std::unique_ptr<QFile> &file = m_spoolFiles[i];
        if (!file)
            continue;
        if (!file->flush() && m_spoolError.isEmpty())
            m_spoolError = file->errorString();
        m_shares.push_back({file->fileName(), 0});
        file.reset();
    }
    m_progress.shares = int(m_shares.size());
    return m_spoolError.isEmpty();
}

QString PeriodScan::spoolFolder() const
{
    return m_options.spoolFolder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) : m_options.spoolFolder;
}

void PeriodScan::failSpool(const QString &what)
{
    m_spoolError = what;
    ApiError error;
    error.kind = ApiError::Kind::Configuration;
    const QString folder = spoolFolder();  // where the scan's own folder is made
    error.detail = tr("The scan could not keep its working files in %1 (%2). Free some disk space there, or make it writable, "
                      "and scan again.")
                       .arg(QDir::toNativeSeparators(folder), what);
    m_running = false;
    m_error = error;
    m_spool.reset();
    Q_EMIT progressed();
    Q_EMIT finished(false);
}

void PeriodScan::noteAll(Analysis &&analysis)
{
    // What folds over many records is the merchant's, not one payment's.
    for (Finding &f : analysis.findings) {
        if (f.occurrences > 1 || argOf(f, "paymentKey").empty()) {
            m_progress.findings += qint64(f.occurrences);
            m_merchantWide.push_back(std::move(f));
        } else {
            note(std::move(f));
        }
    }
}

void PeriodScan::finishPhase()
{
    if (m_progress.phase == ScanProgress::Phase::Transactions && m_options.settlements) {
        m_progress.phase = ScanProgress::Phase::Settlements;
        return;
    }
    // Every record was judged alone; then each payment's records are weighed together, a share
    // of the payments at a time (judgeNext).
    m_currentDay = {};
    noteAll(m_session->finish());
    m_session.reset();
    if (!closeSpool()) {
        failSpool(m_spoolError);
        return;
    }
    m_progress.phase = ScanProgress::Phase::Judging;
}

void PeriodScan::judgeNext()
{
    if (!m_running || m_progress.phase != ScanProgress::Phase::Judging)
        return;
    if (m_shares.empty()) {
        // The days are known now: findings per day from each payment's first day in the period.
        m_perDay.clear();
        for (const auto &[key, payment] : m_payments)
            if (payment.day.isValid())
                for (std::size_t s = 0; s < payment.bySeverity.size(); ++s)
                    m_perDay[payment.day][s] += qint64(payment.bySeverity[s]);
        m_spool.reset();
        m_progress.phase = ScanProgress::Phase::Done;
        m_running = false;
        Q_EMIT progressed();
        Q_EMIT finished(true);
        return;
    }
    const Share share = m_shares.back();
    m_shares.pop_back();
    const bool done = QFileInfo(share.path).size() > m_options.shareBytes && share.level < maxShareLevel ? split(share.path, share.level + 1)
                                                                                                      : judge(share.path);
    if (!done) {
        failSpool(m_spoolError);
        return;
    }
    Q_EMIT progressed();
    next();
}

bool PeriodScan::split(const QString &path, int level)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        m_spoolError = in.errorString();
        return false;
    }
    std::array<std::unique_ptr<QFile>, 16> parts;
    while (!in.atEnd()) {
        const QByteArray line = in.readLine();
        const auto hash = spoolHashOf(line);
        if (!hash)
            continue;  // a line cut by a full disk: nothing of it is known
        std::unique_ptr<QFile> &part = parts[partOf(*hash, level)];
        if (!part) {
            part = std::make_unique<QFile>(path + QStringLiteral("-%1").arg(partOf(*hash, level), 0, 16));
            if (!part->open(QIODevice::WriteOnly)) {
                m_spoolError = part->errorString();
                return false;
            }
        }
        if (part->write(line) != line.size()) {
            m_spoolError = part->errorString();
            return false;
        }
    }
    in.close();
    in.remove();
    int made = 0;
    for (auto &part : parts) {
        if (!part)
            continue;
        if (!part->flush()) {
            m_spoolError = part->errorString();
            return false;
        }
        m_shares.push_back({part->fileName(), level});
        ++made;
    }
    m_progress.shares += made - 1;
    return true;
}

bool PeriodScan::judge(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_spoolError = file.errorString();
        return false;
    }
    std::unordered_map<std::uint64_t, std::int32_t> days;
    auto session = m_analyzer->begin(m_case);
    std::string pointer;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        const auto hash = spoolHashOf(line);
        const Json record =
            hash ? Json::parse(line.constData() + spoolHashLength, line.constData() + line.size(), nullptr, false) : Json();
        if (!record.is_object())
            continue;  // a line cut by a full disk
        // A payment whose first record in the period is a cancel began before it: its approval
        // or deposit was not read (negative).
        const std::int32_t day = std::int32_t(record.value("d", std::int64_t(1)));
        days.try_emplace(*hash, cancelStatus(json::string(record, "status")) ? -day : day);
        pointer = '/' + std::to_string(record.value("i", std::int64_t(0)));
        session->addToLedger({DocumentKind::Transactions, 0, pointer, record, {}});
    }
    file.close();
    m_progress.payments += qint64(days.size());
    m_shareDays = &days;
    noteAll(session->finish());
    // The flagged payments of this share: their day is their first record's.
    for (auto &[key, payment] : m_payments)
        if (const auto it = days.find(shareHash(key)); it != days.end() && std::abs(it->second) > 1)
            payment.day = QDate::fromJulianDay(std::abs(it->second));
    m_shareDays = nullptr;
    m_notJudged.clear();
    file.remove();
    ++m_progress.sharesJudged;
    return true;
}

ScannedPayment &PeriodScan::paymentOf(const std::string &paymentKey)
{
    auto [it, added] = m_payments.try_emplace(paymentKey);
    if (added) {
        it->second.paymentKey = paymentKey;
        if (m_shareDays)
            if (const auto day = m_shareDays->find(shareHash(paymentKey)); day != m_shareDays->end() && std::abs(day->second) > 1)
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
    if (m_shareDays && !key.empty()) {
        const std::uint64_t hash = shareHash(key);
        if (const auto day = m_shareDays->find(hash); day != m_shareDays->end() && day->second < 0) {
            if (m_notJudged.insert(hash).second)
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
    ++p.bySeverity[std::size_t(finding.severity)];
    // While reading, the day is the record's; the payment's first day is known once it is judged.
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
