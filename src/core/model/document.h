#pragma once

// What a decoded value is (classification) and everything known about one payment (Case).

#include "decode/decoder.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace paytriage {

enum class DocumentKind {
    Payment,          // a Payment object (GET /v1/payments/…, confirm response, webhook data)
    Transactions,     // a Transaction or a list of them (GET /v1/transactions)
    Settlements,      // a Settlement or a list of them (GET /v1/settlements)
    IapOrderStatus,   // Apps-in-Toss get-order-status: {resultType, success} or the bare success object
    Error,            // {code, message} or the Apps-in-Toss FAIL envelope
    Webhook,          // {eventType, createdAt, data}
    DepositCallback,  // the flat virtual-account webhook body {createdAt, secret, status, …}
    CashReceipts,     // CashReceipt objects, a list, or {hasNext, lastCursor, data}
    Unknown           // anything else: still viewable
};
inline constexpr std::size_t documentKindCount = static_cast<std::size_t>(DocumentKind::Unknown) + 1;

std::string_view kindId(DocumentKind kind);   // "payment", "transactions", … (CLI JSON, catalog)

// The catalog's document kind for one record of this kind ("transaction" for Transactions).
std::string_view recordKind(DocumentKind kind);

// Where a document came from: shown in the UI, kept in history and exports.
struct DocumentSource
{
    std::string label;     // "paste", a file name, or "GET /v1/payments/…"
    std::string endpoint;  // the API path when fetched, else empty
    int httpStatus = 0;    // 0 when not fetched
};

struct Document
{
    DocumentKind kind = DocumentKind::Unknown;
    Json value;                 // as decoded
    std::string payloadPointer; // where the payload sits in value ("" or "/success", "/data")
    std::string apiVersion;     // "2022-11-16", "1.4", … or empty when the document does not say
    DocumentSource source;
    ByteRange range;            // in the text it was decoded from (when there was one)
    // Something was left out of the text it came from (an elision mark, a cut): keys it lacks
    // are unknown, not null. See DecodedDocument.
    bool partial = false;
    std::vector<std::string> elided;

    const Json &payload() const;
};

// One object of interest inside the documents: a payment, one transaction, one settlement…
struct JsonRef
{
    std::size_t document = 0;
    std::string pointer;        // JSON pointer of the object within Document::value
    const Json *value = nullptr;
};

// One object handed to the timeline and the rules. In memory it points into a Document;
// when a huge list is streamed it points at a short-lived record, and document/pointer say
// where it sat in the file.
struct ObjectRef
{
    DocumentKind kind = DocumentKind::Unknown;   // of the object itself (Transactions: one transaction)
    std::size_t document = 0;
    std::string_view pointer;
    const Json &value;
    std::string_view apiVersion;                 // of its document; may be empty
};

struct Case
{
    std::vector<Document> documents;

    std::vector<JsonRef> payments;
    std::vector<JsonRef> transactions;
    std::vector<JsonRef> settlements;
    std::vector<JsonRef> iapStatuses;
    std::vector<JsonRef> errors;
    std::vector<JsonRef> webhooks;
    std::vector<JsonRef> depositCallbacks;
    std::vector<JsonRef> cashReceipts;

    // Recomputes the lists above from documents; call after changing documents.
    void index();
};

// Decides the kind of one decoded value and where its payload is.
DocumentKind classify(const Json &value, std::string *payloadPointer = nullptr);

// The record kind of one object inside a list ("transaction", "settlement", …), or Unknown.
// byKeysAlone: set when the answer came from the object's keys alone (no value was read), so
// that it holds for every object with the same keys.
DocumentKind classifyRecord(const Json &object, bool *byKeysAlone = nullptr);

// Builds documents from decoder output (one per decoded value).
std::vector<Document> toDocuments(std::vector<DecodedDocument> decoded, const DocumentSource &source);

std::string pointerAppend(std::string_view base, std::string_view token);
std::string pointerAppend(std::string_view base, std::size_t index);

} // namespace paytriage
