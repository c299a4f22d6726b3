#pragma once

#include <string>
#include <string_view>

namespace paytriage {

// Amounts as the API sends them: KRW integers, USD with cents (PayPal), and MUSD
// micro-dollars (USD × 10⁶; an interpretation the docs do not confirm).

// "22,400 KRW", "726.24 USD", "181.56 USD (181,560,000 MUSD)".
std::string formatMoney(double value, std::string_view currency);
// Thousands separators, no currency: "119,691" or "726.24".
std::string formatNumber(double value, int decimals);

// Amount comparison tolerant to floating point (USD has cents; KRW is exact).
bool amountsEqual(double a, double b, std::string_view currency);

} // namespace paytriage
