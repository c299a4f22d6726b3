#include "profile.h"

namespace paytriage {

KeyMode keyModeOf(const QString &secretKey)
{
    // Secret keys only: "sk" (API individual key), "gsk" (payment-widget key), and the legacy
    // "ak" of older docs (facts §1). A client key is not a secret key, so its mode says nothing
    // about what a server call would touch.
    static const char *const kinds[] = {"sk_", "gsk_", "ak_"};
    for (const auto &[prefix, mode] : {std::pair{"test_", KeyMode::Test}, std::pair{"live_", KeyMode::Live}}) {
        if (!secretKey.startsWith(QLatin1String(prefix)))
            continue;
        const QStringView rest = QStringView(secretKey).mid(5);
        for (const char *kind : kinds)
            if (rest.startsWith(QLatin1String(kind)))
                return mode;
    }
    return KeyMode::Unknown;
}

bool looksLikeClientKey(const QString &key)
{
    for (const char *prefix : {"test_ck_", "live_ck_", "test_gck_", "live_gck_"})
        if (key.startsWith(QLatin1String(prefix)))
            return true;
    return false;
}

} // namespace paytriage
