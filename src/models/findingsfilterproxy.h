#pragma once

// What of the findings the user chose to see (Wireshark's expert-info proxy): a minimum
// severity and a text. Recursive: a rule group stays while one of its findings passes, and a
// group never passes on its own (no empty groups). Sorting: by severity, most severe first in
// ascending order, then in document order; the rule and location columns sort by their text
// and document, with the same tie-breaks.

#include "models/modelroles.h"
#include "rules/finding.h"

#include <QSortFilterProxyModel>
#include <QStringList>

namespace paytriage {

class FindingsFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FindingsFilterProxy(QObject *parent = nullptr);

    void setMinimumSeverity(Severity severity);
    Severity minimumSeverity() const { return m_minimum; }
    // Case-insensitive; every whitespace-separated word must occur in SearchTextRole (both
    // languages, rule id, pointers, evidence). Empty shows everything.
    void setTextFilter(const QString &text);
    QString textFilter() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    Severity m_minimum = Severity::Info;
    QString m_text;
    QStringList m_words;
};

} // namespace paytriage
