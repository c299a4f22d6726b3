#pragma once

// The timeline: the case's events in time (KST), deadlines and the "now" row, linked to the
// value each event was read from; rows copy as the table shows them.

#include "casepane.h"

#include <memory>

class QTableView;

namespace paytriage {

namespace Ui {
class TimelinePane;
}

class SeverityStyleProxy;
class TimelineModel;

class TimelinePane final : public CasePane
{
    Q_OBJECT
public:
    explicit TimelinePane(const PaneContext &context, QWidget *parent = nullptr);
    ~TimelinePane() override;

    QTableView *view() const;

    void showSnapshot(const CaseSnapshot &snapshot) override;
    void showSelection(const Selection &selection, const QObject *origin) override;
    void setLanguage(Language language) override;
    void setZoom(int percent) override;
    void saveState(QSettings &settings) const override;
    void restoreState(const QSettings &settings) override;
    QLabel *caption() const override;

private:
    void retranslate() override;
    void restyle() override;
    // The rows as tab-separated text, as shown (in the UI language).
    QString text(const QList<int> &rows) const;

    std::unique_ptr<Ui::TimelinePane> m_ui;
    TimelineModel *m_timeline;
    SeverityStyleProxy *m_style;
    QAction *m_copyRow;
    QAction *m_copyAll;
};

} // namespace paytriage
