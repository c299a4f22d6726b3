#pragma once

// The findings of a case, as facts: a flat list, or grouped under their rule. What the user
// chooses to see (minimum severity, text) is FindingsFilterProxy's business.

#include "models/modelroles.h"
#include "rules/finding.h"

#include <QAbstractItemModel>

#include <utility>
#include <vector>

namespace paytriage {

class FindingsModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        RuleColumn,
        LocationColumn,
        CountColumn,
        ColumnCount
    };
    // Also reachable as paytriage::FindingIndexRole.
    enum Role {
        FindingIndexRole = paytriage::FindingIndexRole
    };

    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(std::vector<Finding> findings);
    const std::vector<Finding> &findings() const { return m_findings; }
    // Titles and details in this language; no reset (selection and expansion survive).
    void setLanguage(Language language);
    Language language() const { return m_language; }
    // Grouped: top-level rows are rules (title "rule-id (n)", severity the worst of its
    // findings) with the findings as children, in order of first appearance. Resets.
    void setGroupedByRule(bool grouped);
    bool groupedByRule() const { return m_grouped; }

    // Columns: the title (a group: "rule-id (findings)"), the rule id, "#<document+1> <pointer>"
    // and the count of occurrences (a finding folded over many records counts each; a group
    // sums its findings').

    // nullptr for group rows and invalid indexes.
    const Finding *finding(const QModelIndex &index) const;
    // Column 0 index of findings()[i]; invalid when out of range.
    QModelIndex indexOfFinding(std::size_t i) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        std::string rule;
        Severity worst = Severity::Info;
        std::size_t occurrences = 0;
        std::vector<std::size_t> findings;  // indexes into m_findings, in order
    };
    // internalId of an index: 0 for top-level rows, group row + 1 for a finding under a group.
    bool isGroupRow(const QModelIndex &index) const;
    int findingIndexAt(const QModelIndex &index) const;  // -1 for groups
    QVariant findingData(const Finding &f, std::size_t i, int column, int role) const;
    QVariant groupData(const Group &g, int column, int role) const;
    void rebuildGroups();
    void emitAllDataChanged();

    std::vector<Finding> m_findings;
    std::vector<Group> m_groups;
    std::vector<std::pair<int, int>> m_placeOf;  // finding → (group row, row in group)
    Language m_language = Language::English;
    bool m_grouped = false;
};

} // namespace paytriage
