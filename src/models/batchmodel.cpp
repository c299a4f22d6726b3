#include "batchmodel.h"

#include "util/money.h"

namespace paytriage {

BatchModel::BatchModel(QObject *parent) : QAbstractTableModel(parent) {}

void BatchModel::setRows(std::vector<BatchRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void BatchModel::setRow(int index, BatchRow row)
{
    if (index < 0 || index >= rowCount())
        return;
    m_rows[std::size_t(index)] = std::move(row);
    Q_EMIT dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
}

const BatchRow *BatchModel::row(int index) const
{
    return index >= 0 && index < rowCount() ? &m_rows[std::size_t(index)] : nullptr;
}

void BatchModel::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int BatchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BatchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BatchModel::statusText(const BatchRow &row) const
{
    switch (row.state) {
    case BatchRow::State::Waiting: return tr("waiting");
    case BatchRow::State::Running: return tr("looking up…");
    case BatchRow::State::Done: return row.status.isEmpty() ? tr("no payment") : row.status;
    case BatchRow::State::Failed: return tr("failed");
    case BatchRow::State::Stopped: return tr("stopped");
    }
    return {};
}

QVariant BatchModel::data(const QModelIndex &index, int role) const
{
    const BatchRow *r = row(index.row());
    if (!r)
        return {};
    if (role == SeverityRole)
        return r->worst;
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case IdColumn: return r->id;
        case StatusColumn: return statusText(*r);
        case MethodColumn: return r->method.qIn(m_language);
        case AmountColumn:
            return r->amount ? QString::fromStdString(formatMoney(*r->amount, r->currency.toStdString(), m_language)) : QString();
        case WorstColumn:
            if (r->state == BatchRow::State::Failed)
                return r->error;
            if (r->state != BatchRow::State::Done)
                return QString();
            return r->findings == 0 ? tr("no findings")
                                    : r->findings > 1 ? r->worstTitle.qIn(m_language) + tr(" (+%n more)", nullptr, r->findings - 1)
                                                      : r->worstTitle.qIn(m_language);
        case RulesColumn: return r->rules.join(QStringLiteral(", "));
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == WorstColumn)
        return r->state == BatchRow::State::Failed ? r->error : r->worstTitle.qIn(m_language);
    if (role == SortRole) {
        switch (Column(index.column())) {
        case IdColumn: return index.row();
        case AmountColumn: return r->amount.value_or(-1);
        case WorstColumn: return r->state == BatchRow::State::Failed ? 1000 : r->worst * 100 + r->findings;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == AmountColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant BatchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case IdColumn: return tr("Id");
    case StatusColumn: return tr("Status");
    case MethodColumn: return tr("Method");
    case AmountColumn: return tr("Amount");
    case WorstColumn: return tr("Worst finding");
    case RulesColumn: return tr("Rules");
    case ColumnCount: break;
    }
    return {};
}

} // namespace paytriage
