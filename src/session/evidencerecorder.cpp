#include "session/evidencerecorder.h"

#include "net/profile.h"
#include "store/evidencestore.h"

#include <QDateTime>

namespace paytriage {

// Lives on the recorder's thread: opens the store on the first snapshot (QtSql's connections
// belong to the thread that opened them) and keeps it open.
class EvidenceRecorder::Writer final : public QObject
{
    Q_OBJECT
public:
    explicit Writer(StoreLocation location) : m_location(std::move(location)) {}

    void write(const Snapshot &snapshot)
    {
        if (!m_store) {
            auto opened = EvidenceStore::open(m_location);
            if (const auto *error = std::get_if<StoreError>(&opened)) {
                Q_EMIT failed(error->message());
                return;
            }
            m_store = std::move(std::get<std::unique_ptr<EvidenceStore>>(opened));
        }
        auto added = m_store->add(snapshot);
        if (const auto *error = std::get_if<StoreError>(&added))
            Q_EMIT failed(error->message());
        else
            Q_EMIT recorded(std::get<qint64>(added), snapshot.title);
    }

Q_SIGNALS:
    void recorded(qint64 id, const QString &title);
    void failed(const QString &message);

private:
    StoreLocation m_location;
    std::unique_ptr<EvidenceStore> m_store;
};

EvidenceRecorder::EvidenceRecorder(StoreLocation location, QObject *parent)
    : QObject(parent), m_location(location), m_writer(new Writer(std::move(location)))
{
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &Writer::recorded, this, &EvidenceRecorder::recorded);
    connect(m_writer, &Writer::failed, this, &EvidenceRecorder::failed);
    m_thread.setObjectName(QStringLiteral("evidence"));
    m_thread.start();
}

EvidenceRecorder::~EvidenceRecorder()
{
    // What was queued is written before the window goes: evidence is not dropped on close.
    m_thread.quit();
    m_thread.wait();
}

void EvidenceRecorder::record(Snapshot snapshot)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, snapshot = std::move(snapshot)] { writer->write(snapshot); },
                              Qt::QueuedConnection);
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

std::optional<Snapshot> snapshotOf(const CaseSession &session)
{
    const CaseSnapshot &snap = session.snapshot();
    if (!snap.documents)
        return std::nullopt;
    Snapshot s;
    s.title = session.title();
    s.paymentKey = QString::fromStdString(snap.facts.paymentKey);
    s.orderId = QString::fromStdString(snap.facts.orderId);
    s.status = QString::fromStdString(snap.facts.status);
    s.capturedAtMs = QDateTime::currentMSecsSinceEpoch();
    s.asOfMs = session.asOf();
    for (const Finding &f : snap.analysis.findings)
        s.findings.push_back(findingRecord(f));
    if (session.isLookup()) {
        const CaseSession::LookupRequest &lookup = *session.lookup();
        s.kind = SnapshotKind::Lookup;
        s.profile = lookup.profileName;
        s.mid = lookup.mid;
        switch (keyModeOf(lookup.config.secretKey)) {
        case KeyMode::Test: s.keyMode = SnapshotKeyMode::Test; break;
        case KeyMode::Live: s.keyMode = SnapshotKeyMode::Live; break;
        case KeyMode::Unknown: break;
        }
        for (const Source source : {Source::Payment, Source::Transactions, Source::Settlements, Source::IapOrderStatus})
            for (const RawAnswer &answer : session.answersOf(source)) {
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
        if (s.bodies.empty())
            return std::nullopt;
        return s;
    }
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

#include "evidencerecorder.moc"
