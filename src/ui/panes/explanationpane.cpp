#include "explanationpane.h"

#include "casewords.h"
#include "severitystyle.h"

#include <QTextBrowser>
#include <QVBoxLayout>

namespace paytriage {
namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

const Json *at(const Json &value, const std::string &pointer)
{
    try {
        const Json::json_pointer p(pointer);
        return value.contains(p) ? &value.at(p) : nullptr;
    } catch (const std::exception &) {
        return nullptr;
    }
}

} // namespace

ExplanationPane::ExplanationPane(const PaneContext &context, QWidget *parent)
    : CasePane(context, parent), m_browser(new QTextBrowser(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    m_browser->setObjectName(QStringLiteral("findingDetail"));
    m_browser->setOpenLinks(false);
    m_browser->setAccessibleName(tr("Finding explanation"));
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("paytriage-error"))
            Q_EMIT links()->errorCodeRequested(url.path());
    });
    connect(links(), &CaseLinks::findingChosen, this, &ExplanationPane::show);
    show(nullptr);
}

void ExplanationPane::showSnapshot(const CaseSnapshot &)
{
    show(nullptr);
}

void ExplanationPane::showState()
{
    if (!m_shown)
        show(nullptr);  // what the state means for findings
}

void ExplanationPane::setLanguage(Language language)
{
    CasePane::setLanguage(language);
    show(m_shown);
}

void ExplanationPane::retranslate()
{
    m_browser->setAccessibleName(tr("Finding explanation"));
    show(m_shown);
}

void ExplanationPane::restyle()
{
    show(m_shown);
}

void ExplanationPane::show(const Finding *finding)
{
    m_shown = finding;
    const Language lang = language();
    if (!finding) {
        const auto counts = severityCounts(*session());
        const bool any = counts[0] + counts[1] + counts[2] > 0;
        const CaseSession::State state = session()->state();
        QString text;
        if (any)
            text = tr("Select a finding to see what it means and what to do.");
        else if (state == CaseSession::State::Complete)
            text = tr("No findings: nothing in these documents looks wrong to the rules.");
        else if (state == CaseSession::State::PartlyFailed)
            text = tr("No findings in what arrived. Not everything did (%1), so the rules that weigh the missing "
                      "answers did not run.")
                       .arg(caseStateText(*session()));
        else if (state == CaseSession::State::Working)
            text = tr("%1 Findings appear as the answers arrive.").arg(caseStateText(*session()));
        m_browser->setHtml(text.isEmpty() ? QString() : QStringLiteral("<p>%1</p>").arg(esc(text)));
        return;
    }
    const int sev = static_cast<int>(finding->severity);
    QString html = QStringLiteral("<h3 style=\"color:%1\">%2: %3</h3>")
                       .arg(severityColor(sev, palette()).name(), esc(severityName(finding->severity)), esc(finding->title.qIn(lang)));
    html += QStringLiteral("<p>%1</p>").arg(esc(finding->detail.qIn(lang)));
    if (!finding->advice.empty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("What to do:")), esc(finding->advice.qIn(lang)));
    if (!finding->evidence.empty()) {
        html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
        for (const Evidence &e : finding->evidence)
            html += QStringLiteral("<tr><td><code>%1</code></td><td><code>%2</code></td></tr>").arg(esc(qs(e.name)), esc(qs(e.in(lang))));
        html += QStringLiteral("</table>");
    }
    if (finding->rule == "api-error" && !finding->pointers.empty() && snapshot().documents) {
        const auto &docs = *snapshot().documents;
        if (finding->document < docs.size())
            if (const Json *code = at(docs[finding->document].value, finding->pointers.front()); code && code->is_string())
                html += QStringLiteral("<p><a href=\"paytriage-error:%1\">%2</a></p>")
                            .arg(esc(qs(code->get<std::string>())),
                                 esc(tr("Open %1 in the error-code reference").arg(qs(code->get<std::string>()))));
    }
    QString where = QStringLiteral("%1 · #%2 %3")
                        .arg(qs(finding->rule))
                        .arg(finding->document + 1)
                        .arg(qs(finding->pointers.empty() ? std::string() : finding->pointers.front()));
    if (finding->occurrences > 1)
        where += QStringLiteral(" · ") + tr("%n time(s)", nullptr, int(finding->occurrences));
    html += QStringLiteral("<p style=\"color:%1\"><small>%2</small></p>")
                .arg(readableOn(palette().color(QPalette::PlaceholderText), palette().color(QPalette::Base)).name(), esc(where));
    m_browser->setHtml(html);
}

} // namespace paytriage
