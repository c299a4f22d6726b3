#pragma once

// What a decoded value is (classification) and everything known about one payment (Case).

#include "decode/decoder.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace paytriage {

enum class DocumentKind {
    Payment,          // a Payment object (GET /v1/payments/…, confirm response, webhook data)
    Transactions,     // a Transaction or a list of them (GET /v1/transactions)
    Settlements,      // a Settlement or a list of them (GET /v1/settlements)
    IapOrderStatus,   // Apps-in-Toss get-order-status: {resultType, success} or the bare success object
    Error,            // {code, message}, the Apps-in-Toss FAIL envelope, a v2 envelope's error
    Webhook,          // {eventType, createdAt, data} or the v2 event {eventType, entityType, entityBody}
    DepositCallback,  // the flat virtual-account webhook body {createdAt, secret, status, …}
    CashReceipts,     // CashReceipt objects, a list, or {hasNext, lastCursor, data}
    Billing,          // a billing key (자동결제 빌링키 발급) or BILLING_DELETED's data
    Cancel,           // one Cancel object on its own (CANCEL_STATUS_CHANGED's data, a paste)
    BrandPayMethod,   // BrandPay payment methods, or METHOD_UPDATED's data
    BrandPayCustomer, // CUSTOMER_STATUS_CHANGED's data
    Balance,          // GET /v2/balances' entityBody
    Payout,           // a payout (v2 entityBody, payout.changed, the legacy PAYOUT_STATUS_CHANGED data)
    Seller,           // a seller (v2 entityBody, seller.changed)
    Unknown           // anything else: still viewable, and said to be unrecognised
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
    std::int64_t fetchedAtMs = 0;  // when the answer arrived (ms since the epoch, UTC); 0 when not fetched
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
    // A wrapper of no known kind (a structured log line) whose strings held documents of their
    // own, read as further documents of the case.
    bool holdsDocuments = false;

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

// Kinds whose documents are lists of records (one record of a list is analysed at a time).
bool isListKind(DocumentKind kind);

struct Case
{
    std::vector<Document> documents;

    // The objects of one kind, in document order: payments (webhook data included), each
    // transaction of every list, … Unknown: whole documents and list records not recognised.
    const std::vector<JsonRef> &of(DocumentKind kind) const { return m_objects[static_cast<std::size_t>(kind)]; }

    // Recomputes the objects from documents; call after changing documents.
    void index();

private:
    std::array<std::vector<JsonRef>, documentKindCount> m_objects;
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

// Where a payment, transaction or in-app order status stands: done; still moving (where it
// stands now matters: READY, IN_PROGRESS, WAITING_FOR_DEPOSIT, and the in-app order's steps);
// ended without the money moving (ABORTED, EXPIRED); or anything else (canceled, unknown).
enum class StatusStage { Done, Moving, Ended, Other };
StatusStage statusStage(std::string_view status);

} // namespace paytriage
