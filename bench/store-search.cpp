// paytriage-store-search: the evidence history's searches over a filled SQLite history. Fills
// a new file with N snapshots (realistic small bodies: a payment as the API sends it and its
// transactions, 0–3 findings, 20 profiles, 90 days), then prints the median time of each search
// the History view makes, the time to open the file (the integrity check reads all of it) and
// its size. Figures only; the goal (each search under 100 ms at 100,000) is read, not asserted.
//
//   paytriage-store-search [--snapshots N] [--runs R] [--file PATH] [--plans]
//
// --file keeps the history there (filled only when it does not exist yet, so a second run
// measures the same file); --plans prints SQLite's plan of each search.

#include "store/evidencestore.h"

#include "../tests/support/paymentfactory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>

using namespace paytriage;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kStartMs = 1740754800000;  // 2025-03-01T00:00:00+09:00
constexpr int kDays = 90;

// Rules and how often a snapshot has one: most findings are a few common ones.
struct RuleShare
{
    const char *rule;
    Severity severity;
    double share;
};
constexpr RuleShare kRules[] = {
    {"unknown-field", Severity::Info, 0.20},
    {"null-field-for-status", Severity::Warning, 0.10},
    {"timestamp-without-offset", Severity::Info, 0.08},
    {"amount-mismatch", Severity::Warning, 0.03},
    {"status-stuck-in-progress", Severity::Critical, 0.02},
    {"settlement-arithmetic", Severity::Warning, 0.01},
    {"vbank-cancel-without-deposit", Severity::Critical, 0.005},
};

Snapshot makeSnapshot(int n, int count, std::mt19937_64 &rng)
{
    // About 70,000 payments in 100,000 snapshots: some looked up again later.
    const int payment = n < 1000 ? n : int(rng() % std::uint64_t(n * 7 / 10 + 1));
    const std::string method = test::allMethods()[std::size_t(payment) % test::allMethods().size()];
    const std::string status = test::allStatuses()[rng() % test::allStatuses().size()];
    const test::Json body = test::healthyPayment(method, status, payment);

    Snapshot s;
    s.kind = SnapshotKind::Lookup;
    s.paymentKey = QString::fromStdString(body["paymentKey"].get<std::string>());
    s.orderId = QString::fromStdString(body["orderId"].get<std::string>());
    s.title = s.orderId;
    s.status = QString::fromStdString(status);
    const int merchant = payment % 20;
    s.profile = QStringLiteral("merchant %1").arg(merchant);
    s.mid = QStringLiteral("mid%1").arg(merchant);
    s.keyMode = merchant % 4 == 0 ? SnapshotKeyMode::Live : SnapshotKeyMode::Test;
    // Spread evenly over the days, in the order written, as a history fills.
    s.capturedAtMs = kStartMs + qint64(n) * (kDays * kDayMs / count) + qint64(rng() % 1000);
    s.catalogVersion = QStringLiteral("bench");

    SnapshotBody answer;
    answer.source = QStringLiteral("payment");
    answer.method = QStringLiteral("GET");
    answer.path = QStringLiteral("/v1/payments/") + s.paymentKey;
    answer.status = 200;
    answer.headers = {{"Content-Type", "application/json"}, {"Date", "Sat, 01 Mar 2025 00:00:00 GMT"}};
    answer.content = QByteArray::fromStdString(body.dump());
    SnapshotBody transactions = answer;
    transactions.source = QStringLiteral("transactions");
    transactions.path = QStringLiteral("/v1/transactions?startDate=2025-03-01T00:00:00&endDate=2025-03-02T00:00:00");
    transactions.content = QByteArray::fromStdString(test::healthyTransactions(body).dump());
    s.bodies = {answer, transactions};

    std::uniform_real_distribution<double> chance(0, 1);
    for (const RuleShare &r : kRules) {
        if (chance(rng) >= r.share)
            continue;
        FindingRecord f;
        f.rule = r.rule;
        f.variant = "default";
        f.severity = r.severity;
        f.pointer = "/status";
        f.title = {std::string("규칙 ") + r.rule, std::string("Rule ") + r.rule};
        s.findings.push_back(f);
    }
    std::stable_sort(s.findings.begin(), s.findings.end(),
                     [](const FindingRecord &a, const FindingRecord &b) { return a.severity > b.severity; });
    return s;
}

double medianMs(std::vector<double> runs)
{
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}

template <typename T>
T valueOf(StoreResult<T> result)
{
    if (const StoreError *error = std::get_if<StoreError>(&result)) {
        std::fprintf(stderr, "%s\n", qPrintable(error->message()));
        std::exit(1);
    }
    return std::move(std::get<T>(result));
}

// SQLite's plan of a search: the store's SQL for it, written out here from FROM on.
void printPlan(const QString &path, const QString &from)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plans"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery query(db);
        query.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT s.id ") + from);
        while (query.next())
            std::printf("      plan: %s\n", qPrintable(query.value(3).toString()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("plans"));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int count = 100000;
    int runs = 9;
    bool plans = false;
    QString path;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--snapshots") && i + 1 < args.size())
            count = args[++i].toInt();
        else if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == QLatin1String("--file") && i + 1 < args.size())
            path = args[++i];
        else if (args[i] == QLatin1String("--plans"))
            plans = true;
        else {
            std::fprintf(stderr, "usage: paytriage-store-search [--snapshots N] [--runs R] [--file PATH] [--plans]\n");
            return 2;
        }
    }
    QTemporaryDir dir;
    if (path.isEmpty())
        path = dir.filePath(QStringLiteral("history.sqlite"));

    std::mt19937_64 rng(20250301);
    std::vector<QString> orderIds;
    std::vector<QString> paymentKeys;
    QElapsedTimer timer;
    if (!QFile::exists(path)) {
        std::unique_ptr<EvidenceStore> store = valueOf(EvidenceStore::open(StoreLocation::sqlite(path)));
        timer.start();
        // A thousand at a time, one transaction each: what a batch view writes.
        for (int n = 0; n < count;) {
            std::vector<Snapshot> batch;
            for (int k = 0; k < 1000 && n < count; ++k, ++n)
                batch.push_back(makeSnapshot(n, count, rng));
            valueOf(store->addAll(batch));
        }
        std::printf("filled %d snapshots in %.1f s (%.0f a second)\n", count, double(timer.elapsed()) / 1000,
                    count * 1000.0 / double(std::max<qint64>(1, timer.elapsed())));
    }

    timer.start();
    std::unique_ptr<EvidenceStore> store = valueOf(EvidenceStore::open(StoreLocation::sqlite(path)));
    const double openMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf("history: %s, %.1f MB; open (with its quick_check) %.0f ms\n", qPrintable(path),
                double(valueOf(store->sizeBytes())) / 1e6, openMs);

    // Ids that are there: sampled from the newest pages, and from one old day.
    HistoryQuery sample;
    sample.limit = 500;
    for (const HistoryRow &row : valueOf(store->search(sample)).rows) {
        orderIds.push_back(row.orderId);
        paymentKeys.push_back(row.paymentKey);
    }
    sample.toMs = kStartMs + 10 * kDayMs;
    for (const HistoryRow &row : valueOf(store->search(sample)).rows) {
        orderIds.push_back(row.orderId);
        paymentKeys.push_back(row.paymentKey);
    }

    struct Search
    {
        const char *name;
        std::function<HistoryQuery(int run)> query;
        QString plan;  // for printPlan
    };
    const qint64 midDay = kStartMs + 45 * kDayMs;
    const std::vector<Search> searches = {
        {"newest 50", [](int) { return HistoryQuery(); }, QString()},
        {"by orderId",
         [&](int run) {
             HistoryQuery q;
             q.id = orderIds[std::size_t(run * 97) % orderIds.size()];
             return q;
         },
         QStringLiteral("FROM snapshot s WHERE (s.order_id = 'x' OR s.payment_key = 'x') "
                        "ORDER BY s.captured_at DESC, s.id DESC LIMIT 51")},
        {"by paymentKey",
         [&](int run) {
             HistoryQuery q;
             q.id = paymentKeys[std::size_t(run * 89) % paymentKeys.size()];
             return q;
         },
         QString()},
        {"by rule (20 % of snapshots)",
         [](int) {
             HistoryQuery q;
             q.rule = QStringLiteral("unknown-field");
             return q;
         },
         QStringLiteral("FROM snapshot_rule r JOIN snapshot s ON s.id = r.snapshot_id WHERE r.rule = 'unknown-field' "
                        "ORDER BY r.captured_at DESC, r.snapshot_id DESC LIMIT 51")},
        {"by rule (0.5 % of snapshots)",
         [](int) {
             HistoryQuery q;
             q.rule = QStringLiteral("vbank-cancel-without-deposit");
             return q;
         },
         QString()},
        {"by time range (one day)",
         [midDay](int) {
             HistoryQuery q;
             q.fromMs = midDay;
             q.toMs = midDay + kDayMs;
             return q;
         },
         QStringLiteral("FROM snapshot s WHERE s.captured_at >= 1 AND s.captured_at < 2 "
                        "ORDER BY s.captured_at DESC, s.id DESC LIMIT 51")},
        {"by profile and status",
         [](int) {
             HistoryQuery q;
             q.profile = QStringLiteral("merchant 7");
             q.status = QStringLiteral("CANCELED");
             return q;
         },
         QStringLiteral("FROM snapshot s WHERE s.profile = 'merchant 7' AND s.status = 'CANCELED' "
                        "ORDER BY s.captured_at DESC, s.id DESC LIMIT 51")},
        {"by rule in a week, worst critical",
         [midDay](int) {
             HistoryQuery q;
             q.rule = QStringLiteral("status-stuck-in-progress");
             q.atLeast = Severity::Critical;
             q.fromMs = midDay;
             q.toMs = midDay + 7 * kDayMs;
             return q;
         },
         QString()},
    };
    std::printf("\n| search | median ms (%d runs) | rows |\n|:--|--:|--:|\n", runs);
    for (const Search &search : searches) {
        std::vector<double> times;
        std::size_t rows = 0;
        for (int run = 0; run < runs; ++run) {
            const HistoryQuery query = search.query(run);
            timer.start();
            rows = valueOf(store->search(query)).rows.size();
            times.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        std::printf("| %s | %.2f | %zu |\n", search.name, medianMs(times), rows);
        if (plans && !search.plan.isNull())
            printPlan(path, search.plan);
    }

    // The 20th page of 50, reached by its cursor as the view scrolls.
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        HistoryQuery q;
        timer.start();
        for (int page = 0; page < 20; ++page)
            q.after = valueOf(store->search(q)).next;
        times.push_back(double(timer.nsecsElapsed()) / 1e6 / 20);
    }
    std::printf("| a page of 50, scrolling to the 20th (per page) | %.2f | 50 |\n", medianMs(times));

    // One snapshot opened whole (its bodies and findings), as the view opens a row.
    times.clear();
    const HistoryPage newest = valueOf(store->search({}));
    for (int run = 0; run < runs; ++run) {
        timer.start();
        valueOf(store->snapshot(newest.rows[std::size_t(run) % newest.rows.size()].id));
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("| open one snapshot | %.2f | 1 |\n", medianMs(times));
    return 0;
}
