#pragma once

#include "catalog/catalog.h"
#include "rules/rule.h"
#include "util/jsonutil.h"
#include "util/money.h"

#include <string>
#include <string_view>
#include <vector>

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

// The keys the API always sends for a record of this kind ("payment", "transaction", …) at this
// version that the object lacks, in catalog order. The catalog marks them "always": true (every
// version) or with the first version that always sends them ("2022-11-16": a 1.4 payment has no
// checkout). An absent key is unknown, not null: Toss sends every key, null when empty.
inline std::vector<std::string> missingKeys(const Catalog &catalog, std::string_view kind, const Json &object,
                                            std::string_view version)
{
    std::vector<std::string> missing;
    const Json *fields = catalog.documentFields(kind);
    if (!fields || !object.is_object())
        return missing;
    for (auto it = fields->begin(); it != fields->end(); ++it) {
        const Json *always = json::get(*it, "always");
        // Date-named versions compare as text; 1.x versions come before every date.
        const bool expected = always
                              && ((always->is_boolean() && always->get<bool>())
                                  || (always->is_string() && version.find('-') != std::string_view::npos
                                      && version >= always->get_ref<const std::string &>()));
        if (expected && !object.contains(it.key()))
            missing.push_back(it.key());
    }
    return missing;
}

// The document an object sits in was cut, trimmed or elided: what it lacks is unknown.
inline bool isPartial(const RuleContext &ctx, const ObjectRef &o)
{
    if (o.document < ctx.kase.documents.size() && ctx.kase.documents[o.document].partial)
        return true;
    return !missingKeys(ctx.catalog, recordKind(o.kind), o.value, o.apiVersion).empty();
}

// In both languages: "22,400원" reads in Korean, "22,400 KRW" in English.
inline LocalizedText money(double value, std::string_view currency)
{
    return localizedMoney(value, currency.empty() ? std::string_view("KRW") : currency);
}

} // namespace paytriage::rules
