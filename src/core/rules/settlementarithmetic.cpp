// settlement-arithmetic: a settlement record's numbers do not add up (facts §4.2, seed 004):
//   payOutAmount = amount − fee (interestFee possibly deducted too: unconfirmed, accepted);
//   fee = Σ fees[].fee;  fee = supplyAmount + vat (the fee's supply value and VAT);
//   a cancel row (cancel set) carries negative amounts, an approval row positive ones.

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"

namespace paytriage {
namespace {

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
        const auto fee = json::number(s, "fee");
        const auto payOut = json::number(s, "payOutAmount");
        const double interestFee = json::number(s, "interestFee").value_or(0);

        if (amount && fee && payOut) {
            const double expected = *amount - *fee;
            if (!amountsEqual(expected, *payOut, currency) && !amountsEqual(expected - interestFee, *payOut, currency)) {
                sink.report(id(), "payout", Severity::Warning, o.document, {ptr("payOutAmount"), ptr("amount"), ptr("fee")},
                            {FindingSink::arg("amount", m(*amount)), FindingSink::arg("fee", m(*fee)),
                             FindingSink::arg("expected", m(expected)), FindingSink::arg("payOutAmount", m(*payOut))});
            }
        }

        if (const Json *fees = json::get(s, "fees"); fee && fees && fees->is_array() && !fees->empty()) {
            double sum = 0;
            for (const Json &item : *fees)
                sum += json::number(item, "fee").value_or(0);
            if (!amountsEqual(sum, *fee, currency)) {
                sink.report(id(), "fees", Severity::Warning, o.document, {ptr("fees"), ptr("fee")},
                            {FindingSink::arg("sum", m(sum)), FindingSink::arg("fee", m(*fee))});
            }
        }

        const auto supply = json::number(s, "supplyAmount") ? json::number(s, "supplyAmount")
                                                            : json::number(s, "suppliedAmount");
        const auto vat = json::number(s, "vat");
        if (fee && supply && vat && !amountsEqual(*supply + *vat, *fee, currency)) {
            const std::string supplyField = s.contains("supplyAmount") ? "supplyAmount" : "suppliedAmount";
            sink.report(id(), "fee-vat", Severity::Warning, o.document, {ptr(supplyField), ptr("vat"), ptr("fee")},
                        {FindingSink::arg("supplyAmount", m(*supply)), FindingSink::arg("vat", m(*vat)),
                         FindingSink::arg("sum", m(*supply + *vat)), FindingSink::arg("fee", m(*fee))});
        }

        const bool isCancel = !json::isNullish(json::get(s, "cancel"));
        if (amount && *amount != 0 && (*amount < 0) != isCancel) {
            sink.report(id(), isCancel ? "cancel-sign" : "approval-sign", Severity::Info, o.document,
                        {ptr("amount"), ptr("cancel")}, {FindingSink::arg("amount", m(*amount))});
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeSettlementArithmeticRule()
{
    return std::make_unique<SettlementArithmeticRule>();
}

} // namespace paytriage
