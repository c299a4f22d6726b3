#pragma once

// The payments a period scan flagged, ranked as the scan ranks them (most severe first): facts
// only; the severity icon comes from SeverityStyleProxy (SeverityRole on the first column).

#include "models/modelroles.h"
#include "rules/finding.h"

#include <QAbstractTableModel>
#include <QDate>

#include <vector>

namespace paytriage {

struct ScanRow
{
    QString paymentKey;
    QString orderId;
    QDate day;                          // KST
    Severity worst = Severity::Info;
    int findings = 0;
    std::vector<LocalizedText> titles;  // one per rule, rendered
    QStringList rules;
};

class ScanResultModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PaymentColumn,
        OrderColumn,
        DayColumn,
        FindingsColumn,
        WhatColumn,
        ColumnCount
    };

    explicit ScanResultModel(QObject *parent = nullptr);

    void setRows(std::vector<ScanRow> rows);
    const ScanRow *row(int index) const;
    void setLanguage(Language language);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ScanRow> m_rows;
    Language m_language = Language::English;
};

} // namespace paytriage
