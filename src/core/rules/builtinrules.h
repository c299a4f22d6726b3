#pragma once

#include "rules/rule.h"

#include <memory>

namespace paytriage {

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
