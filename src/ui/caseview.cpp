#include "caseview.h"

#include "jsonview/jsontextview.h"
#include "panes/casewords.h"
#include "panes/fieldspane.h"
#include "panes/findingspane.h"
#include "panes/panes.h"
#include "panes/rawpane.h"
#include "panes/timelinepane.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace paytriage {

CaseView::CaseView(CaseSession *session, const Catalog &catalog, Language language, QWidget *parent)
    : QWidget(parent), m_session(session), m_language(language)
{
    session->setParent(this);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    m_main = new QSplitter(Qt::Vertical, this);
    m_columns = new QSplitter(Qt::Horizontal, m_main);
    m_main->addWidget(m_columns);
    QSplitter *areas[] = {nullptr, new QSplitter(Qt::Vertical), new QSplitter(Qt::Vertical), new QSplitter(Qt::Vertical),
                          new QSplitter(Qt::Vertical)};  // by PaneArea
    for (int area = int(PaneArea::Left); area <= int(PaneArea::Right); ++area)
        m_columns->addWidget(areas[area]);
    m_main->addWidget(areas[int(PaneArea::Bottom)]);
    m_left = areas[int(PaneArea::Left)];
    for (QSplitter *splitter : {m_main, m_columns})
        splitter->setChildrenCollapsible(false);

    const PaneContext context{session, catalog, &m_mediator, &m_links, language};
    for (const PaneEntry &entry : casePanes()) {
        CasePane *pane = entry.make(context);
        m_panes.push_back(pane);
        if (entry.area == PaneArea::Header)
            layout->addWidget(pane);
        else
            areas[int(entry.area)]->addWidget(pane);
        if (QLabel *caption = pane->caption())
            caption->installEventFilter(this);
        addActions(pane->caseActions());
    }
    layout->addWidget(m_main, 1);
    for (int area = int(PaneArea::Left); area <= int(PaneArea::Bottom); ++area) {
        m_areas.push_back(areas[area]);
        for (int i = 0; i < areas[area]->count(); ++i)
            areas[area]->setStretchFactor(i, 1);
    }
    m_main->setStretchFactor(0, 3);
    m_main->setStretchFactor(1, 1);
    m_columns->setSizes({400, 480, 420});
    m_main->setSizes({560, 220});  // six timeline rows or more at 1366×768

    connect(&m_mediator, &SelectionMediator::selectionChanged, this, [this](const Selection &selection, const QObject *origin) {
        if (!selection.valid())
            return;
        for (CasePane *pane : m_panes)
            pane->showSelection(selection, origin);
    });
    connect(&m_links, &CaseLinks::errorCodeRequested, this, &CaseView::errorCodeRequested);
    connect(&m_links, &CaseLinks::editTextRequested, this, &CaseView::editTextRequested);
    connect(&m_links, &CaseLinks::copied, this, &CaseView::copied);
    connect(&m_links, &CaseLinks::lookUpLiveRequested, this, &CaseView::lookUpLiveRequested);
    connect(&m_links, &CaseLinks::showCaseRequested, this, &CaseView::showCaseRequested);
    connect(session, &CaseSession::snapshotChanged, this, &CaseView::onSnapshot);
    connect(session, &CaseSession::busyChanged, this, &CaseView::onState);
    connect(session, &CaseSession::failedChanged, this, &CaseView::onState);
    connect(session, &CaseSession::sourceChanged, this, &CaseView::onState);
    connect(session, &CaseSession::stateChanged, this, &CaseView::onState);

    m_maximizeAction = new QAction(this);
    m_maximizeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_maximizeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_maximizeAction);
    connect(m_maximizeAction, &QAction::triggered, this, [this] { toggleMaximized(QApplication::focusWidget()); });
    retranslate();
    onSnapshot();
    onState();
}

CaseView::~CaseView() = default;

template <typename Pane>
Pane *CaseView::pane() const
{
    for (CasePane *candidate : m_panes)
        if (auto *found = qobject_cast<Pane *>(candidate))
            return found;
    return nullptr;
}

void CaseView::onSnapshot()
{
    const CaseSnapshot &snap = m_session->snapshot();
    const quint64 generation = ++m_generation;
    for (CasePane *pane : m_panes)
        pane->showSnapshot(snap);
    Q_EMIT findingsChanged();

    // What takes longer (the raw text), then what needs it all in place (the first finding
    // chosen), each in a later turn of the event loop: a 50 MB response never holds the window
    // longer than one of these steps (bench/gui-open.cpp). Not 0 ms: zero timers run before
    // paints and input, a short delay lets those in between.
    constexpr int stepDelayMs = 5;
    m_presenting = true;
    QTimer::singleShot(stepDelayMs, this, [this, generation] {
        if (generation != m_generation)
            return;
        for (CasePane *pane : m_panes)
            pane->showSnapshotLater(m_session->snapshot());
        QTimer::singleShot(stepDelayMs, this, [this, generation] {
            if (generation != m_generation)
                return;
            m_presenting = false;
            for (CasePane *pane : m_panes)
                pane->snapshotShown();
        });
    });
}

void CaseView::onState()
{
    for (CasePane *pane : m_panes)
        pane->showState();
}

void CaseView::setLanguage(Language language)
{
    m_language = language;
    m_session->setLanguage(language);  // a refresh asks the provider in the new language
    for (CasePane *pane : m_panes)
        pane->setLanguage(language);
    retranslate();
}

void CaseView::setZoom(int percent)
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * percent / 100.0);
    setFont(font);
    for (CasePane *pane : m_panes)
        pane->setZoom(percent);
}

void CaseView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CaseView::retranslate()
{
    m_maximizeAction->setText(tr("Show this pane alone"));
    for (CasePane *pane : m_panes)
        if (QLabel *caption = pane->caption())
            caption->setToolTip(tr("Double-click to show this pane alone, again to show all (Ctrl+Shift+M)"));
}

bool CaseView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonDblClick)
        for (CasePane *pane : m_panes)
            if (pane->caption() && watched == pane->caption()) {
                toggleMaximized(pane);
                return true;
            }
    return QWidget::eventFilter(watched, event);
}

void CaseView::toggleMaximized(QWidget *widget)
{
    QSplitter *splitters[] = {m_main, m_columns, m_left};
    if (m_maximized) {
        m_maximized = nullptr;
        for (QWidget *area : m_areas)
            area->show();
        m_columns->show();
        for (int i = 0; i < 3; ++i)
            splitters[i]->restoreState(m_splittersBeforeMaximize[i]);
        return;
    }
    // The area that holds the widget: a column of the upper part, or the bottom.
    QWidget *chosen = nullptr;
    for (QWidget *area : m_areas)
        if (widget && (widget == area || area->isAncestorOf(widget)))
            chosen = area;
    if (!chosen)
        return;
    for (int i = 0; i < 3; ++i)
        m_splittersBeforeMaximize[i] = splitters[i]->saveState();
    m_maximized = chosen;
    for (QWidget *area : m_areas)
        area->setVisible(area == chosen);
    // The columns' splitter holds three areas; hidden, it would take nothing with it, shown
    // empty, it would keep their room.
    m_columns->setVisible(m_columns->isAncestorOf(chosen));
}

void CaseView::compareWith(CaseSession *other)
{
    Q_EMIT m_links.counterpartChanged(other);
    // The comparison shares the bottom with the timeline: give the bottom more room.
    const int height = m_main->height();
    if (other && height > 0)
        m_main->setSizes({height * 11 / 20, height * 9 / 20});
}

void CaseView::showFind()
{
    pane<RawPane>()->showFind();
}

int CaseView::worstSeverity() const
{
    return paytriage::worstSeverity(*m_session);
}

std::array<int, 3> CaseView::severityCounts() const
{
    return paytriage::severityCounts(*m_session);
}

int CaseView::caseSeverity() const
{
    return paytriage::caseSeverity(*m_session);
}

QString CaseView::stateText() const
{
    return caseStateText(*m_session);
}

QString CaseView::findingsSummary() const
{
    return caseFindingsSummary(*m_session);
}

QString CaseView::provenance() const
{
    return caseProvenance(*m_session);
}

QString CaseView::summaryText() const
{
    return caseTicketSummary(*m_session, m_language);
}

bool CaseView::selectFinding(const std::string &ruleId)
{
    return pane<FindingsPane>()->selectFinding(ruleId);
}

QWidget *CaseView::findingsView() const
{
    return pane<FindingsPane>()->view();
}

JsonTextView *CaseView::rawView() const
{
    return pane<RawPane>()->view();
}

QWidget *CaseView::treeView() const
{
    return pane<FieldsPane>()->view();
}

QWidget *CaseView::timelineView() const
{
    return pane<TimelinePane>()->view();
}

void CaseView::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("caseView/main"), m_main->saveState());
    settings.setValue(QStringLiteral("caseView/top"), m_columns->saveState());
    settings.setValue(QStringLiteral("caseView/findings"), m_left->saveState());
    for (const CasePane *pane : m_panes)
        pane->saveState(settings);
}

void CaseView::restoreState(const QSettings &settings)
{
    m_main->restoreState(settings.value(QStringLiteral("caseView/main")).toByteArray());
    m_columns->restoreState(settings.value(QStringLiteral("caseView/top")).toByteArray());
    m_left->restoreState(settings.value(QStringLiteral("caseView/findings")).toByteArray());
    for (CasePane *pane : m_panes)
        pane->restoreState(settings);
}

} // namespace paytriage
