#pragma once

// A merchant's period, scanned: every transaction and settlement record the provider lists for it,
// read page by page (only the page in hand is kept), through every rule, the findings grouped per
// payment and ranked by severity. A page that fails after the client's own retries is asked again
// from the paging cursor, after a growing wait; requests are paced; the scan can be canceled and,
// once failed, resumed where it stopped. No widgets: the CLI's scan and the console share it.
//
// Memory: the page in hand, and the findings (as facts). Each record is judged alone as it is read;
// what the rules that weigh a payment's records together need waits on disk, a few fields of each
// transaction in one of 64 shares of the payments (by a hash of the paymentKey), in a folder of
// the user's cache removed after the scan. Once everything is read the shares are judged one at
// a time, each with its own ledger; a share larger than PeriodScanOptions::shareBytes is split in
// 16 first. So memory stays bounded however many payments the period holds; the disk holds some
// 170 bytes per transaction while the scan runs.

#include "catalog/catalog.h"
#include "net/tossclient.h"
#include "rules/analyzer.h"

#include <QDate>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

class QFile;
class QTemporaryDir;
class QTimer;

namespace paytriage {

struct PeriodScanOptions
{
    QDate from;                 // KST calendar days, both included
    QDate to;
    int pageSize = 5000;        // records a page (the API's most)
    double ratePerSecond = 0;   // requests started a second at most; 0: no limit
    bool settlements = true;    // the settlements of the period too
    int maxResumes = 5;         // failed pages asked again before the scan gives up
    int firstResumeWaitMs = 1000;  // doubled at each resume, up to 30 s
    // Where the transactions wait to be weighed together (a folder of its own is made in it, and
    // removed with the scan); empty: the user's cache directory (on disk, where /tmp may be memory).
    QString spoolFolder;
    // A share of the payments whose records take more than this on disk is split before it is
    // judged: what bounds the memory of judging.
    qint64 shareBytes = qint64(64) << 20;
};

struct ScanProgress
{
    enum class Phase {
        Transactions,
        Settlements,
        Judging,                // each payment's records weighed together, a share at a time
        Done
    };
    Phase phase = Phase::Transactions;
    int requests = 0;           // HTTP reads asked for (a page the client retried counts once)
    int pages = 0;              // pages read
    int resumes = 0;            // failed pages asked again
    qint64 transactions = 0;    // records read
    qint64 settlements = 0;
    qint64 payments = 0;        // distinct paymentKeys of the transactions: counted while judging
    qint64 paymentsAbout = 0;   // the same while reading, estimated (HyperLogLog: within about 1 %)
    int shares = 0;             // of the payments, to judge (a split share counts as its parts)
    int sharesJudged = 0;
    qint64 findings = 0;        // so far
    // Payments that began before the period (their first record in it is a cancel) whose
    // records taken together would have made a finding: not judged, since their approval or
    // deposit was not read. Looking one up shows it whole.
    qint64 notJudged = 0;
};

// One payment with findings: what the ranked table shows.
struct ScannedPayment
{
    std::string paymentKey;
    std::string orderId;
    Severity worst = Severity::Info;
    std::size_t findings = 0;
    std::array<std::size_t, 3> bySeverity{};  // its findings by severity (info, warning, critical)
    std::vector<Finding> examples;  // the first finding of each rule, as facts (renderFinding to show)
    QDate day;                      // KST day of its first record in the period
};

class PeriodScan final : public QObject
{
    Q_OBJECT
public:
    // client and catalog must outlive the scan.
    PeriodScan(TossClient *client, const Catalog &catalog, PeriodScanOptions options, QObject *parent = nullptr);
    ~PeriodScan() override;

    void start();
    // After a failure: reads on from the page that failed (the cursor is kept).
    void resume();
    void cancel();

    bool running() const { return m_running; }
    // Stopped, and able to read on from where it stopped (not when its spool could not be kept).
    bool canResume() const;
    const ScanProgress &progress() const { return m_progress; }
    // The failure that stopped the scan (after its resumes), if one did.
    const std::optional<ApiError> &error() const { return m_error; }
    // Where the transactions' reading stands: the startingAfter of the next page.
    const QString &cursor() const { return m_cursor; }

    // Payments with findings, most severe first, then most findings, then by day.
    std::vector<const ScannedPayment *> ranked() const;
    // Findings that fold over many records (one per rule and place), not one payment's.
    const std::vector<Finding> &merchantWide() const { return m_merchantWide; }
    // Findings per KST day, by severity (info, warning, critical).
    const std::map<QDate, std::array<qint64, 3>> &findingsPerDay() const { return m_perDay; }
    // Transaction records per status ("DONE", "CANCELED", …).
    const std::map<std::string, qint64> &statusMix() const { return m_statusMix; }

Q_SIGNALS:
    void progressed();
    // complete: every page was read and analysed; false when it failed (error()) or was canceled.
    void finished(bool complete);

private:
    void next();
    void ask();
    void onPage(const ApiResponse &response);
    void fail(const ApiError &error);
    void addTransactions(const Json &page);
    void addSettlements(const Json &page);
    void finishPhase();
    void note(Finding &&finding);
    void noteAll(Analysis &&analysis);
    ScannedPayment &paymentOf(const std::string &paymentKey);
    // The spool: a transaction's fields the ledger reads, written to its share.
    void spool(const Json &record, std::size_t index, const std::string &paymentKey, const std::string &status);
    bool closeSpool();
    void judgeNext();
    bool split(const QString &path, int level);
    bool judge(const QString &path);
    void failSpool(const QString &what);
    QString spoolFolder() const;  // the option's, else the user's cache folder

    TossClient *m_client;
    const Catalog &m_catalog;
    PeriodScanOptions m_options;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<Analyzer> m_analyzer;
    Case m_case;  // one placeholder document per list
    std::unique_ptr<Analyzer::Session> m_session;
    ScanProgress m_progress;
    QString m_cursor;              // transactions: startingAfter of the next page
    int m_settlementPage = 1;
    std::size_t m_lastSettlementPage = 0;  // the hash of the settlements page read before
    int m_failedInARow = 0;
    bool m_running = false;
    bool m_canceled = false;
    std::optional<ApiError> m_error;
    QPointer<ApiCall> m_call;
    QTimer *m_pacer;
    QElapsedTimer m_sinceLastRequest;

    // Per record being analysed: whose findings the rules report now.
    std::string m_currentPayment;
    std::string m_currentOrder;
    QDate m_currentDay;
    // The distinct payments read so far, estimated in 16 KB (HyperLogLog, 2^14 registers).
    std::vector<std::uint8_t> m_sketch;
    std::unique_ptr<QTemporaryDir> m_spool;
    std::array<std::unique_ptr<QFile>, 64> m_spoolFiles;  // opened on their first record
    QString m_spoolError;
    struct Share
    {
        QString path;
        int level = 0;  // 0: one of the 64; n: split n times (16 parts each)
    };
    std::vector<Share> m_shares;  // to judge
    // While a share is judged, per payment of it, by the hash of its paymentKey (64 bits: a clash
    // in a million payments is a one in ten million chance, and would only merge two payments'
    // day): the Julian day of its first record, negative when that record is a cancel (it began
    // before the period).
    const std::unordered_map<std::uint64_t, std::int32_t> *m_shareDays = nullptr;
    std::unordered_set<std::uint64_t> m_notJudged;  // of the share
    std::unordered_map<std::string, ScannedPayment> m_payments;    // those with findings
    std::vector<Finding> m_merchantWide;
    std::map<QDate, std::array<qint64, 3>> m_perDay;
    std::map<std::string, qint64> m_statusMix;
};

} // namespace paytriage
