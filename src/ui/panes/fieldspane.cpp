#include "fieldspane.h"
#include "ui_fieldspane.h"

#include "models/jsontreemodel.h"
#include "models/modelroles.h"
#include "severitystyle.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QSettings>

namespace paytriage {

FieldsPane::FieldsPane(const PaneContext &context, QWidget *parent)
    : CasePane(context, parent), m_ui(std::make_unique<Ui::FieldsPane>())
{
    m_ui->setupUi(this);
    QTreeView *tree = m_ui->treeView;
    m_tree = new JsonTreeModel(catalog(), this);
    m_tree->setLanguage(language());
    m_style = new SeverityStyleProxy(this);
    m_style->setSourceModel(m_tree);
    m_style->setPalette(palette());
    m_style->setNullRole(JsonTreeModel::IsNullRole, JsonTreeModel::ValueColumn);
    tree->setModel(m_style);
    // Field names are short; the document rows' long titles may overflow rather than push the
    // values out of sight.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    tree->setColumnWidth(JsonTreeModel::FieldColumn, em * 16);
    tree->setColumnWidth(JsonTreeModel::ValueColumn, em * 18);
    tree->setColumnWidth(JsonTreeModel::TypeColumn, em * 5);

    connect(tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            mediator()->select(m_tree->selectionAt(m_style->mapToSource(current)), this);
    });
    // Values and pointers are what a support engineer pastes into a ticket: copy them from here.
    m_copyValue = new QAction(tree);
    m_copyValue->setShortcut(QKeySequence::Copy);
    m_copyValue->setShortcutContext(Qt::WidgetShortcut);
    m_copyPointer = new QAction(tree);
    m_copyPointer->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_copyPointer->setShortcutContext(Qt::WidgetShortcut);
    tree->addActions({m_copyValue, m_copyPointer});
    tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_copyValue, &QAction::triggered, this, [this, tree] {
        const QModelIndex current = tree->currentIndex();
        if (!current.isValid())
            return;
        QGuiApplication::clipboard()->setText(current.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString());
        Q_EMIT links()->copied(tr("value"));
    });
    connect(m_copyPointer, &QAction::triggered, this, [this, tree] {
        const QModelIndex current = tree->currentIndex();
        if (!current.isValid())
            return;
        QGuiApplication::clipboard()->setText(current.data(PointerRole).toString());
        Q_EMIT links()->copied(tr("JSON pointer"));
    });

    // The tree follows a selection a moment later, once per burst: bringing a node deep in a
    // 100,000-record list into view creates and lays out its rows, which should not share an
    // event-loop turn with the raw pane's work (nor run for each key of a fast cursor move).
    m_follow.setSingleShot(true);
    m_follow.setInterval(5);
    connect(&m_follow, &QTimer::timeout, this, [this, tree] {
        const Selection &selection = mediator()->current();
        if (!selection.valid() || m_tree->selectionAt(m_style->mapToSource(tree->currentIndex())) == selection)
            return;
        const QModelIndex index = m_style->mapFromSource(m_tree->indexFor(selection));
        if (index.isValid()) {
            const QSignalBlocker block(tree->selectionModel());  // following, not choosing
            tree->setCurrentIndex(index);
            tree->scrollTo(index);
            tree->viewport()->update();
        }
    });
    // QTreeView fetches the first batch of a node when it opens, but the next batches of a big
    // list only for the root: scrolling near the end of a loaded part asks for more.
    connect(tree->verticalScrollBar(), &QScrollBar::valueChanged, this, [this, tree] {
        const QModelIndex last = tree->indexAt(QPoint(1, tree->viewport()->height() - 2));
        if (!last.isValid())
            return;
        const QModelIndex parent = last.parent();
        if (last.row() >= m_style->rowCount(parent) - 20 && m_style->canFetchMore(parent))
            m_style->fetchMore(parent);
    });
    retranslate();
}

FieldsPane::~FieldsPane() = default;

QTreeView *FieldsPane::view() const
{
    return m_ui->treeView;
}

QLabel *FieldsPane::caption() const
{
    return m_ui->treeCaption;
}

void FieldsPane::showSnapshot(const CaseSnapshot &snapshot)
{
    m_tree->setDocuments(snapshot.documents ? snapshot.documents : std::make_shared<const std::vector<Document>>());
    m_tree->setFindings(snapshot.analysis.findings);
    m_ui->treeView->expandToDepth(0);
}

void FieldsPane::showSelection(const Selection &, const QObject *origin)
{
    if (origin != this)
        m_follow.start();  // coalesced: see the constructor
}

void FieldsPane::setLanguage(Language language)
{
    CasePane::setLanguage(language);
    m_tree->setLanguage(language);
    m_ui->treeView->resizeColumnToContents(0);  // Korean and English names differ in width
}

void FieldsPane::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("caseView/treeHeader"), m_ui->treeView->header()->saveState());
}

void FieldsPane::restoreState(const QSettings &settings)
{
    m_ui->treeView->header()->restoreState(settings.value(QStringLiteral("caseView/treeHeader")).toByteArray());
}

void FieldsPane::retranslate()
{
    m_ui->retranslateUi(this);
    m_copyValue->setText(tr("Copy value"));
    m_copyPointer->setText(tr("Copy JSON pointer"));
}

void FieldsPane::restyle()
{
    m_style->setPalette(palette());
}

} // namespace paytriage
