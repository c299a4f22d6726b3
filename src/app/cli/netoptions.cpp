#include "netoptions.h"

#include "output.h"

#include "net/profilestore.h"
#include "net/secretstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QSettings>

namespace paytriage::cli {
namespace {

QString tr(const char *source)
{
    return QCoreApplication::translate("paytriage::cli", source);
}

struct KeychainAnswer
{
    QString secret;
    QString error;
    QString unavailable;  // why the keychain could not be asked, when it could not
};

// The CLI may wait: a keychain read is asynchronous (it may even ask the user to unlock), and
// without a keychain service it fails at once rather than hang.
KeychainAnswer readKeychain(const QString &profile)
{
    KeychainSecretStore store;
    KeychainAnswer answer;
    QEventLoop loop;
    QObject::connect(&store, &SecretStore::persistenceUnavailable, &loop,
                     [&answer](const QString &reason) { answer.unavailable = reason; });
    QObject::connect(&store, &SecretStore::readFinished, &loop,
                     [&answer, &loop](const QString &, const QString &secret, const QString &error) {
                         answer.secret = secret;
                         answer.error = error;
                         loop.quit();
                     });
    store.read(profile);
    loop.exec();
    return answer;
}

std::optional<ClientConfig> profileConfig(const QCommandLineParser &parser, Language language, SecretKeyUse use)
{
    const QString name = parser.value(QStringLiteral("profile")).trimmed();
    const auto settings = openUserSettings();
    const ProfileStore store(*settings);
    const auto profile = store.profile(name);
    if (!profile) {
        QStringList names;
        for (const MerchantProfile &p : store.profiles())
            names << p.name;
        err(names.isEmpty()
                ? tr("No merchant profile named \"%1\": there are no profiles in %2 yet. Add one in the console's "
                     "Settings, or use --base-url with PAYTRIAGE_SECRET_KEY.")
                      .arg(name, QDir::toNativeSeparators(settings->fileName()))
                : tr("No merchant profile named \"%1\". The profiles are: %2.").arg(name, names.join(QStringLiteral(", "))));
        return std::nullopt;
    }

    QString secret;
    if (use == SecretKeyUse::Required) {
        // The profile's own key first: an exported PAYTRIAGE_SECRET_KEY may belong to another
        // merchant, and --profile says which merchant is meant. The variable serves where no
        // keychain runs (CI, servers).
        const KeychainAnswer answer = readKeychain(profile->name);
        secret = answer.secret;
        if (secret.isEmpty())
            secret = qEnvironmentVariable("PAYTRIAGE_SECRET_KEY");
        if (secret.isEmpty()) {
            if (!answer.error.isEmpty())
                err(answer.error);
            else if (!answer.unavailable.isEmpty())
                err(tr("The keychain cannot be read here, so the secret key of profile \"%1\" is not available; set "
                       "PAYTRIAGE_SECRET_KEY.")
                        .arg(profile->name));
            else
                err(tr("No secret key is stored for profile \"%1\": enter it in the console's Settings, or set "
                       "PAYTRIAGE_SECRET_KEY.")
                        .arg(profile->name));
            return std::nullopt;
        }
    }
    ClientConfig config = clientConfigFor(*profile, secret, language);
    if (parser.isSet(QStringLiteral("api-version")))
        config.apiVersion = parser.value(QStringLiteral("api-version"));
    return config;
}

} // namespace

void addNetworkOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("profile"),
                      tr("Merchant profile set up in the console (base URL, API version, Apps-in-Toss certificate); "
                         "its secret key comes from the keychain, else from PAYTRIAGE_SECRET_KEY."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("base-url"),
                      tr("API base URL (default https://api.tosspayments.com; http:// only to this computer)."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("apps-in-toss-url"),
                      tr("Apps-in-Toss API base URL (default https://apps-in-toss-api.toss.im; http:// only to this "
                         "computer)."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("api-version"),
                      tr("Send this TossPayments-API-Version header."),
                      QStringLiteral("version")});
}

std::optional<ClientConfig> clientConfig(const QCommandLineParser &parser, Language language, SecretKeyUse use)
{
    std::optional<ClientConfig> config;
    if (parser.isSet(QStringLiteral("profile"))) {
        for (const char *option : {"base-url", "apps-in-toss-url"}) {
            if (parser.isSet(QLatin1String(option))) {
                err(tr("--profile and --%1 cannot be used together: the profile names its own addresses.")
                        .arg(QLatin1String(option)));
                return std::nullopt;
            }
        }
        config = profileConfig(parser, language, use);
        if (!config)
            return std::nullopt;
    } else {
        config.emplace();
        if (parser.isSet(QStringLiteral("base-url")))
            config->baseUrl = QUrl(parser.value(QStringLiteral("base-url")));
        if (parser.isSet(QStringLiteral("apps-in-toss-url")))
            config->appsInTossBaseUrl = QUrl(parser.value(QStringLiteral("apps-in-toss-url")));
        if (use == SecretKeyUse::Required)
            config->secretKey = qEnvironmentVariable("PAYTRIAGE_SECRET_KEY");
        config->apiVersion = parser.value(QStringLiteral("api-version"));
        config->language = language;
    }
    const auto problem = use == SecretKeyUse::Required ? config->problem() : config->appsInTossProblem();
    if (problem) {
        err(*problem);
        return std::nullopt;
    }
    // Reads only, but real customers' data: say so where scripts and people see it.
    if (use == SecretKeyUse::Required && config->secretKey.startsWith(QLatin1String("live_")))
        err(tr("Using a LIVE secret key (live_…): read-only calls on real payments."));
    return config;
}

ProfileProvenance profileProvenance(const QCommandLineParser &parser)
{
    ProfileProvenance p;
    p.profile = parser.value(QStringLiteral("profile")).trimmed();
    if (p.profile.isEmpty())
        return p;
    const auto settings = openUserSettings();
    if (const auto profile = ProfileStore(*settings).profile(p.profile))
        p.mid = profile->mid;
    return p;
}

QString keychainSecret(const QString &name)
{
    return readKeychain(name).secret;
}

} // namespace paytriage::cli
