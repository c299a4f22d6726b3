#include "rules/fieldwalk.h"

namespace paytriage {
namespace {

void walk(const Catalog &catalog, std::string_view kind, const Json *fields, const Json &object,
          const std::string &pointer, const std::string &path,
          const std::function<void(const FieldVisit &)> &visit, int depth)
{
    if (!object.is_object() || depth > 16)
        return;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string &key = it.key();
        const Json *spec = fields ? catalog.field(fields, key, kind) : nullptr;
        const bool aliased = spec && !fields->contains(key);
        visit({key, *it, spec, aliased, pointer, path});
        if (!spec || !(it->is_object() || it->is_array()))
            continue;
        const Json *childFields = catalog.childFields(spec);
        if (!childFields)
            continue;
        const std::string childPointer = pointerAppend(pointer, key);
        const std::string childPath = pointerAppend(path, key);
        if (it->is_object()) {
            walk(catalog, kind, childFields, *it, childPointer, childPath, visit, depth + 1);
        } else {
            for (std::size_t i = 0; i < it->size(); ++i)
                walk(catalog, kind, childFields, (*it)[i], pointerAppend(childPointer, i),
                     childPath + "/*", visit, depth + 1);
        }
    }
}

} // namespace

void walkFields(const Catalog &catalog, std::string_view kind, const Json &object,
                std::string_view pointer, const std::function<void(const FieldVisit &)> &visit)
{
    walk(catalog, kind, catalog.documentFields(kind), object, std::string(pointer), std::string(), visit, 0);
}

} // namespace paytriage
