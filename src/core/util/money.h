#pragma once

#include "util/text.h"

#include <string>
#include <string_view>

namespace paytriage {

// Amounts as the API sends them: KRW integers, USD with cents (PayPal), and MUSD
// micro-dollars (USD × 10⁶; an interpretation the docs do not confirm).

// "22,400 KRW", "726.24 USD", "181.56 USD (181,560,000 MUSD)"; in Korean, won as Koreans write
// them: "22,400원" (other currencies as in English).
std::string formatMoney(double value, std::string_view currency, Language language = Language::English);
// Both: the value a finding carries, shown in either language.
LocalizedText localizedMoney(double value, std::string_view currency);
// Thousands separators, no currency: "119,691" or "726.24".
std::string formatNumber(double value, int decimals);

// Amount comparison tolerant to floating point (USD has cents; KRW is exact).
bool amountsEqual(double a, double b, std::string_view currency);

} // namespace paytriage
