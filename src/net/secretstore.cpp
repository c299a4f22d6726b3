#include "secretstore.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

namespace paytriage {
namespace {

// The keychain cannot be used at all, as opposed to refusing one entry. QtKeychain 0.13 has no
// isAvailable(): on Linux without a Secret Service or KWallet, or without a D-Bus session (CI,
// ssh, containers), jobs end at once with OtherError or NoBackendAvailable.
bool backendMissing(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
           || error == QKeychain::OtherError;
}

// QtKeychain may finish a job inside start() on some platforms; starting from the event loop
// keeps the promise that answers come after the call returned.
void startLater(QKeychain::Job *job)
{
    QTimer::singleShot(0, job, [job] { job->start(); });
}

// A key no profile can have (names are trimmed): reading it only asks whether a keychain answers.
QString probeKey()
{
    return QStringLiteral(" availability probe");
}

} // namespace

SessionSecretStore::SessionSecretStore(QObject *parent)
    : SecretStore(parent)
{
}

void SessionSecretStore::read(const QString &profile)
{
    const QString secret = m_secrets.value(profile);
    QMetaObject::invokeMethod(this, [this, profile, secret] { emit readFinished(profile, secret, QString()); },
                              Qt::QueuedConnection);
}

void SessionSecretStore::write(const QString &profile, const QString &secret)
{
    m_secrets.insert(profile, secret);
    QMetaObject::invokeMethod(this, [this, profile] { emit writeFinished(profile, QString()); }, Qt::QueuedConnection);
}

void SessionSecretStore::remove(const QString &profile)
{
    m_secrets.remove(profile);
    QMetaObject::invokeMethod(this, [this, profile] { emit removeFinished(profile, QString()); }, Qt::QueuedConnection);
}

KeychainSecretStore::KeychainSecretStore(QObject *parent, QString service)
    : SecretStore(parent)
    , m_service(std::move(service))
{
}

void KeychainSecretStore::fallBack(const QString &reason)
{
    if (m_sessionOnly)
        return;
    m_sessionOnly = true;
    emit persistenceUnavailable(
        tr("No keychain service is available (%1). Secret keys are kept only until PayTriage quits; enter them "
           "again next time.")
            .arg(reason.isEmpty() ? tr("no answer") : reason));
}

void KeychainSecretStore::probe()
{
    if (m_sessionOnly)
        return;
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(probeKey());
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *done) {
        if (backendMissing(done->error()))
            fallBack(done->errorString());
    });
    startLater(job);
}

void KeychainSecretStore::read(const QString &profile)
{
    if (m_sessionOnly) {
        const QString secret = m_session.value(profile);
        QMetaObject::invokeMethod(this, [this, profile, secret] { emit readFinished(profile, secret, QString()); },
                                  Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(profile);
    connect(job, &QKeychain::Job::finished, this, [this, profile, job](QKeychain::Job *) {
        // job, not the signal's Job *: textData() lives in the ReadPasswordJob; it is deleted later.
        switch (job->error()) {
        case QKeychain::NoError:
            emit readFinished(profile, job->textData(), QString());
            return;
        case QKeychain::EntryNotFound:
            emit readFinished(profile, QString(), QString());
            return;
        default:
            break;
        }
        if (backendMissing(job->error())) {
            fallBack(job->errorString());
            emit readFinished(profile, m_session.value(profile), QString());
            return;
        }
        emit readFinished(profile, QString(), tr("The keychain refused to give the secret key of \"%1\": %2")
                                                  .arg(profile, job->errorString()));
    });
    startLater(job);
}

void KeychainSecretStore::write(const QString &profile, const QString &secret)
{
    if (m_sessionOnly) {
        m_session.insert(profile, secret);
        QMetaObject::invokeMethod(this, [this, profile] { emit writeFinished(profile, QString()); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(profile);
    job->setTextData(secret);
    // The lambda holds the secret only until the job answers: the fallback needs it then.
    connect(job, &QKeychain::Job::finished, this, [this, profile, secret](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError) {
            emit writeFinished(profile, QString());
        } else if (backendMissing(done->error())) {
            fallBack(done->errorString());
            m_session.insert(profile, secret);
            emit writeFinished(profile, QString());
        } else {
            emit writeFinished(profile, tr("The keychain refused to store the secret key of \"%1\": %2")
                                            .arg(profile, done->errorString()));
        }
    });
    startLater(job);
}

void KeychainSecretStore::remove(const QString &profile)
{
    m_session.remove(profile);
    if (m_sessionOnly) {
        QMetaObject::invokeMethod(this, [this, profile] { emit removeFinished(profile, QString()); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(profile);
    connect(job, &QKeychain::Job::finished, this, [this, profile](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError || done->error() == QKeychain::EntryNotFound) {
            emit removeFinished(profile, QString());
        } else if (backendMissing(done->error())) {
            fallBack(done->errorString());
            emit removeFinished(profile, QString());
        } else {
            emit removeFinished(profile, tr("The keychain refused to delete the secret key of \"%1\": %2")
                                             .arg(profile, done->errorString()));
        }
    });
    startLater(job);
}

std::unique_ptr<SecretStore> makeSecretStore(QObject *parent)
{
    return std::make_unique<KeychainSecretStore>(parent);
}

} // namespace paytriage
