// What the settings form says about a merchant profile before it is stored: one row per problem
// (the field it is about, whether it blocks saving, words it must use) and rows of clean profiles.

#include "net/profilecheck.h"

#include "../support/testidentity.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace paytriage;
using namespace paytriage::test;

namespace {

// A profile as a new one in the form starts: a name, the real API, no Apps-in-Toss.
MerchantProfile namedProfile()
{
    MerchantProfile p;
    p.name = QStringLiteral("Sandbox shop");
    return p;
}

// Whether a key is stored, as the form knows it once the store answered.
SecretKeyState storedKey()
{
    return {QString(), true, true};
}

// A row's expected problem: "none" for a clean profile.
enum class Expect {
    None,
    Warning,
    Blocking
};

} // namespace

Q_DECLARE_METATYPE(MerchantProfile)
Q_DECLARE_METATYPE(SecretKeyState)
Q_DECLARE_METATYPE(ProfileField)
Q_DECLARE_METATYPE(Expect)

class TestProfileCheck final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void problems_data();
    void problems();
    void aTypedKeyNeverAppearsInAMessage();
    void blocksSavingOnlyForBlockingProblems();

private:
    QString file(const char *name) const { return m_files.filePath(QLatin1String(name)); }
    QTemporaryDir m_files;
};

void TestProfileCheck::initTestCase()
{
    QVERIFY(m_files.isValid());
    for (const auto &[name, content] : {std::pair{"client.pem", validCertificatePem},
                                        std::pair{"expired.pem", expiredCertificatePem},
                                        std::pair{"client.key", clientKeyPem}}) {
        QFile f(file(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
}

void TestProfileCheck::problems_data()
{
    QTest::addColumn<MerchantProfile>("profile");
    QTest::addColumn<SecretKeyState>("key");
    QTest::addColumn<QStringList>("otherNames");
    QTest::addColumn<Expect>("expect");
    QTest::addColumn<ProfileField>("field");
    QTest::addColumn<QString>("mentions");  // words the message must hold

    const QStringList noOthers;
    auto row = [&](const char *name, const MerchantProfile &p, const SecretKeyState &key, const QStringList &others,
                   Expect expect, ProfileField field = ProfileField::Name, const char *mentions = "") {
        QTest::newRow(name) << p << key << others << expect << field << QString::fromUtf8(mentions);
    };
    auto with = [](auto change) {
        MerchantProfile p = namedProfile();
        change(p);
        return p;
    };

    // Clean profiles.
    row("a named profile with its key stored", namedProfile(), storedKey(), noOthers, Expect::None);
    row("a test secret key typed", namedProfile(), {QStringLiteral("test_sk_abc"), true, false}, noOthers, Expect::None);
    row("a payment-widget test key typed", namedProfile(), {QStringLiteral("test_gsk_abc"), true, false}, noOthers,
        Expect::None);
    row("a key typed with spaces around it (trimmed when stored)", namedProfile(),
        {QStringLiteral("  test_sk_abc\n"), true, false}, noOthers, Expect::None);
    row("not yet known whether a key is stored", namedProfile(), {}, noOthers, Expect::None);
    row("the sandbox over plain http on loopback",
        with([](MerchantProfile &p) { p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8080")); }), storedKey(),
        noOthers, Expect::None);
    row("plain http to localhost",
        with([](MerchantProfile &p) { p.baseUrl = QUrl(QStringLiteral("http://localhost:8080")); }), storedKey(),
        noOthers, Expect::None);
    row("a gateway path under https",
        with([](MerchantProfile &p) { p.baseUrl = QUrl(QStringLiteral("https://gw.example.com/toss")); }), storedKey(),
        noOthers, Expect::None);
    row("a dated API version", with([](MerchantProfile &p) { p.apiVersion = QStringLiteral("2022-11-16"); }),
        storedKey(), noOthers, Expect::None);
    row("a numbered API version", with([](MerchantProfile &p) { p.apiVersion = QStringLiteral("1.4"); }), storedKey(),
        noOthers, Expect::None);
    row("a name unlike the others'", namedProfile(), storedKey(), {QStringLiteral("Live merchant")}, Expect::None);
    row("an Apps-in-Toss sandbox on loopback without a certificate",
        with([](MerchantProfile &p) { p.appsInTossBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:9090")); }),
        storedKey(), noOthers, Expect::None);
    row("a valid client certificate and its key",
        with([this](MerchantProfile &p) {
            p.clientCertificatePath = file("client.pem");
            p.clientKeyPath = file("client.key");
        }),
        storedKey(), noOthers, Expect::None);

    // The name.
    row("no name", with([](MerchantProfile &p) { p.name.clear(); }), storedKey(), noOthers, Expect::Blocking,
        ProfileField::Name, "name");
    row("a name of spaces only", with([](MerchantProfile &p) { p.name = QStringLiteral("   "); }), storedKey(), noOthers,
        Expect::Blocking, ProfileField::Name, "name");
    row("a name another profile has, in other case and spaces", namedProfile(), storedKey(),
        {QStringLiteral(" sandbox SHOP ")}, Expect::Blocking, ProfileField::Name, "already called \"Sandbox shop\"");

    // The secret key: warnings only, the profile is usable for other things meanwhile.
    row("no key stored", namedProfile(), {QString(), true, false}, noOthers, Expect::Warning, ProfileField::SecretKey,
        "No secret key is stored");
    row("a live key", namedProfile(), {QStringLiteral("live_sk_abc"), true, false}, noOthers, Expect::Warning,
        ProfileField::SecretKey, "real payments");
    row("a client key instead of the secret key", namedProfile(), {QStringLiteral("test_ck_abc"), true, false},
        noOthers, Expect::Warning, ProfileField::SecretKey, "client key");
    row("a payment-widget client key", namedProfile(), {QStringLiteral("live_gck_abc"), true, true}, noOthers,
        Expect::Warning, ProfileField::SecretKey, "client key");
    row("not a Toss key at all", namedProfile(), {QStringLiteral("sk_abc"), true, false}, noOthers, Expect::Warning,
        ProfileField::SecretKey, "start with test_ or live_");
    row("a key pasted with a line break inside", namedProfile(), {QStringLiteral("test_sk_abc\ndef"), true, false},
        noOthers, Expect::Warning, ProfileField::SecretKey, "spaces or line breaks");

    // The API address: the client refuses these, so they are never stored.
    row("plain http to a remote host",
        with([](MerchantProfile &p) { p.baseUrl = QUrl(QStringLiteral("http://api.tosspayments.com")); }), storedKey(),
        noOthers, Expect::Blocking, ProfileField::BaseUrl, "http://");
    row("an address with no host", with([](MerchantProfile &p) { p.baseUrl = QUrl(QStringLiteral("https://")); }),
        storedKey(), noOthers, Expect::Blocking, ProfileField::BaseUrl, "Not a valid address");
    row("an address of another scheme",
        with([](MerchantProfile &p) { p.baseUrl = QUrl(QStringLiteral("ftp://api.tosspayments.com")); }), storedKey(),
        noOthers, Expect::Blocking, ProfileField::BaseUrl, "Not a valid address");

    // The API version: a warning, versions newer than this program are worth trying.
    row("an API version of another shape",
        with([](MerchantProfile &p) { p.apiVersion = QStringLiteral("latest"); }), storedKey(), noOthers,
        Expect::Warning, ProfileField::ApiVersion, "2022-11-16");

    // Apps-in-Toss.
    row("an Apps-in-Toss address over plain http to a remote host",
        with([](MerchantProfile &p) { p.appsInTossBaseUrl = QUrl(QStringLiteral("http://apps-in-toss-api.toss.im")); }),
        storedKey(), noOthers, Expect::Blocking, ProfileField::AppsInTossUrl, "http://");
    row("a certificate without its private key",
        with([](MerchantProfile &p) { p.clientCertificatePath = QStringLiteral("/certs/client.pem"); }), storedKey(),
        noOthers, Expect::Blocking, ProfileField::ClientKey, "private key");
    row("a private key without its certificate",
        with([](MerchantProfile &p) { p.clientKeyPath = QStringLiteral("/certs/client.key"); }), storedKey(), noOthers,
        Expect::Blocking, ProfileField::ClientCertificate, "certificate");
    // The files as the client loads them: warnings, a drive may just not be mounted now.
    row("an expired client certificate",
        with([this](MerchantProfile &p) {
            p.clientCertificatePath = file("expired.pem");
            p.clientKeyPath = file("client.key");
        }),
        storedKey(), noOthers, Expect::Warning, ProfileField::ClientCertificate, "expired on 2020-01-02");
    row("certificate files that are not there",
        with([](MerchantProfile &p) {
            p.clientCertificatePath = QStringLiteral("/nonexistent/paytriage/client.pem");
            p.clientKeyPath = QStringLiteral("/nonexistent/paytriage/client.key");
        }),
        storedKey(), noOthers, Expect::Warning, ProfileField::ClientCertificate, "does not exist");
}

void TestProfileCheck::problems()
{
    QFETCH(MerchantProfile, profile);
    QFETCH(SecretKeyState, key);
    QFETCH(QStringList, otherNames);
    QFETCH(Expect, expect);
    QFETCH(ProfileField, field);
    QFETCH(QString, mentions);

    const std::vector<ProfileProblem> problems = profileProblems(profile, key, otherNames);
    QStringList said;
    for (const ProfileProblem &p : problems)
        said << p.message;
    if (expect == Expect::None) {
        QVERIFY2(problems.empty(), qPrintable(said.join(QLatin1Char('\n'))));
        return;
    }
    QCOMPARE(problems.size(), std::size_t(1));
    QCOMPARE(problems.front().field, field);
    QCOMPARE(problems.front().blocking, expect == Expect::Blocking);
    QVERIFY2(problems.front().message.contains(mentions), qPrintable(problems.front().message));
}

void TestProfileCheck::aTypedKeyNeverAppearsInAMessage()
{
    // Every key warning, with a key that would be recognisable in any of them.
    // Plainly fake keys (a secret scanner must not take a test fixture for a leaked key).
    for (const char *typed : {"live_sk_FAKE_NeverSaid", "test_ck_FAKE_NeverSaid", "sk_FAKE_NeverSaid",
                              "test_sk_FAKE NeverSaid"}) {
        const auto problems = profileProblems(namedProfile(), {QString::fromLatin1(typed), true, true}, {});
        QCOMPARE(problems.size(), std::size_t(1));
        QVERIFY2(!problems.front().message.contains(QLatin1String("NeverSaid")), typed);
    }
}

void TestProfileCheck::blocksSavingOnlyForBlockingProblems()
{
    MerchantProfile p = namedProfile();
    p.apiVersion = QStringLiteral("latest");
    // Two warnings (an odd version, no key yet): the profile can still be stored.
    auto problems = profileProblems(p, {QString(), true, false}, {});
    QCOMPARE(problems.size(), std::size_t(2));
    QCOMPARE(problems[0].field, ProfileField::SecretKey);  // in the order of the form
    QCOMPARE(problems[1].field, ProfileField::ApiVersion);
    QVERIFY(!blocksSaving(problems));
    // And one blocking problem among them stops it.
    p.name.clear();
    problems = profileProblems(p, {QString(), true, false}, {});
    QCOMPARE(problems.size(), std::size_t(3));
    QVERIFY(blocksSaving(problems));
    QVERIFY(!blocksSaving({}));
}

QTEST_GUILESS_MAIN(TestProfileCheck)
#include "tst_profilecheck.moc"
