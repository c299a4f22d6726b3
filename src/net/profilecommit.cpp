#include "profilecommit.h"

#include "net/profilestore.h"
#include "net/secretstore.h"

namespace paytriage {

ProfileCommit::ProfileCommit(ProfileStore &profiles, SecretStore &secrets, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
{
    connect(&m_secrets, &SecretStore::readFinished, this, &ProfileCommit::onRead);
    connect(&m_secrets, &SecretStore::writeFinished, this, &ProfileCommit::onWritten);
    connect(&m_secrets, &SecretStore::removeFinished, this, &ProfileCommit::onRemoved);
}

bool ProfileCommit::start(std::vector<ProfileEdit> edits, const QStringList &removed)
{
    if (running())
        return false;
    m_errors.clear();

    // Where each key is to come from: a key that could not follow an earlier rename is still
    // under its old name (m_keyAt), and moves from there now.
    for (ProfileEdit &edit : edits) {
        edit.profile.name = edit.profile.name.trimmed();
        const QString name = edit.profile.name;
        const QString keyAt = edit.storedName.isEmpty() ? QString() : m_keyAt.take(edit.storedName);
        const QString from = keyAt.isEmpty() ? edit.storedName : keyAt;
        const QString secret = edit.newSecret.trimmed();
        if (!secret.isEmpty())
            m_toWrite.insert(name, secret);
        if (!from.isEmpty() && from != name)
            m_moves.push_back({from, name, !secret.isEmpty()});
    }
    for (const QString &name : removed) {
        const QString keyAt = m_keyAt.take(name);
        m_removeNames << (keyAt.isEmpty() ? name : keyAt);
    }

    // Profiles first (the settings answer at once): what is gone or renamed away leaves, then
    // every profile is saved, so names that changed hands (A→C, B→A) end up right. The last-used
    // profile is the same profile under its new name.
    const QString lastUsed = m_profiles.lastUsed();
    QString newLastUsed = lastUsed;
    QStringList gone = removed;
    for (const ProfileEdit &edit : edits) {
        if (edit.storedName.isEmpty() || edit.storedName == edit.profile.name)
            continue;
        gone << edit.storedName;
        if (edit.storedName == lastUsed)
            newLastUsed = edit.profile.name;
    }
    for (const QString &name : std::as_const(gone))
        m_profiles.remove(name);
    for (const ProfileEdit &edit : edits)
        m_profiles.save(edit.profile);
    if (newLastUsed != lastUsed)
        m_profiles.setLastUsed(newLastUsed);

    // Then the keys: every moving key without a typed replacement is read first, so each write
    // and removal below is decided knowing all of them.
    m_phase = Phase::Reading;
    m_pending = 1;  // this function's own step: answers arriving meanwhile cannot finish early
    for (const Move &move : std::as_const(m_moves)) {
        if (move.typed)
            m_removeAfterWrite.insert(move.to, move.from);
        else if (!m_reading.contains(move.from)) {
            m_reading.insert(move.from);
            ++m_pending;
            m_secrets.read(move.from);
        }
    }
    // Always from the event loop: the caller hears the answer after this returned, as from the store.
    QMetaObject::invokeMethod(this, [this] { stepDone(QString()); }, Qt::QueuedConnection);
    return true;
}

void ProfileCommit::onRead(const QString &profile, const QString &secret, const QString &error)
{
    if (m_phase != Phase::Reading || !m_reading.remove(profile))
        return;
    for (const Move &move : std::as_const(m_moves)) {
        if (move.from != profile || move.typed)
            continue;
        if (!error.isEmpty())
            m_unreadable.insert(profile);  // left where it is rather than lost
        else if (!secret.isEmpty()) {
            m_toWrite.insert(move.to, secret);
            m_removeAfterWrite.insert(move.to, move.from);
        }
        // Nothing stored under the old name: nothing to move.
    }
    stepDone(error);
}

void ProfileCommit::startWrites()
{
    m_phase = Phase::Writing;
    m_pending = 1;
    for (const Move &move : std::as_const(m_moves))
        if (m_unreadable.contains(move.from))
            m_keyAt.insert(move.to, move.from);
    for (auto it = m_toWrite.cbegin(); it != m_toWrite.cend(); ++it) {
        const QString &name = it.key();
        if (m_unreadable.contains(name)) {
            // Another profile's key is under this name and could not be read: writing would
            // destroy it. This key stays where it is (or with the caller, if typed) for next time.
            const QString from = m_removeAfterWrite.take(name);
            if (!from.isEmpty())
                m_keyAt.insert(name, from);
            m_errors << tr("The secret key of \"%1\" was not stored: another profile's key, which could not be read, "
                           "is still under that name and would have been lost.")
                            .arg(name);
            continue;
        }
        m_writing.insert(name);
        m_writeTargets.insert(name);
        ++m_pending;
        m_secrets.write(name, it.value());
    }
    m_toWrite.clear();  // the store has the keys now; nothing here need hold them

    for (const QString &name : std::as_const(m_removeNames)) {
        if (m_writeTargets.contains(name))
            continue;  // its new owner's key replaces it
        m_removing.insert(name);
        ++m_pending;
        m_secrets.remove(name);
    }
    stepDone(QString());
}

void ProfileCommit::onWritten(const QString &profile, const QString &error)
{
    if (m_phase != Phase::Writing || !m_writing.remove(profile))
        return;
    const QString from = m_removeAfterWrite.take(profile);
    if (!error.isEmpty()) {
        if (!from.isEmpty())
            m_keyAt.insert(profile, from);  // the key stays under its old name for the next try
        stepDone(error);
        return;
    }
    emit secretStored(profile);
    // A moved key leaves its old name only now that the new one holds it, and only if no other
    // profile's key was sent there in this commit (names that changed hands: A→C, B→A).
    if (!from.isEmpty() && !m_writeTargets.contains(from) && !m_removing.contains(from)) {
        m_removing.insert(from);
        ++m_pending;
        m_secrets.remove(from);
    }
    stepDone(QString());
}

void ProfileCommit::onRemoved(const QString &profile, const QString &error)
{
    if (m_phase == Phase::Writing && m_removing.remove(profile))
        stepDone(error);
}

void ProfileCommit::stepDone(const QString &error)
{
    if (!error.isEmpty())
        m_errors << error;
    if (m_pending == 0 || --m_pending > 0)
        return;
    if (m_phase == Phase::Reading) {
        startWrites();
        return;
    }
    m_phase = Phase::Idle;
    m_moves.clear();
    m_removeNames.clear();
    m_unreadable.clear();
    m_removeAfterWrite.clear();
    m_writeTargets.clear();
    emit finished(m_errors);
}

} // namespace paytriage
