#include "findingsfilterproxy.h"

#include "findingsmodel.h"

namespace paytriage {

FindingsFilterProxy::FindingsFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortRole(SortRole);
    // Sorted from the start: most severe first, then document order.
    sort(FindingsModel::TitleColumn, Qt::AscendingOrder);
}

void FindingsFilterProxy::setMinimumSeverity(Severity severity)
{
    if (severity == m_minimum)
        return;
    m_minimum = severity;
    invalidateFilter();
}

void FindingsFilterProxy::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    m_words = m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool FindingsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    // A group row (FindingIndexRole -1) stays only through a child that passes.
    if (index.data(FindingIndexRole).toInt() < 0)
        return false;
    if (index.data(SeverityRole).toInt() < static_cast<int>(m_minimum))
        return false;
    if (m_words.isEmpty())
        return true;
    const QString text = index.data(SearchTextRole).toString();
    for (const QString &word : m_words) {
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool FindingsFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int column = left.column();
    if (column == FindingsModel::RuleColumn) {
        const int c = QString::compare(left.data(SortRole).toString(), right.data(SortRole).toString());
        if (c != 0)
            return c < 0;
    } else if (column == FindingsModel::LocationColumn) {
        const qulonglong a = left.data(DocumentRole).toULongLong();
        const qulonglong b = right.data(DocumentRole).toULongLong();
        if (a != b)
            return a < b;
        const int c = QString::compare(left.data(PointerRole).toString(), right.data(PointerRole).toString());
        if (c != 0)
            return c < 0;
    } else if (column == FindingsModel::CountColumn) {
        const qulonglong a = left.data(SortRole).toULongLong();
        const qulonglong b = right.data(SortRole).toULongLong();
        if (a != b)
            return a < b;
    }
    // Severity: most severe first in ascending order.
    const int sa = left.data(SeverityRole).toInt();
    const int sb = right.data(SeverityRole).toInt();
    if (sa != sb)
        return sa > sb;
    // Then document order (groups have no document: their source order).
    const QVariant da = left.data(DocumentRole);
    const QVariant db = right.data(DocumentRole);
    if (da.isValid() && db.isValid() && da.toULongLong() != db.toULongLong())
        return da.toULongLong() < db.toULongLong();
    return left.row() < right.row();
}

} // namespace paytriage
