#pragma once

// The one place rules are registered: each rule's file defines its make function, and
// registry.cpp lists them in the order of the design's table.

#include "rules/rule.h"

#include <memory>
#include <string>
#include <vector>

namespace paytriage {

// Every built-in rule, in the order of the design's table.
std::vector<std::unique_ptr<Rule>> builtinRules();
std::vector<std::string> builtinRuleIds();

std::unique_ptr<Rule> makeNullFieldForStatusRule();
std::unique_ptr<Rule> makeStatusStuckInProgressRule();
std::unique_ptr<Rule> makeVbankCancelWithoutDepositRule();
std::unique_ptr<Rule> makeUnknownEnumValueRule();
std::unique_ptr<Rule> makeAmountMismatchRule();
std::unique_ptr<Rule> makeSettlementArithmeticRule();
std::unique_ptr<Rule> makeSettlementPaymentMismatchRule();
std::unique_ptr<Rule> makeTimestampOrderRule();
std::unique_ptr<Rule> makeTimestampWithoutOffsetRule();
std::unique_ptr<Rule> makeApiErrorRule();
std::unique_ptr<Rule> makeUnknownFieldRule();
std::unique_ptr<Rule> makeStatusTransitionRule();
std::unique_ptr<Rule> makePartialDocumentRule();
std::unique_ptr<Rule> makeUnrecognisedDocumentRule();

} // namespace paytriage
