#pragma once

// Plain substring search over the raw pane's UTF-8 bytes (the display text has the same
// characters, so a match maps to a selection through TextIndex). Case-insensitive matching
// folds ASCII letters only: JSON keys and enum values are ASCII, and Hangul has no case.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace paytriage {

// First match starting at or after from.
std::optional<std::size_t> findForward(std::string_view haystack, std::string_view needle, std::size_t from,
                                       bool caseSensitive);
// Last match starting before `before`.
std::optional<std::size_t> findBackward(std::string_view haystack, std::string_view needle, std::size_t before,
                                        bool caseSensitive);
// Starts of non-overlapping matches, at most limit of them (limit + 1 found → capped = true).
std::vector<std::size_t> findAll(std::string_view haystack, std::string_view needle, bool caseSensitive,
                                 std::size_t limit, bool *capped);

} // namespace paytriage
