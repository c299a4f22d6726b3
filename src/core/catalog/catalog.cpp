#include "catalog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace paytriage {
namespace {

// Each file and where its content sits in the merged catalog ("" = at the top).
struct CatalogFile
{
    const char *name;
    const char *key;
};
const CatalogFile catalogFiles[] = {
    {"fields.json", ""}, {"enums.json", "enums"}, {"errors.json", "errors"}, {"messages.json", "messages"}};

const Json *member(const Json *object, std::string_view key)
{
    if (!object || !object->is_object())
        return nullptr;
    const auto it = object->find(key);
    return it == object->end() ? nullptr : &*it;
}

QString fingerprint(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(12));
}

struct BuiltIn
{
    std::shared_ptr<const Json> root;
    QString version;
};

BuiltIn readBuiltIn()
{
    Json root = Json::object();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const CatalogFile &part : catalogFiles) {
        QFile file(QStringLiteral(":/catalog/") + QLatin1String(part.name));
        if (!file.open(QIODevice::ReadOnly))
            continue;  // a build without that part of the catalog still runs
        const QByteArray bytes = file.readAll();
        hash.addData(QByteArrayView(part.name, qstrlen(part.name) + 1));  // the name, ended by its NUL
        hash.addData(bytes);
        Json content = Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
        if (!content.is_object())
            continue;
        if (*part.key)
            root[part.key] = std::move(content);
        else
            root.merge_patch(content);
    }
    return {std::make_shared<const Json>(std::move(root)),
            QStringLiteral("built-in:") + QString::fromLatin1(hash.result().toHex().left(12))};
}

} // namespace

Catalog::Catalog(std::shared_ptr<const Json> root, QString version)
    : m_root(std::move(root)), m_version(std::move(version))
{
}

Catalog Catalog::builtIn()
{
    // Parsed once per process; the built-in catalog never changes while running.
    static const BuiltIn shared = readBuiltIn();
    return Catalog(shared.root, shared.version);
}

Catalog Catalog::fromJson(Json root)
{
    QString version = QStringLiteral("json:") + fingerprint(QByteArray::fromStdString(root.dump()));
    return Catalog(std::make_shared<const Json>(std::move(root)), std::move(version));
}

QString Catalog::defaultOverridePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    return QDir(dir.isEmpty() ? QDir::homePath() : dir).filePath(QStringLiteral("catalog-override.json"));
}

Catalog Catalog::withOverride(const QString &overridePath, std::vector<QString> *problems)
{
    Catalog base = builtIn();
    if (overridePath.isEmpty() || !QFileInfo::exists(overridePath))
        return base;
    QFile file(overridePath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (problems)
            problems->push_back(QStringLiteral("%1: %2").arg(overridePath, file.errorString()));
        return base;
    }
    const QByteArray bytes = file.readAll();
    Json patch = Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (!patch.is_object()) {
        if (problems)
            problems->push_back(overridePath);
        return base;
    }
    Json merged = *base.m_root;
    merged.merge_patch(patch);
    return Catalog(std::make_shared<const Json>(std::move(merged)), base.m_version + QStringLiteral(" + override:") + fingerprint(bytes));
}

const Json *Catalog::documentFields(std::string_view kind) const
{
    return member(member(member(m_root.get(), "documents"), kind), "fields");
}

const Json *Catalog::objectFields(std::string_view object) const
{
    return member(member(member(m_root.get(), "objects"), object), "fields");
}

std::string Catalog::aliasOf(std::string_view kind, std::string_view key) const
{
    const Json *alias = member(member(member(m_root.get(), "aliases"), kind), key);
    return alias && alias->is_string() ? alias->get<std::string>() : std::string();
}

const Json *Catalog::field(const Json *fields, std::string_view key, std::string_view kind) const
{
    if (const Json *spec = member(fields, key))
        return spec;
    if (!kind.empty()) {
        const std::string canonical = aliasOf(kind, key);
        if (!canonical.empty())
            return member(fields, canonical);
    }
    return nullptr;
}

const Json *Catalog::childFields(const Json *fieldSpec) const
{
    const Json *object = member(fieldSpec, "object");
    if (!object || !object->is_string())
        return member(fieldSpec, "fields");
    return objectFields(object->get_ref<const std::string &>());
}

const Json *Catalog::enumSpec(std::string_view enumId) const
{
    return member(member(m_root.get(), "enums"), enumId);
}

const Json *Catalog::enumValue(std::string_view enumId, std::string_view value) const
{
    const Json *spec = enumSpec(enumId);
    if (const Json *v = member(member(spec, "values"), value))
        return v;
    return member(member(spec, "newer"), value);
}

bool Catalog::isNewerEnumValue(std::string_view enumId, std::string_view value) const
{
    return member(member(enumSpec(enumId), "newer"), value) != nullptr;
}

const Json *Catalog::error(std::string_view code) const
{
    return member(member(m_root.get(), "errors"), code);
}

std::vector<std::string> Catalog::errorCodes() const
{
    std::vector<std::string> codes;
    if (const Json *errors = member(m_root.get(), "errors"); errors && errors->is_object()) {
        for (auto it = errors->begin(); it != errors->end(); ++it)
            codes.push_back(it.key());
    }
    return codes;
}

MessageTexts Catalog::message(std::string_view key) const
{
    const Json *messages = member(m_root.get(), "messages");
    const Json *entry = member(messages, key);
    if (!entry) {
        const std::string_view rule = key.substr(0, key.find('.'));
        entry = member(messages, std::string(rule) + ".default");
    }
    if (!entry)
        return {{std::string(key), std::string(key)}, {}, {}};
    return {text(*entry, "title"), text(*entry, "detail"), text(*entry, "advice")};
}

LocalizedText Catalog::ruleName(std::string_view rule) const
{
    return text(member(member(member(m_root.get(), "messages"), "rule." + std::string(rule)), "title"));
}

std::vector<std::string> Catalog::ruleSeverities(std::string_view rule) const
{
    std::vector<std::string> severities;
    const Json *listed = member(member(member(m_root.get(), "messages"), "rule." + std::string(rule)), "severities");
    if (listed && listed->is_array())
        for (const Json &severity : *listed)
            if (severity.is_string())
                severities.push_back(severity.get<std::string>());
    return severities;
}

LocalizedText Catalog::text(const Json *node)
{
    LocalizedText t;
    if (const Json *ko = member(node, "ko"); ko && ko->is_string())
        t.ko = ko->get<std::string>();
    if (const Json *en = member(node, "en"); en && en->is_string())
        t.en = en->get<std::string>();
    return t;
}

LocalizedText Catalog::text(const Json &parent, std::string_view key)
{
    return text(member(&parent, key));
}

} // namespace paytriage
