#pragma once

// Storing edited merchant profiles and their secret keys, as the settings form's OK does. The
// profiles go to the ProfileStore at once (settings answer synchronously); the keys go through the
// SecretStore, which answers later, and finished() comes once it confirmed every step.
//
// A key belongs to a profile by name, so renames move keys: the keys of renamed profiles are read
// first, then written under their new names, and an old name is emptied only once its key is
// confirmed under the new one. Names may change hands in one commit (A→C and B→A): every read
// happens before any write. Whatever the store refuses, no key is lost: a key that could not be
// read, or whose new copy was refused, stays under its old name, and the next start() moves it
// (the commit remembers where it is). A typed key the store refused stays with the caller, who
// still holds it, to try again.

#include "net/profile.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <vector>

namespace paytriage {

class ProfileStore;
class SecretStore;

// One profile as edited: what the commit needs of it.
struct ProfileEdit
{
    MerchantProfile profile;  // its name is stored trimmed
    QString storedName;       // its name in the stores before this edit; empty: a new profile
    QString newSecret;        // typed, to be stored; empty: it keeps the key it has (following a rename)
};

class ProfileCommit final : public QObject
{
    Q_OBJECT

public:
    // Both stores must outlive the commit.
    ProfileCommit(ProfileStore &profiles, SecretStore &secrets, QObject *parent = nullptr);

    // Stores edits (every profile that is to exist) and forgets removed (stored names of profiles
    // the user removed). Answers with finished(), always after this returned. False, and nothing
    // done, while an earlier commit still runs.
    bool start(std::vector<ProfileEdit> edits, const QStringList &removed);
    bool running() const { return m_phase != Phase::Idle; }

signals:
    // The store confirmed a key under this (new) name: a typed key was stored, or a key followed
    // its profile's rename.
    void secretStored(const QString &profile);
    // Every step answered. errors: what went wrong, in the store's words; never a secret. Empty:
    // all profiles and keys are where they belong.
    void finished(const QStringList &errors);

private:
    enum class Phase {
        Idle,
        Reading,
        Writing
    };
    // Where a profile's key is to come from in this commit.
    struct Move
    {
        QString from;    // the name its key lives under now
        QString to;      // the profile's name
        bool typed = false;  // a new key was typed: nothing to read
    };

    void onRead(const QString &profile, const QString &secret, const QString &error);
    void onWritten(const QString &profile, const QString &error);
    void onRemoved(const QString &profile, const QString &error);
    void startWrites();
    void stepDone(const QString &error);

    ProfileStore &m_profiles;
    SecretStore &m_secrets;
    Phase m_phase = Phase::Idle;
    int m_pending = 0;                  // answers still awaited in this phase (+1 while issuing)
    QStringList m_errors;

    // Profile name → the name its key still lives under, for keys that could not follow a rename
    // yet. Kept across commits: the next one moves them.
    QHash<QString, QString> m_keyAt;

    std::vector<Move> m_moves;          // renamed profiles, by where their key is now
    QStringList m_removeNames;          // key names of removed profiles
    QHash<QString, QString> m_toWrite;  // name → key (typed, or read for a move): held only until written
    QSet<QString> m_unreadable;         // names whose key could not be read: left in place, never overwritten
    QHash<QString, QString> m_removeAfterWrite;  // new name → old name, emptied once the write is confirmed
    QSet<QString> m_reading;
    QSet<QString> m_writing;            // writes not answered yet
    QSet<QString> m_writeTargets;       // every name written in this commit, answered or not
    QSet<QString> m_removing;
};

} // namespace paytriage
