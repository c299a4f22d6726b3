#include "casewords.h"

#include "net/profile.h"
#include "util/timestamp.h"

#include <QCoreApplication>

#include <algorithm>

namespace paytriage {

int worstSeverity(const CaseSession &session)
{
    const auto worst = session.snapshot().analysis.worst();
    return worst ? static_cast<int>(*worst) : -1;
}

std::array<int, 3> severityCounts(const CaseSession &session)
{
    std::array<int, 3> counts{0, 0, 0};
    for (const Finding &f : session.snapshot().analysis.findings)
        ++counts[static_cast<int>(f.severity)];
    return counts;
}

int caseSeverity(const CaseSession &session)
{
    int worst = worstSeverity(session);
    for (const Source source : {Source::Payment, Source::Transactions, Source::Settlements, Source::IapOrderStatus})
        if (const auto &error = session.status(source).error)
            worst = std::max(worst, static_cast<int>(error->severity()));
    if (!session.failure().isEmpty())
        worst = std::max(worst, static_cast<int>(session.failedRequest() ? session.failedRequest()->severity()
                                                                             : Severity::Warning));
    return worst;
}

QString caseStateText(const CaseSession &session)
{
    const CaseSession::Progress progress = session.progress();
    switch (session.state()) {
    case CaseSession::State::Empty:
    case CaseSession::State::Complete:
        return {};
    case CaseSession::State::Working:
        if (!session.isLookup())
            return QCoreApplication::translate("paytriage::CaseView", "Analysing…");
        return progress.started > 1 ? QCoreApplication::translate("paytriage::CaseView", "Looking up… %1 of %2 sources").arg(progress.finished).arg(progress.started)
                                    : QCoreApplication::translate("paytriage::CaseView", "Looking up…");
    case CaseSession::State::PartlyFailed: {
        int arrived = 0;
        for (const Source source : {Source::Payment, Source::Transactions, Source::Settlements, Source::IapOrderStatus})
            arrived += session.status(source).state == CaseSession::SourceState::Done;
        return QCoreApplication::translate("paytriage::CaseView", "%1 of %2 sources arrived").arg(arrived).arg(progress.started);
    }
    case CaseSession::State::Failed:
        return session.isLookup() ? QCoreApplication::translate("paytriage::CaseView", "Lookup failed") : QCoreApplication::translate("paytriage::CaseView", "Not read");
    case CaseSession::State::Canceled:
        return QCoreApplication::translate("paytriage::CaseView", "Canceled");
    }
    return {};
}

QString caseFindingsSummary(const CaseSession &session)
{
    const auto counts = severityCounts(session);
    const bool any = counts[0] + counts[1] + counts[2] > 0;
    const QString found = QCoreApplication::translate("paytriage::CaseView", "%1 critical · %2 warning · %3 info").arg(counts[2]).arg(counts[1]).arg(counts[0]);
    switch (session.state()) {
    case CaseSession::State::Complete:
        return any ? found : QCoreApplication::translate("paytriage::CaseView", "No findings");
    case CaseSession::State::PartlyFailed:
        return (any ? found : QCoreApplication::translate("paytriage::CaseView", "No findings in what arrived")) + QStringLiteral(" · ") + caseStateText(session);
    case CaseSession::State::Working:
        return any ? caseStateText(session) + QStringLiteral(" · ") + found : caseStateText(session);
    case CaseSession::State::Empty:
    case CaseSession::State::Failed:
    case CaseSession::State::Canceled:
        break;
    }
    return caseStateText(session);
}

QString caseProvenance(const CaseSession &session)
{
    const std::int64_t started = session.startedAtMs();
    if (started == 0)
        return {};
    // The time an answer arrived, else when the case started: shown in KST, as Toss shows it.
    std::int64_t at = started;
    if (session.snapshot().documents)
        for (const Document &d : *session.snapshot().documents)
            if (d.source.fetchedAtMs > 0) {
                at = d.source.fetchedAtMs;
                break;
            }
    const QString when = QString::fromStdString(formatKstSeconds(at));
    if (const auto &stored = session.stored()) {
        // Said as the history keeps it: which snapshot, whose, and when it was captured.
        QStringList parts{QCoreApplication::translate("paytriage::CaseView", "Snapshot #%1 of the history").arg(stored->id)};
        if (!stored->profile.isEmpty())
            parts << stored->profile;
        if (!stored->mid.isEmpty())
            parts << QCoreApplication::translate("paytriage::CaseView", "MID %1").arg(stored->mid);
        if (stored->keyMode == SnapshotKeyMode::Test)
            parts << QCoreApplication::translate("paytriage::CaseView", "TEST key");
        else if (stored->keyMode == SnapshotKeyMode::Live)
            parts << QCoreApplication::translate("paytriage::CaseView", "LIVE key");
        const QString captured = QString::fromStdString(formatKstSeconds(stored->capturedAtMs));
        switch (stored->kind) {
        case SnapshotKind::Lookup: parts << QCoreApplication::translate("paytriage::CaseView", "looked up %1").arg(captured); break;
        case SnapshotKind::Paste: parts << QCoreApplication::translate("paytriage::CaseView", "pasted %1").arg(captured); break;
        case SnapshotKind::File: parts << QCoreApplication::translate("paytriage::CaseView", "read from a file %1").arg(captured); break;
        }
        if (const auto asOf = session.asOf(); asOf && *asOf != stored->capturedAtMs)
            parts << QCoreApplication::translate("paytriage::CaseView", "as of %1").arg(QString::fromStdString(formatKstSeconds(*asOf)));
        // Findings are judged again now: say so when the catalog changed since (an update, an override).
        const QString kept = session.storedSnapshot() ? session.storedSnapshot()->catalogVersion : QString();
        const QString now = session.snapshot().analysis.catalogVersion;
        if (!kept.isEmpty() && !now.isEmpty() && kept != now)
            parts << QCoreApplication::translate("paytriage::CaseView", "judged by today's catalog %1, not %2 as when kept").arg(now, kept);
        return parts.join(QStringLiteral(" · "));
    }
    if (!session.isLookup()) {
        if (const auto asOf = session.asOf())
            return QCoreApplication::translate("paytriage::CaseView", "Analysed %1, as of %2 (when it was captured)")
                .arg(when, QString::fromStdString(formatKstSeconds(*asOf)));
        return QCoreApplication::translate("paytriage::CaseView", "Analysed %1").arg(when);
    }
    const CaseSession::LookupRequest &lookup = *session.lookup();
    QStringList parts;
    if (!lookup.profileName.isEmpty())
        parts << lookup.profileName;
    if (!lookup.mid.isEmpty())
        parts << QCoreApplication::translate("paytriage::CaseView", "MID %1").arg(lookup.mid);
    switch (keyModeOf(lookup.config.secretKey)) {
    case KeyMode::Test: parts << QCoreApplication::translate("paytriage::CaseView", "TEST key"); break;
    case KeyMode::Live: parts << QCoreApplication::translate("paytriage::CaseView", "LIVE key"); break;
    case KeyMode::Unknown: break;
    }
    parts << QCoreApplication::translate("paytriage::CaseView", "looked up %1").arg(when);
    return parts.join(QStringLiteral(" · "));
}

QString caseTicketSummary(const CaseSession &session, Language language)
{
    const CaseSnapshot &snap = session.snapshot();
    return QString::fromStdString(caseSummaryText(snap.facts, snap.analysis, language, session.title().toStdString(),
                                                  caseProvenance(session).toStdString()));
}

} // namespace paytriage
