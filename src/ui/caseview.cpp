#include "caseview.h"
#include "ui_caseview.h"

#include "badgedelegate.h"
#include "models/findingsfilterproxy.h"
#include "models/findingsmodel.h"
#include "models/jsontreemodel.h"
#include "jsonview/jsontextview.h"
#include "models/modelroles.h"
#include "severitystyle.h"
#include "models/timelinemodel.h"
#include "net/profile.h"
#include "report/casesummary.h"
#include "util/jsonutil.h"
#include "util/money.h"
#include "util/timestamp.h"

#include <QAction>
#include <QSplitter>
#include <QApplication>
#include <QMenu>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QSettings>
#include <QScrollBar>
#include <QStyle>
#include <QTimeZone>
#include <QTimer>

#include <climits>

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

void collectNulls(const Json &value, std::string &pointer, std::size_t document, const SourceMap &map,
                  std::vector<TextMarker> &out, std::size_t &budget)
{
    if (budget == 0)
        return;
    if (value.is_null()) {
        --budget;
        if (const auto range = map.find(document, pointer))
            out.push_back({TextMarker::Kind::Null, *range, -1,
                           QCoreApplication::translate("paytriage::CaseView", "null")});
        return;
    }
    const std::size_t length = pointer.size();
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            pointer = pointerAppend(pointer, it.key());
            collectNulls(*it, pointer, document, map, out, budget);
            pointer.resize(length);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            pointer = pointerAppend(pointer, i);
            collectNulls(value[i], pointer, document, map, out, budget);
            pointer.resize(length);
        }
    }
}

} // namespace

CaseView::CaseView(CaseSession *session, const Catalog &catalog, Language language, QWidget *parent)
    : QWidget(parent),
      m_ui(std::make_unique<Ui::CaseView>()),
      m_session(session),
      m_catalog(catalog),
      m_language(language)
{
    m_ui->setupUi(this);
    session->setParent(this);

    m_findings = new FindingsModel(this);
    m_findingsFilter = new FindingsFilterProxy(this);
    m_findingsFilter->setSourceModel(m_findings);
    m_findingsStyle = new SeverityStyleProxy(this);
    m_findingsStyle->setSourceModel(m_findingsFilter);
    m_findingsStyle->setPalette(palette());
    m_ui->findingsView->setModel(m_findingsStyle);
    QHeaderView *findingsHeader = m_ui->findingsView->header();
    findingsHeader->setStretchLastSection(false);
    findingsHeader->setSectionResizeMode(FindingsModel::TitleColumn, QHeaderView::Stretch);
    for (int column : {int(FindingsModel::RuleColumn), int(FindingsModel::LocationColumn), int(FindingsModel::CountColumn)})
        findingsHeader->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // The rule id and place are in the explanation below; the list keeps room for titles (at
    // 1366×768 a title needs the whole width). The header's menu shows them again.
    findingsHeader->hideSection(FindingsModel::RuleColumn);
    findingsHeader->hideSection(FindingsModel::LocationColumn);
    findingsHeader->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(findingsHeader, &QHeaderView::customContextMenuRequested, this, [this, findingsHeader](const QPoint &at) {
        QMenu menu(this);
        for (int column = 1; column < FindingsModel::ColumnCount; ++column) {
            QAction *shown = menu.addAction(m_findings->headerData(column, Qt::Horizontal).toString());
            shown->setCheckable(true);
            shown->setChecked(!findingsHeader->isSectionHidden(column));
            connect(shown, &QAction::toggled, findingsHeader, [findingsHeader, column](bool on) { findingsHeader->setSectionHidden(column, !on); });
        }
        menu.exec(findingsHeader->mapToGlobal(at));
    });

    m_timeline = new TimelineModel(this);
    m_timelineStyle = new SeverityStyleProxy(this);
    m_timelineStyle->setSourceModel(m_timeline);
    m_timelineStyle->setPalette(palette());
    m_ui->timelineView->setModel(m_timelineStyle);
    m_ui->timelineView->verticalHeader()->hide();
    m_ui->timelineView->horizontalHeader()->setStretchLastSection(true);
    m_ui->timelineView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_ui->timelineView->horizontalHeader()->setResizeContentsPrecision(200);
    m_ui->timelineView->setItemDelegateForColumn(TimelineModel::SourceColumn,
                                                 new BadgeDelegate(BadgeDelegate::Tone::Neutral, this));
    m_ui->timelineView->setItemDelegateForColumn(TimelineModel::StatusColumn,
                                                 new BadgeDelegate(BadgeDelegate::Tone::ByStatus, this));  // 20,000 events: measure a sample

    m_tree = new JsonTreeModel(catalog, this);
    m_treeStyle = new SeverityStyleProxy(this);
    m_treeStyle->setSourceModel(m_tree);
    m_treeStyle->setPalette(palette());
    m_treeStyle->setNullRole(JsonTreeModel::IsNullRole, JsonTreeModel::ValueColumn);
    m_ui->treeView->setModel(m_treeStyle);
    // Field names are short; the document rows' long titles may overflow rather than push the
    // values out of sight.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_ui->treeView->setColumnWidth(JsonTreeModel::FieldColumn, em * 16);
    m_ui->treeView->setColumnWidth(JsonTreeModel::ValueColumn, em * 18);
    m_ui->treeView->setColumnWidth(JsonTreeModel::TypeColumn, em * 5);

    m_findings->setLanguage(language);
    m_timeline->setLanguage(language);
    m_tree->setLanguage(language);

    m_ui->mainSplitter->setStretchFactor(0, 3);
    m_ui->mainSplitter->setStretchFactor(1, 1);
    m_ui->topSplitter->setSizes({400, 480, 420});
    m_ui->mainSplitter->setSizes({560, 220});  // six timeline rows or more at 1366×768
    m_ui->findingsSplitter->setStretchFactor(0, 1);
    m_ui->findingsSplitter->setStretchFactor(1, 1);
    m_ui->bannerFrame->hide();
    m_ui->repairsLabel->hide();
    fillSeverityFilter();

    connect(m_ui->severityFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_findingsFilter->setMinimumSeverity(static_cast<Severity>(m_ui->severityFilter->currentData().toInt()));
        m_ui->findingsView->expandAll();
    });
    connect(m_ui->groupByRule, &QCheckBox::toggled, this, [this](bool on) {
        m_findings->setGroupedByRule(on);
        m_ui->findingsView->setRootIsDecorated(on);
        m_ui->findingsView->expandAll();
    });
    connect(m_ui->findingsSearch, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_findingsFilter->setTextFilter(text);
        m_ui->findingsView->expandAll();
    });
    connect(m_ui->findingsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onFindingCurrent(current); });
    connect(m_ui->rawView, &JsonTextView::pointerActivated, this, [this](std::size_t document, const QString &pointer) {
        m_mediator.select(Selection(document, pointer.toStdString()), m_ui->rawView);
    });
    connect(m_ui->treeView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            m_mediator.select(m_tree->selectionAt(m_treeStyle->mapToSource(current)), m_ui->treeView);
    });
    connect(m_ui->timelineView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                if (const TimelineEvent *event = m_timeline->event(m_timelineStyle->mapToSource(current).row());
                    event && event->type != EventType::Now) {
                    m_mediator.select(Selection(event->document, event->pointer), m_ui->timelineView);
                }
            });
    // In a case, Ctrl+F is the window's one Find (which opens this same find bar) and Ctrl+Shift+C
    // the case's Copy summary, from every pane: the raw pane's own actions keep their menu entries
    // but not those keys, since two actions on one key cancel each other out.
    m_ui->rawView->findAction()->setShortcutContext(Qt::WidgetShortcut);
    m_ui->rawView->copyValueAction()->setShortcut({});
    // Values and pointers are what a support engineer pastes into a ticket: copy them from the tree.
    auto *copyValue = new QAction(tr("Copy value"), m_ui->treeView);
    copyValue->setShortcut(QKeySequence::Copy);
    copyValue->setShortcutContext(Qt::WidgetShortcut);
    auto *copyPointer = new QAction(tr("Copy JSON pointer"), m_ui->treeView);
    copyPointer->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    copyPointer->setShortcutContext(Qt::WidgetShortcut);
    m_ui->treeView->addActions({copyValue, copyPointer});
    m_ui->treeView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(copyValue, &QAction::triggered, this, [this] {
        const QModelIndex current = m_ui->treeView->currentIndex();
        if (current.isValid())
            copyText(current.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(), tr("value"));
    });
    connect(copyPointer, &QAction::triggered, this, [this] {
        const QModelIndex current = m_ui->treeView->currentIndex();
        if (current.isValid())
            copyText(current.data(PointerRole).toString(), tr("JSON pointer"));
    });
    m_copyActions = {copyValue, copyPointer, nullptr, nullptr, nullptr, nullptr};

    // A timeline row (or all of them) goes into a ticket as the table shows it.
    auto *copyRow = new QAction(m_ui->timelineView);
    copyRow->setShortcut(QKeySequence::Copy);
    copyRow->setShortcutContext(Qt::WidgetShortcut);
    auto *copyTimeline = new QAction(m_ui->timelineView);
    m_ui->timelineView->addActions({copyRow, copyTimeline});
    m_ui->timelineView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(copyRow, &QAction::triggered, this, [this] {
        const QModelIndex current = m_ui->timelineView->currentIndex();
        if (current.isValid())
            copyText(timelineText({current.row()}), tr("timeline row"));
    });
    connect(copyTimeline, &QAction::triggered, this, [this] {
        QList<int> rows;
        for (int row = 0; row < m_timelineStyle->rowCount(); ++row)
            rows << row;
        copyText(timelineText(rows), tr("timeline"));
    });
    m_copyActions[4] = copyRow;
    m_copyActions[5] = copyTimeline;

    connect(&m_mediator, &SelectionMediator::selectionChanged, this, &CaseView::onSelection);
    // The tree follows a selection a moment later, once per burst: bringing a node deep in a
    // 100,000-record list into view creates and lays out its rows, which should not share an
    // event-loop turn with the raw pane's work (nor run for each key of a fast cursor move).
    m_treeSync.setSingleShot(true);
    m_treeSync.setInterval(5);
    connect(&m_treeSync, &QTimer::timeout, this, [this] {
        const Selection &selection = m_mediator.current();
        if (!selection.valid() || m_tree->selectionAt(m_treeStyle->mapToSource(m_ui->treeView->currentIndex())) == selection)
            return;
        const QModelIndex index = m_treeStyle->mapFromSource(m_tree->indexFor(selection));
        if (index.isValid()) {
            const QSignalBlocker block(m_ui->treeView->selectionModel());  // following, not choosing
            m_ui->treeView->setCurrentIndex(index);
            m_ui->treeView->scrollTo(index);
            m_ui->treeView->viewport()->update();
        }
    });
    // QTreeView fetches the first batch of a node when it opens, but the next batches of a big
    // list only for the root: scrolling near the end of a loaded part asks for more.
    connect(m_ui->treeView->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        QTreeView *tree = m_ui->treeView;
        const QModelIndex last = tree->indexAt(QPoint(1, tree->viewport()->height() - 2));
        if (!last.isValid())
            return;
        const QModelIndex parent = last.parent();
        if (last.row() >= m_treeStyle->rowCount(parent) - 20 && m_treeStyle->canFetchMore(parent))
            m_treeStyle->fetchMore(parent);
    });
    connect(m_ui->findingDetail, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("paytriage-error"))
            Q_EMIT errorCodeRequested(url.path());
    });
    connect(m_ui->copyOrderIdButton, &QToolButton::clicked, this,
            [this] { copyText(m_ui->orderIdValue->text(), tr("order ID")); });
    connect(m_ui->copyPaymentKeyButton, &QToolButton::clicked, this,
            [this] { copyText(m_ui->paymentKeyValue->text(), tr("payment key")); });
    // One wording and one shortcut for copying in every pane: Ctrl+C copies what the focused pane
    // has selected; Ctrl+Shift+C the whole case, for a ticket.
    auto *copyFinding = new QAction(tr("Copy as text"), m_ui->findingsView);
    copyFinding->setShortcut(QKeySequence::Copy);
    copyFinding->setShortcutContext(Qt::WidgetShortcut);
    m_ui->findingsView->addAction(copyFinding);
    m_ui->findingsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(copyFinding, &QAction::triggered, this, [this] {
        if (m_shownFinding)
            copyText(QString::fromStdString(findingText(*m_shownFinding, m_language)), tr("finding"));
    });
    auto *copySummary = new QAction(tr("Copy summary"), this);
    copySummary->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copySummary->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(copySummary);
    connect(copySummary, &QAction::triggered, this, [this] { copyText(summaryText(), tr("summary")); });
    connect(m_ui->copySummaryButton, &QPushButton::clicked, copySummary, &QAction::trigger);
    m_copyActions[2] = copyFinding;
    m_copyActions[3] = copySummary;
    connect(m_ui->cancelButton, &QPushButton::clicked, session, &CaseSession::cancel);
    connect(m_ui->refreshButton, &QPushButton::clicked, session, &CaseSession::refresh);
    connect(m_ui->retryButton, &QPushButton::clicked, session, &CaseSession::refresh);
    connect(m_ui->lookUpLiveButton, &QPushButton::clicked, this, [this] {
        const CaseFacts &facts = m_session->snapshot().facts;
        if (!facts.paymentKey.empty())
            Q_EMIT lookUpLiveRequested(qs(facts.paymentKey), IdKind::PaymentKey);
        else if (!facts.orderId.empty())
            Q_EMIT lookUpLiveRequested(qs(facts.orderId), IdKind::OrderId);
    });
    connect(m_ui->explainButton, &QPushButton::clicked, this, [this] {
        if (const auto request = m_session->failedRequest(); request && !request->code.empty())
            Q_EMIT errorCodeRequested(qs(request->code));
    });
    connect(m_ui->editTextButton, &QPushButton::clicked, this, [this] {
        const CaseSnapshot &snap = m_session->snapshot();
        const std::string &text = m_session->inputText().empty() && snap.rawText ? *snap.rawText : m_session->inputText();
        Q_EMIT editTextRequested(m_session->title(), QString::fromStdString(text));
    });

    const auto showAnswer = [this](const QString &link) {
        // "answer:N" shows what source N sent back; "documents" returns to the case's documents.
        m_rawAnswerOf = link.startsWith(QLatin1String("answer:")) ? std::optional(static_cast<Source>(link.mid(7).toInt()))
                                                                  : std::nullopt;
        presentRaw();
    };
    for (QLabel *label : {m_ui->paymentSource, m_ui->transactionsSource, m_ui->settlementsSource, m_ui->iapSource, m_ui->rawNotice})
        connect(label, &QLabel::linkActivated, this, showAnswer);

    connect(session, &CaseSession::snapshotChanged, this, &CaseView::onSnapshot);
    connect(session, &CaseSession::sourceChanged, this, &CaseView::onSourceChanged);
    connect(session, &CaseSession::busyChanged, this, &CaseView::onSourceChanged);
    connect(session, &CaseSession::failedChanged, this, &CaseView::onFailure);
    connect(session, &CaseSession::stateChanged, this, [this] {
        updateSummary();
        if (!m_shownFinding)
            showFindingDetail(nullptr);
    });

    for (QLabel *caption : {m_ui->findingsCaption, m_ui->rawCaption, m_ui->treeCaption, m_ui->timelineCaption})
        caption->installEventFilter(this);
    auto *maximize = new QAction(this);
    m_maximizeAction = maximize;
    maximize->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    maximize->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(maximize);
    connect(maximize, &QAction::triggered, this, [this] { toggleMaximized(QApplication::focusWidget()); });

    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &CaseView::onSourceChanged);
    retranslate();
    onSnapshot();
    onSourceChanged();
    onFailure();
}

void CaseView::setZoom(int percent)
{
    const auto scaled = [percent](QFont font) {
        font.setPointSizeF(font.pointSizeF() * percent / 100.0);
        return font;
    };
    setFont(scaled(QApplication::font()));
    // The raw pane sets its own (fixed) font, which a parent's does not reach.
    m_ui->rawView->editor()->setFont(scaled(QFontDatabase::systemFont(QFontDatabase::FixedFont)));
    m_ui->timelineView->verticalHeader()->setDefaultSectionSize(QFontMetrics(font()).height() + 6);
}

bool CaseView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonDblClick)
        for (QLabel *caption : {m_ui->findingsCaption, m_ui->rawCaption, m_ui->treeCaption, m_ui->timelineCaption})
            if (watched == caption) {
                toggleMaximized(caption);
                return true;
            }
    return QWidget::eventFilter(watched, event);
}

void CaseView::toggleMaximized(QWidget *pane)
{
    QSplitter *splitters[] = {m_ui->mainSplitter, m_ui->topSplitter, m_ui->findingsSplitter};
    if (m_maximized) {
        m_maximized = nullptr;
        for (QWidget *w : {static_cast<QWidget *>(m_ui->findingsSplitter), static_cast<QWidget *>(m_ui->rawPanel),
                           static_cast<QWidget *>(m_ui->treePanel), static_cast<QWidget *>(m_ui->timelinePanel)})
            w->show();
        for (int i = 0; i < 3; ++i)
            splitters[i]->restoreState(m_splittersBeforeMaximize[i]);
        return;
    }
    // The pane is the top-level part that holds the widget: the findings with their explanation,
    // the raw pane, the fields, or the timeline.
    QWidget *panes[] = {m_ui->findingsSplitter, m_ui->rawPanel, m_ui->treePanel, m_ui->timelinePanel};
    QWidget *chosen = nullptr;
    for (QWidget *candidate : panes)
        if (pane && (pane == candidate || candidate->isAncestorOf(pane)))
            chosen = candidate;
    if (!chosen)
        return;
    for (int i = 0; i < 3; ++i)
        m_splittersBeforeMaximize[i] = splitters[i]->saveState();
    m_maximized = chosen;
    for (QWidget *candidate : panes)
        candidate->setVisible(candidate == chosen);
    // The top splitter holds three of them; hidden, it would take the timeline with it.
    m_ui->topSplitter->setVisible(chosen != m_ui->timelinePanel);
}

CaseView::~CaseView() = default;

QWidget *CaseView::findingsView() const { return m_ui->findingsView; }
JsonTextView *CaseView::rawView() const { return m_ui->rawView; }
QWidget *CaseView::treeView() const { return m_ui->treeView; }
QWidget *CaseView::timelineView() const { return m_ui->timelineView; }

void CaseView::setLanguage(Language language)
{
    m_language = language;
    m_findings->setLanguage(language);
    m_timeline->setLanguage(language);
    m_tree->setLanguage(language);
    m_session->setLanguage(language);  // a refresh asks the provider in the new language
    retranslate();
    // Korean and English texts differ in width: the columns are fitted again.
    m_ui->timelineView->resizeColumnsToContents();
    m_ui->treeView->resizeColumnToContents(0);
}

void CaseView::showFind()
{
    m_ui->rawView->showFindBar();
}

int CaseView::worstSeverity() const
{
    const auto worst = m_session->snapshot().analysis.worst();
    return worst ? static_cast<int>(*worst) : -1;
}

int CaseView::caseSeverity() const
{
    int worst = worstSeverity();
    for (const Source source : {Source::Payment, Source::Transactions, Source::Settlements, Source::IapOrderStatus})
        if (const auto &error = m_session->status(source).error)
            worst = std::max(worst, static_cast<int>(error->severity()));
    if (!m_session->failure().isEmpty())
        worst = std::max(worst, static_cast<int>(m_session->failedRequest() ? m_session->failedRequest()->severity()
                                                                             : Severity::Warning));
    return worst;
}

std::array<int, 3> CaseView::severityCounts() const
{
    std::array<int, 3> counts{0, 0, 0};
    for (const Finding &f : m_session->snapshot().analysis.findings)
        ++counts[static_cast<int>(f.severity)];
    return counts;
}

QString CaseView::stateText() const
{
    const CaseSession::Progress progress = m_session->progress();
    switch (m_session->state()) {
    case CaseSession::State::Empty:
    case CaseSession::State::Complete:
        return {};
    case CaseSession::State::Working:
        if (!m_session->isLookup())
            return tr("Analysing…");
        return progress.started > 1 ? tr("Looking up… %1 of %2 sources").arg(progress.finished).arg(progress.started)
                                    : tr("Looking up…");
    case CaseSession::State::PartlyFailed: {
        int arrived = 0;
        for (const Source source : {Source::Payment, Source::Transactions, Source::Settlements, Source::IapOrderStatus})
            arrived += m_session->status(source).state == CaseSession::SourceState::Done;
        return tr("%1 of %2 sources arrived").arg(arrived).arg(progress.started);
    }
    case CaseSession::State::Failed:
        return m_session->isLookup() ? tr("Lookup failed") : tr("Not read");
    case CaseSession::State::Canceled:
        return tr("Canceled");
    }
    return {};
}

QString CaseView::provenance() const
{
    const std::int64_t started = m_session->startedAtMs();
    if (started == 0)
        return {};
    // The time an answer arrived, else when the case started: shown in KST, as Toss shows it.
    std::int64_t at = started;
    if (m_session->snapshot().documents)
        for (const Document &d : *m_session->snapshot().documents)
            if (d.source.fetchedAtMs > 0) {
                at = d.source.fetchedAtMs;
                break;
            }
    const QString when = QDateTime::fromMSecsSinceEpoch(at, QTimeZone(kstOffsetMinutes * 60))
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" KST");
    if (!m_session->isLookup()) {
        if (const auto asOf = m_session->asOf())
            return tr("Analysed %1, as of %2 (when it was captured)")
                .arg(when, QDateTime::fromMSecsSinceEpoch(*asOf, QTimeZone(kstOffsetMinutes * 60)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                               + QStringLiteral(" KST"));
        return tr("Analysed %1").arg(when);
    }
    const CaseSession::LookupRequest &lookup = *m_session->lookup();
    QStringList parts;
    if (!lookup.profileName.isEmpty())
        parts << lookup.profileName;
    if (!lookup.mid.isEmpty())
        parts << tr("MID %1").arg(lookup.mid);
    switch (keyModeOf(lookup.config.secretKey)) {
    case KeyMode::Test: parts << tr("TEST key"); break;
    case KeyMode::Live: parts << tr("LIVE key"); break;
    case KeyMode::Unknown: break;
    }
    parts << tr("looked up %1").arg(when);
    return parts.join(QStringLiteral(" · "));
}

void CaseView::copyText(const QString &text, const QString &what)
{
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT copied(what);
}

QString CaseView::summaryText() const
{
    const CaseSnapshot &snap = m_session->snapshot();
    return QString::fromStdString(caseSummaryText(snap.facts, snap.analysis, m_language, m_session->title().toStdString(),
                                                  provenance().toStdString()));
}

QString CaseView::findingsSummary() const
{
    const auto counts = severityCounts();
    const bool any = counts[0] + counts[1] + counts[2] > 0;
    const QString found = tr("%1 critical · %2 warning · %3 info").arg(counts[2]).arg(counts[1]).arg(counts[0]);
    switch (m_session->state()) {
    case CaseSession::State::Complete:
        return any ? found : tr("No findings");
    case CaseSession::State::PartlyFailed:
        return (any ? found : tr("No findings in what arrived")) + QStringLiteral(" · ") + stateText();
    case CaseSession::State::Working:
        return any ? stateText() + QStringLiteral(" · ") + found : stateText();
    case CaseSession::State::Empty:
    case CaseSession::State::Failed:
    case CaseSession::State::Canceled:
        break;
    }
    return stateText();
}

bool CaseView::selectFinding(const std::string &ruleId)
{
    const auto &findings = m_session->snapshot().analysis.findings;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        if (findings[i].rule != ruleId)
            continue;
        const QModelIndex source = m_findings->indexOfFinding(i);
        const QModelIndex shown = m_findingsStyle->mapFromSource(m_findingsFilter->mapFromSource(source));
        if (!shown.isValid())
            continue;
        m_ui->findingsView->setCurrentIndex(shown);
        m_ui->findingsView->scrollTo(shown);
        return true;
    }
    return false;
}

void CaseView::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("caseView/main"), m_ui->mainSplitter->saveState());
    settings.setValue(QStringLiteral("caseView/top"), m_ui->topSplitter->saveState());
    settings.setValue(QStringLiteral("caseView/findings"), m_ui->findingsSplitter->saveState());
    settings.setValue(QStringLiteral("caseView/findingsHeader"), m_ui->findingsView->header()->saveState());
    settings.setValue(QStringLiteral("caseView/treeHeader"), m_ui->treeView->header()->saveState());
    settings.setValue(QStringLiteral("caseView/timelineHeader"), m_ui->timelineView->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("caseView/groupByRule"), m_ui->groupByRule->isChecked());
}

void CaseView::restoreState(const QSettings &settings)
{
    m_ui->mainSplitter->restoreState(settings.value(QStringLiteral("caseView/main")).toByteArray());
    m_ui->topSplitter->restoreState(settings.value(QStringLiteral("caseView/top")).toByteArray());
    m_ui->findingsSplitter->restoreState(settings.value(QStringLiteral("caseView/findings")).toByteArray());
    m_ui->findingsView->header()->restoreState(settings.value(QStringLiteral("caseView/findingsHeader")).toByteArray());
    m_ui->treeView->header()->restoreState(settings.value(QStringLiteral("caseView/treeHeader")).toByteArray());
    m_ui->timelineView->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("caseView/timelineHeader")).toByteArray());
    m_ui->groupByRule->setChecked(settings.value(QStringLiteral("caseView/groupByRule"), false).toBool());
}

void CaseView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        for (SeverityStyleProxy *proxy : {m_findingsStyle, m_timelineStyle, m_treeStyle})
            proxy->setPalette(palette());
        updateSummary();
    }
    QWidget::changeEvent(event);
}

void CaseView::retranslate()
{
    m_copyActions[0]->setText(tr("Copy value"));
    m_copyActions[1]->setText(tr("Copy JSON pointer"));
    m_copyActions[2]->setText(tr("Copy as text"));
    m_copyActions[3]->setText(tr("Copy summary"));
    m_copyActions[4]->setText(tr("Copy row"));
    m_copyActions[5]->setText(tr("Copy the timeline as text"));
    m_maximizeAction->setText(tr("Show this pane alone"));
    for (QLabel *caption : {m_ui->findingsCaption, m_ui->rawCaption, m_ui->treeCaption, m_ui->timelineCaption})
        caption->setToolTip(tr("Double-click to show this pane alone, again to show all (Ctrl+Shift+M)"));
    fillSeverityFilter();
    updateTimelineCaption();
    updateSummary();
    onSourceChanged();
    onFailure();
    updateRepairsLabel();
    showFindingDetail(m_shownFinding);
}

QString CaseView::timelineText(const QList<int> &rows) const
{
    QStringList lines;
    for (const int row : rows) {
        QStringList cells;
        for (int column = 0; column < m_timelineStyle->columnCount(); ++column)
            cells << m_timelineStyle->index(row, column).data().toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

void CaseView::updateTimelineCaption()
{
    // An empty timeline says why rather than showing an empty table.
    const CaseSnapshot &snap = m_session->snapshot();
    QString caption = tr("Timeline (KST)");
    if (snap.documents && !snap.documents->empty() && snap.analysis.timeline.empty())
        caption += QStringLiteral(" — ") + tr("no times in these documents (an error answer or a fragment without timestamps)");
    else if (snap.analysis.timelineTruncated)
        caption += QStringLiteral(" — ") + tr("the first %n events", nullptr, int(snap.analysis.timeline.size()));
    m_ui->timelineCaption->setText(caption);
}

void CaseView::fillSeverityFilter()
{
    const int current = m_ui->severityFilter->currentIndex();
    const QSignalBlocker block(m_ui->severityFilter);
    m_ui->severityFilter->clear();
    m_ui->severityFilter->addItem(tr("All severities"), int(Severity::Info));
    m_ui->severityFilter->addItem(tr("Warning and critical"), int(Severity::Warning));
    m_ui->severityFilter->addItem(tr("Critical only"), int(Severity::Critical));
    m_ui->severityFilter->setCurrentIndex(current < 0 ? 0 : current);
}

void CaseView::onSnapshot()
{
    const CaseSnapshot &snap = m_session->snapshot();
    const quint64 generation = ++m_generation;
    m_shownFinding = nullptr;
    m_findings->setFindings(snap.analysis.findings);
    m_timeline->setEvents(snap.analysis.timeline, snap.analysis.analysedAtMs);
    updateTimelineCaption();
    m_timeline->setFindings(snap.analysis.findings);
    m_tree->setDocuments(snap.documents ? snap.documents : std::make_shared<const std::vector<Document>>());
    m_tree->setFindings(snap.analysis.findings);
    m_ui->findingsView->expandAll();
    m_ui->treeView->expandToDepth(0);
    m_ui->timelineView->resizeColumnsToContents();  // measures the first rows only (see the constructor)

    updateRepairsLabel();
    updateSummary();
    showFindingDetail(nullptr);
    Q_EMIT findingsChanged();

    // The raw text, then the first selection, each in a later turn of the event loop: a 50 MB
    // response never holds the window longer than one of these steps (bench/gui-open.cpp). Not
    // 0 ms: zero timers run before paints and input, a short delay lets those in between.
    constexpr int stepDelayMs = 5;
    m_presenting = true;
    QTimer::singleShot(stepDelayMs, this, [this, generation] {
        if (generation != m_generation)
            return;
        presentRaw();
        QTimer::singleShot(stepDelayMs, this, [this, generation] {
            if (generation != m_generation)
                return;
            m_presenting = false;
            // Land on the most serious finding: that is what the user opened the case for.
            if (m_findingsStyle->rowCount() > 0 && !m_ui->findingsView->currentIndex().isValid()) {
                QModelIndex first = m_findingsStyle->index(0, 0);
                if (m_findingsStyle->hasChildren(first))
                    first = m_findingsStyle->index(0, 0, first);
                m_ui->findingsView->setCurrentIndex(first);
            }
        });
    });
}

void CaseView::updateRepairsLabel()
{
    const CaseSnapshot &snap = m_session->snapshot();
    if (snap.repairs.empty() && snap.skipped.empty()) {
        m_ui->repairsLabel->hide();
        return;
    }
    QStringList sentences;
    QStringList lines;
    // What could not be read comes first: the documents around it were analysed without it.
    if (!snap.skipped.empty())
        sentences << tr("%n part(s) of the text could not be read and were left out; the rest was analysed.", nullptr,
                        int(snap.skipped.size()));
    for (const DecodeError &e : snap.skipped)
        lines << e.message().toString();
    if (!snap.repairs.empty()) {
        // Grouped by kind, what changed data first: "unquoted keys ×30" reads; thirty lines do not.
        QStringList kinds;
        for (const RepairGroup &group : groupRepairs(snap.repairs)) {
            kinds << (group.count > 1 ? QStringLiteral("%1 ×%2").arg(group.name().toString()).arg(group.count)
                                      : group.name().toString());
            lines << snap.repairs[group.first].description().toString()
                         + (group.count > 1 ? QLatin1Char(' ') + tr("(and %n more like it)", nullptr, int(group.count - 1)) : QString());
        }
        sentences << tr("The text was not strict JSON; read after repairs: %1.").arg(kinds.join(QStringLiteral(", ")));
    }
    sentences << tr("Hover for the list; where data was changed or lost, the place is marked in the raw pane.");
    m_ui->repairsLabel->setText(sentences.join(QLatin1Char(' ')));
    m_ui->repairsLabel->setToolTip(lines.join(QLatin1Char('\n')));
    m_ui->repairsLabel->show();
}

void CaseView::updateMarkers()
{
    const CaseSnapshot &snap = m_session->snapshot();
    std::vector<TextMarker> markers;
    if (snap.sourceMap && snap.documents) {
        std::size_t budget = 20000;  // null marks beyond this add nothing a user could read
        for (std::size_t d = 0; d < snap.documents->size(); ++d) {
            std::string pointer;
            collectNulls((*snap.documents)[d].value, pointer, d, *snap.sourceMap, markers, budget);
        }
        for (const Finding &f : snap.analysis.findings)
            for (const std::string &p : f.pointers)
                if (const auto range = snap.sourceMap->find(f.document, p))
                    markers.push_back({TextMarker::Kind::Finding, *range, static_cast<int>(f.severity), f.title.qIn(m_language)});
    }
    for (const Repair &r : snap.repairs)
        if (!isCosmetic(r.kind))  // only what changed or lost data is marked in the margin
            markers.push_back({TextMarker::Kind::Repair, ByteRange{r.offset, r.offset + std::max<std::size_t>(1, r.excerpt.size())},
                           -1, r.description().toString()});
    for (const DecodeError &e : snap.skipped)
        markers.push_back({TextMarker::Kind::Error, ByteRange{e.offset, e.offset + 1}, 2, e.message().toString()});
    if (const auto at = m_session->failurePosition())
        markers.push_back({TextMarker::Kind::Error, *at, 2, m_session->failure()});
    m_ui->rawView->setMarkers(std::move(markers));
}

QString CaseView::sourceText(Source source) const
{
    const CaseSession::SourceStatus &s = m_session->status(source);
    QString name;
    switch (source) {
    case Source::Payment: name = tr("Payment"); break;
    case Source::Transactions: name = tr("Transactions"); break;
    case Source::Settlements: name = tr("Settlements"); break;
    case Source::IapOrderStatus: name = tr("In-app order status"); break;
    }
    switch (s.state) {
    case CaseSession::SourceState::Idle: return {};
    case CaseSession::SourceState::Running: {
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        if (s.retryAtMs > now) {
            const int seconds = int((s.retryAtMs - now + 999) / 1000);
            return (s.retryAfter ? tr("%1: attempt %2 of %3, next in %4 s (Retry-After)") : tr("%1: attempt %2 of %3, next in %4 s"))
                .arg(name)
                .arg(s.attempt)
                .arg(s.maxAttempts)
                .arg(seconds);
        }
        const int elapsed = int((now - m_session->startedAtMs()) / 1000);
        if (s.pages > 0)
            return tr("%1: %2 page(s), %n record(s) so far, %3 s", nullptr, s.records).arg(name).arg(s.pages).arg(elapsed);
        if (s.attempt > 0)
            return tr("%1: attempt %2 of %3…").arg(name).arg(s.attempt).arg(s.maxAttempts);
        return elapsed >= 2 ? tr("%1: fetching… %2 s").arg(name).arg(elapsed) : tr("%1: fetching…").arg(name);
    }
    case CaseSession::SourceState::Done: return tr("%1: ✓ %n record(s)", nullptr, s.records).arg(name);
    case CaseSession::SourceState::Failed: return tr("%1: ✗ failed").arg(name);
    case CaseSession::SourceState::Canceled: return tr("%1: canceled").arg(name);
    }
    return {};
}

std::optional<Source> CaseView::answerToShow() const
{
    if (!m_session->isLookup())
        return std::nullopt;
    if (m_rawAnswerOf) {
        if (const auto &error = m_session->status(*m_rawAnswerOf).error; error && error->received)
            return m_rawAnswerOf;
        return std::nullopt;
    }
    // A case with nothing else to show shows what its main source sent back.
    if (m_session->snapshot().rawText)
        return std::nullopt;
    for (const Source source : {Source::Payment, Source::IapOrderStatus})
        if (const auto &error = m_session->status(source).error; error && error->received)
            return source;
    return std::nullopt;
}

void CaseView::presentRaw()
{
    const CaseSnapshot &snap = m_session->snapshot();
    const std::optional<Source> answerOf = answerToShow();
    // The pane is filled again only when what it should show changed: a failure or a language
    // switch comes here too, and a 50 MB paste is not laid out twice for it.
    if (!answerOf) {
        // Big inputs are linked to the other panes by record, or (streamed) not at all: said
        // plainly rather than leaving a selection that goes nowhere unexplained.
        QString notice;
        const QString size = QLocale().formattedDataSize(qint64(snap.inputBytes));
        if (snap.route == InputRoute::Streamed)
            notice = tr("%1 (%2, %n record(s)) was analysed record by record, without keeping the records. The raw "
                        "pane shows its beginning, not linked to the other panes; a finding names its record by "
                        "number (/123).", nullptr, int(std::min<std::size_t>(snap.analysis.records, INT_MAX)))
                         .arg(m_session->title().toHtmlEscaped(), size);
        else if (snap.mapping == SourceMapping::Records)
            notice = tr("This text is %1: a selection shows its record here, not the field itself (fields are linked "
                        "in texts up to %2).")
                         .arg(size, QLocale().formattedDataSize(qint64(m_session->inputLimits().fullMapUpTo)));
        m_ui->rawNotice->setText(notice);
        m_ui->rawNotice->setVisible(!notice.isEmpty());
        if (!snap.rawText || m_rawShown != snap.rawText) {
            m_rawShown = snap.rawText;
            if (snap.rawText)
                m_ui->rawView->setContent(snap.rawText, snap.sourceMap);
            else
                m_ui->rawView->clear();
        }
        updateMarkers();
        return;
    }
    const ApiError &error = *m_session->status(*answerOf).error;
    const ReceivedAnswer &answer = *error.received;
    if (m_rawShown != error.received) {
        m_rawShown = error.received;
        m_ui->rawView->setContent(std::make_shared<const std::string>(answer.text().toStdString()), nullptr);
        m_ui->rawView->setMarkers({});
    }
    QStringList facts{QStringLiteral("HTTP %1").arg(answer.status)};
    facts << (answer.contentType.isEmpty() ? tr("no Content-Type") : answer.contentType.toHtmlEscaped());
    facts << tr("%1 bytes").arg(QLocale().toString(answer.size));
    QString notice = tr("What %1 sent back, as received: it could not be used as the API's JSON (%2).")
                         .arg(error.endpoint.toHtmlEscaped(), facts.join(QStringLiteral(", ")));
    if (snap.rawText)
        notice += QStringLiteral(" <a href=\"documents\">%1</a>").arg(tr("Back to the documents"));
    m_ui->rawNotice->setText(notice);
    m_ui->rawNotice->show();
}

void CaseView::onSourceChanged()
{
    const bool lookup = m_session->isLookup();
    const std::pair<QLabel *, Source> labels[] = {{m_ui->paymentSource, Source::Payment},
                                                  {m_ui->transactionsSource, Source::Transactions},
                                                  {m_ui->settlementsSource, Source::Settlements},
                                                  {m_ui->iapSource, Source::IapOrderStatus}};
    for (const auto &[label, source] : labels) {
        QString text = lookup ? sourceText(source).toHtmlEscaped() : QString();
        if (const auto &error = m_session->status(source).error; lookup && error && error->received)
            text += QStringLiteral(" <a href=\"answer:%1\">%2</a>").arg(static_cast<int>(source)).arg(tr("show what came back"));
        label->setText(text);
        label->setVisible(!text.isEmpty());
        if (const auto &error = m_session->status(source).error)
            label->setToolTip(error->describe());
        else
            label->setToolTip({});
    }
    if (!lookup) {
        const CaseSnapshot &snap = m_session->snapshot();
        m_ui->paymentSource->setText(snap.documents ? tr("%n document(s) from the text", nullptr, int(snap.documents->size()))
                                                    : (m_session->busy() ? tr("Analysing…") : QString()));
        m_ui->paymentSource->setVisible(!m_ui->paymentSource->text().isEmpty());
    }
    const bool busy = m_session->busy();
    // While something is fetched, the labels count the seconds and the wait before a retry.
    if (busy && !m_ticker.isActive())
        m_ticker.start();
    else if (!busy)
        m_ticker.stop();
    m_ui->busyBar->setVisible(busy);
    m_ui->cancelButton->setVisible(busy);
    m_ui->refreshButton->setEnabled(!busy);
}

QString CaseView::notFoundAdvice() const
{
    // What the lookup took the id for, and which key asked: the two reasons a payment that exists
    // is not found.
    const CaseSession::LookupRequest &lookup = *m_session->lookup();
    const IdKind kind = lookup.kind == IdKind::Auto ? detectIdKind(lookup.id) : lookup.kind;
    QString asKind = kind == IdKind::PaymentKey
        ? tr("It was looked up as a paymentKey; if it is the merchant's order number, choose orderId as the kind.")
        : tr("It was looked up as an orderId; if it is a paymentKey (the long key Toss issued), choose paymentKey as the kind.");
    switch (keyModeOf(lookup.config.secretKey)) {
    case KeyMode::Test:
        return asKind + QLatin1Char(' ')
               + tr("The profile's key is a test key: payments made with the live key (real customers) are not visible to it.");
    case KeyMode::Live:
        return asKind + QLatin1Char(' ')
               + tr("The profile's key is a live key: payments made in the test environment are not visible to it.");
    case KeyMode::Unknown:
        break;
    }
    return asKind + QLatin1Char(' ') + tr("A key sees only the payments of its own MID: check that this profile is the merchant that took it.");
}

void CaseView::onFailure()
{
    const QString failure = m_session->failure();
    m_ui->bannerFrame->setVisible(!failure.isEmpty());
    if (!m_presenting)
        presentRaw();
    if (failure.isEmpty())
        return;
    m_ui->bannerIcon->setPixmap(severityIcon(caseSeverity(), palette()).pixmap(style()->pixelMetric(QStyle::PM_LargeIconSize)));
    QString html = QStringLiteral("<b>%1</b>").arg(esc(failure));
    const auto request = m_session->failedRequest();
    bool known = false;
    if (request && !request->code.empty()) {
        if (const Json *entry = m_catalog.error(request->code)) {
            known = true;
            const QString meaning = Catalog::text(*entry, "meaning").qIn(m_language);
            const QString check = Catalog::text(*entry, "check").qIn(m_language);
            html += QStringLiteral("<br>%1").arg(esc(meaning));
            if (!check.isEmpty())
                html += QStringLiteral("<br><i>%1</i> %2").arg(esc(tr("What to check:")), esc(check));
        }
    }
    if (request && m_session->isLookup() && (request->code == "NOT_FOUND_PAYMENT" || (request->code.empty() && request->httpStatus == 404)))
        html += QStringLiteral("<br>%1").arg(esc(notFoundAdvice()));
    if (!m_session->isLookup())
        html += QStringLiteral("<br>%1").arg(esc(tr("Your text is kept: edit it and analyse again, or fix the place marked in the raw pane.")));
    m_ui->bannerText->setText(html);
    m_ui->explainButton->setVisible(known);
    m_ui->editTextButton->setVisible(!m_session->isLookup());
    m_ui->retryButton->setVisible(m_session->isLookup());
    updateMarkers();
    if (const auto position = m_session->failurePosition())
        m_ui->rawView->selectBytes(*position);
}

void CaseView::updateSummary()
{
    const CaseSnapshot &snap = m_session->snapshot();
    const CaseFacts &facts = snap.facts;  // computed in core when the snapshot was made
    QString orderId = qs(facts.orderId);
    QString paymentKey = qs(facts.paymentKey);
    QString chip;
    int tone = -1;
    const auto money = [this, &facts](double value) { return qs(formatMoney(value, facts.currency, m_language)); };
    if (facts.kind == DocumentKind::Payment || facts.kind == DocumentKind::Transactions) {
        chip = qs(facts.status);
        // A virtual account canceled before its deposit moved no money: not a "full cancel".
        const bool neverPaid = std::any_of(snap.analysis.findings.begin(), snap.analysis.findings.end(),
                                           [](const Finding &f) { return f.rule == "vbank-cancel-without-deposit"; });
        if (neverPaid && facts.status == "CANCELED")
            chip += QStringLiteral(" · ") + tr("canceled before deposit");
        else if (!facts.statusLabel.empty())
            chip += QStringLiteral(" · ") + facts.statusLabel.qIn(m_language);
        tone = BadgeDelegate::statusTone(qs(facts.status));
        m_ui->methodLabel->setText(facts.methodLabel.empty() ? qs(facts.method) : facts.methodLabel.qIn(m_language));
        QString amounts;
        if (facts.totalAmount)
            amounts = tr("Total %1").arg(money(*facts.totalAmount));
        if (facts.balanceAmount && facts.totalAmount && *facts.balanceAmount != *facts.totalAmount)
            amounts += QStringLiteral(" · ") + tr("balance %1").arg(money(*facts.balanceAmount));
        m_ui->amountLabel->setText(amounts);
        m_ui->orderNameLabel->setText(qs(facts.orderName));
        m_ui->apiVersionLabel->setText(facts.apiVersion.empty() ? QString() : tr("API %1").arg(qs(facts.apiVersion)));
    } else if (facts.kind == DocumentKind::IapOrderStatus) {
        chip = qs(facts.status);
        if (!facts.statusLabel.empty())
            chip += QStringLiteral(" · ") + facts.statusLabel.qIn(m_language);
        // A value the guide does not list (seed 002) reads as "look again", not as settled.
        tone = m_catalog.enumValue("iap.status", facts.status) && !m_catalog.isNewerEnumValue("iap.status", facts.status) ? -1 : 1;
        m_ui->methodLabel->setText(tr("In-app purchase"));
        m_ui->amountLabel->setText(facts.totalAmount ? money(*facts.totalAmount) : QString());
        m_ui->orderNameLabel->setText(qs(facts.orderName));
        m_ui->apiVersionLabel->clear();
    } else {
        m_ui->methodLabel->clear();
        m_ui->amountLabel->clear();
        m_ui->orderNameLabel->clear();
        m_ui->apiVersionLabel->clear();
        if (m_session->isLookup())
            chip = m_session->state() == CaseSession::State::Complete ? tr("No payment") : stateText();
        else if (snap.documents)
            chip = tr("%n document(s)", nullptr, int(snap.documents->size()));
        if (m_session->isLookup()) {
            const auto &lookup = *m_session->lookup();
            const IdKind kind = lookup.kind == IdKind::Auto ? detectIdKind(lookup.id) : lookup.kind;
            (kind == IdKind::PaymentKey ? paymentKey : orderId) = lookup.id;
        }
    }
    m_ui->statusChip->setText(chip);
    m_ui->statusChip->setVisible(!chip.isEmpty());
    const QColor ink = BadgeDelegate::toneColor(tone, palette());
    m_ui->statusChip->setStyleSheet(chipStyleSheet(ink, palette()));
    m_ui->provenanceLabel->setText(provenance());
    // Pasted evidence that names a payment can be compared with what the provider says now.
    m_ui->lookUpLiveButton->setVisible(!m_session->isLookup() && (!facts.paymentKey.empty() || !facts.orderId.empty()));
    m_ui->orderIdValue->setText(orderId);
    m_ui->paymentKeyValue->setText(paymentKey);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->orderIdCaption), static_cast<QWidget *>(m_ui->orderIdValue),
                       static_cast<QWidget *>(m_ui->copyOrderIdButton)})
        w->setVisible(!orderId.isEmpty());
    for (QWidget *w : {static_cast<QWidget *>(m_ui->paymentKeyCaption), static_cast<QWidget *>(m_ui->paymentKeyValue),
                       static_cast<QWidget *>(m_ui->copyPaymentKeyButton)})
        w->setVisible(!paymentKey.isEmpty());
}

void CaseView::onFindingCurrent(const QModelIndex &current)
{
    const QModelIndex source = m_findingsFilter->mapToSource(m_findingsStyle->mapToSource(current));
    const Finding *finding = source.isValid() ? m_findings->finding(source) : nullptr;
    showFindingDetail(finding);
    if (finding && !finding->pointers.empty()) {
        m_mediator.select(Selection(finding->document, finding->pointers.front()), m_ui->findingsView);
    }
}

void CaseView::showFindingDetail(const Finding *finding)
{
    m_shownFinding = finding;
    if (!finding) {
        const auto counts = severityCounts();
        const bool any = counts[0] + counts[1] + counts[2] > 0;
        QString text;
        if (any)
            text = tr("Select a finding to see what it means and what to do.");
        else if (m_session->state() == CaseSession::State::Complete)
            text = tr("No findings: nothing in these documents looks wrong to the rules.");
        else if (m_session->state() == CaseSession::State::PartlyFailed)
            text = tr("No findings in what arrived. Not everything did (%1), so the rules that weigh the missing "
                      "answers did not run.")
                       .arg(stateText());
        else if (m_session->state() == CaseSession::State::Working)
            text = tr("%1 Findings appear as the answers arrive.").arg(stateText());
        m_ui->findingDetail->setHtml(text.isEmpty() ? QString() : QStringLiteral("<p>%1</p>").arg(esc(text)));
        return;
    }
    const int sev = static_cast<int>(finding->severity);
    QString html = QStringLiteral("<h3 style=\"color:%1\">%2: %3</h3>")
                       .arg(severityColor(sev, palette()).name(), esc(severityName(finding->severity)), esc(finding->title.qIn(m_language)));
    html += QStringLiteral("<p>%1</p>").arg(esc(finding->detail.qIn(m_language)));
    if (!finding->advice.empty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("What to do:")), esc(finding->advice.qIn(m_language)));
    if (!finding->evidence.empty()) {
        html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
        for (const Evidence &e : finding->evidence)
            html += QStringLiteral("<tr><td><code>%1</code></td><td><code>%2</code></td></tr>").arg(esc(qs(e.name)), esc(qs(e.in(m_language))));
        html += QStringLiteral("</table>");
    }
    if (finding->rule == "api-error" && !finding->pointers.empty() && m_session->snapshot().documents) {
        const auto &docs = *m_session->snapshot().documents;
        if (finding->document < docs.size())
            if (const Json *code = at(docs[finding->document].value, finding->pointers.front()); code && code->is_string())
                html += QStringLiteral("<p><a href=\"paytriage-error:%1\">%2</a></p>")
                            .arg(esc(qs(code->get<std::string>())), esc(tr("Open %1 in the error-code reference").arg(qs(code->get<std::string>()))));
    }
    QString where = QStringLiteral("%1 · #%2 %3").arg(qs(finding->rule)).arg(finding->document + 1).arg(qs(finding->pointers.empty() ? std::string() : finding->pointers.front()));
    if (finding->occurrences > 1)
        where += QStringLiteral(" · ") + tr("%n time(s)", nullptr, int(finding->occurrences));
    html += QStringLiteral("<p style=\"color:%1\"><small>%2</small></p>").arg(readableOn(palette().color(QPalette::PlaceholderText), palette().color(QPalette::Base)).name(), esc(where));
    m_ui->findingDetail->setHtml(html);
}

void CaseView::onSelection(const Selection &selection, const QObject *origin)
{
    if (!selection.valid())
        return;
    if (origin != m_ui->rawView) {
        // A map of records only (a big text) takes the record that holds the value.
        const auto &map = m_session->snapshot().sourceMap;
        if (const auto mapped = map ? map->nearestMapped(selection.document, selection.pointer) : std::nullopt)
            m_ui->rawView->selectPointer(selection.document, *mapped);
    }
    if (origin != m_ui->treeView)
        m_treeSync.start();  // coalesced: see the constructor
    if (origin != m_ui->timelineView) {
        const int row = m_timeline->rowFor(selection);
        if (row >= 0) {
            const QModelIndex index = m_timelineStyle->mapFromSource(m_timeline->index(row, 0));
            m_ui->timelineView->setCurrentIndex(index);
            m_ui->timelineView->scrollTo(index);
        }
    }
}

} // namespace paytriage
