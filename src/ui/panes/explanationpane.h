#pragma once

// The explanation of the chosen finding: what it means, what to do, its evidence, and a link to
// the error-code reference; with no finding chosen, what the case's state means for findings.

#include "casepane.h"

class QTextBrowser;

namespace paytriage {

class ExplanationPane final : public CasePane
{
    Q_OBJECT
public:
    explicit ExplanationPane(const PaneContext &context, QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }

    void showSnapshot(const CaseSnapshot &snapshot) override;
    void showState() override;
    void setLanguage(Language language) override;

private:
    void retranslate() override;
    void restyle() override;
    void show(const Finding *finding);

    QTextBrowser *m_browser;
    const Finding *m_shown = nullptr;
};

} // namespace paytriage
