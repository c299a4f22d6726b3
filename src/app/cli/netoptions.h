#pragma once

#include "net/tossclient.h"

#include <optional>

class QCommandLineParser;

namespace paytriage::cli {

// --profile, --base-url, --apps-in-toss-url and --api-version, shared by the commands that call
// the API.
void addNetworkOptions(QCommandLineParser &parser);

enum class SecretKeyUse {
    Required,   // the Toss Payments core API (Basic auth)
    NotNeeded   // Apps-in-Toss only: the mTLS certificate authenticates; no secret key is read
};

// The client settings from those options. With --profile NAME: the profile's base URL, API
// version and Apps-in-Toss settings from the settings file the console writes (see
// openUserSettings()), and the secret key from the profile's keychain entry, else from
// PAYTRIAGE_SECRET_KEY. Without: --base-url and PAYTRIAGE_SECRET_KEY. Never from the command
// line. nullopt, with the reason on stderr, when they cannot be used (exit status 2).
std::optional<ClientConfig> clientConfig(const QCommandLineParser &parser, Language language,
                                         SecretKeyUse secretKey = SecretKeyUse::Required);

// The keychain's entry of that name (a team history's password), or empty: none stored, or no
// keychain here.
QString keychainSecret(const QString &name);

// Where a lookup came from, for the evidence history: --profile's name and its MID (empty
// without a profile).
struct ProfileProvenance
{
    QString profile;
    QString mid;
};
ProfileProvenance profileProvenance(const QCommandLineParser &parser);

} // namespace paytriage::cli
