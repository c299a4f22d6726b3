#pragma once

// One walk over an object's members with the catalog's expectation for each, shared by every
// field-level rule (unknown-field, unknown-enum-value, timestamp-without-offset): a streamed
// dump of a million records is walked once, not once per rule.

#include "catalog/catalog.h"
#include "model/document.h"
#include "util/jsonutil.h"

#include <cassert>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace paytriage {

// What the catalog says about one field, digested once per analysis.
struct FieldInfo
{
    const Json *spec = nullptr;          // the catalog FIELD
    const Json *childFields = nullptr;   // fields map of its object shape, if any
    bool datetime = false;               // "type": "datetime"
    const std::string *enumId = nullptr; // "enum": id
    const Json *enumValues = nullptr;    // that enum's "values"
    const Json *enumNewer = nullptr;     // and its "newer"
    const Json *enumVariants = nullptr;  // and its "variants" (spellings the docs disagree on)
    const std::string *enumOpen = nullptr; // and its "open" standard ("iso4217"), or "true" for any value
    // The catalog knows the field but it is not part of the documented API: "legacy" (of an
    // earlier version, with until) or "undocumented" (seen live, not in the docs).
    const std::string *status = nullptr;
    bool offsetDocumented = true;        // a datetime the docs give with a UTC offset ("offset": false: without)
    std::uint64_t rules = 0;             // the field rules that look at this field (FieldIndex::RulesFor)
};

struct FieldVisit
{
    std::string_view key;
    const Json &value;
    const FieldInfo *info;            // nullptr when the catalog does not know the field
    std::uint64_t rules;              // bit i: the i-th field rule wants this visit
    bool aliased;                     // key is a known alias of a catalog field
    const std::string &parentPointer; // JSON pointer of the object holding key
    const std::string &parentPath;    // the same with array indices as "*", for folding repeats

    // Built on demand: most visits never need them (a streamed record has a million).
    std::string pointer() const { return pointerAppend(parentPointer, key); }
    std::string path() const { return pointerAppend(parentPath, key); }
};

// Answers "what is this key in this fields map" fast: records of one list share their shape,
// so the answer for the i-th member is usually the one given for the previous record's i-th.
class FieldIndex final
{
public:
    // Which field rules look at a field the catalog describes so (nullptr: an unknown field), as a
    // bit set; asked once per catalog field, so a visit goes only to the rules it concerns.
    using RulesFor = std::function<std::uint64_t(const FieldInfo *)>;
    FieldIndex(const Catalog &catalog, const RulesFor &rulesFor);
    ~FieldIndex();

    // The fields map of a document kind (catalog.documentFields), cached.
    const Json *documentFields(std::string_view kind);

    // sameKeys: the object has the keys of the object walked before, in the same order (a
    // streamed record, StreamedRecord::sameKeys), so the answers given then still hold.
    template<typename Visit>
    void walk(std::string_view kind, const Json &object, std::string_view pointer, Visit &&visit,
              bool sameKeys = false);

private:
    // What is known of the keys of one fields map.
    struct Table
    {
        struct Answer
        {
            std::unique_ptr<FieldInfo> info;  // nullptr: an unknown key
            bool aliased = false;
        };
        struct Remembered
        {
            std::string key;
            const Answer *answer = nullptr;
        };
        std::unordered_map<std::string, Answer> byKey;
        std::vector<Remembered> byPosition;  // the key last seen at each member position, and its answer
    };
    // Looked up once per object walked, not once per member.
    Table &table(const Json *fields);
    // known: the key is the one looked up last at this position (no need to compare). The usual
    // case is answered inline; the rest (a new key, a key at another position) out of line.
    const Table::Answer &lookup(Table &table, const Json *fields, std::string_view kind, std::size_t position,
                                std::string_view key, bool known)
    {
        assert(!known || (position < table.byPosition.size() && table.byPosition[position].key == key));
        if (known || (position < table.byPosition.size() && json::sameText(table.byPosition[position].key, key)))
            return *table.byPosition[position].answer;
        return learn(table, fields, kind, position, key);
    }
    const Table::Answer &learn(Table &table, const Json *fields, std::string_view kind, std::size_t position,
                               std::string_view key);

    template<typename Visit>
    void walkObject(std::string_view kind, const Json *fields, const Json &object, const std::string &pointer,
                    const std::string &path, Visit &visit, int depth, bool sameKeys = false);

    const Catalog &m_catalog;
    RulesFor m_rulesFor;
    std::uint64_t m_unknownRules;
    std::unordered_map<const Json *, std::unique_ptr<Table>> m_tables;
    std::unordered_map<std::string, const Json *> m_kindFields;
    const std::pair<const std::string, const Json *> *m_lastKind = nullptr;  // in m_kindFields (stable)
    const Table *m_lastWalked = nullptr;  // the table of the last object walked at the top
};

template<typename Visit>
void FieldIndex::walk(std::string_view kind, const Json &object, std::string_view pointer, Visit &&visit,
                      bool sameKeys)
{
    walkObject(kind, documentFields(kind), object, std::string(pointer), std::string(), visit, 0, sameKeys);
}

template<typename Visit>
void FieldIndex::walkObject(std::string_view kind, const Json *fields, const Json &object, const std::string &pointer,
                            const std::string &path, Visit &visit, int depth, bool sameKeys)
{
    if (!object.is_object() || depth > 16)
        return;
    Table *known = fields ? &table(fields) : nullptr;
    // The previous top-level object was looked up in the same table, key by key, in this order.
    // (A document's fields map is never an object's, so nested walks leave its positions alone.)
    bool keysKnown = false;
    if (depth == 0) {
        keysKnown = sameKeys && known && known == m_lastWalked;
        m_lastWalked = known;
    }
    std::size_t position = 0;
    for (auto it = object.begin(); it != object.end(); ++it, ++position) {
        const Table::Answer *answer = known ? &lookup(*known, fields, kind, position, it.key(), keysKnown) : nullptr;
        const FieldInfo *info = answer ? answer->info.get() : nullptr;
        const bool aliased = answer && answer->aliased;
        const std::uint64_t rules = info ? info->rules : m_unknownRules;
        if (rules)
            visit(FieldVisit{it.key(), *it, info, rules, aliased, pointer, path});
        if (!info || !info->childFields || !(it->is_object() || it->is_array()))
            continue;
        const std::string childPointer = pointerAppend(pointer, it.key());
        const std::string childPath = pointerAppend(path, it.key());
        if (it->is_object()) {
            walkObject(kind, info->childFields, *it, childPointer, childPath, visit, depth + 1);
        } else {
            for (std::size_t i = 0; i < it->size(); ++i)
                walkObject(kind, info->childFields, (*it)[i], pointerAppend(childPointer, i), childPath + "/*", visit,
                           depth + 1);
        }
    }
}

} // namespace paytriage
