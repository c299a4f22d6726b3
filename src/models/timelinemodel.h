#pragma once

// The case's timeline: one row per event, in the order given (the analyzer sorts by time).
// Rows carry the worst severity of the findings about their event, so the timeline shows
// where things went wrong.

#include "models/modelroles.h"
#include "models/selection.h"
#include "rules/finding.h"
#include "timeline/timeline.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace paytriage {

class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        RelativeColumn,
        EventColumn,
        SourceColumn,
        StatusColumn,
        AmountColumn,
        ColumnCount
    };

    explicit TimelineModel(QObject *parent = nullptr);
    ~TimelineModel() override;

    // Resets. nowMs: when the case was analysed; a "now" row is added where it matters (a
    // deadline on the timeline, or a payment last seen in a status that is still moving).
    void setEvents(std::vector<TimelineEvent> events, std::int64_t nowMs = 0);
    const std::vector<TimelineEvent> &events() const { return m_events; }
    // Marks the events the findings are about (SeverityRole). No reset: dataChanged.
    // An event is about a finding when they share the document and one of the finding's
    // pointers equals the event's pointer, or lies inside the record holding the event's field
    // (a transaction or settlement of a list, a cancel, the payment's virtualAccount for its
    // due date). A lone document's root or payload ("", "/success", a webhook's "/data") is not
    // such a record: there only the exact pointer counts, or every finding about a single
    // payment would mark all of its events.
    void setFindings(const std::vector<Finding> &findings);
    void setLanguage(Language language);
    Language language() const { return m_language; }

    const TimelineEvent *event(int row) const;
    // The event whose pointer equals the selection, else the first event whose record contains
    // it (walking up the selection's ancestors); -1 when none.
    int rowFor(const Selection &selection) const;
    // Worst severity of the findings about the event at row, -1 for none.
    int severityAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // JSON pointer of the object holding the event's field, and whether findings anywhere
    // inside it count for the event (see setFindings).
    static std::string_view recordOf(const TimelineEvent &event);
    static bool recordScoped(const TimelineEvent &event);

private:
    struct StringHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    // Per document: pointer → something (severity, row).
    using PointerMap = std::unordered_map<std::string, int, StringHash, std::equal_to<>>;
    using DocumentMaps = std::unordered_map<std::size_t, PointerMap>;

    void computeSeverities();
    void buildRowIndex();
    QVariant display(const TimelineEvent &e, int column) const;
    QString searchText(const TimelineEvent &e) const;

    std::vector<TimelineEvent> m_events;
    std::vector<signed char> m_severity;      // per row
    DocumentMaps m_exactFindings;             // worst severity of findings at exactly that pointer
    DocumentMaps m_withinFindings;            // worst severity of findings at or below that pointer
    DocumentMaps m_rowByPointer;              // first row of an event at that pointer
    DocumentMaps m_rowByRecord;               // first row of an event whose record is that pointer
    std::int64_t m_startMs = 0;
    Language m_language = Language::English;
};

} // namespace paytriage
