// Storing edited profiles and their keys (what the settings form's OK runs): renames move keys,
// removals forget them, and whatever the keychain refuses, no key is lost and none is said.

#include "net/profilecommit.h"
#include "net/profilestore.h"
#include "net/secretstore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace paytriage;

namespace {

// A keychain in memory that refuses what a test tells it to, per profile name, as a real one may
// (locked, denied by the user, a policy). Answers queued, after the call returned, like every store.
class FlakySecretStore final : public SecretStore
{
public:
    void read(const QString &profile) override
    {
        const QString error = m_refuseRead.contains(profile) ? refusal("read", profile) : QString();
        const QString secret = error.isEmpty() ? m_secrets.value(profile) : QString();
        answer([=, this] { emit readFinished(profile, secret, error); });
    }
    void write(const QString &profile, const QString &secret) override
    {
        const bool refused = m_refuseWrite.contains(profile);
        if (!refused)
            m_secrets.insert(profile, secret);
        ++m_writes;
        answer([=, this] { emit writeFinished(profile, refused ? refusal("store", profile) : QString()); });
    }
    void remove(const QString &profile) override
    {
        const bool refused = m_refuseRemove.contains(profile);
        if (!refused)
            m_secrets.remove(profile);
        answer([=, this] { emit removeFinished(profile, refused ? refusal("delete", profile) : QString()); });
    }
    bool persistent() const override { return true; }

    QHash<QString, QString> m_secrets;
    QSet<QString> m_refuseRead;
    QSet<QString> m_refuseWrite;
    QSet<QString> m_refuseRemove;
    int m_writes = 0;

private:
    // Worded as KeychainSecretStore words its refusals: the profile's name, never its key.
    static QString refusal(const char *what, const QString &profile)
    {
        return QStringLiteral("The test keychain refused to %1 the secret key of \"%2\".").arg(QLatin1String(what), profile);
    }
    template<typename F>
    void answer(F &&f)
    {
        QMetaObject::invokeMethod(this, std::forward<F>(f), Qt::QueuedConnection);
    }
};

// Plainly fake keys: a secret scanner must not take a test fixture for a leaked key.
const QString keyA = QStringLiteral("test_sk_FAKE_of_profile_A");
const QString keyB = QStringLiteral("test_sk_FAKE_of_profile_B");
const QString typedKey = QStringLiteral("live_sk_FAKE_typed_now");

MerchantProfile profileNamed(const QString &name)
{
    MerchantProfile p;
    p.name = name;
    p.mid = QStringLiteral("mid-") + name;
    return p;
}

// A profile as stored, edited into newName (its key kept unless one is typed).
ProfileEdit rename(const QString &storedName, const QString &newName, const QString &newSecret = QString())
{
    return {profileNamed(newName), storedName, newSecret};
}

ProfileEdit keep(const QString &name)
{
    return rename(name, name);
}

} // namespace

class TestProfileCommit final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void newProfileStoresItsTypedKey();
    void renameMovesTheKey();
    void renameWithANewKeyReplacesTheOldOne();
    void removeForgetsProfileAndKey();
    void namesChangingHandsKeepTheirKeys();
    void refusedWriteKeepsTheOldKeyAndMovesItNextTime();
    void refusedTypedKeyIsNotClaimedStored();
    void unreadableKeyStaysWhereItIs();
    void unreadableKeyIsNotOverwrittenByAnotherProfile();
    void answersAfterStartAndOneAtATime();

private:
    // Runs one commit to its end; the errors it finished with, checked for secrets.
    QStringList commit(std::vector<ProfileEdit> edits, const QStringList &removed = {});
    // Profiles A (key a) and B (key b), stored as a previous visit to the settings left them.
    void storeAAndB();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<FlakySecretStore> m_secrets;
    std::unique_ptr<ProfileCommit> m_commit;
    QStringList m_stored;  // secretStored() of the last commit
};

void TestProfileCommit::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_profiles = std::make_unique<ProfileStore>(*m_settings);
    m_secrets = std::make_unique<FlakySecretStore>();
    m_commit = std::make_unique<ProfileCommit>(*m_profiles, *m_secrets);
    connect(m_commit.get(), &ProfileCommit::secretStored, this, [this](const QString &name) { m_stored << name; });
}

void TestProfileCommit::cleanup()
{
    m_commit.reset();
    m_secrets.reset();
    m_profiles.reset();
    m_settings.reset();
    m_dir.reset();
}

QStringList TestProfileCommit::commit(std::vector<ProfileEdit> edits, const QStringList &removed)
{
    m_stored.clear();
    QSignalSpy finished(m_commit.get(), &ProfileCommit::finished);
    if (!m_commit->start(std::move(edits), removed))
        qFatal("a commit was still running");
    if (!finished.wait(5000))
        qFatal("the commit did not finish");
    const QStringList errors = finished.takeFirst().at(0).toStringList();
    for (const QString &error : errors)
        for (const QString &secret : {keyA, keyB, typedKey})
            if (error.contains(secret.mid(8)))  // not even the part after test_sk_
                qFatal("a secret in an error: %s", qPrintable(error));
    if (m_commit->running())
        qFatal("still running after finished()");
    return errors;
}

void TestProfileCommit::storeAAndB()
{
    m_profiles->save(profileNamed(QStringLiteral("A")));
    m_profiles->save(profileNamed(QStringLiteral("B")));
    m_secrets->m_secrets = {{QStringLiteral("A"), keyA}, {QStringLiteral("B"), keyB}};
}

void TestProfileCommit::newProfileStoresItsTypedKey()
{
    MerchantProfile shop = profileNamed(QStringLiteral("  Sandbox shop "));  // as typed: spaces around
    QCOMPARE(commit({{shop, QString(), QStringLiteral(" %1\n").arg(typedKey)}}), QStringList());
    QVERIFY(m_profiles->profile(QStringLiteral("Sandbox shop")));  // trimmed
    QCOMPARE(m_profiles->profiles().size(), std::size_t(1));
    QCOMPARE(m_secrets->m_secrets.value(QStringLiteral("Sandbox shop")), typedKey);  // trimmed too
    QCOMPARE(m_stored, QStringList{QStringLiteral("Sandbox shop")});
}

void TestProfileCommit::renameMovesTheKey()
{
    storeAAndB();
    m_profiles->setLastUsed(QStringLiteral("A"));
    QCOMPARE(commit({rename(QStringLiteral("A"), QStringLiteral("HQ")), keep(QStringLiteral("B"))}), QStringList());
    // Read under the old name, written under the new, then the old one emptied.
    QCOMPARE(m_secrets->m_secrets,
             (QHash<QString, QString>{{QStringLiteral("HQ"), keyA}, {QStringLiteral("B"), keyB}}));
    QVERIFY(!m_profiles->profile(QStringLiteral("A")));
    QCOMPARE(m_profiles->profile(QStringLiteral("HQ"))->mid, QStringLiteral("mid-HQ"));
    QCOMPARE(m_profiles->lastUsed(), QStringLiteral("HQ"));  // the same profile, under its new name
    QCOMPARE(m_stored, QStringList{QStringLiteral("HQ")});
    QCOMPARE(m_secrets->m_writes, 1);  // B, untouched, was not written again
}

void TestProfileCommit::renameWithANewKeyReplacesTheOldOne()
{
    storeAAndB();
    QCOMPARE(commit({rename(QStringLiteral("A"), QStringLiteral("HQ"), typedKey), keep(QStringLiteral("B"))}),
             QStringList());
    // The typed key, not the old one; and the old name holds nothing a later profile "A" could inherit.
    QCOMPARE(m_secrets->m_secrets,
             (QHash<QString, QString>{{QStringLiteral("HQ"), typedKey}, {QStringLiteral("B"), keyB}}));
    QCOMPARE(m_stored, QStringList{QStringLiteral("HQ")});
}

void TestProfileCommit::removeForgetsProfileAndKey()
{
    storeAAndB();
    m_profiles->setLastUsed(QStringLiteral("A"));
    QCOMPARE(commit({keep(QStringLiteral("B"))}, {QStringLiteral("A")}), QStringList());
    QCOMPARE(m_secrets->m_secrets, (QHash<QString, QString>{{QStringLiteral("B"), keyB}}));
    QCOMPARE(m_profiles->profiles().size(), std::size_t(1));
    QVERIFY(m_profiles->lastUsed().isEmpty());
    QVERIFY(m_stored.isEmpty());
}

void TestProfileCommit::namesChangingHandsKeepTheirKeys()
{
    // In one visit: A becomes C, and B takes the name A. Both keys are read before either is
    // written, and A, written anew, is not emptied afterwards as A→C's old name.
    storeAAndB();
    QCOMPARE(commit({rename(QStringLiteral("A"), QStringLiteral("C")), rename(QStringLiteral("B"), QStringLiteral("A"))}),
             QStringList());
    QCOMPARE(m_secrets->m_secrets, (QHash<QString, QString>{{QStringLiteral("C"), keyA}, {QStringLiteral("A"), keyB}}));
    QCOMPARE(m_profiles->profile(QStringLiteral("A"))->mid, QStringLiteral("mid-A"));
    QVERIFY(m_profiles->profile(QStringLiteral("C")));
    QVERIFY(!m_profiles->profile(QStringLiteral("B")));
    m_stored.sort();
    QCOMPARE(m_stored, (QStringList{QStringLiteral("A"), QStringLiteral("C")}));
}

void TestProfileCommit::refusedWriteKeepsTheOldKeyAndMovesItNextTime()
{
    storeAAndB();
    m_secrets->m_refuseWrite = {QStringLiteral("HQ")};
    const QStringList errors = commit({rename(QStringLiteral("A"), QStringLiteral("HQ")), keep(QStringLiteral("B"))});
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.front().contains(QLatin1String("\"HQ\"")), qPrintable(errors.front()));
    // The profile is renamed, but its key is still under the old name: nothing lost.
    QVERIFY(m_profiles->profile(QStringLiteral("HQ")));
    QCOMPARE(m_secrets->m_secrets.value(QStringLiteral("A")), keyA);
    QVERIFY(!m_secrets->m_secrets.contains(QStringLiteral("HQ")));
    QVERIFY(m_stored.isEmpty());

    // OK again once the keychain lets it: the profile is now stored as HQ, and its key follows.
    m_secrets->m_refuseWrite.clear();
    QCOMPARE(commit({keep(QStringLiteral("HQ")), keep(QStringLiteral("B"))}), QStringList());
    QCOMPARE(m_secrets->m_secrets,
             (QHash<QString, QString>{{QStringLiteral("HQ"), keyA}, {QStringLiteral("B"), keyB}}));
    QCOMPARE(m_stored, QStringList{QStringLiteral("HQ")});
}

void TestProfileCommit::refusedTypedKeyIsNotClaimedStored()
{
    storeAAndB();
    m_secrets->m_refuseWrite = {QStringLiteral("HQ")};
    // Renamed with a new key typed: the refused key stays with the caller (still typed), and the
    // old key stays under the old name rather than be removed with nothing in its place.
    const QStringList errors = commit({rename(QStringLiteral("A"), QStringLiteral("HQ"), typedKey)});
    QCOMPARE(errors.size(), 1);
    QVERIFY(m_stored.isEmpty());
    QCOMPARE(m_secrets->m_secrets.value(QStringLiteral("A")), keyA);

    // Typed again and accepted: the old key goes only now.
    m_secrets->m_refuseWrite.clear();
    QCOMPARE(commit({rename(QStringLiteral("HQ"), QStringLiteral("HQ"), typedKey)}, {QStringLiteral("B")}),
             QStringList());
    QCOMPARE(m_secrets->m_secrets, (QHash<QString, QString>{{QStringLiteral("HQ"), typedKey}}));
}

void TestProfileCommit::unreadableKeyStaysWhereItIs()
{
    storeAAndB();
    m_secrets->m_refuseRead = {QStringLiteral("A")};
    const QStringList errors = commit({rename(QStringLiteral("A"), QStringLiteral("HQ")), keep(QStringLiteral("B"))});
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.front().contains(QLatin1String("\"A\"")), qPrintable(errors.front()));
    QCOMPARE(m_secrets->m_secrets.value(QStringLiteral("A")), keyA);  // not removed: it could not be moved
    QVERIFY(!m_secrets->m_secrets.contains(QStringLiteral("HQ")));

    m_secrets->m_refuseRead.clear();
    QCOMPARE(commit({keep(QStringLiteral("HQ")), keep(QStringLiteral("B"))}), QStringList());
    QCOMPARE(m_secrets->m_secrets,
             (QHash<QString, QString>{{QStringLiteral("HQ"), keyA}, {QStringLiteral("B"), keyB}}));
}

void TestProfileCommit::unreadableKeyIsNotOverwrittenByAnotherProfile()
{
    // A becomes C and B takes the name A, but A's key cannot be read: writing B's key under A
    // would destroy it. Both keys stay where they are, and the next commit finishes the moves.
    storeAAndB();
    m_secrets->m_refuseRead = {QStringLiteral("A")};
    const QStringList errors =
        commit({rename(QStringLiteral("A"), QStringLiteral("C")), rename(QStringLiteral("B"), QStringLiteral("A"))});
    QCOMPARE(errors.size(), 2);  // A could not be read; B's key could not go to A
    QCOMPARE(m_secrets->m_secrets, (QHash<QString, QString>{{QStringLiteral("A"), keyA}, {QStringLiteral("B"), keyB}}));
    QVERIFY(m_stored.isEmpty());

    m_secrets->m_refuseRead.clear();
    QCOMPARE(commit({keep(QStringLiteral("C")), keep(QStringLiteral("A"))}), QStringList());
    QCOMPARE(m_secrets->m_secrets, (QHash<QString, QString>{{QStringLiteral("C"), keyA}, {QStringLiteral("A"), keyB}}));
}

void TestProfileCommit::answersAfterStartAndOneAtATime()
{
    QSignalSpy finished(m_commit.get(), &ProfileCommit::finished);
    QVERIFY(m_commit->start({}, {}));  // nothing to do still answers, and from the event loop
    QVERIFY(finished.isEmpty());
    QVERIFY(m_commit->running());
    QVERIFY(!m_commit->start({keep(QStringLiteral("X"))}, {}));  // refused: nothing done
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!m_profiles->profile(QStringLiteral("X")));
}

QTEST_GUILESS_MAIN(TestProfileCommit)
#include "tst_profilecommit.moc"
