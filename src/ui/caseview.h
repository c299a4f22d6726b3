#pragma once
// One case: summary, findings with their explanation, the raw JSON, the decoded fields and the
// timeline, linked through one SelectionMediator (no pane knows another). Failures show inside
// the view with what to do and a retry; nothing the user typed is lost.

#include "session/casesession.h"
#include "models/selection.h"
#include "util/text.h"

#include <QTimer>
#include <QWidget>

#include <array>
#include <memory>

class QModelIndex;
class QSettings;

namespace paytriage {

namespace Ui {
class CaseView;
}

class FindingsFilterProxy;
class FindingsModel;
class JsonTreeModel;
class SeverityStyleProxy;
class TimelineModel;

class CaseView final : public QWidget
{
    Q_OBJECT
public:
    CaseView(CaseSession *session, const Catalog &catalog, Language language, QWidget *parent = nullptr);
    ~CaseView() override;

    CaseSession *session() const { return m_session; }
    void setLanguage(Language language);
    void showFind();
    // Worst severity of the findings (-1 none), and counts per severity (info, warning, critical).
    int worstSeverity() const;
    std::array<int, 3> severityCounts() const;
    // The one severity of the case for its tab, the status bar and the banner: the worst of its
    // findings and of its failures (a failed source counts as ApiError::severity() says; text
    // that could not be read, as a warning). -1: nothing to flag.
    int caseSeverity() const;
    // Shows only the pane holding `pane` (findings with their explanation, raw, fields or
    // timeline), or all of them again: a 1366×768 screen reads one pane at a time. Double-click
    // a pane's caption, or Ctrl+Shift+M in it.
    void toggleMaximized(QWidget *pane);
    // Text size of the case in percent of the system's (Ctrl+= / Ctrl+- in the window).
    void setZoom(int percent);
    bool isMaximized() const { return m_maximized != nullptr; }
    // The case's state in words, one wording for the chip, the tab, the explanation pane and
    // the status bar: "Looking up… 1 of 3 sources", "2 of 3 sources arrived", … Empty for a
    // complete case (its findings speak) and for one not started.
    QString stateText() const;
    // What the status bar says of this case: its findings, said as such only when complete.
    QString findingsSummary() const;
    // Where the case came from: the merchant profile, its MID and key mode, and when it was
    // looked up (KST); or that it was pasted or read from a file, and when it was analysed.
    QString provenance() const;
    // "Copy summary": the case as plain text for a ticket, in the UI language, masked.
    QString summaryText() const;

    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

    // For tests and the screenshot tour.
    QWidget *findingsView() const;
    class JsonTextView *rawView() const;
    QWidget *treeView() const;
    QWidget *timelineView() const;
    SelectionMediator *mediator() { return &m_mediator; }
    bool selectFinding(const std::string &ruleId);
    // True from a new analysis until its raw text and first selection are shown (they follow in
    // later event-loop turns).
    bool isPresenting() const { return m_presenting; }

Q_SIGNALS:
    void errorCodeRequested(const QString &code);
    void editTextRequested(const QString &title, const QString &text);
    // Something went to the clipboard ("summary", "order ID", …): the window says so.
    void copied(const QString &what);
    void findingsChanged();
    // A pasted case holds this payment: look it up now (orderId or paymentKey) to compare.
    void lookUpLiveRequested(const QString &id, paytriage::IdKind kind);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void copyText(const QString &text, const QString &what);
    void onSnapshot();
    void onSourceChanged();
    void onFailure();
    // For a payment not found: what the id was taken for, and what the profile's key can see.
    QString notFoundAdvice() const;
    void onSelection(const Selection &selection, const QObject *origin);
    void onFindingCurrent(const QModelIndex &current);
    void showFindingDetail(const Finding *finding);
    void updateSummary();
    void updateMarkers();
    void updateRepairsLabel();
    void retranslate();
    void fillSeverityFilter();
    void updateTimelineCaption();
    // The timeline's rows as tab-separated text, as shown (in the UI language).
    QString timelineText(const QList<int> &rows) const;
    QString sourceText(Source source) const;
    // The raw pane shows the case's documents, or what a failed source sent back when it was
    // not usable (m_rawAnswerOf: that source); presentRaw() decides, from one place.
    void presentRaw();
    std::optional<Source> answerToShow() const;

    std::unique_ptr<Ui::CaseView> m_ui;
    CaseSession *m_session;
    const Catalog &m_catalog;
    Language m_language;
    SelectionMediator m_mediator;
    QTimer m_treeSync;
    QTimer m_ticker;  // once a second while fetching: elapsed time, retry countdown
    // The tree's Copy value and Copy JSON pointer, the findings' Copy as text, the case's Copy summary.
    std::array<class QAction *, 6> m_copyActions{};  // value, pointer, finding, summary, timeline row, timeline
    FindingsModel *m_findings;
    FindingsFilterProxy *m_findingsFilter;
    SeverityStyleProxy *m_findingsStyle;
    TimelineModel *m_timeline;
    SeverityStyleProxy *m_timelineStyle;
    JsonTreeModel *m_tree;
    SeverityStyleProxy *m_treeStyle;
    const Finding *m_shownFinding = nullptr;
    quint64 m_generation = 0;
    bool m_presenting = false;
    std::optional<Source> m_rawAnswerOf;  // chosen from a source's "show what came back"
    // The raw text or received answer in the raw pane now, held so its address cannot be reused.
    std::shared_ptr<const void> m_rawShown;
    QAction *m_maximizeAction = nullptr;
    QWidget *m_maximized = nullptr;       // the pane shown alone, or none
    QByteArray m_splittersBeforeMaximize[3];  // chosen from a source's "show what came back"
};

} // namespace paytriage
