#include "rules/builtinrules.h"

namespace paytriage {

std::vector<std::unique_ptr<Rule>> builtinRules()
{
    std::vector<std::unique_ptr<Rule>> rules;
    rules.push_back(makeNullFieldForStatusRule());
    rules.push_back(makeStatusStuckInProgressRule());
    rules.push_back(makeVbankCancelWithoutDepositRule());
    rules.push_back(makeUnknownEnumValueRule());
    rules.push_back(makeAmountMismatchRule());
    rules.push_back(makeSettlementArithmeticRule());
    rules.push_back(makeSettlementPaymentMismatchRule());
    rules.push_back(makeTimestampOrderRule());
    rules.push_back(makeTimestampWithoutOffsetRule());
    rules.push_back(makeApiErrorRule());
    rules.push_back(makeUnknownFieldRule());
    rules.push_back(makeStatusTransitionRule());
    rules.push_back(makePartialDocumentRule());
    rules.push_back(makeUnrecognisedDocumentRule());
    return rules;
}

std::vector<std::string> builtinRuleIds()
{
    std::vector<std::string> ids;
    for (const auto &rule : builtinRules())
        ids.emplace_back(rule->id());
    return ids;
}

} // namespace paytriage
