#include "timelinemodel.h"

#include "models/modeltext.h"
#include "util/money.h"

#include <QStringList>

#include <algorithm>
#include <limits>

namespace paytriage {
namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

constexpr std::int64_t dayMs = 86400000;
constexpr std::int64_t kstOffsetMs = std::int64_t(kstOffsetMinutes) * 60000;

// Midnight KST of the day holding ms.
std::int64_t kstDayStart(std::int64_t ms)
{
    const std::int64_t local = ms + kstOffsetMs;
    const std::int64_t day = local >= 0 ? local / dayMs : (local - dayMs + 1) / dayMs;
    return day * dayMs - kstOffsetMs;
}

std::string_view parentOf(std::string_view pointer)
{
    const auto slash = pointer.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : pointer.substr(0, slash);
}

bool isIndexToken(std::string_view token)
{
    return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

TimelineModel::~TimelineModel() = default;

std::string_view TimelineModel::recordOf(const TimelineEvent &event)
{
    return parentOf(event.pointer);
}

bool TimelineModel::recordScoped(const TimelineEvent &event)
{
    const std::string_view record = recordOf(event);
    if (record.empty())
        return false;  // the document's root
    // An element of a list: a transaction, a settlement, a cancel, one payment of several.
    if (isIndexToken(record.substr(record.rfind('/') + 1)))
        return true;
    // The due date sits in the payment's virtualAccount object, which is about that deposit.
    // Any other named object holding an event's field is a payload ("/success", a webhook's
    // "/data") standing for the whole document.
    return event.type == EventType::DepositDue;
}

void TimelineModel::setEvents(std::vector<TimelineEvent> events, std::int64_t nowMs)
{
    beginResetModel();
    m_events = std::move(events);
    // "Since start" counts from the first timed event: not from a plain date (a business day)
    // nor from a deadline, which are not moments something happened.
    const auto counts = [](const TimelineEvent &e) { return !e.at.dateOnly && !isDeadline(e.type); };
    const auto first = std::find_if(m_events.begin(), m_events.end(), counts);
    m_startMs = first != m_events.end() ? first->at.msSinceEpoch : m_events.empty() ? 0 : m_events.front().at.msSinceEpoch;
    for (const TimelineEvent &e : m_events)
        if (counts(e))
            m_startMs = std::min(m_startMs, e.at.msSinceEpoch);
    const auto lastStatus = std::find_if(m_events.rbegin(), m_events.rend(), [](const TimelineEvent &e) { return !e.status.empty(); });
    const bool deadline = std::any_of(m_events.begin(), m_events.end(), [](const TimelineEvent &e) { return isDeadline(e.type); });
    // Right after a lookup, "now" is the lookup's own row: only a minute or more later does it add anything.
    std::int64_t latest = std::numeric_limits<std::int64_t>::min();
    for (const TimelineEvent &e : m_events)
        if (!isDeadline(e.type))
            latest = std::max(latest, e.at.msSinceEpoch);
    const bool later = !m_events.empty() && nowMs - latest >= 60000;
    if (nowMs > 0 && later && (deadline || (lastStatus != m_events.rend() && statusStage(lastStatus->status) == StatusStage::Moving))) {
        TimelineEvent now;
        now.at = Timestamp{nowMs, kstOffsetMinutes, true, false};
        now.type = EventType::Now;
        now.document = std::numeric_limits<std::size_t>::max();  // no document: selecting it selects nothing
        const auto at = std::upper_bound(m_events.begin(), m_events.end(), now, [](const TimelineEvent &a, const TimelineEvent &b) {
            return a.at.msSinceEpoch < b.at.msSinceEpoch + (b.at.dateOnly ? dayMs - 1 : 0);
        });
        m_events.insert(at, std::move(now));
    }
    buildRowIndex();
    computeSeverities();
    endResetModel();
}

void TimelineModel::buildRowIndex()
{
    m_rowByPointer.clear();
    m_rowByRecord.clear();
    for (std::size_t row = 0; row < m_events.size(); ++row) {
        const TimelineEvent &e = m_events[row];
        m_rowByPointer[e.document].try_emplace(e.pointer, static_cast<int>(row));
        m_rowByRecord[e.document].try_emplace(std::string(recordOf(e)), static_cast<int>(row));
    }
}

void TimelineModel::setFindings(const std::vector<Finding> &findings)
{
    m_exactFindings.clear();
    m_withinFindings.clear();
    auto raiseTo = [](PointerMap &map, std::string_view key, int severity) {
        auto it = map.find(key);
        if (it == map.end())
            map.emplace(std::string(key), severity);
        else
            it->second = std::max(it->second, severity);
    };
    for (const Finding &f : findings) {
        const int severity = static_cast<int>(f.severity);
        PointerMap &exact = m_exactFindings[f.document];
        PointerMap &within = m_withinFindings[f.document];
        for (const std::string &pointer : f.pointers) {
            raiseTo(exact, pointer, severity);
            for (std::string_view p = pointer; !p.empty(); p = parentOf(p))
                raiseTo(within, p, severity);
        }
    }
    computeSeverities();
    if (!m_events.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {SeverityRole});
}

void TimelineModel::computeSeverities()
{
    m_severity.assign(m_events.size(), static_cast<signed char>(NoSeverity));
    auto lookup = [](const DocumentMaps &maps, std::size_t document, std::string_view pointer) {
        const auto doc = maps.find(document);
        if (doc == maps.end())
            return int(NoSeverity);
        const auto it = doc->second.find(pointer);
        return it == doc->second.end() ? int(NoSeverity) : it->second;
    };
    for (std::size_t row = 0; row < m_events.size(); ++row) {
        const TimelineEvent &e = m_events[row];
        int severity = lookup(m_exactFindings, e.document, e.pointer);
        if (recordScoped(e))
            severity = std::max(severity, lookup(m_withinFindings, e.document, recordOf(e)));
        m_severity[row] = static_cast<signed char>(severity);
    }
}

void TimelineModel::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (!m_events.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

const TimelineEvent *TimelineModel::event(int row) const
{
    return row >= 0 && row < rowCount() ? &m_events[static_cast<std::size_t>(row)] : nullptr;
}

int TimelineModel::severityAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_severity[static_cast<std::size_t>(row)] : NoSeverity;
}

int TimelineModel::rowFor(const Selection &selection) const
{
    if (!selection.valid())
        return -1;
    if (const auto doc = m_rowByPointer.find(selection.document); doc != m_rowByPointer.end()) {
        if (const auto it = doc->second.find(std::string_view(selection.pointer)); it != doc->second.end())
            return it->second;
    }
    const auto doc = m_rowByRecord.find(selection.document);
    if (doc == m_rowByRecord.end())
        return -1;
    // The selection itself may be a record; else the nearest record holding it.
    std::string_view p = selection.pointer;
    while (true) {
        if (const auto it = doc->second.find(p); it != doc->second.end())
            return it->second;
        if (p.empty())
            return -1;
        p = parentOf(p);
    }
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::display(const TimelineEvent &e, int column) const
{
    switch (column) {
    case TimeColumn: {
        const QString time = qs(formatKst(e.at));
        // A plain date (settlements) has no time of day, so no offset to miss.
        return e.at.hasOffset || e.at.dateOnly ? time : tr("%1 (no offset)").arg(time);
    }
    case RelativeColumn: {
        if (e.at.msSinceEpoch == m_startMs)
            return tr("start");
        if (e.at.dateOnly) {
            // A plain date is a business day: count whole days from the first event's day.
            const std::int64_t days = (e.at.msSinceEpoch - kstDayStart(m_startMs)) / dayMs;
            return QString((days >= 0 ? QStringLiteral("+") : QString())
                           + (m_language == Language::Korean ? QStringLiteral("%1일") : QStringLiteral("%1 d")).arg(days));
        }
        const std::int64_t diff = e.at.msSinceEpoch - m_startMs;
        const QString since = (diff >= 0 ? QStringLiteral("+") : QString()) + qs(formatDuration(diff, m_language));
        return isDeadline(e.type) ? tr("due %1").arg(since) : since;
    }
    case EventColumn:
        return e.type == EventType::Now ? tr("Now (time of analysis)") : e.label.qIn(m_language);
    case SourceColumn:
        return e.type == EventType::Now ? QString() : ModelText::documentKind(e.source);
    case StatusColumn:
        return qs(e.status);
    case AmountColumn:
        return e.amount ? qs(formatMoney(*e.amount, e.currency, m_language)) : QString();
    }
    return {};
}

QString TimelineModel::searchText(const TimelineEvent &e) const
{
    QStringList parts{qs(formatKst(e.at)), qs(e.label.ko), qs(e.label.en), ModelText::documentKind(e.source),
                      QString::fromLatin1(kindId(e.source).data(), static_cast<qsizetype>(kindId(e.source).size())),
                      qs(e.status), qs(e.paymentKey), qs(e.pointer)};
    if (e.amount)
        parts << qs(formatMoney(*e.amount, e.currency, m_language));
    return parts.join(QLatin1Char('\n'));
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const TimelineEvent &e = m_events[static_cast<std::size_t>(row)];
    switch (role) {
    case Qt::DisplayRole:
        return display(e, index.column());
    case Qt::ToolTipRole:
        if (isDeadline(e.type))
            return tr("A deadline, not an event: by %1 it had to happen.").arg(qs(formatKst(e.at)));
        if (e.at.dateOnly)
            return tr("A business day, without a time of day: shown after that day's timed events.");
        if (e.type == EventType::Now)
            return tr("When the case was analysed: how long ago everything above happened, and whether a deadline passed.");
        if (index.column() == TimeColumn)
            return qs(formatIsoKst(e.at.msSinceEpoch));
        return QStringLiteral("#%1 %2").arg(e.document + 1).arg(qs(e.pointer));
    case SeverityRole:
        return severityAt(row);
    case DocumentRole:
        return qulonglong(e.document);
    case PointerRole:
        return qs(e.pointer);
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
        case RelativeColumn:
            return qint64(e.at.msSinceEpoch);
        case AmountColumn:
            return e.amount ? QVariant(*e.amount) : QVariant(0.0);
        }
        return display(e, index.column());
    case SearchTextRole:
        return searchText(e);
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time (KST)");
    case RelativeColumn: return tr("Since start");
    case EventColumn: return tr("Event");
    case SourceColumn: return tr("Source");
    case StatusColumn: return tr("Status");
    case AmountColumn: return tr("Amount");
    }
    return {};
}

} // namespace paytriage
