#include "scanresultmodel.h"

#include <QStringList>

namespace paytriage {

ScanResultModel::ScanResultModel(QObject *parent) : QAbstractTableModel(parent) {}

void ScanResultModel::setRows(std::vector<ScanRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const ScanRow *ScanResultModel::row(int index) const
{
    return index >= 0 && index < rowCount() ? &m_rows[std::size_t(index)] : nullptr;
}

void ScanResultModel::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int ScanResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScanResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScanResultModel::data(const QModelIndex &index, int role) const
{
    const ScanRow *r = row(index.row());
    if (!r)
        return {};
    if (role == SeverityRole)
        return int(r->worst);
    const auto what = [this, r] {
        QStringList titles;
        for (const LocalizedText &t : r->titles)
            titles << t.qIn(m_language);
        return titles.join(QStringLiteral("; "));
    };
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case PaymentColumn: return r->paymentKey;
        case OrderColumn: return r->orderId;
        case DayColumn: return r->day.toString(Qt::ISODate);
        case FindingsColumn: return r->findings;
        case WhatColumn: return what();
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == WhatColumn)
        return QString(what() + QLatin1Char('\n') + r->rules.join(QStringLiteral(", ")));
    if (role == SortRole) {
        switch (Column(index.column())) {
        case PaymentColumn: return int(r->worst) * 1000000 + r->findings;
        case DayColumn: return r->day.toJulianDay();
        case FindingsColumn: return r->findings;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == FindingsColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ScanResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case PaymentColumn: return tr("paymentKey");
    case OrderColumn: return tr("orderId");
    case DayColumn: return tr("Day (KST)");
    case FindingsColumn: return tr("Findings");
    case WhatColumn: return tr("What was found");
    case ColumnCount: break;
    }
    return {};
}

} // namespace paytriage
