#include "catalogcommand.h"

#include "output.h"

#include "catalog/catalog.h"
#include "util/i18n.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace paytriage::cli {
namespace {

QString tr(const char *source)
{
    return QCoreApplication::translate("paytriage::cli", source);
}

std::string joined(const Json *list, const Catalog *catalog, Language lang)
{
    std::string out;
    if (!list || !list->is_array())
        return out;
    for (const Json &item : *list) {
        std::string text = item.is_string() ? item.get<std::string>() : item.dump();
        if (catalog && item.is_string())
            text = catalog->message("who." + text).title.in(lang);
        out += (out.empty() ? "" : ", ") + text;
    }
    return out;
}

} // namespace

int runExplain(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Explain Toss Payments error codes: meaning, likely causes, what to check, "
                                        "who has to act and the HTTP status."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("code"), tr("One or more error codes, e.g. NOT_FOUND_PAYMENT."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const Language lang = chosenLanguage(parser);
    const QStringList codes = parser.positionalArguments();
    if (codes.isEmpty()) {
        err(tr("Name at least one error code, e.g. paytriage-cli explain NOT_FOUND_PAYMENT"));
        return ExitFailed;
    }
    const Catalog catalog = loadCatalog();
    const bool json = wantsJson(parser);
    Json all = Json::array();
    bool allKnown = true;
    for (const QString &code : codes) {
        const std::string c = code.trimmed().toUpper().toStdString();
        const Json *entry = catalog.error(c);
        if (!entry) {
            allKnown = false;
            err(tr("%1 is not in the catalog. Toss Payments adds codes without notice: check the message that came "
                   "with it, or add the code to the catalog override.").arg(QString::fromStdString(c)));
            continue;
        }
        if (json) {
            all.push_back({{"code", c},
                           {"http", entry->value("http", Json::array())},
                           {"whoActs", entry->value("whoActs", Json::array())},
                           {"retry", entry->value("retry", std::string())},
                           {"meaning", Catalog::text(*entry, "meaning").in(lang)},
                           {"causes", Catalog::text(*entry, "causes").in(lang)},
                           {"check", Catalog::text(*entry, "check").in(lang)},
                           {"confirmed", entry->value("confirmed", true)}});
            continue;
        }
        const std::string http = joined(entry->contains("http") ? &(*entry)["http"] : nullptr, nullptr, lang);
        std::string text = c + "  (HTTP " + (http.empty() ? std::string("?") : http) + ")\n";
        text += "  " + tr("Meaning").toStdString() + ": " + Catalog::text(*entry, "meaning").in(lang) + '\n';
        text += "  " + tr("Likely causes").toStdString() + ": " + Catalog::text(*entry, "causes").in(lang) + '\n';
        text += "  " + tr("What to check").toStdString() + ": " + Catalog::text(*entry, "check").in(lang) + '\n';
        text += "  " + tr("Who acts").toStdString() + ": "
                + joined(entry->contains("whoActs") ? &(*entry)["whoActs"] : nullptr, &catalog, lang) + '\n';
        if (!entry->value("confirmed", true))
            text += "  " + tr("Note: the sources disagree or are silent on part of this entry.").toStdString() + '\n';
        out(text + '\n');
    }
    if (json)
        out(all.dump(2) + '\n');
    return allKnown ? ExitClean : ExitFailed;
}

int runCatalog(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show where the catalog override file goes, or print the catalog in effect."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("path"), tr("Print the path of the user's catalog override file.")});
    parser.addOption({QStringLiteral("dump"), tr("Print the catalog in effect (built-in merged with the override) as JSON.")});
    if (!parser.parse(arguments)) {
        err(parser.errorText());
        return ExitFailed;
    }
    if (parser.isSet(QStringLiteral("path"))) {
        out(Catalog::defaultOverridePath().toStdString() + '\n');
        return ExitClean;
    }
    if (parser.isSet(QStringLiteral("dump"))) {
        out(loadCatalog().root().dump(2) + '\n');
        return ExitClean;
    }
    out(parser.helpText().toStdString());
    return parser.isSet(QStringLiteral("help")) ? ExitClean : ExitFailed;
}

} // namespace paytriage::cli
