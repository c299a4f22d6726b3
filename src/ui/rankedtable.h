#pragma once
// The tables of the incident views (history, batch, scan): rows that carry a severity, shown
// through SeverityStyleProxy (icon and colour on the first column, following the palette) and
// sorted by SortRole; a status column drawn as badges; one column taking the width left.

#include <QObject>

class QAbstractItemModel;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;

namespace paytriage {

class SeverityStyleProxy;

class RankedTable final : public QObject
{
    Q_OBJECT
public:
    // badgeColumn: -1 for none. Sorted by sortColumn in that order to begin with.
    RankedTable(QTableView *view, QAbstractItemModel *model, int badgeColumn, int stretchColumn, int sortColumn,
                Qt::SortOrder order);

    // The model's row of a view index, or -1.
    int sourceRow(const QModelIndex &viewIndex) const;
    // The view's index of a model row (column 0).
    QModelIndex viewIndex(int sourceRow) const;
    // Follows a palette change of the view's window (colours and icons of the severities).
    void setPalette(const QPalette &palette);

private:
    QTableView *m_view;
    QAbstractItemModel *m_model;
    SeverityStyleProxy *m_style;
    QSortFilterProxyModel *m_sort;
};

} // namespace paytriage
