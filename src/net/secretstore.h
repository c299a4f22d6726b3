#pragma once

// Where merchant secret keys live: the OS keychain (QtKeychain), or, where no keychain service
// runs (a headless box, a desktop without Secret Service), the memory of this process only.
// Keychains answer asynchronously (and may prompt the user), so every operation answers with a
// signal, never blocking the caller. Secrets never appear in any message or log.

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>

namespace paytriage {

class SecretStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Each answers exactly once with the matching signal, always after the call returned.
    virtual void read(const QString &profile) = 0;
    virtual void write(const QString &profile, const QString &secret) = 0;
    virtual void remove(const QString &profile) = 0;
    // True while secrets outlive the process (a keychain answers).
    virtual bool persistent() const = 0;
    // Finds out early whether secrets can persist (persistenceUnavailable if not), so a dialog
    // can say so before the user types a key. Nothing to find out for most stores.
    virtual void probe() {}

signals:
    // An empty secret with an empty error: nothing is stored for that profile.
    void readFinished(const QString &profile, const QString &secret, const QString &error);
    void writeFinished(const QString &profile, const QString &error);
    void removeFinished(const QString &profile, const QString &error);
    // Emitted once, when secrets turn out to be kept for this session only (with why, for the user).
    void persistenceUnavailable(const QString &reason);
};

// Memory only: for tests, demo mode, and the fallback when no keychain runs. Answers queued.
class SessionSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit SessionSecretStore(QObject *parent = nullptr);

    void read(const QString &profile) override;
    void write(const QString &profile, const QString &secret) override;
    void remove(const QString &profile) override;
    bool persistent() const override { return false; }

private:
    QHash<QString, QString> m_secrets;
};

// The OS keychain through QtKeychain (service "PayTriage", key = the profile's name). When the
// keychain cannot be used at all (no backend, no D-Bus session, the service failing), it keeps
// secrets for the session instead, says so once with persistenceUnavailable, and stays in that
// mode: a half-persistent store would be worse than an honest session store.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QObject *parent = nullptr, QString service = QStringLiteral("PayTriage"));

    void read(const QString &profile) override;
    void write(const QString &profile, const QString &secret) override;
    void remove(const QString &profile) override;
    bool persistent() const override { return !m_sessionOnly; }
    void probe() override;

    const QString &service() const { return m_service; }

private:
    void fallBack(const QString &reason);

    QString m_service;
    QHash<QString, QString> m_session;  // the fallback's memory
    bool m_sessionOnly = false;
};

// The keychain with its session fallback; never blocks, also with no D-Bus at all (CI).
// The unique_ptr owns the store: give a parent only if that parent outlives it (or pass the
// pointer on with release()), else both would delete it.
std::unique_ptr<SecretStore> makeSecretStore(QObject *parent = nullptr);

} // namespace paytriage
