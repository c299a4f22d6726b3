#pragma once

// A pane of the case view: the summary, the findings, the explanation, the raw text, the fields,
// the timeline, and the ones to come. Every pane takes the same few things from CaseView — the
// case's snapshot as it is published, its state as sources arrive, the selection, the language,
// the zoom — and tells others only through the SelectionMediator (what the user picked) and
// CaseLinks (what the user asked for). No pane knows another. The list of panes and where each
// sits is panes.cpp: adding a pane touches that one place.

#include "models/selection.h"
#include "session/casesession.h"
#include "util/text.h"

#include <QList>
#include <QObject>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QSettings;

namespace paytriage {

class Catalog;

// Requests a pane makes of the case or the window, beyond selecting a value.
class CaseLinks final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    // The user chose a finding (null: none, as when a new snapshot arrives); it lives as long
    // as the snapshot it came from.
    void findingChosen(const paytriage::Finding *finding);
    // Show what a failed source sent back in the raw pane (none: the case's documents again).
    void answerRequested(std::optional<paytriage::Source> source);
    void errorCodeRequested(const QString &code);
    void editTextRequested(const QString &title, const QString &text);
    // Something went to the clipboard ("summary", "order ID", …): the window says so.
    void copied(const QString &what);
    // A pasted case holds this payment: look it up now (orderId or paymentKey) to compare.
    void lookUpLiveRequested(const QString &id, paytriage::IdKind kind);
    // The case is compared with another look at the same payment (the live lookup).
    void counterpartChanged(paytriage::CaseSession *other);
    // Bring that case's own tab forward.
    void showCaseRequested(paytriage::CaseSession *session);
};

struct PaneContext
{
    CaseSession *session;
    const Catalog &catalog;
    SelectionMediator *mediator;
    CaseLinks *links;
    Language language;
};

class CasePane : public QWidget
{
public:
    CasePane(const PaneContext &context, QWidget *parent = nullptr);

    // A new snapshot: what is quick (models, labels) now; showSnapshotLater() one turn of the
    // event loop later (the raw text of a 50 MB paste), and snapshotShown() once every pane
    // has it (the findings pane picks the most serious finding).
    virtual void showSnapshot(const CaseSnapshot &snapshot) { Q_UNUSED(snapshot) }
    virtual void showSnapshotLater(const CaseSnapshot &snapshot) { Q_UNUSED(snapshot) }
    virtual void snapshotShown() {}
    // The case's state moved: a source started, arrived or failed, the case failed, a second passed
    // while fetching.
    virtual void showState() {}
    // The user selected a value in another pane (origin: who asked; a pane skips its own).
    virtual void showSelection(const Selection &selection, const QObject *origin) { Q_UNUSED(selection) Q_UNUSED(origin) }
    virtual void setLanguage(Language language) { m_language = language; }
    // Text size in percent of the system's: the case view sets its font; a pane whose own font
    // does not follow (the raw pane's fixed one) or whose row heights are set scales them here.
    virtual void setZoom(int percent) { Q_UNUSED(percent) }
    virtual void saveState(QSettings &settings) const { Q_UNUSED(settings) }
    virtual void restoreState(const QSettings &settings) { Q_UNUSED(settings) }
    // The label above the pane: double-clicking it shows the pane alone. None: not maximisable.
    virtual QLabel *caption() const { return nullptr; }
    // Actions that work from anywhere in the case (Copy summary): the case view adds them to itself.
    virtual QList<QAction *> caseActions() const { return {}; }

protected:
    // The interface language changed, or the palette: each pane says its texts, or draws its
    // colours, again (changeEvent calls these; a pane that shows neither has nothing to do).
    virtual void retranslate() {}
    virtual void restyle() {}
    void changeEvent(QEvent *event) override;

    CaseSession *session() const { return m_context.session; }
    const CaseSnapshot &snapshot() const { return m_context.session->snapshot(); }
    const Catalog &catalog() const { return m_context.catalog; }
    SelectionMediator *mediator() const { return m_context.mediator; }
    CaseLinks *links() const { return m_context.links; }
    Language language() const { return m_language; }

private:
    PaneContext m_context;
    Language m_language;
};

} // namespace paytriage
