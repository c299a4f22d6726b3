#include "batchrun.h"

#include <QTimer>

#include <algorithm>

namespace paytriage {

BatchRun::BatchRun(TossClient *client, QStringList ids, BatchOptions options, QObject *parent)
    : QObject(parent), m_client(client), m_ids(std::move(ids)), m_options(options), m_pacer(new QTimer(this))
{
    m_options.concurrency = std::clamp(m_options.concurrency, 1, 64);
    m_pacer->setSingleShot(true);
    connect(m_pacer, &QTimer::timeout, this, &BatchRun::startMore);
}

BatchRun::~BatchRun()
{
    for (CaseFetcher *fetcher : m_inFlight) {
        fetcher->disconnect(this);
        fetcher->cancel();
        fetcher->deleteLater();
    }
}

void BatchRun::start()
{
    m_queue.clear();
    for (int i = 0; i < m_ids.size(); ++i)
        m_queue.push_back(i);
    m_stopping = false;
    // After the caller has connected: the first rows start on the next turn of the event loop.
    QTimer::singleShot(0, this, &BatchRun::startMore);
}

void BatchRun::retry(const QList<int> &indices)
{
    const bool wasIdle = !running();
    for (const int i : indices)
        if (i >= 0 && i < m_ids.size())
            m_queue.push_back(i);
    m_stopping = false;
    if (wasIdle)
        QTimer::singleShot(0, this, &BatchRun::startMore);
}

void BatchRun::stop()
{
    m_queue.clear();
    m_pacer->stop();
    m_stopping = true;
    // Each canceled fetcher still finishes (its sources say Canceled) and is handed over.
    const std::set<CaseFetcher *> inFlight = m_inFlight;
    for (CaseFetcher *fetcher : inFlight)
        fetcher->cancel();
    if (m_inFlight.empty())
        Q_EMIT idle();
}

void BatchRun::startMore()
{
    while (int(m_inFlight.size()) < m_options.concurrency && !m_queue.empty()) {
        if (m_options.ratePerSecond > 0 && m_sinceLastStart.isValid()) {
            const qint64 interval = qint64(1000.0 / m_options.ratePerSecond);
            if (const qint64 left = interval - m_sinceLastStart.elapsed(); left > 0) {
                if (!m_pacer->isActive())
                    m_pacer->start(int(left));
                return;
            }
        }
        const int index = m_queue.front();
        m_queue.pop_front();
        m_sinceLastStart.start();
        auto *fetcher = new CaseFetcher(m_client);
        fetcher->setFetchRelated(m_options.full);
        m_inFlight.insert(fetcher);
        connect(fetcher, &CaseFetcher::finished, this, [this, index, fetcher] {
            m_inFlight.erase(fetcher);
            Q_EMIT finished(index, fetcher);
            fetcher->deleteLater();
            if (!running())
                Q_EMIT idle();
            else if (!m_stopping)
                QMetaObject::invokeMethod(this, &BatchRun::startMore, Qt::QueuedConnection);  // not from inside fetch()
        });
        Q_EMIT started(index);
        fetcher->fetch(m_ids[index]);
    }
}

} // namespace paytriage
