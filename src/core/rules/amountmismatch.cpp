// amount-mismatch: a payment's amounts do not add up (facts §3.2):
//   suppliedAmount + vat + taxFreeAmount = balanceAmount (whether taxExemptionAmount is a
//   further addend is unconfirmed, so either sum is accepted);
//   balanceAmount = totalAmount − Σ cancels[].cancelAmount (cancels that completed);
//   0 ≤ balanceAmount ≤ totalAmount; the last cancel's refundableAmount = balanceAmount;
//   CANCELED leaves nothing, PARTIAL_CANCELED leaves something.
// Only what the document carries is weighed: in a partial paste an absent taxFreeAmount or
// cancels is unknown, not zero (a console.log that printed cancels as [Object] says nothing
// about their amounts).

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"

#include <algorithm>

namespace paytriage {
namespace {

class AmountMismatchRule final : public Rule
{
public:
    std::string_view id() const override { return "amount-mismatch"; }

    bool checksObjectsOf(DocumentKind kind) const override { return kind == DocumentKind::Payment; }

    void checkObject(const RuleContext &, const ObjectRef &o, FindingSink &sink) const override
    {
        if (o.kind != DocumentKind::Payment || !o.value.is_object())
            return;
        const Json &p = o.value;
        const std::string currency = json::string(p, "currency");
        const auto total = json::number(p, "totalAmount");
        const auto balance = json::number(p, "balanceAmount");
        const std::string status = json::string(p, "status");
        auto ptr = [&](std::string_view field) { return pointerAppend(o.pointer, field); };
        auto m = [&](double v) { return rules::money(v, currency); };
        if (!total || !balance)
            return;

        if (*balance < 0 || *balance > *total + 1e-9) {
            sink.report(id(), "balance-range", Severity::Critical, o.document, {ptr("balanceAmount"), ptr("totalAmount")},
                        {FindingSink::arg("balanceAmount", m(*balance)), FindingSink::arg("totalAmount", m(*total))});
        }

        const auto supplied = json::number(p, "suppliedAmount");
        const auto vat = json::number(p, "vat");
        if (supplied && vat && json::has(p, "taxFreeAmount")) {
            const double taxFree = json::number(p, "taxFreeAmount").value_or(0);
            const double taxExemption = json::number(p, "taxExemptionAmount").value_or(0);
            const double sum = *supplied + *vat + taxFree;
            if (!amountsEqual(sum, *balance, currency) && !amountsEqual(sum + taxExemption, *balance, currency)) {
                sink.report(id(), "supply-vat", Severity::Warning, o.document,
                            {ptr("suppliedAmount"), ptr("vat"), ptr("taxFreeAmount"), ptr("balanceAmount")},
                            {FindingSink::arg("suppliedAmount", m(*supplied)), FindingSink::arg("vat", m(*vat)),
                             FindingSink::arg("taxFreeAmount", m(taxFree)), FindingSink::arg("sum", m(sum)),
                             FindingSink::arg("balanceAmount", m(*balance))});
            }
        }

        const Json *cancels = json::get(p, "cancels");
        if (!cancels || (cancels->is_array() && std::any_of(cancels->begin(), cancels->end(),
                                                             [](const Json &c) { return !c.is_object(); })))
            return;  // the cancels are unknown: nothing below can be weighed
        double canceled = 0;
        const Json *last = nullptr;
        std::size_t lastIndex = 0;
        if (cancels && cancels->is_array()) {
            for (std::size_t i = 0; i < cancels->size(); ++i) {
                const Json &c = (*cancels)[i];
                const std::string cancelStatus = json::string(c, "cancelStatus");
                // Asynchronous cancels (foreign easy-pay) count only once DONE.
                if (!cancelStatus.empty() && cancelStatus != "DONE")
                    continue;
                canceled += json::number(c, "cancelAmount").value_or(0);
                last = &c;
                lastIndex = i;
            }
        }
        const double expected = *total - canceled;
        if (!amountsEqual(expected, *balance, currency)) {
            sink.report(id(), "balance", Severity::Warning, o.document, {ptr("balanceAmount"), ptr("cancels")},
                        {FindingSink::arg("totalAmount", m(*total)), FindingSink::arg("canceled", m(canceled)),
                         FindingSink::arg("expected", m(expected)), FindingSink::arg("balanceAmount", m(*balance))});
        }
        if (last) {
            if (const auto refundable = json::number(*last, "refundableAmount");
                refundable && !amountsEqual(*refundable, *balance, currency)) {
                const std::string cancelPointer = pointerAppend(pointerAppend(o.pointer, "cancels"), lastIndex);
                sink.report(id(), "refundable", Severity::Info, o.document,
                            {pointerAppend(cancelPointer, "refundableAmount"), ptr("balanceAmount")},
                            {FindingSink::arg("refundableAmount", m(*refundable)),
                             FindingSink::arg("balanceAmount", m(*balance))});
            }
        }
        if (status == "CANCELED" && *balance > 0 && !amountsEqual(*balance, 0, currency)) {
            sink.report(id(), "canceled-balance", Severity::Warning, o.document, {ptr("status"), ptr("balanceAmount")},
                        {FindingSink::arg("balanceAmount", m(*balance))});
        } else if (status == "PARTIAL_CANCELED"
                   && (amountsEqual(*balance, 0, currency) || amountsEqual(*balance, *total, currency))) {
            sink.report(id(), "partial-balance", Severity::Warning, o.document, {ptr("status"), ptr("balanceAmount")},
                        {FindingSink::arg("balanceAmount", m(*balance)), FindingSink::arg("totalAmount", m(*total))});
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeAmountMismatchRule()
{
    return std::make_unique<AmountMismatchRule>();
}

} // namespace paytriage
