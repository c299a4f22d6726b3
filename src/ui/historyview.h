#pragma once
// The evidence history as a view of the console: every snapshot kept (lookups, pastes, files),
// newest first, found by payment, merchant, status, finding, severity and time; a snapshot opens
// as a read-only case, two of one payment open as a diff. The store is asked on its own thread
// (EvidenceHistory); the view never waits for it.

#include "store/snapshot.h"
#include "util/i18n.h"

#include <QWidget>

#include <memory>
#include <optional>

class QTableView;
class QTimer;

namespace paytriage {

namespace Ui {
class HistoryView;
}

class EvidenceHistory;
class HistoryModel;

class HistoryView final : public QWidget
{
    Q_OBJECT
public:
    HistoryView(EvidenceHistory *history, QWidget *parent = nullptr);
    ~HistoryView() override;

    void setLanguage(Language language);
    // What the merchant and finding filters offer: the profiles set up, the rules that exist.
    void setMerchants(const QStringList &profiles);
    void setRules(const std::vector<std::string> &ruleIds);
    // Lists the newest snapshots that match the filters again (a new one was kept, say).
    void reload();

    HistoryModel *model() const { return m_model; }
    QTableView *table() const;
    // Snapshots of the rows selected, in the order they are shown.
    QList<qint64> selectedIds() const;
    // Two rows selected: their diff; one: its diff with the snapshot of its payment before it.
    void compareSelected();
    // A query sent and not answered yet.
    bool loading() const { return m_loading; }

Q_SIGNALS:
    void openRequested(qint64 id);
    // Two snapshots of one payment, the older first.
    void compareRequested(qint64 older, qint64 newer);
    // A page arrived (or the store answered an error): for tests and the status bar.
    void loaded();
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    HistoryQuery query() const;
    void fetch(bool more);
    void replaceRows(const std::vector<HistoryRow> &rows);
    void openSelected();
    void pinSelected();
    void copySelected();
    void updateButtons();
    void updateSummary();
    void retranslate();

    std::unique_ptr<Ui::HistoryView> m_ui;
    EvidenceHistory *m_history;
    HistoryModel *m_model;
    class RankedTable *m_rows;
    QTimer *m_typing;
    std::optional<HistoryCursor> m_next;
    QString m_error;
    int m_generation = 0;  // answers to an older query are dropped
    bool m_loading = false;
};

} // namespace paytriage
