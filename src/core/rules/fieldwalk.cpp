#include "rules/fieldwalk.h"

#include "util/jsonutil.h"

namespace paytriage {

FieldIndex::FieldIndex(const Catalog &catalog, const RulesFor &rulesFor)
    : m_catalog(catalog)
    , m_rulesFor(rulesFor)
    , m_unknownRules(rulesFor(nullptr))
{
}

FieldIndex::~FieldIndex() = default;

const Json *FieldIndex::documentFields(std::string_view kind)
{
    // The records of a list are of one kind: the last answer is usually the one asked for.
    if (m_lastKind && json::sameText(m_lastKind->first, kind))
        return m_lastKind->second;
    auto it = m_kindFields.find(std::string(kind));
    if (it == m_kindFields.end())
        it = m_kindFields.emplace(std::string(kind), m_catalog.documentFields(kind)).first;
    m_lastKind = &*it;
    return it->second;
}

FieldIndex::Table &FieldIndex::table(const Json *fields)
{
    auto &slot = m_tables[fields];
    if (!slot)
        slot = std::make_unique<Table>();
    return *slot;
}

const FieldIndex::Table::Answer &FieldIndex::learn(Table &t, const Json *fields, std::string_view kind,
                                                   std::size_t position, std::string_view key)
{
    const std::string name(key);
    auto found = t.byKey.find(name);
    if (found == t.byKey.end()) {
        Table::Answer answer;
        if (const Json *spec = m_catalog.field(fields, key, kind)) {
            auto info = std::make_unique<FieldInfo>();
            info->spec = spec;
            info->childFields = m_catalog.childFields(spec);
            info->datetime = spec->value("type", std::string()) == "datetime";
            if (const Json *e = json::get(*spec, "enum"); e && e->is_string()) {
                info->enumId = &e->get_ref<const std::string &>();
                if (const Json *enumSpec = m_catalog.enumSpec(*info->enumId)) {
                    info->enumValues = json::get(*enumSpec, "values");
                    info->enumNewer = json::get(*enumSpec, "newer");
                    info->enumVariants = json::get(*enumSpec, "variants");
                    static const std::string anyValue = "true";
                    if (const Json *open = json::get(*enumSpec, "open"); open && open->is_string())
                        info->enumOpen = &open->get_ref<const std::string &>();
                    else if (open && open->is_boolean() && open->get<bool>())
                        info->enumOpen = &anyValue;
                }
            }
            if (const Json *status = json::get(*spec, "status"); status && status->is_string())
                info->status = &status->get_ref<const std::string &>();
            if (const Json *offset = json::get(*spec, "offset"); offset && offset->is_boolean())
                info->offsetDocumented = offset->get<bool>();
            info->rules = m_rulesFor(info.get());
            answer.info = std::move(info);
            answer.aliased = !fields->contains(key);
        }
        found = t.byKey.emplace(name, std::move(answer)).first;
    }
    if (position >= t.byPosition.size())
        t.byPosition.resize(position + 1);
    t.byPosition[position] = {name, &found->second};  // unordered_map elements stay put
    return found->second;
}

} // namespace paytriage
