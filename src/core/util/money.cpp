#include "money.h"

#include <cmath>
#include <cstdio>

namespace paytriage {

std::string formatNumber(double value, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
    std::string digits(buf);
    const std::size_t dot = digits.find('.');
    std::string whole = digits.substr(0, dot);
    const std::string frac = dot == std::string::npos ? std::string() : digits.substr(dot);
    std::string grouped;
    const int n = static_cast<int>(whole.size());
    for (int i = 0; i < n; ++i) {
        grouped += whole[static_cast<std::size_t>(i)];
        const int left = n - i - 1;
        if (left > 0 && left % 3 == 0)
            grouped += ',';
    }
    const bool negative = value < 0 && (std::fabs(value) >= std::pow(10.0, -decimals) / 2);
    return (negative ? "-" : "") + grouped + frac;
}

std::string formatMoney(double value, std::string_view currency, Language language)
{
    const bool won = currency.empty() || currency == "KRW";
    if (language == Language::Korean && won && std::fabs(value - std::round(value)) <= 1e-9)
        return formatNumber(value, 0) + "원";
    if (currency == "MUSD")
        return formatNumber(value / 1e6, 2) + " USD (" + formatNumber(value, 0) + " MUSD)";
    const bool hasFraction = std::fabs(value - std::round(value)) > 1e-9;
    const int decimals = (currency == "KRW" || currency == "JPY") && !hasFraction ? 0 : (hasFraction || currency == "USD" ? 2 : 0);
    return formatNumber(value, decimals) + ' ' + std::string(currency.empty() ? "KRW" : currency);
}

LocalizedText localizedMoney(double value, std::string_view currency)
{
    return {formatMoney(value, currency, Language::Korean), formatMoney(value, currency, Language::English)};
}

bool amountsEqual(double a, double b, std::string_view currency)
{
    // Cents for USD; MUSD is integral micro-units; KRW integral won.
    const double tolerance = currency == "USD" ? 0.005 : 0.5;
    return std::fabs(a - b) < tolerance;
}

} // namespace paytriage
