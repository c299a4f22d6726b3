#include "document.h"

#include <array>

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

bool isString(const Json &o, std::string_view key)
{
    const auto it = o.find(key);
    return it != o.end() && it->is_string();
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

DocumentKind classifyRecord(const Json &o)
{
    if (!o.is_object())
        return DocumentKind::Unknown;
    // Order matters: a settlement also has paymentKey and transactionKey; a transaction
    // has paymentKey but no totalAmount.
    if (has(o, "eventType") && (has(o, "data") || has(o, "entityBody")))
        return DocumentKind::Webhook;
    if (has(o, "resultType") && (has(o, "success") || has(o, "error")))
        return isString(o, "resultType") && o["resultType"] == "FAIL" ? DocumentKind::Error
                                                                      : DocumentKind::IapOrderStatus;
    if (has(o, "payOutAmount") || has(o, "soldDate") || has(o, "paidOutDate") || has(o, "fees"))
        return DocumentKind::Settlements;
    if (has(o, "transactionAt") && has(o, "transactionKey"))
        return DocumentKind::Transactions;
    if (has(o, "paymentKey")
        && (has(o, "totalAmount") || has(o, "balanceAmount") || has(o, "requestedAt") || has(o, "orderName")))
        return DocumentKind::Payment;
    if (has(o, "receiptKey") && (has(o, "issueNumber") || has(o, "issueStatus") || has(o, "transactionType")))
        return DocumentKind::CashReceipts;
    if (has(o, "secret") && has(o, "status") && has(o, "createdAt") && !has(o, "paymentKey"))
        return DocumentKind::DepositCallback;
    if (isString(o, "orderId") && isString(o, "status") && !has(o, "paymentKey")
        && (has(o, "sku") || has(o, "statusDeterminedAt") || has(o, "reason")))
        return DocumentKind::IapOrderStatus;
    if (isString(o, "code") && has(o, "message") && o.size() <= 4)
        return DocumentKind::Error;
    if (isString(o, "errorCode") && (has(o, "reason") || has(o, "message")) && o.size() <= 4)
        return DocumentKind::Error;
    if (has(o, "paymentKey") && has(o, "status"))
        return DocumentKind::Payment;
    return DocumentKind::Unknown;
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
