#include "report/reportparts.h"

#include "util/money.h"

#include <QCoreApplication>

#include <algorithm>

namespace paytriage {
namespace {

std::string s(const QString &q)
{
    return q.toStdString();
}

// Display width of one code point: East Asian wide characters take two columns.
int columnsOf(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                   || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6)
               ? 2
               : 1;
}

int displayWidth(const std::string &text)
{
    int width = 0;
    for (const char32_t c : QString::fromStdString(text).toStdU32String())
        width += columnsOf(c);
    return width;
}

std::string padRight(const std::string &text, int width)
{
    const int w = displayWidth(text);
    return w >= width ? text : text + std::string(static_cast<std::size_t>(width - w), ' ');
}

// Greedy word wrap that counts wide characters as two columns; continuation lines indented.
std::string wrap(const std::string &text, int indent, int width)
{
    std::string out;
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    std::size_t lineStart = 0;
    while (lineStart <= text.size()) {
        const std::size_t newline = text.find('\n', lineStart);
        const std::string paragraph = text.substr(lineStart, newline == std::string::npos ? std::string::npos : newline - lineStart);
        int col = indent;
        out += pad;
        std::size_t pos = 0;
        while (pos < paragraph.size()) {
            std::size_t end = paragraph.find(' ', pos);
            if (end == std::string::npos)
                end = paragraph.size();
            const std::string word = paragraph.substr(pos, end - pos);
            const int w = displayWidth(word);
            if (col > indent && col + 1 + w > width) {
                out += '\n' + pad;
                col = indent;
            } else if (col > indent) {
                out += ' ';
                ++col;
            }
            out += word;
            col += w;
            pos = end + 1;
        }
        out += '\n';
        if (newline == std::string::npos)
            break;
        lineStart = newline + 1;
    }
    return out;
}

} // namespace

} // namespace paytriage

namespace paytriage::report_detail {

Palette palette(bool color)
{
    if (!color)
        return {};
    return {"\x1b[1;31m", "\x1b[1;33m", "\x1b[36m", "\x1b[2m", "\x1b[1m", "\x1b[0m"};
}

std::string textSummary(const ReportInput &in, const Palette &c)
{
    std::string out;
    const auto counts = in.analysis.counts();
    // "payment, transactions", or "error ×100000" for a paste of a hundred thousand errors.
    std::vector<std::pair<std::string_view, std::size_t>> byKind;
    for (const Document &d : in.kase.documents) {
        const std::string_view id = kindId(d.kind);
        const auto it = std::find_if(byKind.begin(), byKind.end(), [id](const auto &k) { return k.first == id; });
        if (it == byKind.end())
            byKind.emplace_back(id, 1);
        else
            ++it->second;
    }
    std::string kinds;
    for (const auto &[id, count] : byKind) {
        kinds += (kinds.empty() ? "" : ", ") + std::string(id);
        if (count > 1)
            kinds += " ×" + std::to_string(count);
    }
    const auto worst = in.analysis.worst();
    // Everything that comes from data or a server goes through printable(): the report's own
    // colours are the only control characters that reach the terminal.
    out += c.bold + printable(in.inputName) + c.reset + " — "
           + s(QCoreApplication::translate("paytriage::TextReport", "%1 document(s) (%2)").arg(in.kase.documents.size()).arg(QString::fromStdString(kinds))) + " · "
           + s(QCoreApplication::translate("paytriage::TextReport", "%1 critical, %2 warning, %3 info").arg(counts[2]).arg(counts[1]).arg(counts[0]));
    if (in.analysis.records)
        out += " · " + s(QCoreApplication::translate("paytriage::TextReport", "%1 records").arg(in.analysis.records));
    out += '\n';
    if (verdictOf(in.kase, in.analysis) == Verdict::Unrecognised)
        out += s(QCoreApplication::translate("paytriage::TextReport",
                                             "Not recognised as a Toss Payments response: nothing was checked.")) + '\n';
    else if (!worst || *worst == Severity::Info)
        out += s(QCoreApplication::translate("paytriage::TextReport", "Nothing at warning or above.")) + '\n';
    return out;
}

std::string textSkippedAndRepairs(const ReportInput &in, const TextStyle &style, const Palette &c)
{
    std::string out;
    if (in.skipped && !in.skipped->empty()) {
        out += '\n' + c.bold + s(QCoreApplication::translate("paytriage::TextReport", "Parts that could not be read"))
               + c.reset + '\n';
        for (const DecodeError &e : *in.skipped)
            out += wrap("- " + printable(s(e.message().toString())), 2, style.width);
    }
    if (!in.repairs.empty()) {
        out += '\n' + c.bold + s(QCoreApplication::translate("paytriage::TextReport", "Repairs made to read the text")) + c.reset + '\n';
        // One line per kind of repair: a console.log paste has dozens of unquoted keys.
        std::vector<std::pair<const Repair *, std::size_t>> kinds;
        for (const Repair &r : in.repairs) {
            auto it = std::find_if(kinds.begin(), kinds.end(), [&](const auto &k) { return k.first->kind == r.kind; });
            if (it == kinds.end())
                kinds.emplace_back(&r, 1);
            else
                ++it->second;
        }
        for (const auto &[first, count] : kinds) {
            std::string line = "- " + printable(s(first->description().toString()));
            if (count > 1)
                line += ' ' + s(QCoreApplication::translate("paytriage::TextReport", "(%1 more like it)").arg(count - 1));
            out += wrap(line, 2, style.width);
        }
    }
    return out;
}

std::string textFindingsHeading(const Palette &c)
{
    return '\n' + c.bold + s(QCoreApplication::translate("paytriage::TextReport", "Findings")) + c.reset + '\n';
}

std::string textFinding(const Finding &f, Language lang, const TextStyle &style, const Palette &c)
{
    std::string out;
    const std::string &colour = f.severity == Severity::Critical ? c.critical
                                : f.severity == Severity::Warning ? c.warning
                                                                  : c.info;
    QString label = f.severity == Severity::Critical  ? QCoreApplication::translate("paytriage::TextReport", "CRITICAL")
                    : f.severity == Severity::Warning ? QCoreApplication::translate("paytriage::TextReport", "WARNING")
                                                      : QCoreApplication::translate("paytriage::TextReport", "INFO");
    // Built in steps: GCC 12 warns falsely (-Wrestrict) on "#" + std::string at -O3.
    std::string where(1, '#');
    where += std::to_string(f.document);
    if (!f.pointers.empty())
        where += ' ' + printable(f.pointers.front());
    if (f.occurrences > 1)
        where += " (" + s(QCoreApplication::translate("paytriage::TextReport", "×%1").arg(f.occurrences)) + ')';
    out += '\n' + colour + padRight(s(label), 9) + c.reset + ' ' + c.bold + printable(f.title.in(lang)) + c.reset + '\n';
    out += "          " + c.dim + f.rule + "  " + where + c.reset + '\n';
    out += wrap(printable(f.detail.in(lang)), 10, style.width);
    if (!f.advice.empty())
        out += wrap("→ " + printable(f.advice.in(lang)), 10, style.width);
    return out;
}

std::string textTimeline(const Analysis &analysis, Language lang, const Palette &c)
{
    std::string out;
    if (analysis.timeline.empty())
        return out;
    out += '\n' + c.bold + s(QCoreApplication::translate("paytriage::TextReport", "Timeline (KST)")) + c.reset + '\n';
    const std::size_t shown = std::min<std::size_t>(analysis.timeline.size(), 200);
    for (std::size_t i = 0; i < shown; ++i) {
        const TimelineEvent &e = analysis.timeline[i];
        std::string when = formatKst(e.at);
        if (when.size() > 4 && when.compare(when.size() - 4, 4, " KST") == 0)
            when.resize(when.size() - 4);
        if (!e.at.hasOffset && !e.at.dateOnly)
            when += '*';
        out += "  " + padRight(when, 24) + padRight(std::string(kindId(e.source)), 18)
               + padRight(e.label.in(lang), 22) + padRight(printable(e.status), 20)
               + (e.amount ? printable(formatMoney(*e.amount, e.currency.empty() ? "KRW" : e.currency, lang)) : std::string()) + '\n';
    }
    if (shown < analysis.timeline.size() || analysis.timelineTruncated)
        out += "  " + s(QCoreApplication::translate("paytriage::TextReport", "… %1 more events not shown").arg(analysis.timeline.size() - shown)) + '\n';
    if (std::any_of(analysis.timeline.begin(), analysis.timeline.end(),
                    [](const TimelineEvent &e) { return !e.at.hasOffset && !e.at.dateOnly; }))
        out += "  " + c.dim + s(QCoreApplication::translate("paytriage::TextReport", "* no offset in the source; read as KST")) + c.reset + '\n';
    return out;
}

} // namespace paytriage::report_detail

namespace paytriage {

using namespace report_detail;

void writeTextReport(const ReportInput &in, const TextStyle &style, const ReportWriter &write)
{
    const Palette c = palette(style.color);
    write(textSummary(in, c) + textSkippedAndRepairs(in, style, c));
    if (!in.analysis.findings.empty()) {
        write(textFindingsHeading(c));
        Finding scratch;
        for (const Finding &f : in.analysis.findings)
            write(textFinding(renderedFinding(in, f, scratch), in.language, style, c));
    }
    write(textTimeline(in.analysis, in.language, c));
}

} // namespace paytriage
