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

constexpr std::array<KindName, 9> kindNames{{
    {DocumentKind::Payment, "payment", "payment"},
    {DocumentKind::Transactions, "transactions", "transaction"},
    {DocumentKind::Settlements, "settlements", "settlement"},
    {DocumentKind::IapOrderStatus, "iap-order-status", "iapOrderStatus"},
    {DocumentKind::Error, "error", "error"},
    {DocumentKind::Webhook, "webhook", "webhook"},
    {DocumentKind::DepositCallback, "deposit-callback", "depositCallback"},
    {DocumentKind::CashReceipts, "cash-receipts", "cashReceipt"},
    {DocumentKind::Unknown, "unknown", "unknown"},
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
enum RecordKey : std::uint32_t {
    kEventType = 1u << 0, kData = 1u << 1, kEntityBody = 1u << 2, kResultType = 1u << 3, kSuccess = 1u << 4,
    kError = 1u << 5, kPayOutAmount = 1u << 6, kSoldDate = 1u << 7, kPaidOutDate = 1u << 8, kFees = 1u << 9,
    kTransactionAt = 1u << 10, kTransactionKey = 1u << 11, kPaymentKey = 1u << 12, kTotalAmount = 1u << 13,
    kBalanceAmount = 1u << 14, kRequestedAt = 1u << 15, kOrderName = 1u << 16, kReceiptKey = 1u << 17,
    kIssueNumber = 1u << 18, kIssueStatus = 1u << 19, kTransactionType = 1u << 20, kSecret = 1u << 21,
    kStatus = 1u << 22, kCreatedAt = 1u << 23, kOrderId = 1u << 24, kSku = 1u << 25,
    kStatusDeterminedAt = 1u << 26, kReason = 1u << 27, kCode = 1u << 28, kMessage = 1u << 29, kErrorCode = 1u << 30,
};

constexpr std::array<std::pair<std::string_view, std::uint32_t>, 31> recordKeys{{
    {"eventType", kEventType}, {"data", kData}, {"entityBody", kEntityBody}, {"resultType", kResultType},
    {"success", kSuccess}, {"error", kError}, {"payOutAmount", kPayOutAmount}, {"soldDate", kSoldDate},
    {"paidOutDate", kPaidOutDate}, {"fees", kFees}, {"transactionAt", kTransactionAt},
    {"transactionKey", kTransactionKey}, {"paymentKey", kPaymentKey}, {"totalAmount", kTotalAmount},
    {"balanceAmount", kBalanceAmount}, {"requestedAt", kRequestedAt}, {"orderName", kOrderName},
    {"receiptKey", kReceiptKey}, {"issueNumber", kIssueNumber}, {"issueStatus", kIssueStatus},
    {"transactionType", kTransactionType}, {"secret", kSecret}, {"status", kStatus}, {"createdAt", kCreatedAt},
    {"orderId", kOrderId}, {"sku", kSku}, {"statusDeterminedAt", kStatusDeterminedAt}, {"reason", kReason},
    {"code", kCode}, {"message", kMessage}, {"errorCode", kErrorCode},
}};

std::uint32_t recordKeysOf(const Json &o)
{
    // The keys above grouped by length: a member is compared with the two or three of its length.
    constexpr std::size_t longest = 20;
    static const auto byLength = [] {
        std::array<std::vector<std::pair<std::string_view, std::uint32_t>>, longest + 1> table;
        for (const auto &entry : recordKeys)
            table[entry.first.size()].push_back(entry);
        return table;
    }();
    std::uint32_t keys = 0;
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
DocumentKind classifyByKeys(const Json &o, std::uint32_t keys, bool *valuesRead)
{
    const auto holdsString = [valuesRead](const Json &object, std::string_view key) {
        *valuesRead = true;
        const auto it = object.find(key);
        return it != object.end() && it->is_string();
    };
    const auto stringIs = [&holdsString](const Json &object, std::string_view key, std::string_view text) {
        return holdsString(object, key) && object.find(key)->get_ref<const std::string &>() == text;
    };
    const auto has = [keys](std::uint32_t key) { return (keys & key) != 0; };
    const auto hasAny = [keys](std::uint32_t any) { return (keys & any) != 0; };
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
    if (has(kCode) && has(kMessage) && o.size() <= 4 && holdsString(o, "code"))
        return DocumentKind::Error;
    if (has(kErrorCode) && hasAny(kReason | kMessage) && o.size() <= 4 && holdsString(o, "errorCode"))
        return DocumentKind::Error;
    if (has(kPaymentKey) && has(kStatus))
        return DocumentKind::Payment;
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
    const std::uint32_t keys = recordKeysOf(o);
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
        const Json &payload = doc.payload();
        const Json *versioned = &payload;
        if (payload.is_array() && !payload.empty())
            versioned = &payload.front();
        if (doc.kind == DocumentKind::Webhook && payload.contains("data") && payload["data"].is_object())
            versioned = &payload["data"];
        if (versioned->is_object()) {
            const auto it = versioned->find("version");
            if (it != versioned->end() && it->is_string())
                doc.apiVersion = it->get<std::string>();
        }
        out.push_back(std::move(doc));
    }
    return out;
}

void Case::index()
{
    payments.clear();
    transactions.clear();
    settlements.clear();
    iapStatuses.clear();
    errors.clear();
    webhooks.clear();
    depositCallbacks.clear();
    cashReceipts.clear();

    auto place = [this](DocumentKind kind, std::size_t doc, std::string pointer, const Json *value) {
        JsonRef ref{doc, std::move(pointer), value};
        switch (kind) {
        case DocumentKind::Payment: payments.push_back(std::move(ref)); break;
        case DocumentKind::Transactions: transactions.push_back(std::move(ref)); break;
        case DocumentKind::Settlements: settlements.push_back(std::move(ref)); break;
        case DocumentKind::IapOrderStatus: iapStatuses.push_back(std::move(ref)); break;
        case DocumentKind::Error: errors.push_back(std::move(ref)); break;
        case DocumentKind::Webhook: webhooks.push_back(std::move(ref)); break;
        case DocumentKind::DepositCallback: depositCallbacks.push_back(std::move(ref)); break;
        case DocumentKind::CashReceipts: cashReceipts.push_back(std::move(ref)); break;
        case DocumentKind::Unknown: break;
        }
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
        if (kind == DocumentKind::Webhook) {
            const auto data = payload.find("data");
            if (data != payload.end() && data->is_object()) {
                const DocumentKind inner = classifyRecord(*data);
                if (inner == DocumentKind::Payment)
                    place(inner, d, pointerAppend(doc.payloadPointer, "data"), &*data);
            }
        }
    }
}

} // namespace paytriage
