#pragma once

// The bilingual knowledge base (resources/catalog/*.json, see its README): fields per
// document kind, enums, error codes, aliases and finding wording. Read-only after loading;
// cheap to copy (shared data).

#include "util/text.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace paytriage {

using Json = nlohmann::ordered_json;

struct MessageTexts
{
    LocalizedText title;
    LocalizedText detail;
    LocalizedText advice;
};

class Catalog final
{
public:
    // The catalog compiled into the program (":/catalog/…"), with no override.
    static Catalog builtIn();
    // Built-in plus the user's override file merged over it (RFC 7386). A missing file is
    // fine; an unreadable or malformed one is skipped and described in problems.
    static Catalog withOverride(const QString &overridePath, std::vector<QString> *problems);
    // From a ready object (tests).
    static Catalog fromJson(Json root);

    // Where the override file is looked for: <config dir>/catalog-override.json.
    static QString defaultOverridePath();

    const Json &root() const { return *m_root; }

    // Which catalog this is, for the evidence a snapshot and a report carry:
    // "built-in:<12 hex>" (SHA-256 of the compiled-in files, so it changes exactly when they
    // do), followed by " + override:<12 hex>" (of the override file's bytes) when one was
    // merged over it; "json:<12 hex>" (of the object) for one made from JSON.
    const QString &version() const { return m_version; }

    // Fields map ({"name": FIELD}) of a document kind or a shared object; nullptr if none.
    const Json *documentFields(std::string_view kind) const;
    const Json *objectFields(std::string_view object) const;
    // FIELD spec of key within a fields map; resolves the kind's aliases. nullptr if unknown.
    const Json *field(const Json *fields, std::string_view key, std::string_view kind = {}) const;
    // The fields map that a FIELD with "object" opens (for objects and arrays of objects).
    const Json *childFields(const Json *fieldSpec) const;
    // The canonical name if key is an alias for kind, else empty.
    std::string aliasOf(std::string_view kind, std::string_view key) const;

    // Enum lookups. value(): from "values" or "newer"; nullptr when unknown.
    const Json *enumSpec(std::string_view enumId) const;
    const Json *enumValue(std::string_view enumId, std::string_view value) const;
    bool isNewerEnumValue(std::string_view enumId, std::string_view value) const;

    const Json *error(std::string_view code) const;
    std::vector<std::string> errorCodes() const;

    // Wording of a finding; falls back to "<rule>.default", then to the key itself.
    MessageTexts message(std::string_view key) const;

    // A rule as the user meets it (messages "rule.<id>"): its name, empty when the catalog has
    // none; and the severities its findings come at unless the user overrides them ("critical",
    // "warning", "info", most severe first), empty when not listed. Rules choose a severity per
    // finding, so a rule may list several.
    LocalizedText ruleName(std::string_view rule) const;
    std::vector<std::string> ruleSeverities(std::string_view rule) const;

    static LocalizedText text(const Json *node);
    static LocalizedText text(const Json &parent, std::string_view key);

private:
    Catalog(std::shared_ptr<const Json> root, QString version);
    std::shared_ptr<const Json> m_root;
    QString m_version;
};

} // namespace paytriage
