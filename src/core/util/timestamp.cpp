#include "timestamp.h"

#include <cctype>

#include <cstdio>

namespace paytriage {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int &out)
{
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

unsigned daysInMonth(int y, unsigned m)
{
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

} // namespace

std::optional<Timestamp> parseTimestamp(std::string_view s)
{
    int y = 0, mo = 0, d = 0;
    if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-'
        || !digits(s, 8, 2, d))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || static_cast<unsigned>(d) > daysInMonth(y, static_cast<unsigned>(mo)))
        return std::nullopt;
    Timestamp t;
    const std::int64_t days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    if (s.size() == 10) {
        t.dateOnly = true;
        t.hasOffset = false;
        t.offsetMinutes = kstOffsetMinutes;
        t.msSinceEpoch = days * 86400000LL - kstOffsetMinutes * 60000LL;
        return t;
    }
    if (s[10] != 'T' && s[10] != ' ')
        return std::nullopt;
    int h = 0, mi = 0, sec = 0;
    if (!digits(s, 11, 2, h) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2, mi))
        return std::nullopt;
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, pos + 1, 2, sec))
            return std::nullopt;
        pos += 3;
    }
    if (h > 23 || mi > 59 || sec > 60)
        return std::nullopt;
    std::int64_t ms = 0;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        int scale = 100;
        const std::size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (scale > 0) {
                ms += (s[pos] - '0') * scale;
                scale /= 10;
            }
            ++pos;
        }
        if (pos == start)
            return std::nullopt;
    }
    if (pos == s.size()) {
        t.hasOffset = false;
        t.offsetMinutes = kstOffsetMinutes;
    } else if (s[pos] == 'Z' && pos + 1 == s.size()) {
        t.offsetMinutes = 0;
    } else if ((s[pos] == '+' || s[pos] == '-')) {
        int oh = 0, om = 0;
        if (!digits(s, pos + 1, 2, oh))
            return std::nullopt;
        std::size_t next = pos + 3;
        if (next < s.size() && s[next] == ':')
            ++next;
        if (!digits(s, next, 2, om) || next + 2 != s.size() || oh > 18 || om > 59)
            return std::nullopt;
        t.offsetMinutes = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    t.msSinceEpoch = (days * 86400LL + h * 3600LL + mi * 60LL + sec) * 1000LL + ms
                     - t.offsetMinutes * 60000LL;
    return t;
}

std::string formatIsoKst(std::int64_t msSinceEpoch)
{
    const std::int64_t local = msSinceEpoch + kstOffsetMinutes * 60000LL;
    std::int64_t days = local / 86400000LL;
    std::int64_t rem = local % 86400000LL;
    if (rem < 0) {
        rem += 86400000LL;
        --days;
    }
    int y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    const int secs = static_cast<int>(rem / 1000);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d+09:00", y, m, d, secs / 3600,
                  secs / 60 % 60, secs % 60);
    return buf;
}

std::string formatKstSeconds(std::int64_t msSinceEpoch)
{
    const std::string iso = formatIsoKst(msSinceEpoch);
    return iso.substr(0, 10) + ' ' + iso.substr(11, 8) + " KST";
}

std::string formatKst(const Timestamp &t)
{
    std::string iso = formatIsoKst(t.msSinceEpoch);
    if (t.dateOnly)
        return iso.substr(0, 10);
    std::string out = iso.substr(0, 10) + ' ' + iso.substr(11, 8);
    const std::int64_t ms = ((t.msSinceEpoch % 1000) + 1000) % 1000;
    if (ms != 0) {
        char buf[8];
        std::snprintf(buf, sizeof buf, ".%03d", static_cast<int>(ms));
        out += buf;
    }
    return out + " KST";
}

std::optional<Timestamp> captureTime(std::string_view text)
{
    std::optional<Timestamp> latest;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        std::size_t i = 0;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '['))
            ++i;
        line = line.substr(i);
        // YYYY-MM-DD, a space or T, then the time and an optional zone.
        if (line.size() < 16 || (line[10] != ' ' && line[10] != 'T') || line[4] != '-' || line[7] != '-')
            continue;
        std::string candidate(line.substr(0, 10));
        candidate += 'T';
        std::size_t j = 11;
        while (j < line.size() && j < 40
               && (std::isdigit(static_cast<unsigned char>(line[j])) || line[j] == ':' || line[j] == '.' || line[j] == ','))
            candidate += line[j] == ',' ? '.' : line[j], ++j;
        if (j < line.size() && (line[j] == 'Z' || line[j] == '+' || line[j] == '-')) {
            std::size_t k = j + 1;
            while (k < line.size() && k < j + 6 && (std::isdigit(static_cast<unsigned char>(line[k])) || line[k] == ':'))
                ++k;
            candidate += line.substr(j, k - j);
        }
        const auto at = parseTimestamp(candidate);
        if (at && !at->dateOnly && (!latest || at->msSinceEpoch > latest->msSinceEpoch))
            latest = at;
    }
    return latest;
}

std::string formatDuration(std::int64_t ms, Language language)
{
    const bool negative = ms < 0;
    const std::int64_t magnitude = negative ? -ms : ms;
    const long long s = magnitude / 1000;
    const bool ko = language == Language::Korean;
    char buf[64];
    if (s == 0 && magnitude > 0)
        std::snprintf(buf, sizeof buf, "%lld ms", static_cast<long long>(magnitude));  // two webhooks 45 ms apart
    else if (s < 60)
        std::snprintf(buf, sizeof buf, ko ? "%lld초" : "%llds", s);
    else if (s < 3600)
        std::snprintf(buf, sizeof buf, ko ? "%lld분" : "%lld min", s / 60);
    else if (s < 86400)
        std::snprintf(buf, sizeof buf, ko ? "%lld시간 %lld분" : "%lld h %lld min", s / 3600, s / 60 % 60);
    else
        std::snprintf(buf, sizeof buf, ko ? "%lld일 %lld시간" : "%lld d %lld h", s / 86400, s / 3600 % 24);
    return negative ? std::string("-") + buf : std::string(buf);
}

LocalizedText localizedDuration(std::int64_t ms)
{
    return {formatDuration(ms, Language::Korean), formatDuration(ms, Language::English)};
}

} // namespace paytriage
