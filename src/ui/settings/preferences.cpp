#include "preferences.h"

#include "util/i18n.h"

#include <QSettings>

#include <algorithm>

namespace paytriage {
namespace {

constexpr auto languageKey = QLatin1String("general/language");
constexpr auto rulesGroup = QLatin1String("rules");
constexpr auto historyLocationKey = QLatin1String("history/location");
constexpr auto keepDaysKey = QLatin1String("history/keepDays");

} // namespace

Preferences loadPreferences(QSettings &settings)
{
    Preferences p;
    const QString code = settings.value(languageKey).toString();
    p.language = code == QLatin1String("ko")   ? Language::Korean
                 : code == QLatin1String("en") ? Language::English
                                               : systemLanguage();
    settings.beginGroup(rulesGroup);
    const QStringList rules = settings.childKeys();
    for (const QString &rule : rules) {
        Severity severity;
        if (severityFromId(settings.value(rule).toString().toStdString(), &severity))
            p.severityOverrides.emplace(rule.toStdString(), severity);
    }
    settings.endGroup();
    p.historyLocation = settings.value(historyLocationKey).toString().trimmed();
    p.keepDays = std::clamp(settings.value(keepDaysKey, 0).toInt(), 0, 36500);
    return p;
}

void savePreferences(QSettings &settings, const Preferences &preferences)
{
    settings.setValue(languageKey, QString::fromLatin1(languageCode(preferences.language).data(), 2));
    settings.remove(rulesGroup);  // an override set back to the default is gone, not kept
    settings.beginGroup(rulesGroup);
    for (const auto &[rule, severity] : preferences.severityOverrides)
        settings.setValue(QString::fromStdString(rule), QString::fromLatin1(severityId(severity).data(),
                                                                            qsizetype(severityId(severity).size())));
    settings.endGroup();
    if (preferences.historyLocation.isEmpty())
        settings.remove(historyLocationKey);
    else
        settings.setValue(historyLocationKey, preferences.historyLocation);
    settings.setValue(keepDaysKey, preferences.keepDays);
}

} // namespace paytriage
