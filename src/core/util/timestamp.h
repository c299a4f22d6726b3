#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/text.h"

namespace paytriage {

// A point in time read from an API string. The Toss API mixes forms: payments carry
// "2024-08-07T16:08:45+09:00", webhooks "2023-07-20T16:35:47.729718" (no offset),
// settlements plain dates. A missing offset is read as KST (+09:00) and remembered, so the
// UI and the timestamp-without-offset rule can say so.
struct Timestamp
{
    std::int64_t msSinceEpoch = 0;  // UTC
    int offsetMinutes = 540;        // the offset written (or assumed), minutes east of UTC
    bool hasOffset = true;          // false: no offset in the text, KST assumed
    bool dateOnly = false;          // "2023-11-25": midnight KST

    friend auto operator<=>(const Timestamp &a, const Timestamp &b) { return a.msSinceEpoch <=> b.msSinceEpoch; }
    friend bool operator==(const Timestamp &a, const Timestamp &b) { return a.msSinceEpoch == b.msSinceEpoch; }
};

inline constexpr int kstOffsetMinutes = 9 * 60;

// nullopt when the text is not an ISO 8601 date or date-time.
std::optional<Timestamp> parseTimestamp(std::string_view text);

// When pasted evidence was captured, read from the log lines around it: the latest date-time a
// line starts with ("2025-04-02 08:39:25.123 INFO …", "[2025-04-02T08:39:25+09:00] response: {…}").
// A log line's time is when it was written, so what it holds was seen then: the time to analyse
// the paste as of. Times inside JSON values are not capture times and are not read. nullopt when
// no line starts with a date and a time.
std::optional<Timestamp> captureTime(std::string_view text);

// "2024-08-07 16:08:45 KST" (seconds; milliseconds when not zero).
std::string formatKst(const Timestamp &t);
// ISO 8601 with the KST offset: "2024-08-07T16:08:45+09:00".
std::string formatIsoKst(std::int64_t msSinceEpoch);
// "2024-08-07 16:08:45 KST", to the second: when a case was looked up or kept.
std::string formatKstSeconds(std::int64_t msSinceEpoch);

// "3 min", "2 h 5 min", "4 d 3 h" in English; "3분", "2시간 5분", "4일 3시간" in Korean — for
// relative times and durations.
std::string formatDuration(std::int64_t ms, Language language = Language::English);
LocalizedText localizedDuration(std::int64_t ms);

} // namespace paytriage
