#pragma once

// Many lookups during an incident, a few at a time: the ids queued, at most `concurrency` in
// flight and at most `ratePerSecond` started a second, each one's fetcher handed over when it
// finishes, whoever runs the batch (the CLI's batch, the console's Batch view) analysing it. A
// failed id never stops the others; stop cancels what is in flight and drops what waits; retry
// queues ids again.

#include "net/casefetcher.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <deque>
#include <set>

class QTimer;

namespace paytriage {

struct BatchOptions
{
    int concurrency = 4;        // lookups in flight at once
    double ratePerSecond = 0;   // lookups started a second at most; 0: no limit
    bool full = false;          // also each payment's transactions and settlements (merchant-wide lists: slower)
};

class BatchRun final : public QObject
{
    Q_OBJECT
public:
    // client must outlive the run.
    BatchRun(TossClient *client, QStringList ids, BatchOptions options, QObject *parent = nullptr);
    ~BatchRun() override;

    void start();
    // Queues these ids (by index) again; starts them when the run is idle.
    void retry(const QList<int> &indices);
    void stop();

    const QStringList &ids() const { return m_ids; }
    bool running() const { return !m_inFlight.empty() || !m_queue.empty(); }
    int inFlight() const { return int(m_inFlight.size()); }
    int waiting() const { return int(m_queue.size()); }

Q_SIGNALS:
    void started(int index);
    // The lookup of ids()[index] ended (its errors() say whether it failed); the fetcher is
    // deleted once the handlers return.
    void finished(int index, paytriage::CaseFetcher *fetcher);
    // Nothing in flight and nothing waiting.
    void idle();

private:
    void startMore();

    TossClient *m_client;
    QStringList m_ids;
    BatchOptions m_options;
    std::deque<int> m_queue;
    std::set<CaseFetcher *> m_inFlight;
    QTimer *m_pacer;
    QElapsedTimer m_sinceLastStart;
    bool m_stopping = false;
};

} // namespace paytriage
