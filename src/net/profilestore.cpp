#include "profilestore.h"

#include <QSettings>

#include <algorithm>

namespace paytriage {
namespace {

constexpr auto profilesGroup = QLatin1String("profiles");
constexpr auto lastProfileKey = QLatin1String("state/lastProfile");

// A profile name as one settings group: QSettings reserves "/" and "\" in keys, and a name
// may hold anything the user typed.
QString groupOf(const QString &name)
{
    return profilesGroup + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(name));
}

QUrl urlOrDefault(const QString &text, const QUrl &fallback)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? fallback : QUrl(trimmed);
}

MerchantProfile readProfile(QSettings &settings, const QString &group)
{
    settings.beginGroup(group);
    MerchantProfile p;
    p.name = settings.value(QStringLiteral("name")).toString();
    p.mid = settings.value(QStringLiteral("mid")).toString();
    p.baseUrl = urlOrDefault(settings.value(QStringLiteral("baseUrl")).toString(), MerchantProfile().baseUrl);
    p.apiVersion = settings.value(QStringLiteral("apiVersion")).toString();
    p.appsInTossBaseUrl = urlOrDefault(settings.value(QStringLiteral("appsInTossBaseUrl")).toString(), QUrl());
    p.clientCertificatePath = settings.value(QStringLiteral("clientCertificate")).toString();
    p.clientKeyPath = settings.value(QStringLiteral("clientKey")).toString();
    settings.endGroup();
    return p;
}

} // namespace

ProfileStore::ProfileStore(QSettings &settings)
    : m_settings(settings)
{
}

std::vector<MerchantProfile> ProfileStore::profiles() const
{
    std::vector<MerchantProfile> result;
    m_settings.beginGroup(profilesGroup);
    const QStringList groups = m_settings.childGroups();
    m_settings.endGroup();
    for (const QString &group : groups) {
        MerchantProfile p = readProfile(m_settings, profilesGroup + QLatin1Char('/') + group);
        if (!p.name.isEmpty())  // a hand-edited group without a name is not a profile
            result.push_back(std::move(p));
    }
    std::sort(result.begin(), result.end(), [](const MerchantProfile &a, const MerchantProfile &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return result;
}

std::optional<MerchantProfile> ProfileStore::profile(const QString &name) const
{
    if (name.isEmpty() || !m_settings.contains(QString(groupOf(name) + QLatin1String("/name"))))
        return std::nullopt;
    return readProfile(m_settings, groupOf(name));
}

void ProfileStore::save(const MerchantProfile &p)
{
    Q_ASSERT(!p.name.isEmpty());
    m_settings.remove(groupOf(p.name));  // no stale keys from an older layout
    m_settings.beginGroup(groupOf(p.name));
    m_settings.setValue(QStringLiteral("name"), p.name);
    m_settings.setValue(QStringLiteral("mid"), p.mid);
    m_settings.setValue(QStringLiteral("baseUrl"), p.baseUrl.toString());
    m_settings.setValue(QStringLiteral("apiVersion"), p.apiVersion);
    m_settings.setValue(QStringLiteral("appsInTossBaseUrl"), p.appsInTossBaseUrl.toString());
    m_settings.setValue(QStringLiteral("clientCertificate"), p.clientCertificatePath);
    m_settings.setValue(QStringLiteral("clientKey"), p.clientKeyPath);
    m_settings.endGroup();
}

void ProfileStore::remove(const QString &name)
{
    if (name.isEmpty())
        return;
    m_settings.remove(groupOf(name));
    if (lastUsed() == name)
        m_settings.remove(lastProfileKey);
}

QString ProfileStore::lastUsed() const
{
    return m_settings.value(lastProfileKey).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    m_settings.setValue(lastProfileKey, name);
}

std::unique_ptr<QSettings> openUserSettings()
{
    // Exactly what a default-constructed QSettings gives a main() that set these names, so code
    // that writes `QSettings settings;` in the console reads and writes the same store.
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("PayTriage"),
                                       QStringLiteral("PayTriage"));
}

ClientConfig clientConfigFor(const MerchantProfile &profile, const QString &secretKey, Language language)
{
    ClientConfig config;
    config.baseUrl = profile.baseUrl.isEmpty() ? MerchantProfile().baseUrl : profile.baseUrl;
    config.secretKey = secretKey;
    config.apiVersion = profile.apiVersion.trimmed();
    config.language = language;
    if (!profile.appsInTossBaseUrl.isEmpty())
        config.appsInTossBaseUrl = profile.appsInTossBaseUrl;
    config.clientCertificatePath = profile.clientCertificatePath;
    config.clientKeyPath = profile.clientKeyPath;
    return config;
}

} // namespace paytriage
