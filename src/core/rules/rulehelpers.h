#pragma once

#include "catalog/catalog.h"
#include "util/jsonutil.h"
#include "util/money.h"

#include <string>
#include <string_view>

namespace paytriage::rules {

// The Payment field that holds the details of a method ("카드" → "card"), from the catalog.
inline std::string methodDetailField(const Catalog &catalog, std::string_view method)
{
    const Json *value = catalog.enumValue("payment.method", method);
    return value ? json::string(*value, "detailField") : std::string();
}

inline bool isVirtualAccount(const Catalog &catalog, std::string_view method)
{
    return methodDetailField(catalog, method) == "virtualAccount";
}

// PayPal and other foreign-currency payments legitimately lack KRW-only fields (facts §8.3).
inline bool isForeignCurrency(std::string_view currency)
{
    return !currency.empty() && currency != "KRW";
}

inline bool statusFlag(const Catalog &catalog, std::string_view status, std::string_view flag)
{
    const Json *value = catalog.enumValue("payment.status", status);
    const auto b = value ? json::boolean(*value, flag) : std::nullopt;
    return b.value_or(false);
}

inline std::string money(double value, std::string_view currency)
{
    return formatMoney(value, currency.empty() ? std::string_view("KRW") : currency);
}

} // namespace paytriage::rules
