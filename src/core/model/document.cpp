#include "document.h"

#include "util/jsonutil.h"

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace paytriage {
namespace {

struct KindName
{
    DocumentKind kind;
    std::string_view id;
    std::string_view record;
};

constexpr std::array<KindName, documentKindCount> kindNames{{
    {DocumentKind::Payment, "payment", "payment"},
    {DocumentKind::Transactions, "transactions", "transaction"},
    {DocumentKind::Settlements, "settlements", "settlement"},
    {DocumentKind::IapOrderStatus, "iap-order-status", "iapOrderStatus"},
    {DocumentKind::Error, "error", "error"},
    {DocumentKind::Webhook, "webhook", "webhook"},
    {DocumentKind::DepositCallback, "deposit-callback", "depositCallback"},
    {DocumentKind::CashReceipts, "cash-receipts", "cashReceipt"},
    {DocumentKind::Billing, "billing", "billing"},
    {DocumentKind::Cancel, "cancel", "cancel"},
    {DocumentKind::BrandPayMethod, "brandpay-method", "brandpayMethod"},
    {DocumentKind::BrandPayCustomer, "brandpay-customer", "brandpayCustomer"},
    {DocumentKind::Balance, "balance", "balance"},
    {DocumentKind::Payout, "payout", "payout"},
    {DocumentKind::Seller, "seller", "seller"},
    {DocumentKind::Unknown, "unknown", "unknown"},
}};

// What a webhook's body is, by its eventType (facts §6.2), and under which key it sits.
struct WebhookBody
{
    std::string_view eventType;
    DocumentKind kind;
    std::string_view key;
};

constexpr std::array<WebhookBody, 9> webhookBodies{{
    {"PAYMENT_STATUS_CHANGED", DocumentKind::Payment, "data"},
    {"DEPOSIT_CALLBACK", DocumentKind::DepositCallback, "data"},
    {"CANCEL_STATUS_CHANGED", DocumentKind::Cancel, "data"},
    {"BILLING_DELETED", DocumentKind::Billing, "data"},
    {"METHOD_UPDATED", DocumentKind::BrandPayMethod, "data"},
    {"CUSTOMER_STATUS_CHANGED", DocumentKind::BrandPayCustomer, "data"},
    {"PAYOUT_STATUS_CHANGED", DocumentKind::Payout, "data"},
    {"payout.changed", DocumentKind::Payout, "entityBody"},
    {"seller.changed", DocumentKind::Seller, "entityBody"},
}};

// A v2 envelope's entityType and the kind of its entityBody.
constexpr std::array<std::pair<std::string_view, DocumentKind>, 3> entityKinds{{
    {"balance", DocumentKind::Balance},
    {"payout", DocumentKind::Payout},
    {"seller", DocumentKind::Seller},
}};

bool has(const Json &o, std::string_view key)
{
    return o.contains(key);
}

} // namespace

std::string_view kindId(DocumentKind kind)
{
    for (const auto &k : kindNames)
        if (k.kind == kind)
            return k.id;
    return "unknown";
}

bool isListKind(DocumentKind kind)
{
    return kind == DocumentKind::Transactions || kind == DocumentKind::Settlements
           || kind == DocumentKind::CashReceipts;
}

std::string_view recordKind(DocumentKind kind)
{
    for (const auto &k : kindNames)
        if (k.kind == kind)
            return k.record;
    return "unknown";
}

const Json &Document::payload() const
{
    if (payloadPointer.empty())
        return value;
    const Json::json_pointer ptr(payloadPointer);
    return value.contains(ptr) ? value.at(ptr) : value;
}

std::string pointerAppend(std::string_view base, std::string_view token)
{
    std::string out(base);
    out.reserve(base.size() + token.size() + 1);
    out += '/';
    for (const char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string pointerAppend(std::string_view base, std::size_t index)
{
    return std::string(base) + '/' + std::to_string(index);
}

namespace {

// The keys classifyRecord decides by, as bits: a record's keys are read in one pass (a record
// of a streamed dump is classified once, among a million), not searched for one by one.
enum RecordKey : std::uint64_t {
    kEventType = 1ull << 0, kData = 1ull << 1, kEntityBody = 1ull << 2, kResultType = 1ull << 3,
    kSuccess = 1ull << 4, kError = 1ull << 5, kPayOutAmount = 1ull << 6, kSoldDate = 1ull << 7,
    kPaidOutDate = 1ull << 8, kFees = 1ull << 9, kTransactionAt = 1ull << 10, kTransactionKey = 1ull << 11,
    kPaymentKey = 1ull << 12, kTotalAmount = 1ull << 13, kBalanceAmount = 1ull << 14, kRequestedAt = 1ull << 15,
    kOrderName = 1ull << 16, kReceiptKey = 1ull << 17, kIssueNumber = 1ull << 18, kIssueStatus = 1ull << 19,
    kTransactionType = 1ull << 20, kSecret = 1ull << 21, kStatus = 1ull << 22, kCreatedAt = 1ull << 23,
    kOrderId = 1ull << 24, kSku = 1ull << 25, kStatusDeterminedAt = 1ull << 26, kReason = 1ull << 27,
    kCode = 1ull << 28, kMessage = 1ull << 29, kErrorCode = 1ull << 30, kBillingKey = 1ull << 31,
    kCustomerKey = 1ull << 32, kAuthenticatedAt = 1ull << 33, kCancelAmount = 1ull << 34,
    kCanceledAt = 1ull << 35, kMethodKey = 1ull << 36, kCards = 1ull << 37, kAccounts = 1ull << 38,
    kChangedAt = 1ull << 39, kAvailableAmount = 1ull << 40, kPendingAmount = 1ull << 41,
    kRefPayoutId = 1ull << 42, kDestination = 1ull << 43, kScheduleType = 1ull << 44, kPayoutKey = 1ull << 45,
    kPayoutAmount = 1ull << 46, kRefSellerId = 1ull << 47, kBusinessType = 1ull << 48,
};

constexpr std::array<std::pair<std::string_view, std::uint64_t>, 49> recordKeys{{
    {"eventType", kEventType}, {"data", kData}, {"entityBody", kEntityBody}, {"resultType", kResultType},
    {"success", kSuccess}, {"error", kError}, {"payOutAmount", kPayOutAmount}, {"soldDate", kSoldDate},
    {"paidOutDate", kPaidOutDate}, {"fees", kFees}, {"transactionAt", kTransactionAt},
    {"transactionKey", kTransactionKey}, {"paymentKey", kPaymentKey}, {"totalAmount", kTotalAmount},
    {"balanceAmount", kBalanceAmount}, {"requestedAt", kRequestedAt}, {"orderName", kOrderName},
    {"receiptKey", kReceiptKey}, {"issueNumber", kIssueNumber}, {"issueStatus", kIssueStatus},
    {"transactionType", kTransactionType}, {"secret", kSecret}, {"status", kStatus}, {"createdAt", kCreatedAt},
    {"orderId", kOrderId}, {"sku", kSku}, {"statusDeterminedAt", kStatusDeterminedAt}, {"reason", kReason},
    {"code", kCode}, {"message", kMessage}, {"errorCode", kErrorCode}, {"billingKey", kBillingKey},
    {"customerKey", kCustomerKey}, {"authenticatedAt", kAuthenticatedAt}, {"cancelAmount", kCancelAmount},
    {"canceledAt", kCanceledAt}, {"methodKey", kMethodKey}, {"cards", kCards}, {"accounts", kAccounts},
    {"changedAt", kChangedAt}, {"availableAmount", kAvailableAmount}, {"pendingAmount", kPendingAmount},
    {"refPayoutId", kRefPayoutId}, {"destination", kDestination}, {"scheduleType", kScheduleType},
    {"payoutKey", kPayoutKey}, {"payoutAmount", kPayoutAmount}, {"refSellerId", kRefSellerId},
    {"businessType", kBusinessType},
}};

std::uint64_t recordKeysOf(const Json &o)
{
    // The keys above grouped by length: a member is compared with the two or three of its length.
    constexpr std::size_t longest = 20;
    static const auto byLength = [] {
        std::array<std::vector<std::pair<std::string_view, std::uint64_t>>, longest + 1> table;
        for (const auto &entry : recordKeys)
            table[entry.first.size()].push_back(entry);
        return table;
    }();
    std::uint64_t keys = 0;
    const Json::object_t::Container &members = o.get_ref<const Json::object_t &>();
    for (const auto &member : members) {
        if (member.first.size() > longest)
            continue;
        for (const auto &[name, bit] : byLength[member.first.size()]) {
            if (json::sameText(member.first, name)) {
                keys |= bit;
                break;
            }
        }
    }
    return keys;
}

// The decision itself. Where it reads a value, not only which keys are there, it says so.
DocumentKind classifyByKeys(const Json &o, std::uint64_t keys, bool *valuesRead)
{
    const auto holdsString = [valuesRead](const Json &object, std::string_view key) {
        *valuesRead = true;
        const auto it = object.find(key);
        return it != object.end() && it->is_string();
    };
    const auto holdsCode = [valuesRead](const Json &object, std::string_view key) {
        *valuesRead = true;
        const auto it = object.find(key);
        // A gateway or proxy in front of the API answers {"code": 404, "message": "Not Found"}.
        return it != object.end() && (it->is_string() || it->is_number_integer());
    };
    const auto stringIs = [&holdsString](const Json &object, std::string_view key, std::string_view text) {
        return holdsString(object, key) && object.find(key)->get_ref<const std::string &>() == text;
    };
    const auto has = [keys](std::uint64_t key) { return (keys & key) != 0; };
    const auto hasAny = [keys](std::uint64_t any) { return (keys & any) != 0; };
    // Order matters: a settlement also has paymentKey and transactionKey; a transaction
    // has paymentKey but no totalAmount.
    if (has(kEventType) && hasAny(kData | kEntityBody))
        return DocumentKind::Webhook;
    if (has(kResultType) && hasAny(kSuccess | kError))
        return stringIs(o, "resultType", "FAIL") ? DocumentKind::Error : DocumentKind::IapOrderStatus;
    if (hasAny(kPayOutAmount | kSoldDate | kPaidOutDate | kFees))
        return DocumentKind::Settlements;
    if (has(kTransactionAt) && has(kTransactionKey))
        return DocumentKind::Transactions;
    if (has(kPaymentKey) && hasAny(kTotalAmount | kBalanceAmount | kRequestedAt | kOrderName))
        return DocumentKind::Payment;
    if (has(kReceiptKey) && hasAny(kIssueNumber | kIssueStatus | kTransactionType))
        return DocumentKind::CashReceipts;
    if (has(kSecret) && has(kStatus) && has(kCreatedAt) && !has(kPaymentKey))
        return DocumentKind::DepositCallback;
    if (has(kOrderId) && has(kStatus) && !has(kPaymentKey) && hasAny(kSku | kStatusDeterminedAt | kReason)
        && holdsString(o, "orderId") && holdsString(o, "status"))
        return DocumentKind::IapOrderStatus;
    if (has(kCode) && has(kMessage) && o.size() <= 4 && holdsCode(o, "code"))
        return DocumentKind::Error;
    if (has(kErrorCode) && hasAny(kReason | kMessage) && o.size() <= 4 && holdsString(o, "errorCode"))
        return DocumentKind::Error;
    if (has(kPaymentKey) && has(kStatus))
        return DocumentKind::Payment;
    if (has(kPaymentKey))
        return DocumentKind::Unknown;
    // A trimmed payment whose paste lost its paymentKey still has the Payment's own amounts.
    if (hasAny(kTotalAmount | kBalanceAmount) && hasAny(kStatus | kOrderId | kOrderName))
        return DocumentKind::Payment;
    if (has(kBillingKey))
        return DocumentKind::Billing;
    if (has(kCancelAmount) && hasAny(kCanceledAt | kTransactionKey))
        return DocumentKind::Cancel;
    if (has(kMethodKey) || (has(kCards) && has(kAccounts)))
        return DocumentKind::BrandPayMethod;
    if (has(kCustomerKey) && has(kStatus) && has(kChangedAt))
        return DocumentKind::BrandPayCustomer;
    if (has(kAvailableAmount) && has(kPendingAmount))
        return DocumentKind::Balance;
    if (has(kRefPayoutId) || (has(kDestination) && has(kScheduleType)) || (has(kPayoutKey) && has(kPayoutAmount)))
        return DocumentKind::Payout;
    if (has(kRefSellerId) || (has(kBusinessType) && has(kStatus)))
        return DocumentKind::Seller;
    return DocumentKind::Unknown;
}

DocumentKind webhookBodyKind(const Json &webhook, std::string *key)
{
    const auto type = webhook.find("eventType");
    if (type != webhook.end() && type->is_string()) {
        for (const WebhookBody &body : webhookBodies) {
            if (body.eventType == type->get_ref<const std::string &>()) {
                *key = body.key;
                return body.kind;
            }
        }
    }
    // An event type the catalog does not know: its body says what it is.
    for (const std::string_view candidate : {std::string_view("data"), std::string_view("entityBody")}) {
        const auto it = webhook.find(candidate);
        if (it != webhook.end() && it->is_object()) {
            *key = candidate;
            return classifyRecord(*it);
        }
    }
    return DocumentKind::Unknown;
}

} // namespace

DocumentKind classifyRecord(const Json &o, bool *byKeysAlone)
{
    bool valuesRead = false;
    if (byKeysAlone)
        *byKeysAlone = false;
    if (!o.is_object())
        return DocumentKind::Unknown;
    const std::uint64_t keys = recordKeysOf(o);
    const DocumentKind kind = classifyByKeys(o, keys, &valuesRead);
    if (byKeysAlone)
        *byKeysAlone = !valuesRead;
    return kind;
}

DocumentKind classify(const Json &value, std::string *payloadPointer)
{
    if (payloadPointer)
        payloadPointer->clear();
    if (value.is_array()) {
        // A list takes the kind most of its objects have.
        std::array<std::size_t, kindNames.size()> votes{};
        for (const Json &element : value) {
            const Json &probe = element.is_array() && !element.empty() ? element.front() : element;
            votes[static_cast<std::size_t>(classifyRecord(probe))]++;
        }
        std::size_t best = static_cast<std::size_t>(DocumentKind::Unknown);
        for (std::size_t i = 0; i < votes.size(); ++i)
            if (votes[i] > votes[best] || (best == static_cast<std::size_t>(DocumentKind::Unknown) && votes[i] > 0))
                best = i;
        return static_cast<DocumentKind>(best);
    }
    if (!value.is_object())
        return DocumentKind::Unknown;
    // The v2 envelope (/v2/balances, payouts, sellers): {version, traceId, entityType, entityBody,
    // error}. A non-null error is the answer; else entityType names the body.
    if (has(value, "entityBody") && !has(value, "eventType") && (has(value, "traceId") || has(value, "entityType"))) {
        std::string pointer = "/entityBody";
        DocumentKind kind = DocumentKind::Unknown;
        const Json &body = value["entityBody"];
        const auto error = value.find("error");
        if (error != value.end() && error->is_object() && !error->empty()) {
            pointer = "/error";
            kind = DocumentKind::Error;
        } else if (body.is_object() && body.contains("items") && body["items"].is_array()) {
            pointer = "/entityBody/items";
            kind = classify(body["items"]);
        } else {
            const auto type = value.find("entityType");
            for (const auto &[name, entityKind] : entityKinds)
                if (type != value.end() && type->is_string() && type->get_ref<const std::string &>() == name)
                    kind = entityKind;
            if (kind == DocumentKind::Unknown)
                kind = classifyRecord(body);
        }
        if (payloadPointer)
            *payloadPointer = pointer;
        return kind;
    }
    if (has(value, "resultType") && has(value, "success") && payloadPointer)
        *payloadPointer = "/success";
    if (has(value, "resultType") && has(value, "error") && payloadPointer)
        *payloadPointer = "/error";
    if (!has(value, "eventType") && has(value, "data") && value["data"].is_array()
        && (has(value, "hasNext") || has(value, "lastCursor"))) {
        if (payloadPointer)
            *payloadPointer = "/data";
        return DocumentKind::CashReceipts;
    }
    return classifyRecord(value);
}

std::vector<Document> toDocuments(std::vector<DecodedDocument> decoded, const DocumentSource &source)
{
    std::vector<Document> out;
    out.reserve(decoded.size());
    for (DecodedDocument &d : decoded) {
        Document doc;
        doc.kind = classify(d.value, &doc.payloadPointer);
        doc.value = std::move(d.value);
        doc.range = d.range;
        doc.partial = d.partial;
        doc.elided = std::move(d.elided);
        doc.source = source;
        // The version the document says it follows: its payload's (a list's first record's), a
        // webhook body's, or the envelope's own.
        const Json &payload = doc.payload();
        std::vector<const Json *> candidates{&payload};
        if (payload.is_array() && !payload.empty())
            candidates.front() = &payload.front();
        if (doc.kind == DocumentKind::Webhook) {
            std::string key;
            webhookBodyKind(payload, &key);
            if (!key.empty() && payload.contains(key) && payload[key].is_object())
                candidates.insert(candidates.begin(), &payload[key]);
        }
        candidates.push_back(&doc.value);
        for (const Json *versioned : candidates) {
            const auto version = versioned->is_object() ? versioned->find("version") : versioned->end();
            if (versioned->is_object() && version != versioned->end() && version->is_string()) {
                doc.apiVersion = version->get<std::string>();
                break;
            }
        }
        out.push_back(std::move(doc));
    }
    return out;
}

void Case::index()
{
    for (auto &objects : m_objects)
        objects.clear();
    const auto place = [this](DocumentKind kind, std::size_t doc, std::string pointer, const Json *value) {
        m_objects[static_cast<std::size_t>(kind)].push_back(JsonRef{doc, std::move(pointer), value});
    };

    // Lists may arrive nested (a paste of "[ {…}, [ {…} ]"): flatten them.
    auto walkList = [&](auto &&self, std::size_t doc, const std::string &pointer, const Json &list) -> void {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Json &element = list[i];
            const std::string elementPointer = pointerAppend(pointer, i);
            if (element.is_array())
                self(self, doc, elementPointer, element);
            else
                place(classifyRecord(element), doc, elementPointer, &element);
        }
    };

    for (std::size_t d = 0; d < documents.size(); ++d) {
        const Document &doc = documents[d];
        const Json &payload = doc.payload();
        if (payload.is_array()) {
            walkList(walkList, d, doc.payloadPointer, payload);
            continue;
        }
        const DocumentKind kind = doc.kind;
        place(kind, d, doc.payloadPointer, &payload);
        if (kind == DocumentKind::Webhook && payload.is_object()) {
            std::string key;
            const DocumentKind inner = webhookBodyKind(payload, &key);
            const auto body = key.empty() ? payload.end() : payload.find(key);
            if (inner != DocumentKind::Unknown && inner != DocumentKind::Webhook && body != payload.end()
                && body->is_object())
                place(inner, d, pointerAppend(doc.payloadPointer, key), &*body);
        }
    }
}

StatusStage statusStage(std::string_view status)
{
    if (status == "DONE")
        return StatusStage::Done;
    if (status == "READY" || status == "IN_PROGRESS" || status == "WAITING_FOR_DEPOSIT" || status == "PAYMENT_COMPLETED"
        || status == "ORDER_IN_PROGRESS")
        return StatusStage::Moving;
    if (status == "ABORTED" || status == "EXPIRED")
        return StatusStage::Ended;
    return StatusStage::Other;
}

} // namespace paytriage
