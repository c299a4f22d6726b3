#pragma once

// The Batch and Scan tables, made one way for the console's views and the CLI: each row of a
// batch from its lookup, the rows of a scan from its ranked payments, and either table as a list
// report (paytriage-cli batch|scan --report, the views' Export report…).

#include "casereport/casereport.h"
#include "models/batchmodel.h"
#include "models/scanresultmodel.h"
#include "net/apierror.h"

#include <QDate>

#include <optional>
#include <vector>

namespace paytriage {

class Catalog;
class PeriodScan;
struct Analysis;
struct CaseFacts;

// A batch's row once its lookup ended: the payment's status, method, amount, worst finding and
// rules, or why it failed (paymentError: the payment's read failed; Canceled: stopped).
BatchRow batchRowOf(const QString &id, const CaseFacts &facts, const Analysis &analysis, const std::optional<ApiError> &paymentError);

// The payments a scan ranked, as rows, each rule's first finding worded by the catalog.
std::vector<ScanRow> scanRowsOf(const PeriodScan &scan, const Catalog &catalog);

// What heads a table's report: its language, the merchant it was run for, and a line saying how
// the run went (the view's progress line, the CLI's summary).
struct TableReportHead
{
    Language language = Language::English;
    QString merchant;
    QString summary;
};

// The batch's table, most severe first and failures last: the order a reader acts on.
ListReport batchReport(const BatchModel &model, const TableReportHead &head);
// The scan's ranked table with its status mix; a scan that did not read the whole period says so.
ListReport scanReport(const PeriodScan &scan, const ScanResultModel &model, QDate from, QDate to, const TableReportHead &head);

} // namespace paytriage
