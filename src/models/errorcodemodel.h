#pragma once

// The catalog's error codes as a searchable reference table. SearchTextRole holds the code and
// its meaning, causes and what to check in both languages, so a plain QSortFilterProxyModel
// (filterRole SearchTextRole, case-insensitive) finds a row from a Korean or an English query
// whatever the UI language.

#include "catalog/catalog.h"
#include "models/modelroles.h"

#include <QAbstractTableModel>
#include <QHash>

#include <string>
#include <vector>

namespace paytriage {

class ErrorCodeModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        CodeColumn,
        MeaningColumn,
        WhoActsColumn,
        HttpColumn,
        ColumnCount
    };

    explicit ErrorCodeModel(const Catalog &catalog, QObject *parent = nullptr);

    void setLanguage(Language language);   // no reset
    Language language() const { return m_language; }

    QString code(int row) const;            // empty when out of range
    int rowOf(const QString &code) const;   // -1 when unknown
    // The catalog entry of a row (meaning, causes, check, whoActs, http, retry, confirmed).
    const Json *entry(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString whoActs(const Json &entry) const;
    QString http(const Json &entry) const;
    QString toolTip(const Json &entry) const;

    Catalog m_catalog;
    std::vector<std::string> m_codes;
    std::vector<QString> m_searchText;   // per row, built once
    QHash<QString, int> m_rowOf;
    Language m_language = Language::English;
};

} // namespace paytriage
