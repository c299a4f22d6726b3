#include "rankedtable.h"

#include "badgedelegate.h"
#include "models/modelroles.h"
#include "severitystyle.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>

namespace paytriage {

RankedTable::RankedTable(QTableView *view, QAbstractItemModel *model, int badgeColumn, int stretchColumn, int sortColumn,
                         Qt::SortOrder order)
    : QObject(view), m_view(view), m_model(model), m_style(new SeverityStyleProxy(this)), m_sort(new QSortFilterProxyModel(this))
{
    m_style->setSourceModel(model);
    m_style->setPalette(view->palette());
    m_sort->setSourceModel(m_style);
    m_sort->setSortRole(SortRole);
    view->setModel(m_sort);
    if (badgeColumn >= 0)
        view->setItemDelegateForColumn(badgeColumn, new BadgeDelegate(BadgeDelegate::Tone::ByStatus, view));
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    view->sortByColumn(sortColumn, order);
}

int RankedTable::sourceRow(const QModelIndex &viewIndex) const
{
    return m_style->mapToSource(m_sort->mapToSource(viewIndex)).row();
}

QModelIndex RankedTable::viewIndex(int sourceRow) const
{
    return m_sort->mapFromSource(m_style->mapFromSource(m_model->index(sourceRow, 0)));
}

void RankedTable::setPalette(const QPalette &palette)
{
    m_style->setPalette(palette);
}

} // namespace paytriage
