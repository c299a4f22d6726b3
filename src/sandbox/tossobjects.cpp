#include "tossobjects.h"

#include <initializer_list>

namespace paytriage::toss {

namespace {

Json nulls(std::initializer_list<const char *> keys)
{
    Json object = Json::object();
    for (const char *key : keys)
        object[key] = nullptr;
    return object;
}

} // namespace

Json paymentSkeleton()
{
    return nulls({"mId", "lastTransactionKey", "paymentKey", "orderId", "orderName", "taxExemptionAmount", "status",
                  "requestedAt", "approvedAt", "useEscrow", "cultureExpense", "card", "virtualAccount", "transfer",
                  "mobilePhone", "giftCertificate", "cashReceipt", "cashReceipts", "discount", "cancels", "secret",
                  "type", "easyPay", "country", "failure", "isPartialCancelable", "receipt", "checkout", "currency",
                  "totalAmount", "balanceAmount", "suppliedAmount", "vat", "taxFreeAmount", "method", "version",
                  "metadata"});
}

Json transactionSkeleton()
{
    return nulls({"mId", "transactionKey", "paymentKey", "orderId", "method", "customerKey", "useEscrow", "receiptUrl",
                  "status", "transactionAt", "currency", "amount"});
}

Json settlementSkeleton()
{
    return nulls({"mId", "paymentKey", "transactionKey", "orderId", "currency", "method", "fees", "approvedAt",
                  "soldDate", "paidOutDate", "card", "virtualAccount", "transfer", "mobilePhone", "giftCertificate",
                  "easyPay", "cancel", "amount", "interestFee", "fee", "supplyAmount", "vat", "payOutAmount"});
}

Json cancelSkeleton()
{
    return nulls({"transactionKey", "cancelReason", "taxExemptionAmount", "canceledAt", "transferDiscountAmount",
                  "easyPayDiscountAmount", "receiptKey", "cancelAmount", "taxFreeAmount", "refundableAmount",
                  "cancelStatus", "cancelRequestId"});
}

Json cardSkeleton()
{
    return nulls({"issuerCode", "acquirerCode", "number", "installmentPlanMonths", "isInterestFree", "interestPayer",
                  "approveNo", "useCardPoint", "cardType", "ownerType", "acquireStatus", "amount"});
}

Json virtualAccountSkeleton()
{
    return nulls({"accountType", "accountNumber", "bankCode", "customerName", "depositorName", "dueDate",
                  "refundStatus", "expired", "settlementStatus", "refundReceiveAccount"});
}

std::string detailFieldOf(std::string_view method)
{
    if (method == "카드")
        return "card";
    if (method == "가상계좌")
        return "virtualAccount";
    if (method == "간편결제")
        return "easyPay";
    if (method == "휴대폰")
        return "mobilePhone";
    if (method == "계좌이체")
        return "transfer";
    return "giftCertificate";
}

Json errorBody(std::string_view code, std::string_view message)
{
    Json body = Json::object();
    body["code"] = code;
    body["message"] = message;
    return body;
}

Json inAppSuccess(Json success)
{
    Json body = Json::object();
    body["resultType"] = "SUCCESS";
    body["success"] = std::move(success);
    return body;
}

Json inAppFailure(std::string_view errorCode, std::string_view reason)
{
    Json error = Json::object();
    error["errorCode"] = errorCode;
    error["reason"] = reason;
    Json body = Json::object();
    body["resultType"] = "FAIL";
    body["error"] = std::move(error);
    return body;
}

} // namespace paytriage::toss
