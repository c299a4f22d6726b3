#pragma once

// The case's header: status chip, method, amounts, ids (copyable), where the case came from,
// each source's progress, and the case's actions (cancel, look up live, copy summary,
// refresh); under it the failure banner with what to do, and what was repaired in a paste.

#include "casepane.h"

#include <QTimer>

#include <memory>

namespace paytriage {

namespace Ui {
class SummaryPane;
}

class SummaryPane final : public CasePane
{
    Q_OBJECT
public:
    explicit SummaryPane(const PaneContext &context, QWidget *parent = nullptr);
    ~SummaryPane() override;

    void showSnapshot(const CaseSnapshot &snapshot) override;
    void showState() override;
    void setLanguage(Language language) override;
    QList<QAction *> caseActions() const override;

private:
    void retranslate() override;
    void restyle() override;
    void copy(const QString &text, const QString &what);
    void updateHeadline();
    void updateSources();
    void updateBanner();
    void updateRepairs();
    QString sourceText(Source source) const;
    // For a payment not found: what the id was taken for, and what the profile's key can see.
    QString notFoundAdvice() const;

    std::unique_ptr<Ui::SummaryPane> m_ui;
    QTimer m_ticker;  // once a second while fetching: elapsed time, retry countdown
    QAction *m_copySummary;
};

} // namespace paytriage
