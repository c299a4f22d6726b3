#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace paytriage::json {

using Json = nlohmann::ordered_json;

inline const Json *get(const Json &object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

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

inline std::optional<double> number(const Json &object, std::string_view key)
{
    const Json *v = get(object, key);
    if (!v || !v->is_number())
        return std::nullopt;
    return v->get<double>();
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
