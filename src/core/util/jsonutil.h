#pragma once

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace paytriage::json {

using Json = nlohmann::ordered_json;

inline const Json *get(const Json &object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// Equality of two short strings such as JSON keys, without a call into the C library for the
// common sizes: four or eight bytes at a time, the last load overlapping the one before.
// Streamed records compare every key to the previous record's, tens of millions of times.
inline bool sameText(std::string_view a, std::string_view b)
{
    const std::size_t n = a.size();
    if (n != b.size())
        return false;
    const char *x = a.data();
    const char *y = b.data();
    if (n < 4) {
        for (std::size_t i = 0; i < n; ++i)
            if (x[i] != y[i])
                return false;
        return true;
    }
    if (n > 32)
        return a == b;
    const auto load4 = [](const char *p) {
        std::uint32_t v;
        std::memcpy(&v, p, sizeof v);
        return v;
    };
    const auto load8 = [](const char *p) {
        std::uint64_t v;
        std::memcpy(&v, p, sizeof v);
        return v;
    };
    if (n <= 8)
        return load4(x) == load4(y) && load4(x + n - 4) == load4(y + n - 4);
    for (std::size_t i = 0; i + 8 < n; i += 8)
        if (load8(x + i) != load8(y + i))
            return false;
    return load8(x + n - 8) == load8(y + n - 8);
}

// One key looked up in objects that usually share their layout, such as the records of one
// list: the position where the key was found last is tried first, so a record costs one key
// comparison instead of a scan of its members.
class KeyCursor final
{
public:
    explicit KeyCursor(std::string_view key) : m_key(key) {}

    const Json *find(const Json &object)
    {
        if (!object.is_object())
            return nullptr;
        // ordered_map is a std::vector of members underneath.
        const Json::object_t::Container &members = object.get_ref<const Json::object_t &>();
        if (m_hint < members.size() && sameText(members[m_hint].first, m_key))
            return &members[m_hint].second;
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (members[i].first == m_key) {
                m_hint = i;
                return &members[i].second;
            }
        }
        return nullptr;
    }

    // The value when it is a string, else nullptr.
    const std::string *string(const Json &object)
    {
        const Json *value = find(object);
        return value && value->is_string() ? &value->get_ref<const std::string &>() : nullptr;
    }

private:
    std::string_view m_key;
    std::size_t m_hint = 0;
};

// Missing, null or "" — the three ways the API says "nothing here".
inline bool isNullish(const Json *value)
{
    return !value || value->is_null() || (value->is_string() && value->get_ref<const std::string &>().empty());
}

inline std::string string(const Json &object, std::string_view key)
{
    const Json *v = get(object, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// A number, or a string that holds one: the docs' settlement example types fees[].fee as "800".
inline std::optional<double> number(const Json *v)
{
    if (!v)
        return std::nullopt;
    if (v->is_number())
        return v->get<double>();
    if (!v->is_string())
        return std::nullopt;
    const std::string &text = v->get_ref<const std::string &>();
    double parsed = 0;
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, parsed);
    if (text.empty() || ec != std::errc() || ptr != end)
        return std::nullopt;
    return parsed;
}

inline std::optional<double> number(const Json &object, std::string_view key)
{
    return number(get(object, key));
}

// The key is there (null or not): a key that is absent from a partial document is unknown.
inline bool has(const Json &object, std::string_view key)
{
    return get(object, key) != nullptr;
}

// The key is there and null or "": the API's two ways of saying "nothing" (facts §8.2).
inline bool isExplicitlyEmpty(const Json &object, std::string_view key)
{
    const Json *v = get(object, key);
    return v && (v->is_null() || (v->is_string() && v->get_ref<const std::string &>().empty()));
}

inline std::optional<bool> boolean(const Json &object, std::string_view key)
{
    const Json *v = get(object, key);
    if (!v || !v->is_boolean())
        return std::nullopt;
    return v->get<bool>();
}

// Compact one-line rendering of a value for evidence ("null", "\"\"", "22400", "{…}").
std::string brief(const Json *value);

} // namespace paytriage::json
