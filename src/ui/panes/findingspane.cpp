#include "findingspane.h"
#include "ui_findingspane.h"

#include "models/findingsfilterproxy.h"
#include "models/findingsmodel.h"
#include "severitystyle.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>

namespace paytriage {

FindingsPane::FindingsPane(const PaneContext &context, QWidget *parent)
    : CasePane(context, parent), m_ui(std::make_unique<Ui::FindingsPane>())
{
    m_ui->setupUi(this);
    QTreeView *view = m_ui->findingsView;
    m_findings = new FindingsModel(this);
    m_findings->setLanguage(language());
    m_filter = new FindingsFilterProxy(this);
    m_filter->setSourceModel(m_findings);
    m_style = new SeverityStyleProxy(this);
    m_style->setSourceModel(m_filter);
    m_style->setPalette(palette());
    view->setModel(m_style);
    QHeaderView *header = view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(FindingsModel::TitleColumn, QHeaderView::Stretch);
    for (int column : {int(FindingsModel::RuleColumn), int(FindingsModel::LocationColumn), int(FindingsModel::CountColumn)})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // The rule id and place are in the explanation; the list keeps room for titles (at 1366×768
    // a title needs the whole width). The header's menu shows them again.
    header->hideSection(FindingsModel::RuleColumn);
    header->hideSection(FindingsModel::LocationColumn);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint &at) {
        QMenu menu(this);
        for (int column = 1; column < FindingsModel::ColumnCount; ++column) {
            QAction *shown = menu.addAction(m_findings->headerData(column, Qt::Horizontal).toString());
            shown->setCheckable(true);
            shown->setChecked(!header->isSectionHidden(column));
            connect(shown, &QAction::toggled, header, [header, column](bool on) { header->setSectionHidden(column, !on); });
        }
        menu.exec(header->mapToGlobal(at));
    });
    fillSeverityFilter();

    connect(m_ui->severityFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumSeverity(static_cast<Severity>(m_ui->severityFilter->currentData().toInt()));
        m_ui->findingsView->expandAll();
    });
    connect(m_ui->groupByRule, &QCheckBox::toggled, this, [this](bool on) {
        m_findings->setGroupedByRule(on);
        m_ui->findingsView->setRootIsDecorated(on);
        m_ui->findingsView->expandAll();
    });
    connect(m_ui->findingsSearch, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setTextFilter(text);
        m_ui->findingsView->expandAll();
    });
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrent(current); });
    // One wording and one shortcut for copying in every pane: Ctrl+C copies what the pane has
    // selected, here the finding as text for a ticket.
    m_copy = new QAction(view);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    view->addAction(m_copy);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_copy, &QAction::triggered, this, [this] {
        if (!m_current)
            return;
        QGuiApplication::clipboard()->setText(QString::fromStdString(findingText(*m_current, language())));
        Q_EMIT links()->copied(tr("finding"));
    });
    retranslate();
}

FindingsPane::~FindingsPane() = default;

QTreeView *FindingsPane::view() const
{
    return m_ui->findingsView;
}

QLabel *FindingsPane::caption() const
{
    return m_ui->findingsCaption;
}

void FindingsPane::showSnapshot(const CaseSnapshot &snapshot)
{
    m_current = nullptr;
    m_findings->setFindings(snapshot.analysis.findings);
    m_ui->findingsView->expandAll();
}

void FindingsPane::snapshotShown()
{
    // Land on the most serious finding: that is what the user opened the case for.
    if (m_style->rowCount() == 0 || m_ui->findingsView->currentIndex().isValid())
        return;
    QModelIndex first = m_style->index(0, 0);
    if (m_style->hasChildren(first))
        first = m_style->index(0, 0, first);
    m_ui->findingsView->setCurrentIndex(first);
}

bool FindingsPane::selectFinding(const std::string &ruleId)
{
    const auto &findings = snapshot().analysis.findings;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        if (findings[i].rule != ruleId)
            continue;
        const QModelIndex shown = m_style->mapFromSource(m_filter->mapFromSource(m_findings->indexOfFinding(i)));
        if (!shown.isValid())
            continue;
        m_ui->findingsView->setCurrentIndex(shown);
        m_ui->findingsView->scrollTo(shown);
        return true;
    }
    return false;
}

void FindingsPane::onCurrent(const QModelIndex &current)
{
    const QModelIndex source = m_filter->mapToSource(m_style->mapToSource(current));
    m_current = source.isValid() ? m_findings->finding(source) : nullptr;
    Q_EMIT links()->findingChosen(m_current);
    if (m_current && !m_current->pointers.empty())
        mediator()->select(Selection(m_current->document, m_current->pointers.front()), this);
}

void FindingsPane::setLanguage(Language language)
{
    CasePane::setLanguage(language);
    m_findings->setLanguage(language);
}

void FindingsPane::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("caseView/findingsHeader"), m_ui->findingsView->header()->saveState());
    settings.setValue(QStringLiteral("caseView/groupByRule"), m_ui->groupByRule->isChecked());
}

void FindingsPane::restoreState(const QSettings &settings)
{
    m_ui->findingsView->header()->restoreState(settings.value(QStringLiteral("caseView/findingsHeader")).toByteArray());
    m_ui->groupByRule->setChecked(settings.value(QStringLiteral("caseView/groupByRule"), false).toBool());
}

void FindingsPane::retranslate()
{
    m_ui->retranslateUi(this);
    m_copy->setText(tr("Copy as text"));
    fillSeverityFilter();
}

void FindingsPane::fillSeverityFilter()
{
    const int current = m_ui->severityFilter->currentIndex();
    const QSignalBlocker block(m_ui->severityFilter);
    m_ui->severityFilter->clear();
    m_ui->severityFilter->addItem(tr("All severities"), int(Severity::Info));
    m_ui->severityFilter->addItem(tr("Warning and critical"), int(Severity::Warning));
    m_ui->severityFilter->addItem(tr("Critical only"), int(Severity::Critical));
    m_ui->severityFilter->setCurrentIndex(current < 0 ? 0 : current);
}

void FindingsPane::restyle()
{
    m_style->setPalette(palette());
}

} // namespace paytriage
