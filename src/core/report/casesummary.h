#pragma once

// What a case comes to in a few lines: the payment's (or in-app order's) status, method,
// amounts and ids, computed once for the console's header and for "Copy summary", the plain text
// a support engineer pastes into a ticket or a chat.

#include "catalog/catalog.h"
#include "model/document.h"
#include "rules/analyzer.h"

#include <optional>
#include <string>

namespace paytriage {

struct CaseFacts
{
    // Payment, IapOrderStatus, Transactions (only those in the case: the latest one's status), or
    // Unknown (none of them).
    DocumentKind kind = DocumentKind::Unknown;
    std::string status;                         // as sent: DONE, PAYMENT_COMPLETED, …
    LocalizedText statusLabel;                  // the catalog's label ("전액 취소" / "Canceled"), if any
    std::string method;                         // as sent ("카드", "CARD")
    LocalizedText methodLabel;                  // the catalog's label, if any
    std::string currency;                       // KRW when the payment does not say
    std::optional<double> totalAmount;
    std::optional<double> balanceAmount;
    std::string orderId;
    std::string paymentKey;
    std::string orderName;
    std::string apiVersion;
};

// From the case's first payment (webhook data included), else its first in-app order status,
// else its latest transaction.
CaseFacts caseFactsOf(const Case &kase, const Catalog &catalog);

// The ticket text: the facts, where the case came from, and every finding's title and advice
// (most severe first), in the language the translations are installed for. Nothing of the
// documents is quoted beyond the facts, and those are masked as maskedFields() says.
std::string caseSummaryText(const CaseFacts &facts, const Analysis &analysis, Language language,
                            const std::string &title, const std::string &provenance);

// One finding as plain text: severity, title, explanation, advice and evidence (masked).
std::string findingText(const Finding &finding, Language language);

} // namespace paytriage
