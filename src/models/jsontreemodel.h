#pragma once

// The decoded documents of a case as a tree: one top-level row per document, then its
// members and elements with their catalog labels in the UI language. Built lazily: nothing
// below a node exists until a view asks, and containers of more than BatchSize children
// expose them BatchSize at a time through canFetchMore/fetchMore, so a 50 MB transactions
// list opens at once. indexFor() fetches what a deep selection needs.

#include "catalog/catalog.h"
#include "model/document.h"
#include "models/modelroles.h"
#include "models/selection.h"
#include "rules/finding.h"

#include <QAbstractItemModel>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace paytriage {

class JsonTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        FieldColumn,
        ValueColumn,
        TypeColumn,
        LabelColumn,
        ColumnCount
    };
    // Also reachable as paytriage::IsNullRole.
    enum Role {
        IsNullRole = paytriage::IsNullRole
    };
    static constexpr int BatchSize = 1000;

    explicit JsonTreeModel(const Catalog &catalog, QObject *parent = nullptr);
    ~JsonTreeModel() override;

    // Resets. The model keeps the documents alive; they must not change once given.
    void setDocuments(std::shared_ptr<const std::vector<Document>> documents);
    const std::shared_ptr<const std::vector<Document>> &documents() const { return m_documents; }
    // SeverityRole of a node: the worst finding at its pointer or below it (same document), so
    // a finding colours its field, every ancestor and the document row. No reset. Findings stay
    // across setDocuments (either may come first); give the new ones with new documents.
    // Also what a null's tooltip says of it: "unexpected for status X" where a
    // null-field-for-status finding points at it, "expected for status X" for the other nulls
    // of a payment the analysis checked (only once findings were given).
    void setFindings(const std::vector<Finding> &findings);
    void setLanguage(Language language);   // labels and tooltips; no reset
    Language language() const { return m_language; }

    // Column 0 index of the node at the selection, fetching batches and creating the nodes on
    // the way. A pointer that goes past what exists (a finding about a missing field) gives
    // the deepest node that exists; an unset selection or unknown document an invalid index.
    QModelIndex indexFor(const Selection &selection);
    Selection selectionAt(const QModelIndex &index) const;
    // Nodes created so far, document rows included: what the laziness saved is measurable.
    std::size_t nodeCount() const { return m_nodeCount; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    struct StringHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using SeverityMap = std::unordered_map<std::string, int, StringHash, std::equal_to<>>;

    Node *nodeOf(const QModelIndex &index) const;
    Node *childAt(Node *node, int row) const;
    std::unique_ptr<Node> makeChild(Node *parent, int row) const;
    void applyRecordFields(Node &node, const Document &document) const;
    void loadUpTo(Node *node, const QModelIndex &index, std::size_t position);
    QModelIndex indexOf(Node *node) const;
    void emitChangedBelow(Node *node, const QModelIndex &index);
    QString documentTitle(const Node &node) const;
    QVariant display(const Node &node, int column) const;
    QString label(const Node &node) const;
    QString toolTip(const Node &node) const;
    int severityOf(const Node &node) const;
    QString nullExpectation(const Node &node) const;

    Catalog m_catalog;
    std::shared_ptr<const std::vector<Document>> m_documents;
    std::unique_ptr<Node> m_root;
    std::unordered_map<std::size_t, SeverityMap> m_severity;   // per document: pointer → worst severity at or below
    // per document: the pointers null-field-for-status findings point at (exactly, not ancestors)
    std::unordered_map<std::size_t, std::unordered_set<std::string, StringHash, std::equal_to<>>> m_unexpectedNulls;
    bool m_analysed = false;        // setFindings() was called: the absence of a finding means something
    bool m_nullsAllListed = false;  // no null-field-for-status finding was folded (folding keeps few places)
    Language m_language = Language::English;
    mutable std::size_t m_nodeCount = 0;
    bool m_inserting = false;   // between begin/endInsertRows: no nested fetch
};

} // namespace paytriage
