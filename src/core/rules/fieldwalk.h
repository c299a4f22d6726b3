#pragma once

#include "catalog/catalog.h"
#include "model/document.h"

#include <functional>
#include <string>
#include <string_view>

namespace paytriage {

struct FieldVisit
{
    std::string_view key;
    const Json &value;
    const Json *spec;                 // the catalog FIELD, nullptr when the catalog does not know it
    bool aliased;                     // key is a known alias of a catalog field
    const std::string &parentPointer; // JSON pointer of the object holding key
    const std::string &parentPath;    // the same with array indices as "*", for folding repeats

    // Built on demand: most visits never need them (a streamed record has a million).
    std::string pointer() const { return pointerAppend(parentPointer, key); }
    std::string path() const { return pointerAppend(parentPath, key); }
};

// Visits every member of object (recursively into objects and arrays of objects the
// catalog describes) with the catalog's FIELD spec for it. Members the catalog has no shape
// for (e.g. merchant metadata) are visited but not descended into.
void walkFields(const Catalog &catalog, std::string_view kind, const Json &object,
                std::string_view pointer, const std::function<void(const FieldVisit &)> &visit);

} // namespace paytriage
