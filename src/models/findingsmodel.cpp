#include "findingsmodel.h"

#include <QStringList>

#include <algorithm>

namespace paytriage {
namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString location(const Finding &f)
{
    const QString pointer = f.pointers.empty() ? QString() : qs(f.pointers.front());
    return QStringLiteral("#%1 %2").arg(f.document + 1).arg(pointer).trimmed();
}

QString searchText(const Finding &f)
{
    QStringList parts{qs(f.rule), qs(f.variant), qs(f.title.ko), qs(f.title.en), qs(f.detail.ko),
                      qs(f.detail.en), qs(f.advice.ko), qs(f.advice.en), location(f)};
    for (const std::string &p : f.pointers)
        parts << qs(p);
    for (const Evidence &e : f.evidence)
        parts << qs(e.name) << qs(e.value);
    return parts.join(QLatin1Char('\n'));
}

} // namespace

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void FindingsModel::setFindings(std::vector<Finding> findings)
{
    beginResetModel();
    m_findings = std::move(findings);
    rebuildGroups();
    endResetModel();
}

void FindingsModel::rebuildGroups()
{
    m_groups.clear();
    m_placeOf.assign(m_findings.size(), {-1, -1});
    for (std::size_t i = 0; i < m_findings.size(); ++i) {
        const Finding &f = m_findings[i];
        auto it = std::find_if(m_groups.begin(), m_groups.end(), [&](const Group &g) { return g.rule == f.rule; });
        if (it == m_groups.end()) {
            m_groups.push_back({f.rule, f.severity, 0, {}});
            it = std::prev(m_groups.end());
        }
        it->worst = std::max(it->worst, f.severity);
        it->occurrences += f.occurrences;
        m_placeOf[i] = {static_cast<int>(it - m_groups.begin()), static_cast<int>(it->findings.size())};
        it->findings.push_back(i);
    }
}

void FindingsModel::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    emitAllDataChanged();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void FindingsModel::emitAllDataChanged()
{
    const int top = rowCount();
    if (top == 0)
        return;
    Q_EMIT dataChanged(index(0, 0), index(top - 1, ColumnCount - 1));
    if (!m_grouped)
        return;
    for (int g = 0; g < top; ++g) {
        const QModelIndex parent = index(g, 0);
        const int n = rowCount(parent);
        if (n > 0)
            Q_EMIT dataChanged(index(0, 0, parent), index(n - 1, ColumnCount - 1, parent));
    }
}

void FindingsModel::setGroupedByRule(bool grouped)
{
    if (grouped == m_grouped)
        return;
    beginResetModel();
    m_grouped = grouped;
    endResetModel();
}

bool FindingsModel::isGroupRow(const QModelIndex &index) const
{
    return m_grouped && index.isValid() && index.internalId() == 0;
}

int FindingsModel::findingIndexAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    if (!m_grouped)
        return index.row() < static_cast<int>(m_findings.size()) ? index.row() : -1;
    if (index.internalId() == 0)
        return -1;
    const std::size_t group = index.internalId() - 1;
    if (group >= m_groups.size() || index.row() >= static_cast<int>(m_groups[group].findings.size()))
        return -1;
    return static_cast<int>(m_groups[group].findings[static_cast<std::size_t>(index.row())]);
}

const Finding *FindingsModel::finding(const QModelIndex &index) const
{
    const int i = findingIndexAt(index);
    return i < 0 ? nullptr : &m_findings[static_cast<std::size_t>(i)];
}

QModelIndex FindingsModel::indexOfFinding(std::size_t i) const
{
    if (i >= m_findings.size())
        return {};
    if (!m_grouped)
        return index(static_cast<int>(i), 0);
    const auto [group, row] = m_placeOf[i];
    return index(row, 0, index(group, 0));
}

QModelIndex FindingsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex FindingsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !m_grouped || child.internalId() == 0)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_grouped ? m_groups.size() : m_findings.size());
    if (!isGroupRow(parent) || parent.column() != 0 || parent.row() >= static_cast<int>(m_groups.size()))
        return 0;
    return static_cast<int>(m_groups[static_cast<std::size_t>(parent.row())].findings.size());
}

int FindingsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (isGroupRow(index))
        return groupData(m_groups[static_cast<std::size_t>(index.row())], index.column(), role);
    const int i = findingIndexAt(index);
    if (i < 0)
        return {};
    return findingData(m_findings[static_cast<std::size_t>(i)], static_cast<std::size_t>(i), index.column(), role);
}

QVariant FindingsModel::findingData(const Finding &f, std::size_t i, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TitleColumn: return f.title.qIn(m_language);
        case RuleColumn: return qs(f.rule);
        case LocationColumn: return location(f);
        case CountColumn: return qulonglong(f.occurrences);
        }
        return {};
    case Qt::ToolTipRole:
        return f.detail.qIn(m_language);
    case SeverityRole:
        return static_cast<int>(f.severity);
    case DocumentRole:
        return qulonglong(f.document);
    case PointerRole:
        return f.pointers.empty() ? QString() : qs(f.pointers.front());
    case SortRole:
        switch (column) {
        case TitleColumn: return static_cast<int>(f.severity);
        case RuleColumn: return qs(f.rule);
        case LocationColumn: return qulonglong(f.document);
        case CountColumn: return qulonglong(f.occurrences);
        }
        return {};
    case SearchTextRole:
        return searchText(f);
    case FindingIndexRole:
        return static_cast<int>(i);
    }
    return {};
}

QVariant FindingsModel::groupData(const Group &g, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TitleColumn: return tr("%1 (%2)").arg(qs(g.rule)).arg(g.findings.size());
        case RuleColumn: return qs(g.rule);
        case LocationColumn: return QString();
        case CountColumn: return qulonglong(g.occurrences);
        }
        return {};
    case SeverityRole:
        return static_cast<int>(g.worst);
    case SortRole:
        switch (column) {
        case TitleColumn: return static_cast<int>(g.worst);
        case RuleColumn: return qs(g.rule);
        case LocationColumn: return qulonglong(0);
        case CountColumn: return qulonglong(g.occurrences);
        }
        return {};
    case SearchTextRole:
        return qs(g.rule);
    case FindingIndexRole:
        return -1;
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn: return tr("Finding");
    case RuleColumn: return tr("Rule");
    case LocationColumn: return tr("Where");
    case CountColumn: return tr("Count");
    }
    return {};
}

} // namespace paytriage
