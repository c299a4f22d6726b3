#pragma once

// The findings: most serious first, filtered by severity or text, grouped by rule on demand.
// Choosing one selects the value it points at (and the explanation pane explains it).

#include "casepane.h"

#include <memory>

class QModelIndex;
class QTreeView;

namespace paytriage {

namespace Ui {
class FindingsPane;
}

class FindingsFilterProxy;
class FindingsModel;
class SeverityStyleProxy;

class FindingsPane final : public CasePane
{
    Q_OBJECT
public:
    explicit FindingsPane(const PaneContext &context, QWidget *parent = nullptr);
    ~FindingsPane() override;

    QTreeView *view() const;
    // Makes the first shown finding of this rule current; false when none is shown.
    bool selectFinding(const std::string &ruleId);

    void showSnapshot(const CaseSnapshot &snapshot) override;
    void snapshotShown() override;
    void setLanguage(Language language) override;
    void saveState(QSettings &settings) const override;
    void restoreState(const QSettings &settings) override;
    QLabel *caption() const override;

private:
    void retranslate() override;
    void restyle() override;
    void onCurrent(const QModelIndex &current);
    void fillSeverityFilter();

    std::unique_ptr<Ui::FindingsPane> m_ui;
    FindingsModel *m_findings;
    FindingsFilterProxy *m_filter;
    SeverityStyleProxy *m_style;
    QAction *m_copy;
    const Finding *m_current = nullptr;
};

} // namespace paytriage
