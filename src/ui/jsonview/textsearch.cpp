#include "textsearch.h"

#include <algorithm>

namespace paytriage {

namespace {

char foldAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool equalFolded(char a, char b)
{
    return foldAscii(a) == foldAscii(b);
}

} // namespace

std::optional<std::size_t> findForward(std::string_view haystack, std::string_view needle, std::size_t from,
                                       bool caseSensitive)
{
    if (needle.empty() || from > haystack.size())
        return std::nullopt;
    if (caseSensitive) {
        const std::size_t at = haystack.find(needle, from);
        return at == std::string_view::npos ? std::nullopt : std::optional<std::size_t>(at);
    }
    const auto it = std::search(haystack.begin() + std::ptrdiff_t(from), haystack.end(), needle.begin(),
                                needle.end(), equalFolded);
    if (it == haystack.end())
        return std::nullopt;
    return std::size_t(it - haystack.begin());
}

std::optional<std::size_t> findBackward(std::string_view haystack, std::string_view needle, std::size_t before,
                                        bool caseSensitive)
{
    if (needle.empty() || before == 0 || needle.size() > haystack.size())
        return std::nullopt;
    // A match starting at before - 1 ends at before - 1 + needle.size().
    const std::size_t limit = std::min(haystack.size(), before - 1 + needle.size());
    const std::string_view window = haystack.substr(0, limit);
    if (caseSensitive) {
        const std::size_t at = window.rfind(needle);
        return at == std::string_view::npos ? std::nullopt : std::optional<std::size_t>(at);
    }
    const auto it = std::find_end(window.begin(), window.end(), needle.begin(), needle.end(), equalFolded);
    if (it == window.end())
        return std::nullopt;
    return std::size_t(it - window.begin());
}

std::vector<std::size_t> findAll(std::string_view haystack, std::string_view needle, bool caseSensitive,
                                 std::size_t limit, bool *capped)
{
    std::vector<std::size_t> matches;
    if (capped)
        *capped = false;
    std::size_t from = 0;
    while (auto at = findForward(haystack, needle, from, caseSensitive)) {
        if (matches.size() == limit) {
            if (capped)
                *capped = true;
            break;
        }
        matches.push_back(*at);
        from = *at + needle.size();
    }
    return matches;
}

} // namespace paytriage
