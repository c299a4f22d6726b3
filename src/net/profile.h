#pragma once

// A merchant profile: where and how to reach the provider for one merchant (MID). Plain data,
// stored by ProfileStore in the user's settings. The secret key is NOT part of it: it lives in
// the OS keychain (SecretStore), keyed by the profile's name.

#include <QString>
#include <QUrl>

namespace paytriage {

struct MerchantProfile
{
    QString name;                      // unique; the keychain entry's key
    QString mid;                       // the merchant id (mId in responses), for the user's eyes
    QUrl baseUrl = QUrl(QStringLiteral("https://api.tosspayments.com"));
    QString apiVersion;                // TossPayments-API-Version; empty: the merchant's own (dashboard)
    // Apps-in-Toss order status: its own host and an mTLS client certificate + key (PEM files)
    // issued in the Apps-in-Toss console (facts §7.1). Empty URL: the default host.
    QUrl appsInTossBaseUrl;
    QString clientCertificatePath;
    QString clientKeyPath;

    // Something Apps-in-Toss was set up for this merchant: the in-app order status is worth asking.
    bool hasAppsInToss() const { return !appsInTossBaseUrl.isEmpty() || !clientCertificatePath.isEmpty(); }

    friend bool operator==(const MerchantProfile &, const MerchantProfile &) = default;
};

// Test or live, from the secret key's prefix (facts §1): a test key never moves real money,
// so the console shows which one a profile holds.
enum class KeyMode {
    Unknown,
    Test,
    Live
};

// test_sk_/test_gsk_ → Test, live_sk_/live_gsk_ → Live (the legacy test_ak_ secret key → Test);
// client keys (…_ck_/…_gck_, browser-only) and anything else → Unknown.
KeyMode keyModeOf(const QString &secretKey);

// A browser SDK client key (test_ck_, live_ck_, test_gck_, live_gck_) typed where the secret key
// belongs: a common mix-up worth saying out loud.
bool looksLikeClientKey(const QString &key);

} // namespace paytriage
