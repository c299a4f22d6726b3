#include "util/jsonutil.h"

namespace paytriage::json {

std::string brief(const Json *value)
{
    if (!value)
        return "(missing)";
    if (value->is_string())
        return '"' + value->get<std::string>() + '"';
    if (value->is_object())
        return value->empty() ? "{}" : "{…}";
    if (value->is_array())
        return value->empty() ? "[]" : "[…]";
    return value->dump();
}

} // namespace paytriage::json
