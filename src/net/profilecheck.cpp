#include "profilecheck.h"

#include "net/profilestore.h"
#include "net/tossclient.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace paytriage {
namespace {

// Every message is marked with QT_TRANSLATE_NOOP, so lupdate files it under this context, and
// translated where it is made.
constexpr char context[] = "paytriage::ProfileCheck";

QString translated(const char *text)
{
    return QCoreApplication::translate(context, text);
}

// The client's own rule for addresses: https, or plain http to loopback only (the sandbox).
// Said here before saving, so a profile the client would refuse is never stored.
QString urlProblem(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return translated(QT_TRANSLATE_NOOP("paytriage::ProfileCheck", "Not a valid address: use https://host."));
    if (url.scheme() == QLatin1String("http") && !isLoopbackHost(url.host()))
        return translated(QT_TRANSLATE_NOOP("paytriage::ProfileCheck",
                                            "Plain http:// is allowed only to this computer (127.0.0.1, localhost); "
                                            "use https://."));
    return QString();
}

const char *secretKeyProblem(const SecretKeyState &key)
{
    const QString typed = key.typed.trimmed();
    if (typed.isEmpty())
        return key.checked && !key.stored
                   ? QT_TRANSLATE_NOOP("paytriage::ProfileCheck",
                                       "No secret key is stored yet: lookups with this profile need one.")
                   : nullptr;
    static const QRegularExpression space(QStringLiteral("\\s"));
    if (typed.contains(space))
        return QT_TRANSLATE_NOOP("paytriage::ProfileCheck",
                                 "The key contains spaces or line breaks; paste it again without them.");
    if (looksLikeClientKey(typed))
        return QT_TRANSLATE_NOOP("paytriage::ProfileCheck",
                                 "This is a client key, meant for browsers. Lookups need the secret key: test_sk_… or "
                                 "live_sk_… (test_gsk_… or live_gsk_… for the payment widget).");
    if (!typed.startsWith(QLatin1String("test_")) && !typed.startsWith(QLatin1String("live_")))
        return QT_TRANSLATE_NOOP("paytriage::ProfileCheck",
                                 "Secret keys start with test_ or live_; check that this is the secret key from the "
                                 "developer center.");
    if (keyModeOf(typed) == KeyMode::Live)
        return QT_TRANSLATE_NOOP("paytriage::ProfileCheck",
                                 "A live key: lookups read real payments (read-only; nothing is changed).");
    return nullptr;
}

} // namespace

std::vector<ProfileProblem> profileProblems(const MerchantProfile &profile, const SecretKeyState &key,
                                            const QStringList &otherNames)
{
    std::vector<ProfileProblem> problems;
    auto add = [&problems](ProfileField field, const QString &message, bool blocking) {
        if (!message.isEmpty())
            problems.push_back({field, message, blocking});
    };

    const QString name = profile.name.trimmed();
    const bool taken = std::any_of(otherNames.begin(), otherNames.end(), [&name](const QString &other) {
        return other.trimmed().compare(name, Qt::CaseInsensitive) == 0;
    });
    if (name.isEmpty())
        add(ProfileField::Name, translated(QT_TRANSLATE_NOOP("paytriage::ProfileCheck", "Give the profile a name.")), true);
    else if (taken)
        add(ProfileField::Name,
            translated(QT_TRANSLATE_NOOP("paytriage::ProfileCheck", "Another profile is already called \"%1\".")).arg(name),
            true);

    if (const char *problem = secretKeyProblem(key))
        add(ProfileField::SecretKey, translated(problem), false);
    add(ProfileField::BaseUrl, urlProblem(profile.baseUrl), true);

    static const QRegularExpression versionShape(QStringLiteral("^(\\d+\\.\\d+|\\d{4}-\\d{2}-\\d{2})$"));
    if (!profile.apiVersion.isEmpty() && !versionShape.match(profile.apiVersion).hasMatch())
        add(ProfileField::ApiVersion,
            translated(QT_TRANSLATE_NOOP("paytriage::ProfileCheck",
                                         "API versions look like 2022-11-16 or 1.4; the provider may refuse this one.")),
            false);

    // Apps-in-Toss: its address, then the certificate pair; one problem at a time, the first to fix.
    const QString appsInTossUrl = profile.appsInTossBaseUrl.isEmpty() ? QString() : urlProblem(profile.appsInTossBaseUrl);
    const bool hasCertificate = !profile.clientCertificatePath.isEmpty();
    const bool hasKey = !profile.clientKeyPath.isEmpty();
    if (!appsInTossUrl.isEmpty()) {
        add(ProfileField::AppsInTossUrl, appsInTossUrl, true);
    } else if (hasCertificate && !hasKey) {
        add(ProfileField::ClientKey,
            translated(QT_TRANSLATE_NOOP("paytriage::ProfileCheck", "Choose the certificate's private key too.")), true);
    } else if (hasKey && !hasCertificate) {
        add(ProfileField::ClientCertificate,
            translated(QT_TRANSLATE_NOOP("paytriage::ProfileCheck", "Choose the certificate of this private key too.")),
            true);
    } else if (hasCertificate) {
        // The files as the client will load them. A warning only: they may be on a drive that is
        // not mounted right now, and the rest of the profile is usable without them.
        if (const auto problem = clientConfigFor(profile, QString(), Language::English).appsInTossProblem())
            add(ProfileField::ClientCertificate, *problem, false);
    }
    return problems;
}

bool blocksSaving(const std::vector<ProfileProblem> &problems)
{
    return std::any_of(problems.begin(), problems.end(), [](const ProfileProblem &p) { return p.blocking; });
}

} // namespace paytriage
