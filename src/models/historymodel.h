#pragma once

// Rows of the evidence history as the History view lists them: newest first as the store pages
// them, more appended as the user asks for them. Facts only; the status badge and the severity
// icon are the view's (BadgeDelegate, SeverityStyleProxy reads SeverityRole on the first column).

#include "models/modelroles.h"
#include "store/snapshot.h"

#include <QAbstractTableModel>

#include <vector>

namespace paytriage {

class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PaymentColumn,   // the orderId, else the paymentKey, else the title; the worst finding's icon
        StatusColumn,
        WorstColumn,     // the worst finding's title, "+n" more
        ProfileColumn,   // profile and MID
        CapturedColumn,  // when, in KST
        KindColumn,      // lookup, paste, file; pinned
        IdColumn,        // the snapshot's number
        ColumnCount
    };

    explicit HistoryModel(QObject *parent = nullptr);

    void setRows(std::vector<HistoryRow> rows);      // resets
    void appendRows(std::vector<HistoryRow> rows);   // the next page
    const std::vector<HistoryRow> &rows() const { return m_rows; }
    const HistoryRow *row(int index) const;
    // The row of a snapshot, -1 when it is not listed.
    int rowOf(qint64 id) const;
    void setPinned(qint64 id, bool pinned);
    void setLanguage(Language language);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<HistoryRow> m_rows;
    Language m_language = Language::English;
};

} // namespace paytriage
