#pragma once
// One case: its panes (panes/panes.cpp lists them and where each sits), laid out in splitters and
// fed from one CaseSession: each new snapshot, each change of state, the selection (through one
// SelectionMediator: no pane knows another), the language and the zoom. Failures show inside the
// view with what to do and a retry; nothing the user typed is lost.

#include "models/selection.h"
#include "panes/casepane.h"
#include "session/casesession.h"
#include "util/text.h"

#include <QWidget>

#include <array>
#include <vector>

class QSettings;
class QSplitter;

namespace paytriage {

class JsonTextView;

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
    // The one severity of the case for its tab, the status bar and the banner (casewords.h).
    int caseSeverity() const;
    // Shows only the part of the view that holds `pane` (the findings with their explanation,
    // raw, fields or timeline), or all of them again: a 1366×768 screen reads one pane at a
    // time. Double-click a pane's caption, or Ctrl+Shift+M in it.
    void toggleMaximized(QWidget *pane);
    // Text size of the case in percent of the system's (Ctrl+= / Ctrl+- in the window).
    void setZoom(int percent);
    bool isMaximized() const { return m_maximized != nullptr; }
    // The case in words, one wording for the chip, the tab and the status bar (casewords.h).
    QString stateText() const;
    QString findingsSummary() const;
    QString provenance() const;
    // "Copy summary": the case as plain text for a ticket, in the UI language, masked.
    QString summaryText() const;

    // Shows, beside this (pasted) case, what another look at the same payment says: the live
    // lookup "Look up live" started. Null: no comparison.
    void compareWith(CaseSession *other);

    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

    // For tests and the screenshot tour.
    QWidget *findingsView() const;
    JsonTextView *rawView() const;
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
    // Bring the case of that session forward (its own tab).
    void showCaseRequested(paytriage::CaseSession *session);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    template <typename Pane>
    Pane *pane() const;
    void onSnapshot();
    void onState();
    void retranslate();

    CaseSession *m_session;
    Language m_language;
    SelectionMediator m_mediator;
    CaseLinks m_links;
    std::vector<CasePane *> m_panes;
    // The upper part's columns side by side, the upper part above the bottom, and the left
    // column's panes stacked; their sizes are saved.
    QSplitter *m_main;
    QSplitter *m_columns;
    QSplitter *m_left;
    std::vector<QWidget *> m_areas;  // what maximising shows or hides: each column, the bottom
    QAction *m_maximizeAction = nullptr;
    QWidget *m_maximized = nullptr;  // the area shown alone, or none
    QByteArray m_splittersBeforeMaximize[3];
    quint64 m_generation = 0;
    bool m_presenting = false;
};

} // namespace paytriage
