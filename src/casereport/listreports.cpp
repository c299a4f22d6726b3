#include "listreports.h"

#include "catalog/catalog.h"
#include "report/casesummary.h"
#include "rules/analyzer.h"
#include "session/periodscan.h"
#include "store/snapshot.h"
#include "util/timestamp.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <numeric>

namespace paytriage {
namespace {

// The tables' words (context "paytriage::TableReport", which lupdate reads from the macro).
class Words
{
    Q_DECLARE_TR_FUNCTIONS(paytriage::TableReport)
};

QString now()
{
    return QString::fromStdString(formatKstSeconds(QDateTime::currentMSecsSinceEpoch()));
}

QStringList cellsOf(const QAbstractItemModel &model, int row)
{
    QStringList cells;
    for (int column = 0; column < model.columnCount(); ++column)
        cells << model.data(model.index(row, column)).toString();
    return cells;
}

QStringList headersOf(const QAbstractItemModel &model)
{
    QStringList headers;
    for (int column = 0; column < model.columnCount(); ++column)
        headers << model.headerData(column, Qt::Horizontal).toString();
    return headers;
}

} // namespace

BatchRow batchRowOf(const QString &id, const CaseFacts &facts, const Analysis &analysis, const std::optional<ApiError> &paymentError)
{
    BatchRow row;
    row.id = id;
    const bool canceled = paymentError && paymentError->kind == ApiError::Kind::Canceled;
    if (paymentError)
        row.error = paymentError->describe();
    row.state = canceled ? BatchRow::State::Stopped : paymentError ? BatchRow::State::Failed : BatchRow::State::Done;
    row.status = QString::fromStdString(facts.status);
    row.method = facts.methodLabel.empty() ? LocalizedText{facts.method, facts.method} : facts.methodLabel;
    row.amount = facts.totalAmount;
    row.currency = QString::fromStdString(facts.currency);
    row.findings = int(analysis.findings.size());
    if (!analysis.findings.empty()) {
        row.worst = int(analysis.findings.front().severity);
        row.worstTitle = analysis.findings.front().title;
    }
    for (const Finding &f : analysis.findings)
        if (!row.rules.contains(QString::fromStdString(f.rule)))
            row.rules << QString::fromStdString(f.rule);
    return row;
}

std::vector<ScanRow> scanRowsOf(const PeriodScan &scan, const Catalog &catalog)
{
    std::vector<ScanRow> rows;
    for (const ScannedPayment *p : scan.ranked()) {
        ScanRow row;
        row.paymentKey = QString::fromStdString(p->paymentKey);
        row.orderId = QString::fromStdString(p->orderId);
        row.day = p->day;
        row.worst = p->worst;
        row.findings = int(p->findings);
        for (Finding f : p->examples) {
            renderFinding(catalog, f);
            row.titles.push_back(f.title);
            row.rules << QString::fromStdString(f.rule);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

ListReport batchReport(const BatchModel &model, const TableReportHead &head)
{
    ListReport report;
    report.language = head.language;
    report.title = Words::tr("PayTriage batch lookup: %n id(s)", nullptr, model.rowCount());
    report.provenance << Words::tr("Merchant profile: %1").arg(head.merchant) << Words::tr("Looked up: %1").arg(now())
                      << QStringLiteral("PayTriage %1").arg(currentToolVersion());
    report.summary << head.summary;
    report.headers = headersOf(model);
    std::vector<int> order(std::size_t(model.rowCount()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&model](int a, int b) {
        const auto rank = [](const BatchRow &r) { return r.state == BatchRow::State::Done ? r.worst : -2; };
        return rank(*model.row(a)) > rank(*model.row(b));
    });
    for (const int row : order)
        report.rows.push_back(cellsOf(model, row));
    return report;
}

ListReport scanReport(const PeriodScan &scan, const ScanResultModel &model, QDate from, QDate to, const TableReportHead &head)
{
    ListReport report;
    report.language = head.language;
    report.title = Words::tr("PayTriage period scan: %1 – %2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    report.provenance << Words::tr("Merchant profile: %1").arg(head.merchant) << Words::tr("Scanned: %1").arg(now())
                      << QStringLiteral("PayTriage %1").arg(currentToolVersion());
    report.summary << head.summary;
    QStringList mix;
    for (const auto &[status, n] : scan.statusMix())
        mix << QStringLiteral("%1 %2").arg(QString::fromStdString(status)).arg(n);
    if (!mix.isEmpty())
        report.summary << Words::tr("Transactions by status: %1").arg(mix.join(QStringLiteral(" · ")));
    report.headers = QStringList{Words::tr("Severity")} + headersOf(model);
    for (int row = 0; row < model.rowCount(); ++row)
        report.rows.push_back(QStringList{severityName(model.row(row)->worst)} + cellsOf(model, row));
    if (scan.progress().phase != ScanProgress::Phase::Done)
        report.notes << Words::tr("The scan did not read the whole period: what is listed is what was read.");
    return report;
}

} // namespace paytriage
