#pragma once

// The Toss objects the sandbox serves, as empty skeletons holding every field in the order the
// live API sends them (seed 000's Payment, seed 001's Transaction, seed 004's Settlement and
// Cancel). Builders fill a skeleton by key; nlohmann::ordered_json keeps an existing key where it
// is, so every response has the real order whichever builder made it.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace paytriage::toss {

using Json = nlohmann::ordered_json;

inline constexpr const char *apiVersion = "2022-11-16";

Json paymentSkeleton();
Json transactionSkeleton();
Json settlementSkeleton();
Json cancelSkeleton();
Json cardSkeleton();
Json virtualAccountSkeleton();

// The detail object a method fills: "card", "virtualAccount", "easyPay", "mobilePhone",
// "transfer" or "giftCertificate".
std::string detailFieldOf(std::string_view method);

// The Core API error body: {"code": …, "message": …}.
Json errorBody(std::string_view code, std::string_view message);
// The Apps-in-Toss envelopes: {"resultType":"SUCCESS","success":…} and
// {"resultType":"FAIL","error":{"errorCode":…,"reason":…}}.
Json inAppSuccess(Json success);
Json inAppFailure(std::string_view errorCode, std::string_view reason);

// round(balance / 11) for non-negative whole amounts: the VAT rule every sample follows
// (119,691 → 10,881; 50,000 → 4,545).
constexpr std::int64_t vatOf(std::int64_t taxable)
{
    return (2 * taxable + 11) / 22;
}

} // namespace paytriage::toss
