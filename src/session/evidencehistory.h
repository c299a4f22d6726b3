#pragma once

// The console's evidence history (paytriage_store) on a thread of its own: each case kept, once
// its answers are in (or its text analysed), as a snapshot, and read back for the History view.
// Masking a big paste, a durable commit and a search on a team's server never hold the window.

#include "net/profile.h"
#include "session/casesession.h"
#include "store/snapshot.h"
#include "store/storeerror.h"
#include "store/storelocation.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>

namespace paytriage {

class EvidenceStore;

// What the history keeps of a case as it stands: a lookup's answers as received (every page),
// or the text pasted or read; its ids, status, provenance and findings. None when there is
// nothing to keep yet (a lookup whose payment did not arrive), when it is a dump rather than a
// ticket's evidence (a streamed file, whose records are not kept; a text above 16 MB), or when it
// is a snapshot of the history opened again (kept already).
std::optional<Snapshot> snapshotOf(const CaseSession &session);

// What the history keeps of a lookup, wherever it ran (the console, the CLI's lookup and
// batch): its ids, status and findings, where it came from, and every answer each source
// received, as received. Empty bodies when nothing arrived (nothing to keep).
struct LookupEvidence
{
    QString title;          // the id looked up
    QString profile;
    QString mid;
    KeyMode keyMode = KeyMode::Unknown;
    const CaseFacts *facts = nullptr;
    const Analysis *analysis = nullptr;
    std::function<const std::vector<RawAnswer> &(Source)> answersOf;
};
Snapshot lookupSnapshot(const LookupEvidence &evidence);

// The console's evidence history, on a thread of its own: each case kept once its answers are
// in, and what the History view asks of it (search, a snapshot, pin). The store is opened there
// on first use (QtSql's connections belong to the thread that opened them), and opened again on
// the next request when it could not be (a locked file that was freed meanwhile).
class EvidenceHistory final : public QObject
{
    Q_OBJECT
public:
    explicit EvidenceHistory(StoreLocation location, QObject *parent = nullptr);
    // Waits for what was queued: evidence is not dropped when the window closes.
    ~EvidenceHistory() override;

    const StoreLocation &location() const { return m_location; }
    // A team's PostgreSQL password, read from the keychain after start: used from the next
    // request on (an open connection is opened again with it).
    void setPassword(const QString &password);
    // Queues the snapshot; recorded (after done, with its id, while context lives) or failed
    // follows.
    void record(Snapshot snapshot, QObject *context = nullptr, std::function<void(qint64 id)> done = {});
    // Runs work with the open store on the store's thread; done gets its result on the thread of
    // context, unless context is gone by then. A store that cannot be opened answers its error.
    template <typename T>
    void ask(std::function<StoreResult<T>(EvidenceStore &)> work, QObject *context, std::function<void(StoreResult<T>)> done)
    {
        QPointer<QObject> target(context);
        post([this, work = std::move(work), target, done = std::move(done)](EvidenceStore *store, const StoreError *error) {
            StoreResult<T> result = store ? work(*store) : StoreResult<T>(*error);
            QMetaObject::invokeMethod(
                this, [target, done, result = std::move(result)] {
                    if (target)
                        done(result);
                },
                Qt::QueuedConnection);
        });
    }

Q_SIGNALS:
    void recorded(qint64 id, const QString &title);
    void failed(const QString &message);

private:
    class Worker;
    // Runs job on the store's thread with the store, or with why it could not be opened.
    void post(std::function<void(EvidenceStore *, const StoreError *)> job);

    StoreLocation m_location;
    QThread m_thread;
    Worker *m_worker;
};

} // namespace paytriage
