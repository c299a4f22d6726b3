#include "casereport.h"

#include "catalog/catalog.h"
#include "report/casesummary.h"
#include "report/redaction.h"
#include "rules/analyzer.h"
#include "store/evidencemask.h"
#include "store/snapshotcase.h"
#include "util/clock.h"
#include "util/money.h"
#include "util/timestamp.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QTimeZone>

#include <functional>

namespace paytriage {
namespace {

// The report's words (context "paytriage::CaseReport", which lupdate reads from the macro).
class Words
{
    Q_DECLARE_TR_FUNCTIONS(paytriage::CaseReport)
};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString kst(qint64 ms)
{
    return qs(formatKstSeconds(ms));
}

QString utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate);
}

// Markdown: characters that would start markup in running text are escaped.
QString md(QString text)
{
    // Not _ (inside words it is no emphasis, and ids are full of it) nor # (markup only at the
    // start of a line, where no value is put).
    static const QString special = QStringLiteral("\\`*[]<>|");
    QString out;
    for (const QChar c : text) {
        if (special.contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString h(const QString &text)
{
    return text.toHtmlEscaped();
}

// The start of every report's page: its title, and one style (Latin from a Latin font, Hangul from
// the CJK one, tables and code readable on paper).
QString htmlStart(const QString &title, Language language)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"><title>%2</title>\n"
                          "<style>body{font-family:'DejaVu Sans','Noto Sans','Noto Sans CJK KR',sans-serif;max-width:60em;"
                          "margin:2em auto;line-height:1.45}pre{background:#f4f4f4;padding:.6em;white-space:pre-wrap;"
                          "word-break:break-all;font-size:85%}code{font-size:90%}.sev{font-weight:bold}"
                          "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}"
                          "</style></head><body>\n")
        .arg(language == Language::Korean ? QStringLiteral("ko") : QStringLiteral("en"), h(title));
}

} // namespace

CaseReport buildCaseReport(const Snapshot &snapshot, std::optional<qint64> snapshotId, const Catalog &catalog,
                           const CaseReportOptions &options)
{
    CaseReport r;
    r.language = options.language;
    r.masked = !options.unmasked;
    const Language lang = options.language;

    // What is shown of each body: masked as the history keeps it (maskBody again changes nothing
    // in a body the history masked), or as received less credentials when asked for.
    Snapshot shown = snapshot;
    for (std::size_t i = 0; i < shown.bodies.size(); ++i) {
        SnapshotBody &body = shown.bodies[i];
        ReportBody b;
        b.label = body.method.isEmpty() ? (body.path.isEmpty() ? body.source : body.path) : body.method + QLatin1Char(' ') + body.path;
        b.status = body.status;
        b.receivedAtMs = body.receivedAtMs ? body.receivedAtMs : snapshot.capturedAtMs;
        if (options.unmasked) {
            b.content = body.content;
            b.maskedValues = maskCredentials(b.content);
        } else {
            MaskedBody masked = maskBody(body.content);
            b.content = masked.content;
            b.maskedValues = masked.maskedValues;
        }
        body.content = b.content;
        b.sha256 = QString::fromLatin1(QCryptographicHash::hash(b.content, QCryptographicHash::Sha256).toHex());
        r.bodies.push_back(std::move(b));
    }

    // Analysed as the history reads a snapshot back: as of its capture.
    Case kase = caseOfSnapshot(shown);
    const FixedClock clock(analysedAsOf(snapshot));
    const Analysis analysis = Analyzer(catalog, clock).analyze(kase);
    const CaseFacts facts = caseFactsOf(kase, catalog);

    r.title = snapshot.title;
    const auto line = [&r](const QString &label, const QString &value) {
        if (!value.isEmpty())
            r.summary << label + QStringLiteral(": ") + value;
    };
    QString status = qs(facts.status);
    if (!facts.statusLabel.empty())
        status += QStringLiteral(" (") + facts.statusLabel.qIn(lang) + QLatin1Char(')');
    line(Words::tr("Status"), status);
    line(Words::tr("Method"), facts.methodLabel.empty() ? qs(facts.method) : facts.methodLabel.qIn(lang));
    if (facts.totalAmount)
        line(Words::tr("Total amount"), qs(formatMoney(*facts.totalAmount, facts.currency, lang)));
    if (facts.balanceAmount)
        line(Words::tr("Balance"), qs(formatMoney(*facts.balanceAmount, facts.currency, lang)));
    line(QStringLiteral("orderId"), qs(facts.orderId));
    line(QStringLiteral("paymentKey"), qs(facts.paymentKey));
    line(Words::tr("Order name"), r.masked ? QString() : qs(facts.orderName));

    if (snapshotId)
        r.provenance << Words::tr("Snapshot #%1 of the evidence history").arg(*snapshotId);
    if (!snapshot.profile.isEmpty())
        r.provenance << Words::tr("Merchant profile: %1").arg(snapshot.profile);
    if (!snapshot.mid.isEmpty())
        r.provenance << Words::tr("MID: %1").arg(snapshot.mid);
    if (snapshot.keyMode != SnapshotKeyMode::Unknown)
        r.provenance << Words::tr("Key: %1").arg(snapshot.keyMode == SnapshotKeyMode::Live ? QStringLiteral("LIVE") : QStringLiteral("TEST"));
    r.provenance << Words::tr("Captured: %1 (%2 UTC)").arg(kst(snapshot.capturedAtMs), utc(snapshot.capturedAtMs));
    if (snapshot.asOfMs && *snapshot.asOfMs != snapshot.capturedAtMs)
        r.provenance << Words::tr("Analysed as of: %1").arg(kst(*snapshot.asOfMs));
    if (snapshotId)
        r.provenance << (snapshot.catalogVersion.isEmpty()
                             ? Words::tr("Kept by PayTriage %1 (its catalog not recorded)").arg(snapshot.toolVersion)
                             : Words::tr("Kept by PayTriage %1, judged then by catalog %2").arg(snapshot.toolVersion, snapshot.catalogVersion));
    r.provenance << Words::tr("Findings below judged by PayTriage %1, catalog %2").arg(currentToolVersion(), analysis.catalogVersion);
    r.provenance << Words::tr("Report made: %1").arg(kst(QDateTime::currentMSecsSinceEpoch()));

    for (Finding f : analysis.findings) {
        renderFinding(catalog, f, lang);
        CaseReport::Item item;
        item.level = int(f.severity);
        item.severity = severityName(f.severity);
        item.rule = qs(f.rule);
        item.title = f.title.qIn(lang);
        item.detail = f.detail.qIn(lang);
        item.advice = f.advice.qIn(lang);
        item.where = QStringLiteral("#%1 %2").arg(f.document + 1).arg(f.pointers.empty() ? QStringLiteral("/") : qs(f.pointers.front()));
        r.findings.push_back(std::move(item));
    }
    for (const TimelineEvent &e : analysis.timeline) {
        QStringList parts{qs(formatKst(e.at))};
        if (!e.status.empty())
            parts << qs(e.status);
        if (e.amount)
            parts << qs(formatMoney(*e.amount, e.currency, lang));
        if (!e.label.empty())
            parts << e.label.qIn(lang);
        r.timeline << parts.join(QStringLiteral(" · "));
    }
    // An empty list must not read as a clean bill: a body that is no JSON (a gateway's page) was
    // not judged at all.
    r.nothingRead = kase.documents.empty();
    r.noFindings = r.nothingRead
                       ? Words::tr("Nothing was checked: no answer could be read as JSON. Read the answers in the appendix: an "
                                   "error page from a gateway or proxy, or an answer cut short, is not the API's answer; look the "
                                   "payment up again.")
                       : Words::tr("No findings.");
    if (r.summary.isEmpty())
        r.summary << Words::tr("No payment was recognised in the answers.");
    r.masking = r.masked ? Words::tr("Masked in this report: %1. Secret keys and credentials are never included.").arg(maskedFieldsDescription())
                         : Words::tr("Unmasked report, chosen explicitly: personal data is shown as received. Secret keys and credentials "
                              "are never included.");
    return r;
}

QString reportMarkdown(const CaseReport &r)
{
    QString out;
    out += QStringLiteral("# ") + md(Words::tr("PayTriage case report: %1").arg(r.title)) + QStringLiteral("\n\n");
    for (const QString &p : r.provenance)
        out += QStringLiteral("- ") + md(p) + QLatin1Char('\n');
    out += QStringLiteral("\n## ") + Words::tr("Summary") + QStringLiteral("\n\n");
    for (const QString &s : r.summary)
        out += QStringLiteral("- ") + md(s) + QLatin1Char('\n');
    out += QStringLiteral("\n## ") + Words::tr("Findings") + QStringLiteral("\n\n");
    if (r.findings.empty())
        out += md(r.noFindings) + QStringLiteral("\n\n");
    for (const CaseReport::Item &f : r.findings) {
        out += QStringLiteral("### ") + md(QStringLiteral("%1: %2").arg(f.severity, f.title)) + QStringLiteral("\n\n");
        if (!f.detail.isEmpty())
            out += md(f.detail) + QStringLiteral("\n\n");
        if (!f.advice.isEmpty())
            out += QStringLiteral("**") + md(Words::tr("What to do")) + QStringLiteral("**: ") + md(f.advice) + QStringLiteral("\n\n");
        out += QStringLiteral("`") + f.rule + QStringLiteral("` · ") + md(f.where) + QStringLiteral("\n\n");
    }
    out += QStringLiteral("## ") + Words::tr("Timeline (KST)") + QStringLiteral("\n\n");
    if (r.timeline.isEmpty())
        out += md(Words::tr("No dated events.")) + QLatin1Char('\n');
    for (const QString &t : r.timeline)
        out += QStringLiteral("- ") + md(t) + QLatin1Char('\n');
    out += QStringLiteral("\n## ") + Words::tr("Appendix: the answers as kept") + QStringLiteral("\n\n") + md(r.masking) + QStringLiteral("\n\n");
    int n = 0;
    for (const ReportBody &b : r.bodies) {
        out += QStringLiteral("### %1. ").arg(++n) + md(b.label) + QStringLiteral("\n\n");
        if (b.status)
            out += QStringLiteral("- HTTP %1\n").arg(b.status);
        out += QStringLiteral("- ") + md(Words::tr("Received: %1").arg(kst(b.receivedAtMs))) + QLatin1Char('\n');
        out += QStringLiteral("- SHA-256: `") + b.sha256 + QStringLiteral("`\n");
        if (b.maskedValues)
            out += QStringLiteral("- ") + md(Words::tr("%1 values masked").arg(b.maskedValues)) + QLatin1Char('\n');
        // A fence longer than any run of backticks in the body.
        int run = 0, longest = 0;
        for (const char c : b.content) {
            run = c == '`' ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        const QString fence(std::max(3, longest + 1), QLatin1Char('`'));
        const QByteArray start = b.content.trimmed().left(1);
        const QString language = start == "{" || start == "[" ? QStringLiteral("json") : QStringLiteral("text");
        out += QLatin1Char('\n') + fence + language + QLatin1Char('\n') + QString::fromUtf8(b.content) + QLatin1Char('\n') + fence + QStringLiteral("\n\n");
    }
    return out;
}

QString reportHtml(const CaseReport &r)
{
    static const char *colors[] = {"#1d5fa8", "#8a5a00", "#b3261e"};
    QString out = htmlStart(Words::tr("PayTriage case report: %1").arg(r.title), r.language);
    out += QStringLiteral("<h1>%1</h1>\n<ul>").arg(h(Words::tr("PayTriage case report: %1").arg(r.title)));
    for (const QString &p : r.provenance)
        out += QStringLiteral("<li>%1</li>").arg(h(p));
    out += QStringLiteral("</ul>\n<h2>%1</h2>\n<ul>").arg(h(Words::tr("Summary")));
    for (const QString &s : r.summary)
        out += QStringLiteral("<li>%1</li>").arg(h(s));
    out += QStringLiteral("</ul>\n<h2>%1</h2>\n").arg(h(Words::tr("Findings")));
    if (r.findings.empty())
        out += QStringLiteral("<p>%1</p>\n").arg(h(r.noFindings));
    for (const CaseReport::Item &f : r.findings) {
        out += QStringLiteral("<h3><span class=\"sev\" style=\"color:%1\">%2</span>: %3</h3>\n")
                   .arg(QLatin1String(colors[std::clamp(f.level, 0, 2)]), h(f.severity), h(f.title));
        if (!f.detail.isEmpty())
            out += QStringLiteral("<p>%1</p>").arg(h(f.detail));
        if (!f.advice.isEmpty())
            out += QStringLiteral("<p><b>%1</b>: %2</p>").arg(h(Words::tr("What to do")), h(f.advice));
        out += QStringLiteral("<p><code>%1</code> · %2</p>\n").arg(h(f.rule), h(f.where));
    }
    out += QStringLiteral("<h2>%1</h2>\n<ul>").arg(h(Words::tr("Timeline (KST)")));
    if (r.timeline.isEmpty())
        out += QStringLiteral("<li>%1</li>").arg(h(Words::tr("No dated events.")));
    for (const QString &t : r.timeline)
        out += QStringLiteral("<li>%1</li>").arg(h(t));
    out += QStringLiteral("</ul>\n<h2>%1</h2>\n<p>%2</p>\n").arg(h(Words::tr("Appendix: the answers as kept")), h(r.masking));
    int n = 0;
    for (const ReportBody &b : r.bodies) {
        out += QStringLiteral("<h3>%1. %2</h3>\n<ul>").arg(++n).arg(h(b.label));
        if (b.status)
            out += QStringLiteral("<li>HTTP %1</li>").arg(b.status);
        out += QStringLiteral("<li>%1</li><li>SHA-256: <code>%2</code></li>").arg(h(Words::tr("Received: %1").arg(kst(b.receivedAtMs))), b.sha256);
        if (b.maskedValues)
            out += QStringLiteral("<li>%1</li>").arg(h(Words::tr("%1 values masked").arg(b.maskedValues)));
        out += QStringLiteral("</ul>\n<pre>%1</pre>\n").arg(h(QString::fromUtf8(b.content)));
    }
    out += QStringLiteral("</body></html>\n");
    return out;
}

namespace {

// Lays html out on A4 pages and writes the PDF, its fonts embedded: Latin from a Latin font, Hangul
// from the CJK one (Noto CJK's own Latin digits do not come back out of a PDF as text: a hash
// could not be copied from it).
bool writeHtmlPdf(const QString &html, const QString &title, const QString &path, QString *error)
{
    {
        QPdfWriter pdf(path);  // the file is complete once the writer is gone
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("PayTriage %1").arg(currentToolVersion()));
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        QTextDocument document;
        QFont font;
        font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans"), QStringLiteral("Noto Sans CJK KR")});
        font.setPointSizeF(9);
        document.setDefaultFont(font);
        document.setHtml(html);
        document.print(&pdf);
    }
    if (QFileInfo(path).size() == 0) {
        *error = Words::tr("%1 could not be written.").arg(path);
        return false;
    }
    return true;
}

// The suffix picks the format; markdown and html give the text of each.
bool writeByName(const QString &path, const QString &title, const std::function<QString()> &markdown,
                 const std::function<QString()> &html, QString *error)
{
    if (const QString problem = reportPathProblem(path); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return writeHtmlPdf(html(), title, path, error);
    const QString text = suffix == QLatin1String("md") || suffix == QLatin1String("markdown") ? markdown() : html();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = Words::tr("%1 could not be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QString reportPathProblem(const QString &path)
{
    static const QStringList suffixes{QStringLiteral("md"), QStringLiteral("markdown"), QStringLiteral("html"), QStringLiteral("htm"),
                                      QStringLiteral("pdf")};
    if (!suffixes.contains(QFileInfo(path).suffix().toLower()))
        return Words::tr("Name the report .md, .html or .pdf: %1 is none of them.").arg(path);
    if (!QFileInfo(path).absoluteDir().exists())
        return Words::tr("The folder of %1 does not exist.").arg(path);
    return {};
}

bool writeReport(const CaseReport &report, const QString &path, QString *error)
{
    return writeByName(
        path, Words::tr("PayTriage case report: %1").arg(report.title), [&report] { return reportMarkdown(report); },
        [&report] { return reportHtml(report); }, error);
}

QString listReportMarkdown(const ListReport &r)
{
    QString out = QStringLiteral("# ") + md(r.title) + QStringLiteral("\n\n");
    for (const QString &p : r.provenance)
        out += QStringLiteral("- ") + md(p) + QLatin1Char('\n');
    out += QStringLiteral("\n## ") + Words::tr("Summary") + QStringLiteral("\n\n");
    for (const QString &line : r.summary)
        out += QStringLiteral("- ") + md(line) + QLatin1Char('\n');
    out += QLatin1Char('\n');
    const auto row = [](const QStringList &cells) -> QString {
        QStringList escaped;
        for (const QString &c : cells)
            escaped << md(c);
        return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    };
    if (!r.rows.empty()) {
        out += row(r.headers);
        out += QStringLiteral("|") + QStringLiteral("---|").repeated(r.headers.size()) + QLatin1Char('\n');
        for (const QStringList &cells : r.rows)
            out += row(cells);
        out += QLatin1Char('\n');
    }
    for (const QString &note : r.notes)
        out += md(note) + QStringLiteral("\n\n");
    return out;
}

QString listReportHtml(const ListReport &r)
{
    QString out = htmlStart(r.title, r.language);
    out += QStringLiteral("<h1>%1</h1>\n<ul>").arg(h(r.title));
    for (const QString &p : r.provenance)
        out += QStringLiteral("<li>%1</li>").arg(h(p));
    out += QStringLiteral("</ul>\n<h2>%1</h2>\n<ul>").arg(h(Words::tr("Summary")));
    for (const QString &line : r.summary)
        out += QStringLiteral("<li>%1</li>").arg(h(line));
    out += QStringLiteral("</ul>\n");
    if (!r.rows.empty()) {
        out += QStringLiteral("<table><tr>");
        for (const QString &header : r.headers)
            out += QStringLiteral("<th>%1</th>").arg(h(header));
        out += QStringLiteral("</tr>\n");
        for (const QStringList &cells : r.rows) {
            out += QStringLiteral("<tr>");
            for (const QString &c : cells)
                out += QStringLiteral("<td>%1</td>").arg(h(c));
            out += QStringLiteral("</tr>\n");
        }
        out += QStringLiteral("</table>\n");
    }
    for (const QString &note : r.notes)
        out += QStringLiteral("<p>%1</p>\n").arg(h(note));
    out += QStringLiteral("</body></html>\n");
    return out;
}

bool writeListReport(const ListReport &report, const QString &path, QString *error)
{
    return writeByName(
        path, report.title, [&report] { return listReportMarkdown(report); }, [&report] { return listReportHtml(report); }, error);
}

} // namespace paytriage
