#include "generatedmerchant.h"

#include "deterministicrng.h"
#include "util/timestamp.h"

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <iterator>
#include <cstdio>

namespace paytriage {

namespace {

using toss::Json;

constexpr std::int64_t day = 86400;
constexpr std::int64_t kstOffset = 9 * 3600;
constexpr std::int64_t unixEpochJulianDay = 2440588;  // 1970-01-01
constexpr const char *mId = "sandboxmid";
constexpr const char *paymentKeyPrefix = "sandb";  // real keys start with the first letters of the mId

// Indexes into these arrays are what a Record stores.
constexpr std::array<const char *, 8> methods{"카드", "가상계좌", "간편결제", "휴대폰",
                                              "계좌이체", "문화상품권", "도서문화상품권", "게임문화상품권"};
enum Method : std::uint8_t { Card, VirtualAccount, EasyPay, MobilePhone, Transfer, CultureGift, BookGift, GameGift };
// Share of each method, per mille, in the order above.
constexpr std::array<int, 8> methodShare{450, 120, 200, 70, 90, 30, 20, 20};

constexpr std::array<const char *, 8> statuses{"READY",    "IN_PROGRESS",      "WAITING_FOR_DEPOSIT", "DONE",
                                               "CANCELED", "PARTIAL_CANCELED", "ABORTED",             "EXPIRED"};
enum Status : std::uint8_t { Ready, InProgress, WaitingForDeposit, Done, Canceled, PartialCanceled, Aborted, Expired };

constexpr std::array<const char *, 8> orderNames{
    "핀턱 자수 캐롯 팬츠", "오버핏 린넨 셔츠 외 1건", "무선 이어폰 케이스", "유기농 원두 1kg",
    "캠핑 의자 외 2건",   "월간 구독 3개월",         "그림책 세트",        "게임 아이템 패키지"};
constexpr std::array<const char *, 8> customerNames{"김토스", "이토스", "박토스", "최토스",
                                                    "정토스", "강토스", "조토스", "윤토스"};
constexpr std::array<const char *, 8> bankCodes{"20", "88", "04", "11", "81", "03", "23", "32"};
constexpr std::array<const char *, 8> issuerCodes{"11", "21", "31", "41", "51", "61", "71", "91"};
constexpr std::array<const char *, 6> cardPrefixes{"4330", "5570", "9410", "4518", "5365", "6253"};
constexpr std::array<const char *, 5> easyPayProviders{"토스페이", "네이버페이", "카카오페이", "삼성페이", "페이코"};
constexpr std::array<const char *, 4> cancelReasons{"고객 변심", "주문 취소", "재고 부족", "배송 지연"};

// Fee (supply value, before VAT) per method in basis points of the amount. Card's 2.05 % is what
// seed 004's settlement shows: 99,800 → 2,045 + 205 VAT = 2,250.
constexpr std::array<int, 8> feeBasisPoints{205, 120, 280, 350, 180, 500, 500, 500};

bool isApproved(std::uint8_t status)
{
    return status == Done || status == Canceled || status == PartialCanceled;
}

bool isCanceled(std::uint8_t status)
{
    return status == Canceled || status == PartialCanceled;
}

std::string iso(std::int64_t seconds)
{
    return formatIsoKst(seconds * 1000);
}

std::int64_t julianDayOf(std::int64_t seconds)
{
    const std::int64_t local = seconds + kstOffset;
    return (local >= 0 ? local / day : (local - day + 1) / day) + unixEpochJulianDay;
}

std::string isoDate(std::int64_t julianDay)
{
    return QDate::fromJulianDay(julianDay).toString(Qt::ISODate).toStdString();
}

// Julian day numbers count Monday as 0 (mod 7).
bool isWeekend(std::int64_t julianDay)
{
    return julianDay % 7 >= 5;
}

// Sales of a weekend count from the Monday after; the payout follows `lag` business days later
// (seed 004: sold Saturday 2023-11-25, paid out Thursday 2023-11-30).
std::int64_t payoutDay(std::int64_t soldDay, int lag)
{
    std::int64_t d = soldDay;
    while (isWeekend(d))
        ++d;
    for (int i = 0; i < lag; ++i) {
        ++d;
        while (isWeekend(d))
            ++d;
    }
    return d;
}

// Successive independent picks from one record's salt, so a record stores 4 bytes instead of
// every choice.
class SaltStream final
{
public:
    SaltStream(std::uint64_t seed, std::uint32_t salt) : m_state(mix64(seed ^ (std::uint64_t(salt) << 17))) {}
    std::uint64_t next() { return m_state = mix64(m_state); }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    template<typename Array>
    auto pick(const Array &values) { return values[below(values.size())]; }
    std::string digits(int count)
    {
        std::string out;
        std::uint64_t v = next();
        for (int i = 0; i < count; ++i, v /= 10)
            out += static_cast<char>('0' + v % 10);
        return out;
    }

private:
    std::uint64_t m_state;
};

std::string alphabetString(std::uint64_t state, int count, std::string_view alphabet)
{
    std::string out;
    for (int i = 0; i < count; ++i) {
        state = mix64(state);
        out += alphabet[state % alphabet.size()];
    }
    return out;
}

constexpr std::string_view upperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr std::string_view anyAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

std::int64_t slotStart(std::int64_t n, int perDay)
{
    return n * day / perDay;
}

bool parseDigits(std::string_view text, int &value)
{
    value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    return !text.empty();
}

} // namespace

// Everything a payment's documents say, derived from its Record.
struct GeneratedMerchant::Plan
{
    struct Tx
    {
        std::uint8_t status;
        std::int64_t amount;
        std::int64_t at;
    };

    const Record *record = nullptr;
    bool virtualAccount = false;
    std::int64_t issuedAt = 0;    // virtual account issued; 0: never
    std::int64_t approvedAt = 0;  // approval, or a virtual account's deposit; 0: never
    std::int64_t canceledAt = 0;  // 0: never
    std::int64_t balance = 0;     // what the payment reports
    std::array<Tx, 3> tx{};
    int txCount = 0;
    std::array<int, 2> settledTx{};  // transaction ordinals with a settlement row
    int settledCount = 0;

    void addTx(std::uint8_t status, std::int64_t amount, std::int64_t at, bool settles)
    {
        if (settles)
            settledTx[static_cast<std::size_t>(settledCount++)] = txCount;
        tx[static_cast<std::size_t>(txCount++)] = {status, amount, at};
    }
};

GeneratedMerchant::GeneratedMerchant(const Config &config)
    : m_config(config)
{
    m_config.days = std::clamp(m_config.days, 1, maxDays);
    m_config.paymentsPerDay = std::clamp(m_config.paymentsPerDay, minPaymentsPerDay, maxPaymentsPerDay);
    if (!m_config.firstDay.isValid())
        m_config.firstDay = QDate(2025, 3, 1);
    m_periodStart = (m_config.firstDay.toJulianDay() - unixEpochJulianDay) * day - kstOffset;
    m_periodEnd = m_periodStart + std::int64_t(m_config.days) * day;

    const int perDay = m_config.paymentsPerDay;
    m_records.resize(std::size_t(m_config.days) * std::size_t(perDay));
    for (int d = 0; d < m_config.days; ++d) {
        // One stream per day: a day's payments do not change when --days changes.
        DeterministicRng rng(m_config.seed ^ mix64(std::uint64_t(d) + 1));
        const std::int64_t dayStart = m_periodStart + d * day;
        for (int n = 0; n < perDay; ++n) {
            Record &r = m_records[std::size_t(d) * std::size_t(perDay) + std::size_t(n)];
            const std::int64_t from = slotStart(n, perDay);
            const std::int64_t width = slotStart(n + 1, perDay) - from;
            r.requestedAt = dayStart + from + rng.between(0, width - 1);
            r.salt = static_cast<std::uint32_t>(rng.next());

            // Every draw happens for every payment, used or not, so one payment's status never
            // shifts the stream of the next.
            const auto methodDraw = static_cast<int>(rng.below(1000));
            const auto statusDraw = static_cast<int>(rng.below(1000));
            const bool big = rng.chance(0.05);
            const std::int64_t hundreds = rng.between(10, 3000);
            const std::int64_t bigHundreds = rng.between(3000, 20000);
            const std::int64_t giftHundreds = rng.between(10, 500);
            const std::int64_t partialTenths = rng.between(1, 9);
            r.approveDelay = static_cast<std::int32_t>(rng.between(15, 180));
            r.depositDelay = static_cast<std::int32_t>(rng.between(300, 2 * day));
            r.cancelDelay = static_cast<std::int32_t>(rng.between(600, 3 * day));

            int acc = 0;
            r.method = 0;
            for (std::size_t m = 0; m < methodShare.size(); ++m) {
                acc += methodShare[m];
                if (methodDraw < acc) {
                    r.method = static_cast<std::uint8_t>(m);
                    break;
                }
            }
            const bool gift = r.method >= CultureGift;
            std::int64_t total = gift ? giftHundreds * 100 : (big ? bigHundreds : hundreds) * 100;
            if (r.method == MobilePhone)
                total = std::min<std::int64_t>(total, 300000);  // carriers cap phone payments
            r.totalAmount = static_cast<std::int32_t>(total);

            const bool va = r.method == VirtualAccount;
            const std::int64_t remaining = m_periodEnd - r.requestedAt;
            std::uint8_t status = Done;
            // READY and IN_PROGRESS only in the last minutes of the period: older ones would have
            // expired (30 and 10 minutes, facts §3.3), and a stuck one is an anomaly, not noise.
            if (remaining <= 1800 && statusDraw < 250)
                status = Ready;
            else if (remaining <= 600 && statusDraw < 500)
                status = va ? Ready : InProgress;
            else if (statusDraw < 50)
                status = Aborted;
            else if (statusDraw < 100)
                status = Expired;
            else if (statusDraw < 170)
                status = Canceled;
            else if (statusDraw < 220)
                status = PartialCanceled;
            else if (va && statusDraw < 400)
                status = WaitingForDeposit;
            // Phone and gift certificate payments are canceled whole.
            if (status == PartialCanceled && (r.method == MobilePhone || gift))
                status = Canceled;

            // Nothing may happen after the period ends: later steps fall back to the state before.
            const std::int64_t firstStep = r.approveDelay;
            const std::int64_t approvedAfter = va ? firstStep + r.depositDelay : firstStep;
            if (va && (status == WaitingForDeposit || isApproved(status)) && firstStep >= remaining)
                status = Ready;
            else if (va && isApproved(status) && approvedAfter >= remaining)
                status = WaitingForDeposit;
            else if (!va && (isApproved(status) || status == Aborted) && firstStep >= remaining)
                status = InProgress;
            if (isCanceled(status) && approvedAfter + r.cancelDelay >= remaining)
                status = Done;
            r.status = status;

            if (status == Canceled)
                r.cancelAmount = r.totalAmount;
            else if (status == PartialCanceled)
                r.cancelAmount = static_cast<std::int32_t>(std::max<std::int64_t>(100, total * partialTenths / 10 / 100 * 100));
            else
                r.cancelAmount = 0;
            r.anomaly = Anomaly::None;
        }
    }
    plantAnomalies();
}

GeneratedMerchant::~GeneratedMerchant() = default;

void GeneratedMerchant::plantAnomalies()
{
    // In the middle of the period, at fixed fractions of the day, whatever the seed: the ids stay
    // easy to find (--list-scenarios prints them) and the times leave room for every step.
    const std::size_t perDay = std::size_t(m_config.paymentsPerDay);
    const std::size_t base = std::size_t(m_config.days / 2) * perDay;
    struct Plant
    {
        Anomaly anomaly;
        std::uint8_t method;
        std::uint8_t status;
        const char *description;
    };
    static const Plant plants[] = {
        {Anomaly::VbankCanceledBeforeDeposit, VirtualAccount, Canceled,
         QT_TRANSLATE_NOOP("paytriage::sandbox",
                           "generated: virtual account canceled before any deposit (CANCELED, no DONE)")},
        {Anomaly::DoneWithoutApprovedAt, Card, Done,
         QT_TRANSLATE_NOOP("paytriage::sandbox", "generated: DONE card payment whose approvedAt is null")},
        {Anomaly::SettlementPayoutMismatch, Card, Done,
         QT_TRANSLATE_NOOP("paytriage::sandbox",
                           "generated: settlement row whose payOutAmount is not amount − fee (1,000 short)")},
        {Anomaly::InProgressWithDoneTransaction, Card, InProgress,
         QT_TRANSLATE_NOOP("paytriage::sandbox",
                           "generated: payment stuck IN_PROGRESS although its DONE transaction exists")},
        {Anomaly::BalanceMismatch, Card, PartialCanceled,
         QT_TRANSLATE_NOOP("paytriage::sandbox",
                           "generated: PARTIAL_CANCELED payment whose balanceAmount is not total − cancels")},
    };
    const std::size_t count = std::size(plants);
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t index = base + perDay * (k + 1) / (count + 1);
        Record &r = m_records[index];
        const Plant &plant = plants[k];
        r.method = plant.method;
        r.status = plant.status;
        r.anomaly = plant.anomaly;
        r.totalAmount = std::max<std::int32_t>(r.totalAmount, 10000);
        // Short delays keep every step inside the period even when it has a single day.
        r.approveDelay = 40;
        r.depositDelay = 600;
        r.cancelDelay = 115;  // seed 001 canceled 1 min 55 s after the account was issued
        r.cancelAmount = plant.status == Canceled ? r.totalAmount
                         : plant.status == PartialCanceled ? r.totalAmount / 1000 * 300
                                                           : 0;
        m_anomalies.push_back({index, plant.anomaly, plant.description});
    }
}

std::size_t GeneratedMerchant::memoryBytes() const
{
    return sizeof(*this) + m_records.capacity() * sizeof(Record) + m_anomalies.capacity() * sizeof(PlantedAnomaly);
}

GeneratedMerchant::Plan GeneratedMerchant::planOf(std::size_t index) const
{
    const Record &r = m_records[index];
    Plan p;
    p.record = &r;
    p.virtualAccount = r.method == VirtualAccount;
    const bool canceled = isCanceled(r.status);
    const bool beforeDeposit = r.anomaly == Anomaly::VbankCanceledBeforeDeposit;
    const bool inProgressWithDone = r.anomaly == Anomaly::InProgressWithDoneTransaction;
    if (p.virtualAccount) {
        if (r.status == WaitingForDeposit || isApproved(r.status)) {
            p.issuedAt = r.requestedAt + r.approveDelay;
            p.addTx(WaitingForDeposit, 0, p.issuedAt, false);
        }
        if (isApproved(r.status) && !beforeDeposit) {
            p.approvedAt = p.issuedAt + r.depositDelay;
            p.addTx(Done, r.totalAmount, p.approvedAt, true);
        }
        if (canceled) {
            // Before a deposit the cancel returns the account: no money moved, nothing to settle.
            p.canceledAt = (beforeDeposit ? p.issuedAt : p.approvedAt) + r.cancelDelay;
            p.addTx(r.status, r.cancelAmount, p.canceledAt, !beforeDeposit);
        }
    } else {
        if (isApproved(r.status) || inProgressWithDone) {
            p.approvedAt = r.requestedAt + r.approveDelay;
            p.addTx(Done, r.totalAmount, p.approvedAt, !inProgressWithDone);
        }
        if (canceled) {
            p.canceledAt = p.approvedAt + r.cancelDelay;
            p.addTx(r.status, r.cancelAmount, p.canceledAt, true);
        }
    }
    p.balance = std::int64_t(r.totalAmount) - (canceled ? r.cancelAmount : 0);
    if (r.anomaly == Anomaly::BalanceMismatch)
        p.balance += 1000;
    return p;
}

std::string GeneratedMerchant::orderId(std::size_t index) const
{
    const std::size_t perDay = std::size_t(m_config.paymentsPerDay);
    const QDate date = m_config.firstDay.addDays(qint64(index / perDay));
    char buf[64];
    std::snprintf(buf, sizeof buf, "SBX-%04d%02d%02d-%05u", date.year(), date.month(), date.day(),
                  static_cast<unsigned>(index % perDay + 1));
    return buf;
}

std::optional<std::size_t> GeneratedMerchant::findOrderId(std::string_view id) const
{
    // SBX-yyyyMMdd-nnnnn
    if (id.size() != 18 || id.substr(0, 4) != "SBX-" || id[12] != '-')
        return std::nullopt;
    int y, m, d, n;
    if (!parseDigits(id.substr(4, 4), y) || !parseDigits(id.substr(8, 2), m) || !parseDigits(id.substr(10, 2), d)
        || !parseDigits(id.substr(13, 5), n))
        return std::nullopt;
    const QDate date(y, m, d);
    if (!date.isValid())
        return std::nullopt;
    const qint64 dayIndex = m_config.firstDay.daysTo(date);
    if (dayIndex < 0 || dayIndex >= m_config.days || n < 1 || n > m_config.paymentsPerDay)
        return std::nullopt;
    return std::size_t(dayIndex) * std::size_t(m_config.paymentsPerDay) + std::size_t(n - 1);
}

std::string GeneratedMerchant::paymentKey(std::size_t index) const
{
    // Like the live keys (seed 000: "ec_id20250402083921BUZL3"): mId prefix, request time, 5 letters.
    const std::string at = iso(m_records[index].requestedAt);  // 2025-03-01T00:00:12+09:00
    std::string key = paymentKeyPrefix;
    for (char c : std::string_view(at).substr(0, 19)) {
        if (c >= '0' && c <= '9')
            key += c;
    }
    key += alphabetString(m_config.seed ^ mix64(index * 2 + 1), 5, upperAlnum);
    return key;
}

std::optional<std::size_t> GeneratedMerchant::findPaymentKey(std::string_view key) const
{
    // The time in the key names the day and, because every payment has its own slot of the day,
    // the payment; the full key is then compared.
    const std::string_view prefix = paymentKeyPrefix;
    if (key.size() != prefix.size() + 14 + 5 || key.substr(0, prefix.size()) != prefix)
        return std::nullopt;
    const std::string_view t = key.substr(prefix.size(), 14);
    int y, mo, d, h, mi, s;
    if (!parseDigits(t.substr(0, 4), y) || !parseDigits(t.substr(4, 2), mo) || !parseDigits(t.substr(6, 2), d)
        || !parseDigits(t.substr(8, 2), h) || !parseDigits(t.substr(10, 2), mi) || !parseDigits(t.substr(12, 2), s))
        return std::nullopt;
    const QDate date(y, mo, d);
    if (!date.isValid() || h > 23 || mi > 59 || s > 59)
        return std::nullopt;
    const qint64 dayIndex = m_config.firstDay.daysTo(date);
    if (dayIndex < 0 || dayIndex >= m_config.days)
        return std::nullopt;
    const std::int64_t second = h * 3600 + mi * 60 + s;
    const int perDay = m_config.paymentsPerDay;
    const std::int64_t guess = second * perDay / day;
    for (std::int64_t n = std::max<std::int64_t>(0, guess - 1); n <= std::min<std::int64_t>(perDay - 1, guess + 1); ++n) {
        if (slotStart(n, perDay) <= second && second < slotStart(n + 1, perDay)) {
            const std::size_t index = std::size_t(dayIndex) * std::size_t(perDay) + std::size_t(n);
            if (paymentKey(index) == key)
                return index;
            return std::nullopt;
        }
    }
    return std::nullopt;
}

int GeneratedMerchant::transactionCount(std::size_t index) const
{
    return planOf(index).txCount;
}

std::int64_t GeneratedMerchant::transactionAtMs(std::size_t index, int ordinal) const
{
    return planOf(index).tx[std::size_t(ordinal)].at * 1000;
}

std::string GeneratedMerchant::transactionKey(std::size_t index, int ordinal) const
{
    // The newer key shape ("txrd_a01…", facts §4.1), unique per payment and ordinal.
    const std::uint64_t h = mix64(m_config.seed ^ mix64(std::uint64_t(index) * 4 + std::uint64_t(ordinal) + 7));
    char buf[40];
    std::snprintf(buf, sizeof buf, "txrd_a01%016llx%08llx", static_cast<unsigned long long>(h),
                  static_cast<unsigned long long>(mix64(h) >> 32));
    return buf;
}

Json GeneratedMerchant::payment(std::size_t index) const
{
    const Plan p = planOf(index);
    const Record &r = *p.record;
    SaltStream salt(m_config.seed, r.salt);
    const std::string method = methods[r.method];
    const std::string key = paymentKey(index);
    // Money approved (a virtual account: deposited). Not for the planted IN_PROGRESS payment,
    // whose only approval is the transaction the payment object does not know about.
    const bool approved = p.approvedAt != 0 && r.anomaly != Anomaly::InProgressWithDoneTransaction;
    const bool issued = p.issuedAt != 0;
    // The method is known once the customer chose it and the provider answered: not for READY,
    // IN_PROGRESS or EXPIRED (facts §8.1).
    const bool hasMethod = approved || issued || r.status == Aborted;
    const std::string customer = salt.pick(customerNames);

    Json j = toss::paymentSkeleton();
    j["mId"] = mId;
    j["lastTransactionKey"] = p.txCount > 0 ? Json(transactionKey(index, p.txCount - 1)) : Json();
    j["paymentKey"] = key;
    j["orderId"] = orderId(index);
    j["orderName"] = salt.pick(orderNames);
    j["taxExemptionAmount"] = 0;
    j["status"] = statuses[r.status];
    j["requestedAt"] = iso(r.requestedAt);
    j["approvedAt"] = approved && r.anomaly != Anomaly::DoneWithoutApprovedAt ? Json(iso(p.approvedAt)) : Json();
    j["useEscrow"] = approved || issued ? Json(false) : Json();
    j["cultureExpense"] = false;

    if (approved || issued) {
        Json detail;
        switch (r.method) {
        case Card: {
            detail = toss::cardSkeleton();
            const std::string issuer = salt.pick(issuerCodes);
            const bool installment = r.totalAmount >= 50000 && salt.below(5) == 0;
            const bool interestFree = installment && salt.below(2) == 0;
            const std::size_t typeDraw = salt.below(100);
            detail["issuerCode"] = issuer;
            detail["acquirerCode"] = issuer;
            detail["number"] = std::string(salt.pick(cardPrefixes)) + salt.digits(4) + "****" + salt.digits(3) + "*";
            detail["installmentPlanMonths"] = installment ? int(2 + salt.below(5)) : 0;
            detail["isInterestFree"] = interestFree;
            detail["interestPayer"] = installment ? Json(interestFree ? "CARD_COMPANY" : "BUYER") : Json();
            detail["approveNo"] = salt.digits(8);
            detail["useCardPoint"] = false;
            detail["cardType"] = typeDraw < 70 ? "신용" : typeDraw < 98 ? "체크" : "기프트";
            detail["ownerType"] = salt.below(10) == 0 ? "법인" : "개인";
            // Acquisition runs the day after approval; a cancel before it leaves READY (seed 004).
            const std::int64_t settledBy = p.canceledAt ? p.canceledAt : m_periodEnd;
            const bool acquired = p.approvedAt != 0 && settledBy - p.approvedAt >= day;
            detail["acquireStatus"] = !acquired ? "READY" : r.status == Canceled ? "CANCELED" : "COMPLETED";
            detail["amount"] = r.totalAmount;
            break;
        }
        case VirtualAccount: {
            detail = toss::virtualAccountSkeleton();
            const std::int64_t issueDayStart = (julianDayOf(p.issuedAt) - unixEpochJulianDay) * day - kstOffset;
            const std::int64_t dueDate = issueDayStart + 8 * day - 1;  // 7 days later, 23:59:59
            const bool deposited = p.approvedAt != 0;
            detail["accountType"] = "일반";
            detail["accountNumber"] = "X" + salt.digits(13);
            detail["bankCode"] = salt.pick(bankCodes);
            detail["customerName"] = customer;
            detail["depositorName"] = deposited ? Json(customer) : Json();
            detail["dueDate"] = iso(dueDate);
            // A cancel after the deposit refunds the customer; before it, nothing to refund (seed 001).
            detail["refundStatus"] = deposited && isCanceled(r.status) ? "COMPLETED" : "NONE";
            detail["expired"] = r.status == WaitingForDeposit && dueDate < m_periodEnd;
            detail["settlementStatus"] = deposited ? "COMPLETED" : "INCOMPLETED";
            detail["refundReceiveAccount"] = nullptr;  // readable for 30 minutes only (facts §3.7)
            break;
        }
        case EasyPay:
            detail = Json::object();
            detail["provider"] = salt.pick(easyPayProviders);
            detail["amount"] = r.totalAmount;
            detail["discountAmount"] = 0;
            break;
        case MobilePhone:
            detail = Json::object();
            detail["customerMobilePhone"] = "010" + salt.digits(8);
            detail["settlementStatus"] = "COMPLETED";
            detail["receiptUrl"] = "https://dashboard.tosspayments.com/receipt/phone?transactionId=" + key;
            break;
        case Transfer:
            detail = Json::object();
            detail["bankCode"] = salt.pick(bankCodes);
            detail["settlementStatus"] = "COMPLETED";
            break;
        default:
            detail = Json::object();
            detail["approveNo"] = salt.digits(8);
            detail["settlementStatus"] = "COMPLETED";
            break;
        }
        j[toss::detailFieldOf(method)] = std::move(detail);
    }

    if (isCanceled(r.status)) {
        const Plan::Tx &cancelTx = p.tx[std::size_t(p.txCount - 1)];
        Json cancel = toss::cancelSkeleton();
        cancel["transactionKey"] = transactionKey(index, p.txCount - 1);
        cancel["cancelReason"] = salt.pick(cancelReasons);
        cancel["taxExemptionAmount"] = 0;
        cancel["canceledAt"] = iso(cancelTx.at);
        cancel["transferDiscountAmount"] = 0;
        cancel["easyPayDiscountAmount"] = 0;
        cancel["receiptKey"] = nullptr;
        cancel["cancelAmount"] = r.cancelAmount;
        cancel["taxFreeAmount"] = 0;
        cancel["refundableAmount"] = std::int64_t(r.totalAmount) - r.cancelAmount;
        cancel["cancelStatus"] = "DONE";
        cancel["cancelRequestId"] = nullptr;
        j["cancels"] = Json::array({std::move(cancel)});
    }
    j["secret"] = p.virtualAccount && (issued || approved)
                      ? Json("ps_" + alphabetString(m_config.seed ^ mix64(index * 2 + 2), 27, anyAlnum))
                      : Json();
    j["type"] = "NORMAL";
    j["country"] = "KR";
    if (r.status == Aborted) {
        Json failure = Json::object();
        const bool card = r.method == Card;
        failure["code"] = card ? "REJECT_CARD_COMPANY" : "PROVIDER_ERROR";
        failure["message"] = card ? "카드사에서 결제를 거절했습니다." : "결제기관에서 일시적인 오류가 발생했습니다.";
        j["failure"] = std::move(failure);
    } else if (r.status == Expired) {
        Json failure = Json::object();
        failure["code"] = "EXPIRED_PAYMENT";
        failure["message"] = "결제 유효 시간이 지나 만료되었습니다.";
        j["failure"] = std::move(failure);
    }
    j["isPartialCancelable"] = r.method != MobilePhone && r.method < CultureGift;
    if (approved || issued) {
        j["receipt"] = Json::object(
            {{"url", "https://dashboard.tosspayments.com/receipt/redirection?transactionId=" + key + "&ref=PX"}});
    }
    j["checkout"] = Json::object({{"url", "https://api.tosspayments.com/v1/payments/" + key + "/checkout"}});
    j["currency"] = "KRW";
    j["totalAmount"] = r.totalAmount;
    j["balanceAmount"] = p.balance;
    const std::int64_t vat = toss::vatOf(p.balance);
    j["suppliedAmount"] = p.balance - vat;
    j["vat"] = vat;
    j["taxFreeAmount"] = 0;
    if (hasMethod)
        j["method"] = method;
    j["version"] = toss::apiVersion;
    j["metadata"] = nullptr;
    return j;
}

Json GeneratedMerchant::transaction(std::size_t index, int ordinal) const
{
    const Plan p = planOf(index);
    const Plan::Tx &tx = p.tx[std::size_t(ordinal)];
    const std::string key = transactionKey(index, ordinal);
    Json j = toss::transactionSkeleton();
    j["mId"] = mId;
    j["transactionKey"] = key;
    j["paymentKey"] = paymentKey(index);
    j["orderId"] = orderId(index);
    j["method"] = methods[p.record->method];
    j["customerKey"] = nullptr;  // only billing payments carry one
    j["useEscrow"] = false;
    j["receiptUrl"] = "https://dashboard.tosspayments.com/receipt/redirection?transactionId=" + key + "&ref=PX";
    j["status"] = statuses[tx.status];
    j["transactionAt"] = iso(tx.at);
    j["currency"] = "KRW";
    j["amount"] = tx.amount;
    return j;
}

int GeneratedMerchant::settlementCount(std::size_t index) const
{
    return planOf(index).settledCount;
}

GeneratedMerchant::SettlementDates GeneratedMerchant::settlementDates(std::size_t index, int ordinal) const
{
    const Plan p = planOf(index);
    const Plan::Tx &tx = p.tx[std::size_t(p.settledTx[std::size_t(ordinal)])];
    const std::int64_t sold = julianDayOf(tx.at);
    return {sold, payoutDay(sold, p.record->method == Card ? 3 : 2), tx.at * 1000};
}

Json GeneratedMerchant::settlement(std::size_t index, int ordinal) const
{
    const Plan p = planOf(index);
    const Record &r = *p.record;
    const int txOrdinal = p.settledTx[std::size_t(ordinal)];
    const Plan::Tx &tx = p.tx[std::size_t(txOrdinal)];
    const bool cancel = tx.status != Done;
    const SettlementDates dates = settlementDates(index, ordinal);
    const Json pay = payment(index);

    // The fee is charged on the amount and refunded on a cancel: 2.05 % supply + 10 % VAT on it.
    const std::int64_t amount = cancel ? -tx.amount : tx.amount;
    const std::int64_t supply = tx.amount * feeBasisPoints[r.method] / 10000;
    const std::int64_t vat = (supply + 5) / 10;
    const std::int64_t sign = cancel ? -1 : 1;
    const std::int64_t fee = sign * (supply + vat);
    std::int64_t payOut = amount - fee;
    if (r.anomaly == Anomaly::SettlementPayoutMismatch && !cancel)
        payOut -= 1000;

    Json j = toss::settlementSkeleton();
    j["mId"] = mId;
    j["paymentKey"] = pay["paymentKey"];
    j["transactionKey"] = transactionKey(index, txOrdinal);
    j["orderId"] = pay["orderId"];
    j["currency"] = "KRW";
    j["method"] = methods[r.method];
    j["fees"] = Json::array({Json::object({{"type", "BASE"}, {"fee", fee}}), Json::object({{"type", "ETC"}, {"fee", 0}})});
    j["approvedAt"] = pay["approvedAt"];
    j["soldDate"] = isoDate(dates.soldDay);
    j["paidOutDate"] = isoDate(dates.paidOutDay);
    for (const char *field : {"card", "virtualAccount", "transfer", "mobilePhone", "giftCertificate", "easyPay"})
        j[field] = pay[field];
    j["cancel"] = cancel ? pay["cancels"][0] : Json();
    j["amount"] = amount;
    j["interestFee"] = 0;
    j["fee"] = fee;
    j["supplyAmount"] = sign * supply;
    j["vat"] = sign * vat;
    j["payOutAmount"] = payOut;
    return j;
}

} // namespace paytriage
