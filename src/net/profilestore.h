#pragma once

// Merchant profiles in the user's settings (QSettings), shared by the console and the CLI.
// Never holds a secret key: those live in the keychain (SecretStore) under the profile's name.
//
// Layout (as INI):  [profiles]  <name, percent-encoded>\name=…, \mid=…, \baseUrl=…, \apiVersion=…,
//                            \appsInTossBaseUrl=…, \clientCertificate=…, \clientKey=…
//                [state]     lastProfile=…

#include "net/profile.h"
#include "net/tossclient.h"

#include <memory>
#include <optional>
#include <vector>

class QSettings;

namespace paytriage {

class ProfileStore final
{
public:
    // settings must outlive the store (tests pass a temporary INI file).
    explicit ProfileStore(QSettings &settings);

    std::vector<MerchantProfile> profiles() const;          // sorted by name
    std::optional<MerchantProfile> profile(const QString &name) const;
    void save(const MerchantProfile &profile);               // adds or replaces by name
    void remove(const QString &name);
    QString lastUsed() const;
    void setLastUsed(const QString &name);

    QSettings &settings() const { return m_settings; }

private:
    QSettings &m_settings;
};

// The one settings store of the console and the CLI, whatever names their main() sets: the
// native format for organization "PayTriage", application "PayTriage" (what `QSettings()` gives
// when main() set those names, as both do) — on Linux $XDG_CONFIG_HOME/PayTriage/PayTriage.conf
// (~/.config/PayTriage/PayTriage.conf, INI text), on macOS ~/Library/Preferences/com.paytriage.PayTriage.plist,
// on Windows the registry key HKEY_CURRENT_USER\Software\PayTriage\PayTriage.
std::unique_ptr<QSettings> openUserSettings();

// The client settings of a profile, with the secret key fetched from the SecretStore.
ClientConfig clientConfigFor(const MerchantProfile &profile, const QString &secretKey, Language language);

} // namespace paytriage
