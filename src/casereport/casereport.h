#pragma once

// A case as a report for a ticket, the provider or a manager: Markdown, HTML and PDF, in Korean or
// English. The summary (status, method, amounts, ids, where and when it came from), each finding
// with its explanation and advice, the timeline, and an appendix of every raw body as kept, with
// its SHA-256. Personal data and secrets are masked by default (report/redaction's one list,
// named in the report); an unmasked report is an explicit choice and still never holds a secret
// key or a credential.
//
// Built from a Snapshot: what the history keeps of a case, or what the console would keep of the
// case in front of it (snapshotOf). Analysed again as of its capture, as the history's diff is.

#include "store/snapshot.h"

#include <QString>

#include <optional>
#include <vector>

namespace paytriage {

class Catalog;

struct CaseReportOptions
{
    Language language = Language::English;
    bool unmasked = false;      // bodies as received (credentials still taken out)
};

struct ReportBody
{
    QString label;              // "GET /v1/payments/…", "text", a file's name
    int status = 0;
    qint64 receivedAtMs = 0;
    QByteArray content;         // as the report shows it: masked unless unmasked was chosen
    QString sha256;             // of content, lower-case hex
    int maskedValues = 0;
};

struct CaseReport
{
    Language language = Language::English;
    bool masked = true;
    QString title;
    QStringList summary;        // "label: value" lines: status, method, amounts, ids
    QStringList provenance;     // snapshot, merchant, MID, key, captured (KST and UTC), as of, versions
    struct Item
    {
        QString severity;       // in words
        int level = 0;          // 0 info, 1 warning, 2 critical
        QString rule;
        QString title, detail, advice;
        QString where;          // "#1 /approvedAt"
    };
    std::vector<Item> findings;
    bool nothingRead = false;   // no answer could be read as JSON: nothing was checked
    QString noFindings;         // what is said when there are none: "No findings.", or why nothing was judged
    QStringList timeline;       // "2025-04-02 08:39:21 KST · DONE · 22,400 KRW · approved"
    std::vector<ReportBody> bodies;
    QString masking;            // what was masked, or that nothing was
};

// snapshotId: its number in the history, when it came from there.
CaseReport buildCaseReport(const Snapshot &snapshot, std::optional<qint64> snapshotId, const Catalog &catalog,
                           const CaseReportOptions &options);

QString reportMarkdown(const CaseReport &report);
QString reportHtml(const CaseReport &report);
// The file name suffix picks the format: .md, .html/.htm, .pdf. False, with why, for another.
// A PDF needs a QGuiApplication (fonts): QTextDocument lays the text out and its fonts are
// embedded; Korean needs a CJK font on the machine (Noto CJK on Debian).
bool writeReport(const CaseReport &report, const QString &path, QString *error);
// Why no report can be written to path (its suffix names none of md, html, pdf; its folder does
// not exist); empty when one can. Asked before a long run, so it does not fail at the end.
QString reportPathProblem(const QString &path);

// A report of many payments (a batch, a period scan): where and when it ran, what it read, and a
// table of the payments, most severe first. Ids, statuses, amounts and findings only: no
// personal data is in it to mask.
struct ListReport
{
    Language language = Language::English;
    QString title;
    QStringList provenance;
    QStringList summary;
    QStringList headers;
    std::vector<QStringList> rows;
    QStringList notes;
};
QString listReportMarkdown(const ListReport &report);
QString listReportHtml(const ListReport &report);
bool writeListReport(const ListReport &report, const QString &path, QString *error);

} // namespace paytriage
