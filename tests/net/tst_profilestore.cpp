// Merchant profiles in a settings file, secret keys beside them (never in them), and the client
// settings a profile gives.

#include "net/profilestore.h"
#include "net/secretstore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace paytriage;

namespace {

const QString secret = QStringLiteral("test_sk_ProfileStoreSecretNeverOnDisk42");

MerchantProfile shopProfile()
{
    MerchantProfile p;
    // "/" and "\" are reserved in settings keys, and names are whatever the user typed.
    p.name = QStringLiteral("Shop / 본점 \\ #1");
    p.mid = QStringLiteral("tvivarepublica");
    p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8123"));
    p.apiVersion = QStringLiteral("2022-11-16");
    p.appsInTossBaseUrl = QUrl(QStringLiteral("https://apps-in-toss-api.toss.im"));
    p.clientCertificatePath = QStringLiteral("/home/support/certs/ait-client.pem");
    p.clientKeyPath = QStringLiteral("/home/support/certs/ait-client.key");
    return p;
}

MerchantProfile plainProfile()
{
    MerchantProfile p;
    p.name = QStringLiteral("Another merchant");
    p.mid = QStringLiteral("mid-2");
    return p;  // the defaults: the real API, the merchant's own version, no Apps-in-Toss
}

} // namespace

class TestProfileStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keyModeOf_data();
    void keyModeOf();
    void profilesRoundTripThroughTheFile();
    void removingForgetsTheLastUsed();
    void secretGoesToTheStoreNeverToTheFile();
    void sessionStoreAnswersAfterTheCall();
    void keychainWithoutDBusKeepsSecretsForTheSession();
    void clientConfigForAProfile();
    void clientConfigKeepsTheDefaultAppsInTossHost();
    void userSettingsFileIsSharedByConsoleAndCli();

private:
    QTemporaryDir m_dir;
    QString m_configHome;
};

void TestProfileStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Before any QSettings exists: Qt reads the config location once per process.
    m_configHome = m_dir.filePath(QStringLiteral("config"));
    qputenv("XDG_CONFIG_HOME", m_configHome.toLocal8Bit());
}

void TestProfileStore::keyModeOf_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<KeyMode>("mode");
    // Prefixes from the facts sheet §1.
    QTest::newRow("test secret key") << "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R" << KeyMode::Test;
    QTest::newRow("test widget secret key") << "test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6" << KeyMode::Test;
    QTest::newRow("legacy test secret key") << "test_ak_ZORzdMaqN3wQd5k6ygr5AkYXQGwy" << KeyMode::Test;
    QTest::newRow("live secret key") << "live_sk_abcdef" << KeyMode::Live;
    QTest::newRow("live widget secret key") << "live_gsk_abcdef" << KeyMode::Live;
    // Client keys are for browsers: not a secret key, so no mode is claimed for them.
    QTest::newRow("test client key") << "test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq" << KeyMode::Unknown;
    QTest::newRow("live widget client key") << "live_gck_abcdef" << KeyMode::Unknown;
    QTest::newRow("upper-case prefix") << "TEST_SK_abcdef" << KeyMode::Unknown;
    QTest::newRow("prefix not at the start") << " test_sk_abcdef" << KeyMode::Unknown;
    QTest::newRow("only the word test") << "test_abcdef" << KeyMode::Unknown;
    QTest::newRow("empty") << QString() << KeyMode::Unknown;
}

void TestProfileStore::keyModeOf()
{
    QFETCH(QString, key);
    QFETCH(KeyMode, mode);
    QCOMPARE(paytriage::keyModeOf(key), mode);
}

void TestProfileStore::profilesRoundTripThroughTheFile()
{
    const QString path = m_dir.filePath(QStringLiteral("roundtrip.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(settings);
        QVERIFY(store.profiles().empty());
        store.save(shopProfile());
        store.save(plainProfile());
        store.setLastUsed(shopProfile().name);
    }
    // A new QSettings on the same file: what was saved is what comes back.
    QSettings settings(path, QSettings::IniFormat);
    ProfileStore store(settings);
    const std::vector<MerchantProfile> all = store.profiles();
    QCOMPARE(all.size(), std::size_t(2));
    // Sorted by name: "Another…" before "Shop…".
    QCOMPARE(all[0], plainProfile());
    QCOMPARE(all[1], shopProfile());
    QCOMPARE(store.profile(shopProfile().name), std::optional<MerchantProfile>(shopProfile()));
    QCOMPARE(store.profile(plainProfile().name)->baseUrl, QUrl(QStringLiteral("https://api.tosspayments.com")));
    QVERIFY(!store.profile(plainProfile().name)->hasAppsInToss());
    QVERIFY(!store.profile(QStringLiteral("Nobody")));
    QCOMPARE(store.lastUsed(), shopProfile().name);

    // Saving under the same name replaces, it does not add.
    MerchantProfile changed = plainProfile();
    changed.apiVersion = QStringLiteral("1.4");
    store.save(changed);
    QCOMPARE(store.profiles().size(), std::size_t(2));
    QCOMPARE(store.profile(changed.name)->apiVersion, QStringLiteral("1.4"));
}

void TestProfileStore::removingForgetsTheLastUsed()
{
    QSettings settings(m_dir.filePath(QStringLiteral("remove.ini")), QSettings::IniFormat);
    ProfileStore store(settings);
    store.save(shopProfile());
    store.save(plainProfile());
    store.setLastUsed(shopProfile().name);
    store.remove(plainProfile().name);
    QCOMPARE(store.lastUsed(), shopProfile().name);  // another profile's removal leaves it
    store.remove(shopProfile().name);
    QVERIFY(store.profiles().empty());
    QVERIFY(store.lastUsed().isEmpty());
}

void TestProfileStore::secretGoesToTheStoreNeverToTheFile()
{
    const QString path = m_dir.filePath(QStringLiteral("secret.ini"));
    QSettings settings(path, QSettings::IniFormat);
    ProfileStore store(settings);
    SessionSecretStore secrets;
    QSignalSpy written(&secrets, &SecretStore::writeFinished);
    QSignalSpy read(&secrets, &SecretStore::readFinished);

    store.save(shopProfile());
    secrets.write(shopProfile().name, secret);
    QVERIFY(written.wait());
    QCOMPARE(written.at(0).at(0).toString(), shopProfile().name);
    QVERIFY(written.at(0).at(1).toString().isEmpty());  // no error

    secrets.read(shopProfile().name);
    QVERIFY(read.wait());
    QCOMPARE(read.at(0).at(1).toString(), secret);
    secrets.read(plainProfile().name);
    QVERIFY(read.wait());
    // Nothing stored: empty secret and empty error.
    QVERIFY(read.at(1).at(1).toString().isEmpty() && read.at(1).at(2).toString().isEmpty());

    settings.sync();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray onDisk = file.readAll();
    QVERIFY(onDisk.contains("tvivarepublica"));  // the profile is there…
    QVERIFY(!onDisk.contains(secret.toUtf8()));  // …its key is not, in any common encoding
    QVERIFY(!onDisk.contains(secret.toUtf8().toBase64()));
    QVERIFY(!onDisk.contains("ProfileStoreSecret"));
}

void TestProfileStore::sessionStoreAnswersAfterTheCall()
{
    SessionSecretStore secrets;
    QSignalSpy written(&secrets, &SecretStore::writeFinished);
    QSignalSpy removed(&secrets, &SecretStore::removeFinished);
    QSignalSpy read(&secrets, &SecretStore::readFinished);
    secrets.write(QStringLiteral("a"), secret);
    QCOMPARE(written.size(), 0);  // queued: a caller connects after calling and still hears it
    QVERIFY(written.wait());
    secrets.remove(QStringLiteral("a"));
    QVERIFY(removed.wait());
    secrets.read(QStringLiteral("a"));
    QVERIFY(read.wait());
    QVERIFY(read.at(0).at(1).toString().isEmpty());
    QVERIFY(!secrets.persistent());
}

void TestProfileStore::keychainWithoutDBusKeepsSecretsForTheSession()
{
#ifndef Q_OS_LINUX
    QSKIP("The no-keychain case is made here by taking D-Bus away, which only means that on Linux.");
#else
    // A session bus that does not exist, as on CI and headless servers: QtKeychain must fail
    // fast and the store fall back, not hang. (Set before the first D-Bus use in this process.)
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/paytriage-test-bus");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    KeychainSecretStore secrets(nullptr, QStringLiteral("PayTriageTest"));
    QSignalSpy unavailable(&secrets, &SecretStore::persistenceUnavailable);
    QSignalSpy written(&secrets, &SecretStore::writeFinished);
    QSignalSpy read(&secrets, &SecretStore::readFinished);
    QSignalSpy removed(&secrets, &SecretStore::removeFinished);

    secrets.write(QStringLiteral("shop"), secret);
    QVERIFY(written.wait(10000));
    QCOMPARE(written.at(0).at(1).toString(), QString());  // kept, for the session
    QCOMPARE(unavailable.size(), 1);
    QVERIFY(!secrets.persistent());
    QVERIFY(!unavailable.at(0).at(0).toString().contains(secret));

    secrets.read(QStringLiteral("shop"));
    QVERIFY(read.wait(10000));
    QCOMPARE(read.at(0).at(1).toString(), secret);
    secrets.remove(QStringLiteral("shop"));
    QVERIFY(removed.wait(10000));
    secrets.read(QStringLiteral("shop"));
    QVERIFY(read.wait(10000));
    QVERIFY(read.at(1).at(1).toString().isEmpty());
    QCOMPARE(unavailable.size(), 1);  // said once, not on every operation
#endif
}

void TestProfileStore::clientConfigForAProfile()
{
    MerchantProfile p = shopProfile();
    p.apiVersion = QStringLiteral(" 2022-11-16 ");  // pasted with spaces
    const ClientConfig c = clientConfigFor(p, secret, Language::English);
    QCOMPARE(c.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8123")));
    QCOMPARE(c.secretKey, secret);
    QCOMPARE(c.apiVersion, QStringLiteral("2022-11-16"));
    QCOMPARE(c.language, Language::English);
    QCOMPARE(c.appsInTossBaseUrl, p.appsInTossBaseUrl);
    QCOMPARE(c.clientCertificatePath, p.clientCertificatePath);
    QCOMPARE(c.clientKeyPath, p.clientKeyPath);
    QVERIFY(!c.problem());  // loopback http with a key: usable
}

void TestProfileStore::clientConfigKeepsTheDefaultAppsInTossHost()
{
    const ClientConfig c = clientConfigFor(plainProfile(), QString(), Language::Korean);
    QCOMPARE(c.baseUrl, QUrl(QStringLiteral("https://api.tosspayments.com")));
    QCOMPARE(c.appsInTossBaseUrl, QUrl(QStringLiteral("https://apps-in-toss-api.toss.im")));
    QVERIFY(c.apiVersion.isEmpty());
    QVERIFY(c.problem());  // no secret key: the caller must say so, not send an empty one
}

void TestProfileStore::userSettingsFileIsSharedByConsoleAndCli()
{
    // Whatever organization and application names a main() sets, the file is the same.
    QCoreApplication::setOrganizationName(QStringLiteral("Something"));
    QCoreApplication::setApplicationName(QStringLiteral("else"));
    const auto settings = openUserSettings();
#ifdef Q_OS_LINUX
    QCOMPARE(settings->fileName(), m_configHome + QStringLiteral("/PayTriage/PayTriage.conf"));
#endif
    ProfileStore store(*settings);
    store.save(plainProfile());
    settings->sync();
    // A console main() that set its names and writes `QSettings settings;` sees the same profiles.
    QCoreApplication::setOrganizationName(QStringLiteral("PayTriage"));
    QCoreApplication::setApplicationName(QStringLiteral("PayTriage"));
    QSettings console;
    QCOMPARE(console.fileName(), settings->fileName());
    QVERIFY(ProfileStore(console).profile(plainProfile().name));
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
