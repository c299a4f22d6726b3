#pragma once

// Healthy, internally consistent Toss API documents of every method and status, as the API
// sends them (facts §3–4). Rules must raise nothing at warning or above on any of them.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace paytriage::test {

using Json = nlohmann::ordered_json;

inline const std::vector<std::string> &allMethods()
{
    static const std::vector<std::string> methods{"카드", "가상계좌", "간편결제", "휴대폰", "계좌이체",
                                                  "문화상품권", "도서문화상품권", "게임문화상품권"};
    return methods;
}

inline const std::vector<std::string> &allStatuses()
{
    static const std::vector<std::string> statuses{"READY", "IN_PROGRESS", "WAITING_FOR_DEPOSIT", "DONE",
                                                   "CANCELED", "PARTIAL_CANCELED", "ABORTED", "EXPIRED"};
    return statuses;
}

// requestedAt of every generated payment; rules' clock in tests is set 5 minutes later.
inline constexpr const char *requestedAt = "2025-04-02T08:39:21+09:00";
inline constexpr const char *approvedAt = "2025-04-02T08:40:02+09:00";
inline constexpr const char *depositedAt = "2025-04-02T09:12:45+09:00";
inline constexpr const char *canceledAt = "2025-04-02T10:05:11+09:00";

inline std::string detailFieldOf(const std::string &method)
{
    if (method == "카드") return "card";
    if (method == "가상계좌") return "virtualAccount";
    if (method == "간편결제") return "easyPay";
    if (method == "휴대폰") return "mobilePhone";
    if (method == "계좌이체") return "transfer";
    return "giftCertificate";
}

inline Json detailObject(const std::string &method, double amount, bool deposited)
{
    const std::string field = detailFieldOf(method);
    if (field == "card")
        return {{"issuerCode", "61"}, {"acquirerCode", "31"}, {"number", "43301234****123*"},
                {"installmentPlanMonths", 0}, {"isInterestFree", false}, {"interestPayer", nullptr},
                {"approveNo", "00000000"}, {"useCardPoint", false}, {"cardType", "신용"}, {"ownerType", "개인"},
                {"acquireStatus", "READY"}, {"amount", amount}};
    if (field == "virtualAccount")
        return {{"accountType", "일반"}, {"accountNumber", "X6516000012345"}, {"bankCode", "20"},
                {"customerName", "박토스"}, {"depositorName", deposited ? Json("박토스") : Json()},
                {"dueDate", "2025-04-09T23:59:59+09:00"}, {"refundStatus", "NONE"}, {"expired", false},
                {"settlementStatus", deposited ? "COMPLETED" : "INCOMPLETED"}, {"refundReceiveAccount", nullptr}};
    if (field == "easyPay")
        return {{"provider", "토스페이"}, {"amount", amount}, {"discountAmount", 0}};
    if (field == "mobilePhone")
        return {{"customerMobilePhone", "01012345678"}, {"settlementStatus", "COMPLETED"},
                {"receiptUrl", "https://dashboard.tosspayments.com/receipt/phone"}};
    if (field == "transfer")
        return {{"bankCode", "88"}, {"settlementStatus", "COMPLETED"}};
    return {{"approveNo", "00000000"}, {"settlementStatus", "COMPLETED"}};
}

// A Payment object (API 2022-11-16) of method and status; id makes keys unique.
inline Json healthyPayment(const std::string &method, const std::string &status, int id = 1)
{
    const double total = 50000;
    const bool approved = status == "DONE" || status == "CANCELED" || status == "PARTIAL_CANCELED";
    const bool va = method == "가상계좌";
    const bool hasMethod = approved || status == "WAITING_FOR_DEPOSIT" || status == "ABORTED";
    double balance = total;
    Json cancels = nullptr;
    if (status == "CANCELED" || status == "PARTIAL_CANCELED") {
        const double amount = status == "CANCELED" ? total : 10000;
        balance = total - amount;
        cancels = Json::array({{{"transactionKey", "txrd_cancel_" + std::to_string(id)},
                                {"cancelReason", "고객 변심"}, {"taxExemptionAmount", 0}, {"canceledAt", canceledAt},
                                {"transferDiscountAmount", 0}, {"easyPayDiscountAmount", 0}, {"receiptKey", nullptr},
                                {"cancelAmount", amount}, {"taxFreeAmount", 0}, {"refundableAmount", balance},
                                {"cancelStatus", "DONE"}, {"cancelRequestId", nullptr}}});
    }
    // VAT is a tenth of the supply value, rounded: 50,000 → 45,455 + 4,545; 40,000 → 36,364 + 3,636.
    const double vat = balance == 0 ? 0 : static_cast<double>(static_cast<long long>(balance / 11 + 0.5));
    const std::string key = "tpay" + std::to_string(id) + "20250402083921ABCDE";
    Json p = Json::object();
    p["mId"] = "tvivarepublica";
    p["lastTransactionKey"] = approved ? Json("txrd_" + std::to_string(id)) : Json();
    p["paymentKey"] = key;
    p["orderId"] = "order-" + std::to_string(id) + "-20250402";
    p["orderName"] = "핀턱 자수 캐롯 팬츠 외 1건";
    p["taxExemptionAmount"] = 0;
    p["status"] = status;
    p["requestedAt"] = requestedAt;
    p["approvedAt"] = approved ? Json(va ? depositedAt : approvedAt) : Json();
    p["useEscrow"] = approved || status == "WAITING_FOR_DEPOSIT" ? Json(false) : Json();
    p["cultureExpense"] = false;
    for (const char *f : {"card", "virtualAccount", "transfer", "mobilePhone", "giftCertificate", "easyPay"})
        p[f] = nullptr;
    if (approved || (va && status == "WAITING_FOR_DEPOSIT")) {
        Json detail = detailObject(method, total, approved);
        if (va && status == "CANCELED")
            detail["refundStatus"] = "COMPLETED";
        p[detailFieldOf(method)] = detail;
    }
    p["cashReceipt"] = nullptr;
    p["cashReceipts"] = nullptr;
    p["discount"] = nullptr;
    p["cancels"] = cancels;
    p["secret"] = va ? Json("ps_" + std::to_string(id) + "xLea5zVAlbzjnbLJMm3Q") : Json();
    p["type"] = "NORMAL";
    p["country"] = "KR";
    p["failure"] = status == "ABORTED"   ? Json({{"code", "REJECT_CARD_COMPANY"}, {"message", "카드사에서 거절했습니다."}})
                   : status == "EXPIRED" ? Json({{"code", "EXPIRED_PAYMENT"}, {"message", "결제 유효 시간이 지났습니다."}})
                                         : Json();
    p["isPartialCancelable"] = true;
    p["receipt"] = approved || status == "WAITING_FOR_DEPOSIT"
                       ? Json({{"url", "https://dashboard.tosspayments.com/receipt/redirection?transactionId=" + key}})
                       : Json();
    p["checkout"] = {{"url", "https://api.tosspayments.com/v1/payments/" + key + "/checkout"}};
    p["currency"] = "KRW";
    p["totalAmount"] = total;
    p["balanceAmount"] = balance;
    p["suppliedAmount"] = balance - vat;
    p["vat"] = vat;
    p["taxFreeAmount"] = 0;
    p["method"] = hasMethod ? Json(method) : Json();
    p["version"] = "2022-11-16";
    p["metadata"] = nullptr;
    return p;
}

inline Json transaction(const Json &payment, const std::string &key, const std::string &status, double amount,
                        const std::string &at)
{
    return {{"mId", payment["mId"]}, {"transactionKey", key}, {"paymentKey", payment["paymentKey"]},
            {"orderId", payment["orderId"]}, {"method", payment["method"]}, {"customerKey", nullptr},
            {"useEscrow", false}, {"receiptUrl", "https://dashboard.tosspayments.com/receipt"}, {"status", status},
            {"transactionAt", at}, {"currency", "KRW"}, {"amount", amount}};
}

// The /v1/transactions records the payment left behind.
inline Json healthyTransactions(const Json &payment)
{
    Json list = Json::array();
    const std::string status = payment["status"];
    const bool va = payment["method"] == "가상계좌";
    const std::string key = payment["paymentKey"];
    if (va && status != "READY" && status != "IN_PROGRESS" && status != "ABORTED" && status != "EXPIRED")
        list.push_back(transaction(payment, key + "-issue", "WAITING_FOR_DEPOSIT", 0, "2025-04-02T08:40:02+09:00"));
    if (status == "DONE" || status == "CANCELED" || status == "PARTIAL_CANCELED")
        list.push_back(transaction(payment, key + "-done", "DONE", 50000, va ? depositedAt : approvedAt));
    if (status == "CANCELED" || status == "PARTIAL_CANCELED")
        list.push_back(transaction(payment, key + "-cancel", status, status == "CANCELED" ? 50000 : 10000, canceledAt));
    return list;
}

// Settlement rows: one per approval and per cancel; fee 3.3 % split into supply and VAT.
inline Json healthySettlements(const Json &payment)
{
    Json list = Json::array();
    const std::string status = payment["status"];
    if (status != "DONE" && status != "CANCELED" && status != "PARTIAL_CANCELED")
        return list;
    auto row = [&](double amount, bool cancel) {
        // fee = 3.3 % of |amount|, supply = fee / 1.1, vat = fee − supply: 50,000 → 1,650 = 1,500 + 150.
        const double fee = amount * 33 / 1000;
        const double supply = static_cast<double>(static_cast<long long>(fee / 1.1));
        Json r = {{"mId", payment["mId"]}, {"paymentKey", payment["paymentKey"]},
                  {"transactionKey", std::string(payment["paymentKey"]) + (cancel ? "-cancel" : "-done")},
                  {"orderId", payment["orderId"]}, {"currency", "KRW"}, {"method", payment["method"]},
                  {"fees", Json::array({{{"type", "BASE"}, {"fee", fee}}, {{"type", "ETC"}, {"fee", 0}}})},
                  {"approvedAt", payment["approvedAt"]}, {"soldDate", "2025-04-02"}, {"paidOutDate", "2025-04-07"},
                  {"cancel", nullptr}, {"amount", amount}, {"interestFee", 0}, {"fee", fee},
                  {"supplyAmount", supply}, {"vat", fee - supply}, {"payOutAmount", amount - fee}};
        if (cancel)
            r["cancel"] = payment["cancels"][0];
        return r;
    };
    list.push_back(row(50000, false));
    if (status != "DONE")
        list.push_back(row(-(50000 - payment["balanceAmount"].get<double>()), true));
    return list;
}

} // namespace paytriage::test
