#pragma once

// The rows of a batch as the Batch view lists them: one per id, filled as its lookup ends.
// Facts only; the status badge and the severity icon are the view's.

#include "models/modelroles.h"
#include "util/text.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <optional>
#include <vector>

namespace paytriage {

struct BatchRow
{
    enum class State {
        Waiting,
        Running,
        Done,
        Failed,
        Stopped
    };
    QString id;
    State state = State::Waiting;
    QString status;               // the payment's, as sent
    LocalizedText method;         // in words when the catalog knows it, else as sent
    std::optional<double> amount; // totalAmount
    QString currency;
    int worst = NoSeverity;
    int findings = 0;
    LocalizedText worstTitle;
    QStringList rules;
    QString error;                // why it failed, in the UI language
};

class BatchModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        StatusColumn,
        MethodColumn,
        AmountColumn,
        WorstColumn,
        RulesColumn,
        ColumnCount
    };

    explicit BatchModel(QObject *parent = nullptr);

    void setRows(std::vector<BatchRow> rows);
    void setRow(int index, BatchRow row);
    const BatchRow *row(int index) const;
    const std::vector<BatchRow> &rows() const { return m_rows; }
    void setLanguage(Language language);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString statusText(const BatchRow &row) const;

    std::vector<BatchRow> m_rows;
    Language m_language = Language::English;
};

} // namespace paytriage
