#include "jsontreemodel.h"

#include "models/modeltext.h"
#include "util/jsonutil.h"

#include <QStringList>

#include <algorithm>
#include <charconv>

namespace paytriage {
namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string_view parentOf(std::string_view pointer)
{
    const auto slash = pointer.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : pointer.substr(0, slash);
}

std::size_t childCount(const Json &value)
{
    return value.is_object() || value.is_array() ? value.size() : 0;
}

// RFC 6901 tokens of a pointer ("/a~1b/0" → "a/b", "0"); empty for the root.
std::vector<std::string> pointerTokens(std::string_view pointer)
{
    std::vector<std::string> tokens;
    if (pointer.empty() || pointer.front() != '/')
        return tokens;
    std::string current;
    for (std::size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            tokens.push_back(std::move(current));
            current.clear();
        } else if (pointer[i] == '~' && i + 1 < pointer.size() && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
            current += pointer[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            current += pointer[i];
        }
    }
    return tokens;
}

// The rule that knows which nulls a payment's status does not allow (core/rules/nullfieldforstatus.cpp).
constexpr std::string_view nullFieldRule = "null-field-for-status";

// Long strings (a receipt URL is fine; a pasted base64 blob is not) are cut for the cell.
constexpr qsizetype maxValueChars = 500;

} // namespace

struct JsonTreeModel::Node
{
    Node *parent = nullptr;
    int row = 0;
    std::size_t document = 0;
    const Json *value = nullptr;
    const std::string *key = nullptr;    // object member name (in the document)
    int elementIndex = -1;               // array element index
    bool isDocument = false;
    std::string pointer;
    const Json *spec = nullptr;          // the catalog FIELD of a member
    const Json *ownLabel = nullptr;      // TEXT label without a spec (elements, documents, payloads)
    const Json *fields = nullptr;        // catalog fields of this object's members (of each element's, for arrays)
    std::string_view fieldsKind;         // kind or object name whose aliases apply to `fields`
    const Json *elementLabel = nullptr;  // TEXT label of each element (arrays)
    int loaded = 0;                      // children exposed to views (rowCount)
    std::vector<std::unique_ptr<Node>> children;  // created on demand, never more than loaded
};

JsonTreeModel::JsonTreeModel(const Catalog &catalog, QObject *parent)
    : QAbstractItemModel(parent)
    , m_catalog(catalog)
    , m_root(std::make_unique<Node>())
{
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::applyRecordFields(Node &node, const Document &document) const
{
    const std::string_view record = recordKind(document.kind);
    node.fields = m_catalog.documentFields(record);
    node.fieldsKind = record;
    const Json *kindSpec = json::get(m_catalog.root(), "documents");
    kindSpec = kindSpec ? json::get(*kindSpec, record) : nullptr;
    const Json *kindLabel = kindSpec ? json::get(*kindSpec, "label") : nullptr;
    if (node.value && node.value->is_array())
        node.elementLabel = kindLabel;
    else if (!node.spec)
        node.ownLabel = kindLabel;
}

void JsonTreeModel::setDocuments(std::shared_ptr<const std::vector<Document>> documents)
{
    beginResetModel();
    m_documents = std::move(documents);
    m_root = std::make_unique<Node>();
    m_nodeCount = 0;
    if (m_documents) {
        for (std::size_t d = 0; d < m_documents->size(); ++d) {
            const Document &doc = (*m_documents)[d];
            auto node = std::make_unique<Node>();
            node->parent = m_root.get();
            node->row = static_cast<int>(d);
            node->document = d;
            node->value = &doc.value;
            node->isDocument = true;
            if (doc.payloadPointer.empty()) {
                applyRecordFields(*node, doc);
            } else {
                const Json *kindSpec = json::get(m_catalog.root(), "documents");
                kindSpec = kindSpec ? json::get(*kindSpec, recordKind(doc.kind)) : nullptr;
                node->ownLabel = kindSpec ? json::get(*kindSpec, "label") : nullptr;
            }
            node->loaded = static_cast<int>(std::min<std::size_t>(childCount(doc.value), BatchSize));
            m_root->children.push_back(std::move(node));
            ++m_nodeCount;
        }
        m_root->loaded = static_cast<int>(m_root->children.size());
    }
    endResetModel();
}

void JsonTreeModel::setFindings(const std::vector<Finding> &findings)
{
    m_severity.clear();
    m_unexpectedNulls.clear();
    m_analysed = true;
    m_nullsAllListed = true;
    for (const Finding &f : findings) {
        if (f.rule == nullFieldRule) {
            // A folded finding lists the places of its first few repeats only: the nulls it
            // left out must not be called expected.
            m_nullsAllListed = m_nullsAllListed && f.occurrences <= 1;
            m_unexpectedNulls[f.document].insert(f.pointers.begin(), f.pointers.end());
            for (const FindingLocation &r : f.related)
                m_unexpectedNulls[r.document].insert(r.pointer);
        }
        SeverityMap &map = m_severity[f.document];
        const int severity = static_cast<int>(f.severity);
        for (const std::string &pointer : f.pointers) {
            std::string_view p = pointer;
            while (true) {
                auto it = map.find(p);
                if (it == map.end())
                    map.emplace(std::string(p), severity);
                else if (it->second >= severity)
                    break;  // this ancestor and all above already say as much
                else
                    it->second = severity;
                if (p.empty())
                    break;
                p = parentOf(p);
            }
        }
    }
    emitChangedBelow(m_root.get(), {});
}

void JsonTreeModel::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    emitChangedBelow(m_root.get(), {});
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

// dataChanged for every row a view can have seen: the exposed children of each node whose
// children were asked for.
void JsonTreeModel::emitChangedBelow(Node *node, const QModelIndex &index)
{
    if (node->loaded == 0 || node->children.empty())
        return;
    Q_EMIT dataChanged(this->index(0, 0, index), this->index(node->loaded - 1, ColumnCount - 1, index));
    for (const auto &child : node->children) {
        if (child && !child->children.empty())
            emitChangedBelow(child.get(), createIndex(child->row, 0, child.get()));
    }
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    return static_cast<Node *>(index.internalPointer());
}

std::unique_ptr<JsonTreeModel::Node> JsonTreeModel::makeChild(Node *parentNode, int row) const
{
    const Node &parent = *parentNode;
    auto child = std::make_unique<Node>();
    ++m_nodeCount;
    child->parent = parentNode;
    child->row = row;
    child->document = parent.document;
    const Json &v = *parent.value;
    if (v.is_object()) {
        const auto &object = v.get_ref<const Json::object_t &>();
        const auto &member = *(object.begin() + row);
        child->key = &member.first;
        child->value = &member.second;
        child->pointer = pointerAppend(parent.pointer, member.first);
        child->spec = m_catalog.field(parent.fields, member.first, parent.fieldsKind);
        if (child->spec) {
            child->fields = m_catalog.childFields(child->spec);
            if (const Json *object = json::get(*child->spec, "object"); object && object->is_string()) {
                child->fieldsKind = object->get_ref<const std::string &>();
                const Json *objects = json::get(m_catalog.root(), "objects");
                const Json *shape = objects ? json::get(*objects, child->fieldsKind) : nullptr;
                child->elementLabel = shape ? json::get(*shape, "label") : nullptr;
            }
        }
        // A webhook's (or error's) "data" holds an object of its own kind, usually a Payment.
        if (!child->fields && member.first == "data" && child->value->is_object()) {
            const DocumentKind inner = classifyRecord(*child->value);
            if (inner != DocumentKind::Unknown) {
                child->fields = m_catalog.documentFields(recordKind(inner));
                child->fieldsKind = recordKind(inner);
            }
        }
    } else {
        child->elementIndex = row;
        child->value = &v[static_cast<std::size_t>(row)];
        child->pointer = pointerAppend(parent.pointer, static_cast<std::size_t>(row));
        child->ownLabel = parent.elementLabel;
        child->fields = parent.fields;
        child->fieldsKind = parent.fieldsKind;
        child->elementLabel = parent.elementLabel;
    }
    if (m_documents && child->document < m_documents->size()) {
        const Document &doc = (*m_documents)[child->document];
        if (!doc.payloadPointer.empty() && child->pointer == doc.payloadPointer)
            applyRecordFields(*child, doc);
    }
    child->loaded = static_cast<int>(std::min<std::size_t>(childCount(*child->value), BatchSize));
    return child;
}

JsonTreeModel::Node *JsonTreeModel::childAt(Node *node, int row) const
{
    if (row < 0 || row >= node->loaded)
        return nullptr;
    if (node->children.size() < static_cast<std::size_t>(node->loaded))
        node->children.resize(static_cast<std::size_t>(node->loaded));
    auto &slot = node->children[static_cast<std::size_t>(row)];
    if (!slot)
        slot = makeChild(node, row);
    return slot.get();
}

QModelIndex JsonTreeModel::indexOf(Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, node);
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    Node *child = childAt(nodeOf(parent), row);
    return child ? createIndex(row, column, child) : QModelIndex();
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return nodeOf(parent)->loaded;
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_root->loaded > 0;
    if (parent.column() != 0)
        return false;
    return childCount(*nodeOf(parent)->value) > 0;
}

bool JsonTreeModel::canFetchMore(const QModelIndex &parent) const
{
    // A view (or QAbstractItemModelTester) reacting to rowsAboutToBeInserted may ask to fetch
    // the node being filled; a nested insertion would break the first one.
    if (m_inserting || !parent.isValid() || parent.column() != 0)
        return false;
    const Node *node = nodeOf(parent);
    return static_cast<std::size_t>(node->loaded) < childCount(*node->value);
}

void JsonTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const Node *node = nodeOf(parent);
    loadUpTo(nodeOf(parent), parent, static_cast<std::size_t>(node->loaded));
}

// Exposes the batches up to and including the one holding position.
void JsonTreeModel::loadUpTo(Node *node, const QModelIndex &index, std::size_t position)
{
    const std::size_t size = childCount(*node->value);
    if (position < static_cast<std::size_t>(node->loaded) || position >= size)
        return;
    const int target = static_cast<int>(std::min(size, (position / BatchSize + 1) * BatchSize));
    m_inserting = true;
    beginInsertRows(index, node->loaded, target - 1);
    node->loaded = target;
    endInsertRows();
    m_inserting = false;
}

QModelIndex JsonTreeModel::indexFor(const Selection &selection)
{
    if (!selection.valid() || !m_documents || selection.document >= m_root->children.size())
        return {};
    Node *node = m_root->children[selection.document].get();
    QModelIndex current = indexOf(node);
    for (const std::string &token : pointerTokens(selection.pointer)) {
        const Json &v = *node->value;
        std::size_t position = 0;
        if (v.is_object()) {
            const auto &object = v.get_ref<const Json::object_t &>();
            const auto it = std::find_if(object.begin(), object.end(), [&](const auto &m) { return m.first == token; });
            if (it == object.end())
                return current;
            position = static_cast<std::size_t>(it - object.begin());
        } else if (v.is_array()) {
            const char *end = token.data() + token.size();
            const auto [ptr, ec] = std::from_chars(token.data(), end, position);
            if (ec != std::errc() || ptr != end || token.empty() || position >= v.size())
                return current;
        } else {
            return current;
        }
        loadUpTo(node, current, position);
        current = index(static_cast<int>(position), 0, current);
        node = nodeOf(current);
    }
    return current;
}

Selection JsonTreeModel::selectionAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const Node *node = nodeOf(index);
    return Selection(node->document, node->pointer);
}

int JsonTreeModel::severityOf(const Node &node) const
{
    const auto doc = m_severity.find(node.document);
    if (doc == m_severity.end())
        return NoSeverity;
    const auto it = doc->second.find(std::string_view(node.pointer));
    return it == doc->second.end() ? NoSeverity : it->second;
}

// Whether this null is expected, said only where the model can know it: a
// null-field-for-status finding points at it (unexpected), or it is a catalogued field of a
// payment with a status that the analysis checked and found nothing at (expected). Elsewhere
// (no analysis yet, an unknown field, not a payment) nothing is claimed.
QString JsonTreeModel::nullExpectation(const Node &node) const
{
    if (!node.value->is_null() || node.isDocument || !node.key || !node.parent || !node.parent->value)
        return {};
    const Json &object = *node.parent->value;
    const Json *statusValue = object.is_object() ? json::get(object, "status") : nullptr;
    const QString status = statusValue && statusValue->is_string() ? qs(statusValue->get<std::string>()) : QString();
    const auto flagged = m_unexpectedNulls.find(node.document);
    if (flagged != m_unexpectedNulls.end() && flagged->second.contains(std::string_view(node.pointer))) {
        return status.isEmpty() ? tr("null — unexpected here: a finding points at it")
                                : tr("null — unexpected for status %1: a finding points at it").arg(status);
    }
    if (m_analysed && m_nullsAllListed && node.spec && !status.isEmpty()
        && node.parent->fieldsKind == recordKind(DocumentKind::Payment))
        return tr("null — expected for status %1").arg(status);
    return {};
}

QString JsonTreeModel::documentTitle(const Node &node) const
{
    const Document &doc = (*m_documents)[node.document];
    const QString kind = ModelText::documentKind(doc.kind);
    if (doc.source.label.empty())
        return tr("#%1 %2").arg(node.document + 1).arg(kind);
    return tr("#%1 %2 — %3").arg(node.document + 1).arg(kind, qs(doc.source.label));
}

QString JsonTreeModel::label(const Node &node) const
{
    if (node.spec)
        return Catalog::text(*node.spec, "label").qIn(m_language);
    if (node.ownLabel)
        return Catalog::text(node.ownLabel).qIn(m_language);
    return {};
}

QString JsonTreeModel::toolTip(const Node &node) const
{
    QStringList lines;
    if (node.isDocument) {
        const Document &doc = (*m_documents)[node.document];
        if (!doc.source.endpoint.empty())
            lines << qs(doc.source.endpoint);
        if (doc.source.httpStatus != 0)
            lines << tr("HTTP %1").arg(doc.source.httpStatus);
        if (!doc.apiVersion.empty())
            lines << tr("API version %1").arg(qs(doc.apiVersion));
    }
    if (const QString expectation = nullExpectation(node); !expectation.isEmpty())
        lines << expectation;
    if (node.spec) {
        const LocalizedText description = Catalog::text(*node.spec, "description");
        if (!description.empty())
            lines << description.qIn(m_language);
        if (node.value->is_null()) {
            const LocalizedText nullWhen = Catalog::text(*node.spec, "nullWhen");
            if (!nullWhen.empty())
                lines << nullWhen.qIn(m_language);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant JsonTreeModel::display(const Node &node, int column) const
{
    const Json &v = *node.value;
    switch (column) {
    case FieldColumn:
        if (node.isDocument)
            return documentTitle(node);
        if (node.key)
            return qs(*node.key);
        return QStringLiteral("[%1]").arg(node.elementIndex);
    case ValueColumn:
        switch (v.type()) {
        case Json::value_t::object: return QStringLiteral("{%1}").arg(v.size());
        case Json::value_t::array: return QStringLiteral("[%1]").arg(v.size());
        case Json::value_t::string: {
            const QString s = qs(v.get_ref<const std::string &>());
            return s.size() > maxValueChars ? QString(s.left(maxValueChars) + QChar(0x2026)) : s;
        }
        default: return qs(v.dump());
        }
    case TypeColumn:
        switch (v.type()) {
        case Json::value_t::object: return tr("object");
        case Json::value_t::array: return tr("array");
        case Json::value_t::string: return tr("string");
        case Json::value_t::boolean: return tr("boolean");
        case Json::value_t::null: return tr("null");
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return tr("number");
        default: return QString();
        }
    case LabelColumn:
        return label(node);
    }
    return {};
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return display(node, index.column());
    case Qt::ToolTipRole: {
        const QString tip = toolTip(node);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case SeverityRole:
        return severityOf(node);
    case DocumentRole:
        return qulonglong(node.document);
    case PointerRole:
        return qs(node.pointer);
    case IsNullRole:
        return node.value->is_null();
    case SortRole:
        if (index.column() == FieldColumn && node.elementIndex >= 0)
            return node.elementIndex;
        if (index.column() == ValueColumn && node.value->is_number())
            return node.value->get<double>();
        return display(node, index.column());
    case SearchTextRole: {
        QStringList parts{display(node, FieldColumn).toString(), qs(node.pointer)};
        if (!node.value->is_structured())
            parts << display(node, ValueColumn).toString();
        if (node.spec) {
            const LocalizedText l = Catalog::text(*node.spec, "label");
            parts << qs(l.ko) << qs(l.en);
        } else if (node.ownLabel) {
            const LocalizedText l = Catalog::text(node.ownLabel);
            parts << qs(l.ko) << qs(l.en);
        }
        return parts.join(QLatin1Char('\n'));
    }
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FieldColumn: return tr("Field");
    case ValueColumn: return tr("Value");
    case TypeColumn: return tr("Type");
    case LabelColumn: return tr("Label");
    }
    return {};
}

} // namespace paytriage
