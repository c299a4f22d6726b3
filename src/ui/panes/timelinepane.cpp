#include "timelinepane.h"
#include "ui_timelinepane.h"

#include "badgedelegate.h"
#include "models/timelinemodel.h"
#include "severitystyle.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QSettings>

namespace paytriage {

TimelinePane::TimelinePane(const PaneContext &context, QWidget *parent)
    : CasePane(context, parent), m_ui(std::make_unique<Ui::TimelinePane>())
{
    m_ui->setupUi(this);
    QTableView *table = m_ui->timelineView;
    m_timeline = new TimelineModel(this);
    m_timeline->setLanguage(language());
    m_style = new SeverityStyleProxy(this);
    m_style->setSourceModel(m_timeline);
    m_style->setPalette(palette());
    table->setModel(m_style);
    table->verticalHeader()->hide();
    // Tab leaves the table (the arrows move between rows): a table that takes Tab traps a
    // keyboard user.
    table->setTabKeyNavigation(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table->horizontalHeader()->setResizeContentsPrecision(200);  // 20,000 events: measure a sample
    table->setItemDelegateForColumn(TimelineModel::SourceColumn, new BadgeDelegate(BadgeDelegate::Tone::Neutral, this));
    table->setItemDelegateForColumn(TimelineModel::StatusColumn, new BadgeDelegate(BadgeDelegate::Tone::ByStatus, this));
    connect(table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (!current.isValid())
            return;
        if (const TimelineEvent *event = m_timeline->event(m_style->mapToSource(current).row());
            event && event->type != EventType::Now)
            mediator()->select(Selection(event->document, event->pointer), this);
    });
    // A row (or all of them) goes into a ticket as the table shows it.
    m_copyRow = new QAction(table);
    m_copyRow->setShortcut(QKeySequence::Copy);
    m_copyRow->setShortcutContext(Qt::WidgetShortcut);
    m_copyAll = new QAction(table);
    table->addActions({m_copyRow, m_copyAll});
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_copyRow, &QAction::triggered, this, [this, table] {
        const QModelIndex current = table->currentIndex();
        if (!current.isValid())
            return;
        QGuiApplication::clipboard()->setText(text({current.row()}));
        Q_EMIT links()->copied(tr("timeline row"));
    });
    connect(m_copyAll, &QAction::triggered, this, [this] {
        QList<int> rows;
        for (int row = 0; row < m_style->rowCount(); ++row)
            rows << row;
        QGuiApplication::clipboard()->setText(text(rows));
        Q_EMIT links()->copied(tr("timeline"));
    });
    retranslate();
}

TimelinePane::~TimelinePane() = default;

QTableView *TimelinePane::view() const
{
    return m_ui->timelineView;
}

QLabel *TimelinePane::caption() const
{
    return m_ui->timelineCaption;
}

void TimelinePane::showSnapshot(const CaseSnapshot &snapshot)
{
    m_timeline->setEvents(snapshot.analysis.timeline, snapshot.analysis.analysedAtMs);
    m_timeline->setFindings(snapshot.analysis.findings);
    m_ui->timelineView->resizeColumnsToContents();  // measures the first rows only (see the constructor)
    retranslate();
}

void TimelinePane::showSelection(const Selection &selection, const QObject *origin)
{
    if (origin == this)
        return;
    const int row = m_timeline->rowFor(selection);
    if (row < 0)
        return;
    const QModelIndex index = m_style->mapFromSource(m_timeline->index(row, 0));
    m_ui->timelineView->setCurrentIndex(index);
    m_ui->timelineView->scrollTo(index);
}

void TimelinePane::setLanguage(Language language)
{
    CasePane::setLanguage(language);
    m_timeline->setLanguage(language);
    m_ui->timelineView->resizeColumnsToContents();  // Korean and English texts differ in width
}

void TimelinePane::setZoom(int)
{
    m_ui->timelineView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
}

void TimelinePane::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("caseView/timelineHeader"), m_ui->timelineView->horizontalHeader()->saveState());
}

void TimelinePane::restoreState(const QSettings &settings)
{
    m_ui->timelineView->horizontalHeader()->restoreState(settings.value(QStringLiteral("caseView/timelineHeader")).toByteArray());
}

void TimelinePane::retranslate()
{
    m_ui->retranslateUi(this);
    m_copyRow->setText(tr("Copy row"));
    m_copyAll->setText(tr("Copy the timeline as text"));
    // An empty timeline says why rather than showing an empty table.
    const CaseSnapshot &snap = snapshot();
    QString caption = tr("Timeline (KST)");
    if (snap.documents && !snap.documents->empty() && snap.analysis.timeline.empty())
        caption += QStringLiteral(" — ") + tr("no times in these documents (an error answer or a fragment without timestamps)");
    else if (snap.analysis.timelineTruncated)
        caption += QStringLiteral(" — ") + tr("the first %n events", nullptr, int(snap.analysis.timeline.size()));
    m_ui->timelineCaption->setText(caption);
}

QString TimelinePane::text(const QList<int> &rows) const
{
    QStringList lines;
    for (const int row : rows) {
        QStringList cells;
        for (int column = 0; column < m_style->columnCount(); ++column)
            cells << m_style->index(row, column).data().toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

void TimelinePane::restyle()
{
    m_style->setPalette(palette());
}

} // namespace paytriage
