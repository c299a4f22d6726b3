#include "historymodel.h"

#include "util/timestamp.h"

#include <QStringList>

namespace paytriage {
namespace {

QString paymentOf(const HistoryRow &row)
{
    if (!row.orderId.isEmpty())
        return row.orderId;
    return !row.paymentKey.isEmpty() ? row.paymentKey : row.title;
}

} // namespace

HistoryModel::HistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void HistoryModel::setRows(std::vector<HistoryRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void HistoryModel::appendRows(std::vector<HistoryRow> rows)
{
    if (rows.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    for (HistoryRow &r : rows)
        m_rows.push_back(std::move(r));
    endInsertRows();
}

const HistoryRow *HistoryModel::row(int index) const
{
    return index >= 0 && index < rowCount() ? &m_rows[std::size_t(index)] : nullptr;
}

int HistoryModel::rowOf(qint64 id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return int(i);
    return -1;
}

void HistoryModel::setPinned(qint64 id, bool pinned)
{
    const int r = rowOf(id);
    if (r < 0)
        return;
    m_rows[std::size_t(r)].pinned = pinned;
    Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

void HistoryModel::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    const HistoryRow *r = row(index.row());
    if (!r || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == SeverityRole)
        return r->worst ? int(r->worst->severity) : NoSeverity;
    const auto worstTitle = [this, r] {
        if (!r->worst)
            return QString();
        QString title = r->worst->title.qIn(m_language);
        if (title.isEmpty())
            title = QString::fromStdString(r->worst->rule);
        if (r->findingCount > 1)
            title += tr(" (+%n more)", nullptr, r->findingCount - 1);
        return title;
    };
    const auto kindText = [r] {
        QString kind;
        switch (r->kind) {
        case SnapshotKind::Lookup: kind = tr("lookup"); break;
        case SnapshotKind::Paste: kind = tr("paste"); break;
        case SnapshotKind::File: kind = tr("file"); break;
        }
        return r->pinned ? tr("%1, pinned").arg(kind) : kind;
    };
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case PaymentColumn:
            if (role == Qt::ToolTipRole) {
                QStringList lines;
                if (!r->orderId.isEmpty())
                    lines << tr("orderId %1").arg(r->orderId);
                if (!r->paymentKey.isEmpty())
                    lines << tr("paymentKey %1").arg(r->paymentKey);
                if (!r->title.isEmpty() && r->title != r->orderId && r->title != r->paymentKey)
                    lines << r->title;
                return lines.join(QLatin1Char('\n'));
            }
            return paymentOf(*r);
        case StatusColumn: return r->status;
        case WorstColumn:
            if (role == Qt::ToolTipRole && r->worst)
                return QString::fromStdString(r->worst->rule);
            return r->findingCount == 0 ? (role == Qt::DisplayRole ? tr("no findings") : QString()) : worstTitle();
        case ProfileColumn:
            if (r->mid.isEmpty())
                return r->profile;
            return r->profile.isEmpty() ? r->mid : tr("%1 (MID %2)").arg(r->profile, r->mid);
        case CapturedColumn: return QString::fromStdString(formatKstSeconds(r->capturedAtMs));
        case KindColumn: return kindText();
        case IdColumn: return QStringLiteral("#%1").arg(r->id);
        case ColumnCount: break;
        }
        return {};
    }
    if (role == SortRole) {
        switch (Column(index.column())) {
        case WorstColumn: return r->worst ? int(r->worst->severity) * 100000 + r->findingCount : -1;
        case CapturedColumn: return r->capturedAtMs;
        case IdColumn: return r->id;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == SearchTextRole)
        return QStringList{r->orderId, r->paymentKey, r->title, r->status, r->profile, r->mid}.join(QLatin1Char('\n'));
    if (role == Qt::TextAlignmentRole && index.column() == IdColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case PaymentColumn: return tr("Payment");
    case StatusColumn: return tr("Status");
    case WorstColumn: return tr("Worst finding");
    case ProfileColumn: return tr("Merchant");
    case CapturedColumn: return tr("When (KST)");
    case KindColumn: return tr("Kind");
    case IdColumn: return tr("Snapshot");
    case ColumnCount: break;
    }
    return {};
}

} // namespace paytriage
