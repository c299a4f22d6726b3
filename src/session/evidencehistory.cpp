#include "session/evidencehistory.h"

#include "net/profile.h"
#include "store/evidencestore.h"

#include <QDateTime>

namespace paytriage {

// Lives on the store's thread: opens the store on first use and keeps it open.
class EvidenceHistory::Worker final : public QObject
{
    Q_OBJECT
public:
    explicit Worker(StoreLocation location) : m_location(std::move(location)) {}

    void setPassword(const QString &password)
    {
        m_location.password = password;
        m_store.reset();
    }

    void run(const std::function<void(EvidenceStore *, const StoreError *)> &job)
    {
        if (!m_store) {
            auto opened = EvidenceStore::open(m_location);
            if (const auto *error = std::get_if<StoreError>(&opened)) {
                job(nullptr, error);
                return;
            }
            m_store = std::move(std::get<std::unique_ptr<EvidenceStore>>(opened));
        }
        job(m_store.get(), nullptr);
    }

private:
    StoreLocation m_location;
    std::unique_ptr<EvidenceStore> m_store;
};

EvidenceHistory::EvidenceHistory(StoreLocation location, QObject *parent)
    : QObject(parent), m_location(location), m_worker(new Worker(std::move(location)))
{
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("evidence"));
    m_thread.start();
}

EvidenceHistory::~EvidenceHistory()
{
    m_thread.quit();
    m_thread.wait();
}

void EvidenceHistory::post(std::function<void(EvidenceStore *, const StoreError *)> job)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, job = std::move(job)] { worker->run(job); }, Qt::QueuedConnection);
}

void EvidenceHistory::setPassword(const QString &password)
{
    m_location.password = password;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, password] { worker->setPassword(password); }, Qt::QueuedConnection);
}

void EvidenceHistory::record(Snapshot snapshot, QObject *context, std::function<void(qint64)> done)
{
    const QString title = snapshot.title;
    QPointer<QObject> target(context);
    post([this, title, target, done = std::move(done), snapshot = std::move(snapshot)](EvidenceStore *store, const StoreError *error) {
        if (!store) {
            const QString message = error->message();
            QMetaObject::invokeMethod(this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
            return;
        }
        auto added = store->add(snapshot);
        if (const auto *failure = std::get_if<StoreError>(&added)) {
            const QString message = failure->message();
            QMetaObject::invokeMethod(this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
            return;
        }
        const qint64 id = std::get<qint64>(added);
        QMetaObject::invokeMethod(
            this,
            [this, id, title, target, done] {
                if (target && done)
                    done(id);
                Q_EMIT recorded(id, title);
            },
            Qt::QueuedConnection);
    });
}

namespace {

QString sourceId(Source source)
{
    switch (source) {
    case Source::Payment: return QStringLiteral("payment");
    case Source::Transactions: return QStringLiteral("transactions");
    case Source::Settlements: return QStringLiteral("settlements");
    case Source::IapOrderStatus: return QStringLiteral("in-app-order-status");
    }
    return {};
}

} // namespace

Snapshot lookupSnapshot(const LookupEvidence &evidence)
{
    Snapshot s;
    s.kind = SnapshotKind::Lookup;
    s.title = evidence.title;
    if (evidence.facts) {
        s.paymentKey = QString::fromStdString(evidence.facts->paymentKey);
        s.orderId = QString::fromStdString(evidence.facts->orderId);
        s.status = QString::fromStdString(evidence.facts->status);
    }
    s.capturedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (evidence.analysis) {
        for (const Finding &f : evidence.analysis->findings)
            s.findings.push_back(findingRecord(f));
        s.catalogVersion = evidence.analysis->catalogVersion;
    }
    s.profile = evidence.profile;
    s.mid = evidence.mid;
    switch (evidence.keyMode) {
    case KeyMode::Test: s.keyMode = SnapshotKeyMode::Test; break;
    case KeyMode::Live: s.keyMode = SnapshotKeyMode::Live; break;
    case KeyMode::Unknown: break;
    }
    for (const Source source : {Source::Payment, Source::Transactions, Source::Settlements, Source::IapOrderStatus})
        for (const RawAnswer &answer : evidence.answersOf(source)) {
            SnapshotBody body;
            body.source = sourceId(source);
            body.method = answer.method;
            body.path = answer.path;
            body.status = answer.status;
            body.headers = answer.headers;
            body.content = answer.content;
            body.receivedAtMs = answer.receivedAtMs;
            s.bodies.push_back(std::move(body));
        }
    return s;
}

std::optional<Snapshot> snapshotOf(const CaseSession &session)
{
    const CaseSnapshot &snap = session.snapshot();
    if (!snap.documents || session.stored())
        return std::nullopt;
    if (session.isLookup()) {
        const CaseSession::LookupRequest &lookup = *session.lookup();
        Snapshot s = lookupSnapshot({session.title(), lookup.profileName, lookup.mid, keyModeOf(lookup.config.secretKey), &snap.facts,
                                     &snap.analysis, [&session](Source source) -> const std::vector<RawAnswer> & {
                                         return session.answersOf(source);
                                     }});
        s.asOfMs = session.asOf();
        if (s.bodies.empty())
            return std::nullopt;
        return s;
    }
    Snapshot s;
    s.title = session.title();
    s.paymentKey = QString::fromStdString(snap.facts.paymentKey);
    s.orderId = QString::fromStdString(snap.facts.orderId);
    s.status = QString::fromStdString(snap.facts.status);
    s.capturedAtMs = QDateTime::currentMSecsSinceEpoch();
    s.asOfMs = session.asOf();
    for (const Finding &f : snap.analysis.findings)
        s.findings.push_back(findingRecord(f));
    s.catalogVersion = snap.analysis.catalogVersion;
    // A streamed file's records were not kept, and its head is not the evidence; a text above
    // the size whose every value is linked is a dump, not a ticket's evidence (masking reads it
    // whole, and its copy would hold the window).
    if (snap.route == InputRoute::Streamed || !snap.rawText || snap.rawText->size() > session.inputLimits().fullMapUpTo)
        return std::nullopt;
    s.kind = session.inputText().empty() ? SnapshotKind::File : SnapshotKind::Paste;
    SnapshotBody body;
    body.source = s.kind == SnapshotKind::File ? QStringLiteral("file") : QStringLiteral("text");
    body.path = s.kind == SnapshotKind::File ? session.title() : QString();
    body.content = QByteArray::fromStdString(*snap.rawText);
    s.bodies.push_back(std::move(body));
    return s;
}

} // namespace paytriage

#include "evidencehistory.moc"
