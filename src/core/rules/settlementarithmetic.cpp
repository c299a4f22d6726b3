// settlement-arithmetic: a settlement record's numbers do not add up (facts §4.2, §10, seed 004),
// read in both documented shapes: the docs example types fees[].fee as strings and has no fee
// total; real rows of 2025 have a numeric fee and sometimes no fees array at all.
//   fee (or, without it, Σ fees[].fee); payOutAmount = amount − fee (interestFee possibly
//   deducted too: unconfirmed, accepted); fee = Σ fees[].fee when both are there;
//   fee = supplyAmount + vat (the fee's supply value and VAT);
//   a cancel row (cancel set) carries negative amounts, an approval row positive ones.
// Two notes rather than alarms: a fee with no breakdown cannot be itemised, and a fee far above
// a card rate is usually merchant-paid interest on an interest-free instalment.

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"

#include <cmath>
#include <cstdio>

namespace paytriage {
namespace {

// Above this share of the amount a fee is no ordinary card or easy-pay rate (those run 1–4 %).
constexpr double kHighFeeRatio = 0.10;

std::string percent(double ratio)
{
    char text[16];
    std::snprintf(text, sizeof text, "%.1f %%", ratio * 100);
    return text;
}

class SettlementArithmeticRule final : public Rule
{
public:
    std::string_view id() const override { return "settlement-arithmetic"; }

    bool checksObjectsOf(DocumentKind kind) const override { return kind == DocumentKind::Settlements; }

    void checkObject(const RuleContext &, const ObjectRef &o, FindingSink &sink) const override
    {
        if (o.kind != DocumentKind::Settlements || !o.value.is_object())
            return;
        const Json &s = o.value;
        const std::string currency = json::string(s, "currency");
        auto ptr = [&](std::string_view field) { return pointerAppend(o.pointer, field); };
        auto m = [&](double v) { return rules::money(v, currency); };
        const auto amount = json::number(s, "amount");
        const auto payOut = json::number(s, "payOutAmount");
        const double interestFee = json::number(s, "interestFee").value_or(0);
        const Json *fees = json::get(s, "fees");
        const bool itemised = fees && fees->is_array() && !fees->empty();
        std::optional<double> feesSum;
        if (itemised) {
            feesSum = 0;
            for (const Json &item : *fees)
                *feesSum += json::number(item, "fee").value_or(0);
        }
        const auto statedFee = json::number(s, "fee");
        const auto fee = statedFee ? statedFee : feesSum;
        const std::string feePointer = statedFee ? ptr("fee") : ptr("fees");

        if (amount && fee && payOut) {
            const double expected = *amount - *fee;
            if (!amountsEqual(expected, *payOut, currency) && !amountsEqual(expected - interestFee, *payOut, currency)) {
                sink.report(id(), "payout", Severity::Warning, o.document, {ptr("payOutAmount"), ptr("amount"), feePointer},
                            {FindingSink::arg("amount", m(*amount)), FindingSink::arg("fee", m(*fee)),
                             FindingSink::arg("expected", m(expected)), FindingSink::arg("payOutAmount", m(*payOut))});
            }
        }

        if (statedFee && feesSum && !amountsEqual(*feesSum, *statedFee, currency)) {
            sink.report(id(), "fees", Severity::Warning, o.document, {ptr("fees"), ptr("fee")},
                        {FindingSink::arg("sum", m(*feesSum)), FindingSink::arg("fee", m(*statedFee))});
        }
        if (statedFee && !itemised && !amountsEqual(*statedFee, 0, currency)) {
            sink.report(id(), "no-breakdown", Severity::Info, o.document, {ptr("fee")},
                        {FindingSink::arg("fee", m(*statedFee))}, "settlement/no-breakdown");
        }

        const auto supply = json::number(s, "supplyAmount") ? json::number(s, "supplyAmount")
                                                            : json::number(s, "suppliedAmount");
        const auto vat = json::number(s, "vat");
        if (statedFee && supply && vat && !amountsEqual(*supply + *vat, *statedFee, currency)) {
            const std::string supplyField = s.contains("supplyAmount") ? "supplyAmount" : "suppliedAmount";
            sink.report(id(), "fee-vat", Severity::Warning, o.document, {ptr(supplyField), ptr("vat"), ptr("fee")},
                        {FindingSink::arg("supplyAmount", m(*supply)), FindingSink::arg("vat", m(*vat)),
                         FindingSink::arg("sum", m(*supply + *vat)), FindingSink::arg("fee", m(*statedFee))});
        }

        if (amount && fee && *amount != 0 && std::abs(*fee / *amount) > kHighFeeRatio)
            reportHighFee(o, s, *amount, *fee, feePointer, currency, sink);

        // Only a row that says whether it is a cancel (cancel: null or an object) can be weighed.
        if (const Json *cancel = json::get(s, "cancel"); cancel && amount && *amount != 0) {
            const bool isCancel = !json::isExplicitlyEmpty(s, "cancel");
            if ((*amount < 0) != isCancel) {
                sink.report(id(), isCancel ? "cancel-sign" : "approval-sign", Severity::Info, o.document,
                            {ptr("amount"), ptr("cancel")}, {FindingSink::arg("amount", m(*amount))});
            }
        }
    }

private:
    void reportHighFee(const ObjectRef &o, const Json &s, double amount, double fee, const std::string &feePointer,
                       const std::string &currency, FindingSink &sink) const
    {
        const Json *card = json::get(s, "card");
        const int months = card ? static_cast<int>(json::number(*card, "installmentPlanMonths").value_or(0)) : 0;
        const bool interestFree = card && json::boolean(*card, "isInterestFree").value_or(false);
        sink.report(id(), months >= 2 && interestFree ? "high-fee-instalment" : "high-fee", Severity::Info, o.document,
                    {feePointer, pointerAppend(o.pointer, "amount")},
                    {FindingSink::arg("fee", rules::money(fee, currency)), FindingSink::arg("amount", rules::money(amount, currency)),
                     FindingSink::arg("ratio", percent(std::abs(fee / amount))),
                     FindingSink::arg("months", std::to_string(months))});
    }
};

} // namespace

std::unique_ptr<Rule> makeSettlementArithmeticRule()
{
    return std::make_unique<SettlementArithmeticRule>();
}

} // namespace paytriage
