#include "seedscenarios.h"

#include <QtGlobal>

namespace paytriage {

namespace {

using toss::Json;

// Seed 000 as the merchant received it (resources/samples/seed000-confirm-in-progress.json):
// the confirm call answered IN_PROGRESS with approvedAt, method, card and useEscrow null.
constexpr const char *seed000Payment = R"({
"mId": "ec_idlook",
"lastTransactionKey": "7AC7DF9DF5D7E6F91ED76211D4107371",
"paymentKey": "ec_id20250402083921BUZL3",
"orderId": "2025040210437094",
"orderName": "핀턱 자수 캐롯 팬츠",
"taxExemptionAmount": 0,
"status": "IN_PROGRESS",
"requestedAt": "2025-04-02T08:39:21+09:00",
"approvedAt": null,
"useEscrow": null,
"cultureExpense": false,
"card": null,
"virtualAccount": null,
"transfer": null,
"mobilePhone": null,
"giftCertificate": null,
"cashReceipt": null,
"cashReceipts": null,
"discount": null,
"cancels": null,
"secret": "ps_24xLea5zVAlbzjnbLJMm3QAMYNwW",
"type": "NORMAL",
"easyPay": null,
"country": "KR",
"failure": null,
"isPartialCancelable": true,
"receipt": null,
"checkout": {
"url": "https://api.tosspayments.com/v1/payments/ec_id20250402083921BUZL3/checkout"
},
"currency": "KRW",
"totalAmount": 119691,
"balanceAmount": 119691,
"suppliedAmount": 108810,
"vat": 10881,
"taxFreeAmount": 0,
"method": null,
"version": "2022-11-16",
"metadata": null
})";

// Seed 001's two transactions, as the thread quoted them.
constexpr const char *seed001Transactions = R"([
{
"mId": "estagehwpp",
"transactionKey": "5D7E71D2182344A179FC6B9E045E0CBA",
"paymentKey": "estag20240807160826ZKQT3",
"orderId": "LIVE-V20240807160726-PAY_6367_3859",
"method": "가상계좌",
"customerKey": "essentail_customer_key_3859",
"useEscrow": false,
"receiptUrl": "https://pgweb.tosspayments.com:9091/MpFlowCtrl?eventDiv1=search&eventDiv2=getCasReceiptList&trxid=estag20240807160826ZKQT3&SYSTEM=NEW",
"status": "WAITING_FOR_DEPOSIT",
"transactionAt": "2024-08-07T16:08:45+09:00",
"currency": "KRW",
"amount": 0
},
{
"mId": "estagehwpp",
"transactionKey": "0D67751A1B6DD08DB9FB75F41B1D2F9F",
"paymentKey": "estag20240807160826ZKQT3",
"orderId": "LIVE-V20240807160726-PAY_6367_3859",
"method": "가상계좌",
"customerKey": "essentail_customer_key_3859",
"useEscrow": false,
"receiptUrl": "https://pgweb.tosspayments.com:9091/MpFlowCtrl?eventDiv1=search&eventDiv2=getCasReceiptList&trxid=estag20240807160826ZKQT3&SYSTEM=NEW",
"status": "CANCELED",
"transactionAt": "2024-08-07T16:10:40+09:00",
"currency": "KRW",
"amount": 22400
}
])";

// Seed 004's settlement row of the cancel, as Toss staff pasted it.
constexpr const char *seed004CancelRow = R"({
"mId": "tosspayments",
"paymentKey": "xLpgeoO7410238740297423RBKEzMjPJyG",
"transactionKey": "497BF239847238947B0491D84B4",
"orderId": "EjBNtZK7j8q2TlGFLJ-9T",
"currency": "KRW",
"method": "카드",
"fees": [
{
"type": "BASE",
"fee": -2250
},
{
"type": "ETC",
"fee": 0
}
],
"approvedAt": "2023-11-25T13:03:39+09:00",
"soldDate": "2023-11-25",
"paidOutDate": "2023-11-30",
"card": {
"issuerCode": "11",
"acquirerCode": "11",
"number": "55704251****800*",
"installmentPlanMonths": 3,
"isInterestFree": true,
"interestPayer": "CARD_COMPANY",
"approveNo": "30024234",
"useCardPoint": false,
"cardType": "신용",
"ownerType": "개인",
"acquireStatus": "READY",
"amount": 99800
},
"virtualAccount": null,
"transfer": null,
"mobilePhone": null,
"giftCertificate": null,
"easyPay": null,
"cancel": {
"transactionKey": "497BF239847238947B0491D84B4",
"cancelReason": "주문취소",
"taxExemptionAmount": 0,
"canceledAt": "2023-11-25T13:40:03+09:00",
"transferDiscountAmount": 0,
"easyPayDiscountAmount": 0,
"receiptKey": null,
"cancelAmount": 99800,
"taxFreeAmount": 0,
"refundableAmount": 0,
"cancelStatus": "DONE",
"cancelRequestId": null
},
"amount": -99800,
"interestFee": 0,
"fee": -2250,
"supplyAmount": -2045,
"vat": -205,
"payOutAmount": -97550
})";

std::string receiptUrlFor(const std::string &transactionKey)
{
    return "https://dashboard.tosspayments.com/receipt/redirection?transactionId=" + transactionKey + "&ref=PX";
}

Json transactionOf(const Json &payment, const std::string &key, const char *status, std::int64_t amount,
                   const char *at)
{
    Json t = toss::transactionSkeleton();
    t["mId"] = payment["mId"];
    t["transactionKey"] = key;
    t["paymentKey"] = payment["paymentKey"];
    t["orderId"] = payment["orderId"];
    t["method"] = "카드";
    t["customerKey"] = nullptr;
    t["useEscrow"] = false;
    t["receiptUrl"] = receiptUrlFor(key);
    t["status"] = status;
    t["transactionAt"] = at;
    t["currency"] = "KRW";
    t["amount"] = amount;
    return t;
}

ScenarioPayment seed000()
{
    ScenarioPayment s;
    s.payment = Json::parse(seed000Payment);
    // The card company approved it a few seconds after the IN_PROGRESS answer (Toss staff: the
    // payment went through; the answer was wrong). The DONE transaction is what contradicts it.
    s.transactions.push_back(transactionOf(s.payment, "7AC7DF9DF5D7E6F91ED76211D4107371", "DONE", 119691,
                                           "2025-04-02T08:40:03+09:00"));
    s.description = QT_TRANSLATE_NOOP("paytriage::sandbox",
                                      "seed 000: confirm answered IN_PROGRESS with nulls, but the card company "
                                      "approved it (DONE transaction)");
    return s;
}

ScenarioPayment seed001()
{
    ScenarioPayment s;
    s.transactions = Json::parse(seed001Transactions).get<std::vector<Json>>();
    const Json &cancelTx = s.transactions[1];

    Json va = toss::virtualAccountSkeleton();
    va["accountType"] = "일반";
    va["accountNumber"] = "X4520012874519";
    va["bankCode"] = "20";
    va["customerName"] = "김토스";
    va["depositorName"] = nullptr;
    va["dueDate"] = "2024-08-14T23:59:59+09:00";
    va["refundStatus"] = "NONE";  // nothing was deposited, so nothing to refund
    va["expired"] = false;
    va["settlementStatus"] = "INCOMPLETED";
    va["refundReceiveAccount"] = nullptr;

    Json cancel = toss::cancelSkeleton();
    cancel["transactionKey"] = cancelTx["transactionKey"];
    cancel["cancelReason"] = "고객 요청";
    cancel["taxExemptionAmount"] = 0;
    cancel["canceledAt"] = cancelTx["transactionAt"];
    cancel["transferDiscountAmount"] = 0;
    cancel["easyPayDiscountAmount"] = 0;
    cancel["receiptKey"] = nullptr;
    cancel["cancelAmount"] = 22400;
    cancel["taxFreeAmount"] = 0;
    cancel["refundableAmount"] = 0;
    cancel["cancelStatus"] = "DONE";
    cancel["cancelRequestId"] = nullptr;

    Json p = toss::paymentSkeleton();
    p["mId"] = "estagehwpp";
    p["lastTransactionKey"] = cancelTx["transactionKey"];
    p["paymentKey"] = "estag20240807160826ZKQT3";
    p["orderId"] = "LIVE-V20240807160726-PAY_6367_3859";
    p["orderName"] = "에센셜 정기 구독";
    p["taxExemptionAmount"] = 0;
    p["status"] = "CANCELED";
    p["requestedAt"] = "2024-08-07T16:08:26+09:00";  // the time inside the paymentKey
    p["approvedAt"] = nullptr;                       // never deposited, never approved
    p["useEscrow"] = false;
    p["cultureExpense"] = false;
    p["virtualAccount"] = std::move(va);
    p["cancels"] = Json::array({std::move(cancel)});
    p["secret"] = "ps_Lk9wR2xPq7ZtN4vBm1CdEf8GhJa";
    p["type"] = "NORMAL";
    p["country"] = "KR";
    p["isPartialCancelable"] = true;
    p["receipt"] = Json::object({{"url", cancelTx["receiptUrl"]}});
    p["checkout"] = Json::object({{"url", "https://api.tosspayments.com/v1/payments/estag20240807160826ZKQT3/checkout"}});
    p["currency"] = "KRW";
    p["totalAmount"] = 22400;
    p["balanceAmount"] = 0;
    p["suppliedAmount"] = 0;
    p["vat"] = 0;
    p["taxFreeAmount"] = 0;
    p["method"] = "가상계좌";
    p["version"] = toss::apiVersion;
    p["metadata"] = nullptr;
    s.payment = std::move(p);
    s.description = QT_TRANSLATE_NOOP("paytriage::sandbox",
                                      "seed 001: virtual account canceled before any deposit; CANCELED "
                                      "transaction of 22,400 with no DONE");
    return s;
}

ScenarioPayment seed004()
{
    ScenarioPayment s;
    const Json cancelRow = Json::parse(seed004CancelRow);
    // The approval's transaction key is not in the thread; this one is made up in the same shape.
    const std::string approvalKey = "8C41A2B3D5E6F708192A3B4C5D7";

    Json p = toss::paymentSkeleton();
    p["mId"] = "tosspayments";
    p["lastTransactionKey"] = cancelRow["transactionKey"];
    p["paymentKey"] = cancelRow["paymentKey"];
    p["orderId"] = cancelRow["orderId"];
    p["orderName"] = "토스 티셔츠 외 2건";
    p["taxExemptionAmount"] = 0;
    p["status"] = "CANCELED";
    p["requestedAt"] = "2023-11-25T13:02:51+09:00";
    p["approvedAt"] = cancelRow["approvedAt"];
    p["useEscrow"] = false;
    p["cultureExpense"] = false;
    p["card"] = cancelRow["card"];
    p["cancels"] = Json::array({cancelRow["cancel"]});
    p["type"] = "NORMAL";
    p["country"] = "KR";
    p["isPartialCancelable"] = true;
    p["receipt"] = Json::object({{"url", receiptUrlFor(approvalKey)}});
    p["checkout"] = Json::object(
        {{"url", "https://api.tosspayments.com/v1/payments/xLpgeoO7410238740297423RBKEzMjPJyG/checkout"}});
    p["currency"] = "KRW";
    p["totalAmount"] = 99800;
    p["balanceAmount"] = 0;
    p["suppliedAmount"] = 0;
    p["vat"] = 0;
    p["taxFreeAmount"] = 0;
    p["method"] = "카드";
    p["version"] = toss::apiVersion;
    p["metadata"] = nullptr;

    s.transactions.push_back(transactionOf(p, approvalKey, "DONE", 99800, "2023-11-25T13:03:39+09:00"));
    s.transactions.push_back(
        transactionOf(p, cancelRow["transactionKey"].get<std::string>(), "CANCELED", 99800, "2023-11-25T13:40:03+09:00"));

    // The approval row mirrors the cancel row: +99,800, fee 2,250 = 2,045 supply + 205 VAT,
    // payout 99,800 − 2,250 = 97,550.
    Json approvalRow = cancelRow;
    approvalRow["transactionKey"] = approvalKey;
    approvalRow["fees"] = Json::array({Json::object({{"type", "BASE"}, {"fee", 2250}}),
                                       Json::object({{"type", "ETC"}, {"fee", 0}})});
    approvalRow["cancel"] = nullptr;
    approvalRow["amount"] = 99800;
    approvalRow["fee"] = 2250;
    approvalRow["supplyAmount"] = 2045;
    approvalRow["vat"] = 205;
    approvalRow["payOutAmount"] = 97550;
    s.settlements.push_back(std::move(approvalRow));
    s.settlements.push_back(cancelRow);
    s.payment = std::move(p);
    s.description = QT_TRANSLATE_NOOP("paytriage::sandbox",
                                      "seed 004: card payment of 99,800 approved and canceled the same day, with "
                                      "its approval and cancel settlement rows");
    return s;
}

// A plain DONE card payment under a FAULT-* order id, served with that fault.
ScenarioPayment faultScenario(const char *orderId, const char *suffix, SandboxFault fault, const char *description)
{
    const std::string key = std::string("sbxfault20250402090000") + suffix;
    const std::string txKey = std::string("txrd_a01fault") + suffix;
    Json card = toss::cardSkeleton();
    card["issuerCode"] = "61";
    card["acquirerCode"] = "31";
    card["number"] = "43301234****123*";
    card["installmentPlanMonths"] = 0;
    card["isInterestFree"] = false;
    card["interestPayer"] = nullptr;
    card["approveNo"] = "00000000";
    card["useCardPoint"] = false;
    card["cardType"] = "신용";
    card["ownerType"] = "개인";
    card["acquireStatus"] = "READY";
    card["amount"] = 50000;

    Json p = toss::paymentSkeleton();
    p["mId"] = "sandboxmid";
    p["lastTransactionKey"] = txKey;
    p["paymentKey"] = key;
    p["orderId"] = orderId;
    p["orderName"] = "장애 재현용 주문";
    p["taxExemptionAmount"] = 0;
    p["status"] = "DONE";
    p["requestedAt"] = "2025-04-02T09:00:00+09:00";
    p["approvedAt"] = "2025-04-02T09:00:41+09:00";
    p["useEscrow"] = false;
    p["cultureExpense"] = false;
    p["card"] = std::move(card);
    p["type"] = "NORMAL";
    p["country"] = "KR";
    p["isPartialCancelable"] = true;
    p["receipt"] = Json::object({{"url", receiptUrlFor(txKey)}});
    p["checkout"] = Json::object({{"url", "https://api.tosspayments.com/v1/payments/" + key + "/checkout"}});
    p["currency"] = "KRW";
    p["totalAmount"] = 50000;
    p["balanceAmount"] = 50000;
    p["suppliedAmount"] = 45455;  // 50,000 − round(50,000 / 11)
    p["vat"] = 4545;
    p["taxFreeAmount"] = 0;
    p["method"] = "카드";
    p["version"] = toss::apiVersion;
    p["metadata"] = nullptr;

    ScenarioPayment s;
    s.payment = std::move(p);
    s.fault = fault;
    s.description = description;
    return s;
}

Json inAppStatus(const char *orderId, const char *sku, const char *status, const char *determinedAt,
                 const char *reason)
{
    // The live answer's order (seed 002): orderId, sku, status, statusDeterminedAt, reason.
    Json j = Json::object();
    j["orderId"] = orderId;
    if (sku)
        j["sku"] = sku;
    j["status"] = status;
    if (determinedAt)
        j["statusDeterminedAt"] = determinedAt;
    j["reason"] = reason;
    return j;
}

} // namespace

SeedScenarios buildSeedScenarios()
{
    SeedScenarios s;
    s.payments.push_back(seed000());
    s.payments.push_back(seed001());
    s.payments.push_back(seed004());

    struct FaultOrder
    {
        const char *orderId;
        const char *suffix;
        SandboxFault fault;
        const char *description;
    };
    static const FaultOrder faults[] = {
        {"FAULT-LATENCY", "LATENCY", {FaultKind::Latency, 1500},
         QT_TRANSLATE_NOOP("paytriage::sandbox", "fault: the answer comes 1.5 s late")},
        {"FAULT-429", "429", {FaultKind::TooManyRequests, 2},
         QT_TRANSLATE_NOOP("paytriage::sandbox", "fault: 429 with Retry-After: 2")},
        {"FAULT-500", "500", {FaultKind::InternalError, -1},
         QT_TRANSLATE_NOOP("paytriage::sandbox", "fault: 500 FAILED_INTERNAL_SYSTEM_PROCESSING")},
        {"FAULT-502", "502", {FaultKind::BadGateway, -1},
         QT_TRANSLATE_NOOP("paytriage::sandbox", "fault: 502 from the gateway, Toss-style body")},
        {"FAULT-503", "503", {FaultKind::Unavailable, 5},
         QT_TRANSLATE_NOOP("paytriage::sandbox", "fault: 503 with Retry-After: 5")},
        {"FAULT-RESET", "RESET", {FaultKind::Reset, -1},
         QT_TRANSLATE_NOOP("paytriage::sandbox", "fault: the connection is reset, no response")},
        {"FAULT-TRUNCATED", "TRUNCATED", {FaultKind::Truncated, -1},
         QT_TRANSLATE_NOOP("paytriage::sandbox", "fault: the body stops short of its Content-Length")},
        {"FAULT-INVALID-JSON", "INVALIDJSON", {FaultKind::InvalidJson, -1},
         QT_TRANSLATE_NOOP("paytriage::sandbox", "fault: 200 with a body that is not valid JSON")},
        {"FAULT-WRONG-CONTENT-TYPE", "HTML", {FaultKind::WrongContentType, -1},
         QT_TRANSLATE_NOOP("paytriage::sandbox", "fault: an HTML page instead of JSON")},
        {"FAULT-SLOW", "SLOW", {FaultKind::Slow, 2000},
         QT_TRANSLATE_NOOP("paytriage::sandbox", "fault: the body trickles in over 2 s")},
        {"FAULT-OVERSIZED", "OVERSIZED", {FaultKind::Oversized, 64},
         QT_TRANSLATE_NOOP("paytriage::sandbox", "fault: a valid JSON array of 64 MiB, streamed")},
    };
    for (const FaultOrder &f : faults)
        s.payments.push_back(faultScenario(f.orderId, f.suffix, f.fault, f.description));

    s.inAppOrders.push_back({"20e47c63-47e5-4972-a74c-9804fd584648",
                             inAppStatus("20e47c63-47e5-4972-a74c-9804fd584648",
                                         "ait.0000009485.3df5aacd.5e882a5953.7407802466", "PAYMENT_COMPLETED",
                                         "2025-09-25T16:30:26", "결제가 완료되었어요."),
                             QT_TRANSLATE_NOOP("paytriage::sandbox",
                                               "seed 002: in-app order PAYMENT_COMPLETED, a status newer than the "
                                               "guide (POST get-order-status)")});
    // The answer the same partner got before the change, in its older, shorter shape.
    s.inAppOrders.push_back({"1a0c4437-60f3-4258-9132-dcc960aee801",
                             inAppStatus("1a0c4437-60f3-4258-9132-dcc960aee801", nullptr, "PURCHASED", nullptr,
                                         "완료된 주문이에요."),
                             QT_TRANSLATE_NOOP("paytriage::sandbox",
                                               "seed 002: in-app order PURCHASED, the answer before the change")});
    s.inAppOrders.push_back({"13c9a1ff-2baa-4495-bbfa-a0826ba8c7c0",
                             inAppStatus("13c9a1ff-2baa-4495-bbfa-a0826ba8c7c0",
                                         "ait.0000010000.af647449.3bd55cfd00.0000000475", "ORDER_IN_PROGRESS",
                                         "2025-09-12T16:57:12", "진행 중인 주문입니다."),
                             QT_TRANSLATE_NOOP("paytriage::sandbox", "in-app order ORDER_IN_PROGRESS (the guide's example)")});
    return s;
}

} // namespace paytriage
