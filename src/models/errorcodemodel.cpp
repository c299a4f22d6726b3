#include "errorcodemodel.h"

#include "models/modeltext.h"

#include <QStringList>

namespace paytriage {
namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

ErrorCodeModel::ErrorCodeModel(const Catalog &catalog, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalog(catalog)
    , m_codes(catalog.errorCodes())
{
    m_searchText.reserve(m_codes.size());
    for (std::size_t row = 0; row < m_codes.size(); ++row) {
        const QString code = qs(m_codes[row]);
        m_rowOf.insert(code, static_cast<int>(row));
        QStringList parts{code};
        if (const Json *e = m_catalog.error(m_codes[row])) {
            for (const char *key : {"meaning", "causes", "check"}) {
                const LocalizedText text = Catalog::text(*e, key);
                parts << qs(text.ko) << qs(text.en);
            }
        }
        m_searchText.push_back(parts.join(QLatin1Char('\n')));
    }
}

void ErrorCodeModel::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QString ErrorCodeModel::code(int row) const
{
    return row >= 0 && row < rowCount() ? qs(m_codes[static_cast<std::size_t>(row)]) : QString();
}

int ErrorCodeModel::rowOf(const QString &code) const
{
    return m_rowOf.value(code, -1);
}

const Json *ErrorCodeModel::entry(int row) const
{
    return row >= 0 && row < rowCount() ? m_catalog.error(m_codes[static_cast<std::size_t>(row)]) : nullptr;
}

int ErrorCodeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_codes.size());
}

int ErrorCodeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ErrorCodeModel::whoActs(const Json &entry) const
{
    QStringList parties;
    const auto it = entry.find("whoActs");
    if (it != entry.end() && it->is_array()) {
        for (const Json &id : *it) {
            if (id.is_string())
                parties << ModelText::party(id.get_ref<const std::string &>(), m_catalog, m_language);
        }
    }
    return parties.join(tr(", "));
}

QString ErrorCodeModel::http(const Json &entry) const
{
    QStringList statuses;
    const auto it = entry.find("http");
    if (it != entry.end() && it->is_array()) {
        for (const Json &status : *it) {
            if (status.is_number_integer())
                statuses << QString::number(status.get<int>());
        }
    }
    return statuses.join(QStringLiteral(", "));
}

QString ErrorCodeModel::toolTip(const Json &entry) const
{
    QStringList lines;
    const LocalizedText meaning = Catalog::text(entry, "meaning");
    const LocalizedText causes = Catalog::text(entry, "causes");
    const LocalizedText check = Catalog::text(entry, "check");
    if (!meaning.empty())
        lines << meaning.qIn(m_language);
    if (!causes.empty())
        lines << tr("Likely cause: %1").arg(causes.qIn(m_language));
    if (!check.empty())
        lines << tr("Check: %1").arg(check.qIn(m_language));
    const auto confirmed = entry.find("confirmed");
    if (confirmed != entry.end() && confirmed->is_boolean() && !confirmed->get<bool>())
        lines << tr("Not confirmed: the sources disagree or are silent.");
    return lines.join(QLatin1Char('\n'));
}

QVariant ErrorCodeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::size_t row = static_cast<std::size_t>(index.row());
    const Json *e = m_catalog.error(m_codes[row]);
    static const Json empty = Json::object();
    const Json &entry = e ? *e : empty;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn: return qs(m_codes[row]);
        case MeaningColumn: return Catalog::text(entry, "meaning").qIn(m_language);
        case WhoActsColumn: return whoActs(entry);
        case HttpColumn: return http(entry);
        }
        return {};
    case Qt::ToolTipRole:
        return toolTip(entry);
    case SortRole:
        if (index.column() == HttpColumn) {
            const auto it = entry.find("http");
            return it != entry.end() && it->is_array() && !it->empty() && it->front().is_number_integer()
                       ? it->front().get<int>()
                       : 0;
        }
        return data(index, Qt::DisplayRole);
    case SearchTextRole:
        return m_searchText[row];
    }
    return {};
}

QVariant ErrorCodeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CodeColumn: return tr("Code");
    case MeaningColumn: return tr("Meaning");
    case WhoActsColumn: return tr("Who acts");
    case HttpColumn: return tr("HTTP");
    }
    return {};
}

} // namespace paytriage
