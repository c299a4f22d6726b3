// settlement-payment-mismatch: a payment's settlement rows (one per approval and per cancel,
// cancels negative) should add up to what the payment kept: its balanceAmount. Only checked
// when the approval row is present, since a date window often holds only part of the rows.

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"

#include <map>

namespace paytriage {
namespace {

class SettlementPaymentMismatchRule final : public Rule
{
public:
    std::string_view id() const override { return "settlement-payment-mismatch"; }

    void checkCase(const RuleContext &ctx, FindingSink &sink) const override
    {
        if (ctx.kase.of(DocumentKind::Settlements).empty() || ctx.kase.of(DocumentKind::Payment).empty())
            return;
        struct Sum
        {
            double amount = 0;
            bool approvalRow = false;
            std::size_t rows = 0;
        };
        std::map<std::string, Sum> sums;
        for (const JsonRef &ref : ctx.kase.of(DocumentKind::Settlements)) {
            Sum &sum = sums[json::string(*ref.value, "paymentKey")];
            sum.amount += json::number(*ref.value, "amount").value_or(0);
            // An approval row has no cancel; a trimmed row without the key is one when positive.
            const bool approval = json::isExplicitlyEmpty(*ref.value, "cancel")
                                  || (!json::has(*ref.value, "cancel") && json::number(*ref.value, "amount").value_or(0) > 0);
            sum.approvalRow = sum.approvalRow || approval;
            ++sum.rows;
        }
        for (const JsonRef &ref : ctx.kase.of(DocumentKind::Payment)) {
            const Json &p = *ref.value;
            const auto it = sums.find(json::string(p, "paymentKey"));
            const auto balance = json::number(p, "balanceAmount");
            if (it == sums.end() || !balance || !it->second.approvalRow)
                continue;
            const std::string currency = json::string(p, "currency");
            if (amountsEqual(it->second.amount, *balance, currency))
                continue;
            sink.report(id(), "default", Severity::Warning, ref.document, {pointerAppend(ref.pointer, "balanceAmount")},
                        {FindingSink::arg("settled", rules::money(it->second.amount, currency)),
                         FindingSink::arg("rows", std::to_string(it->second.rows)),
                         FindingSink::arg("balanceAmount", rules::money(*balance, currency))});
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeSettlementPaymentMismatchRule()
{
    return std::make_unique<SettlementPaymentMismatchRule>();
}

} // namespace paytriage
