#pragma once

// Keeps the console's evidence: each case, once its answers are in (or its text analysed), as a
// snapshot of the evidence history (paytriage_store). The store is opened and written on a thread
// of its own: masking a big paste and a durable commit never hold the window.

#include "session/casesession.h"
#include "store/snapshot.h"
#include "store/storelocation.h"

#include <QObject>
#include <QThread>

namespace paytriage {

class EvidenceStore;

// What the history keeps of a case as it stands: a lookup's answers as received (every page),
// or the text pasted or read; its ids, status, provenance and findings. None when there is
// nothing to keep yet (a lookup whose payment did not arrive), or it is a dump rather than a
// ticket's evidence (a streamed file, whose records are not kept; a text above 16 MB).
std::optional<Snapshot> snapshotOf(const CaseSession &session);

class EvidenceRecorder final : public QObject
{
    Q_OBJECT
public:
    explicit EvidenceRecorder(StoreLocation location, QObject *parent = nullptr);
    ~EvidenceRecorder() override;

    const StoreLocation &location() const { return m_location; }
    // Queues the snapshot for the store's thread; recorded or failed follows.
    void record(Snapshot snapshot);

Q_SIGNALS:
    void recorded(qint64 id, const QString &title);
    void failed(const QString &message);

private:
    class Writer;
    StoreLocation m_location;
    QThread m_thread;
    Writer *m_writer;
};

} // namespace paytriage
