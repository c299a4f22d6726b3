// paytriage-gen-transactions: writes a synthetic Toss Payments /v1/transactions dump (a strict
// JSON array, one record per line) for the benchmarks. Deterministic from --seed.
//
//   paytriage-gen-transactions --records N --seed S --out FILE [--plant-every K]
//
// Mix: methods 카드 55 %, 간편결제 20 %, 가상계좌 12 %, 계좌이체 8 %, 휴대폰 5 %. Each payment makes
// 1–3 records: an approval (DONE), sometimes a later CANCELED or PARTIAL_CANCELED; a virtual
// account first gets WAITING_FOR_DEPOSIT with amount 0, then DONE when the deposit arrives.
// transactionAt never decreases and spans 30 days from 2025-03-01T00:00:00+09:00.
//
// Planted anomalies, counted on stderr so a run can check what PayTriage finds:
//   - cancel before deposit: every 5,000th virtual-account payment (--plant-every K: every Kth;
//     starting at a seed-chosen one among the first 500, or the first K) is WAITING_FOR_DEPOSIT
//     then CANCELED with the full amount and no DONE — what the vbank-cancel-without-deposit rule
//     reports. --plant-every 2 makes a dump where one payment in about 17 has a finding;
//   - drift: about 1 record in 100,000 carries an extra "newField": 1.
//
// No DOM, no JSON library: records are formatted with snprintf and written with fwrite.

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <queue>
#include <string>
#include <vector>

namespace {

// splitmix64: small, fast, and the same on every platform (std::mt19937 + distributions is not).
class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n); n > 0. The modulo bias is irrelevant at these sizes.
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    bool chance(std::uint64_t perMille) { return below(1000) < perMille; }

private:
    std::uint64_t m_state;
};

enum class Method : std::uint8_t { Card, EasyPay, VirtualAccount, Transfer, Phone };

const char *methodName(Method m)
{
    switch (m) {
    case Method::Card: return "카드";
    case Method::EasyPay: return "간편결제";
    case Method::VirtualAccount: return "가상계좌";
    case Method::Transfer: return "계좌이체";
    case Method::Phone: return "휴대폰";
    }
    return "카드";
}

Method pickMethod(Rng &rng)
{
    const std::uint64_t r = rng.below(100);
    if (r < 55)
        return Method::Card;
    if (r < 75)
        return Method::EasyPay;
    if (r < 87)
        return Method::VirtualAccount;
    if (r < 95)
        return Method::Transfer;
    return Method::Phone;
}

enum class Status : std::uint8_t { WaitingForDeposit, Done, Canceled, PartialCanceled };

const char *statusName(Status s)
{
    switch (s) {
    case Status::WaitingForDeposit: return "WAITING_FOR_DEPOSIT";
    case Status::Done: return "DONE";
    case Status::Canceled: return "CANCELED";
    case Status::PartialCanceled: return "PARTIAL_CANCELED";
    }
    return "DONE";
}

struct Payment
{
    char letters[9];        // the random part of paymentKey
    char customerKey[13];   // empty: null; else the random part of cust_…
    std::uint8_t day;       // day of March the payment started (paymentKey, orderId)
    Method method;
    bool useEscrow;
};

struct Step
{
    Status status;
    std::int64_t amount;
};

// A record waiting for its slot: due is the output index it should appear at (or later).
struct Pending
{
    std::uint64_t due;
    std::uint64_t seq;      // tie-break, keeps a payment's records in order
    std::uint32_t payment;
    Step step;
    bool operator>(const Pending &o) const { return due != o.due ? due > o.due : seq > o.seq; }
};

constexpr std::int64_t spanSeconds = 30LL * 24 * 3600;
constexpr std::uint64_t defaultPlantEvery = 5000;   // virtual-account payments per planted cancel
constexpr std::uint64_t driftEvery = 100000; // records per drift field (on average)

// 2025-03-01T00:00:00+09:00 plus s seconds (0 ≤ s < 30 days, so always in March 2025).
void formatTime(std::int64_t s, char *out, std::size_t size)
{
    const unsigned day = 1 + static_cast<unsigned>(s / 86400) % 31;
    const unsigned rest = static_cast<unsigned>(s % 86400);
    std::snprintf(out, size, "2025-03-%02uT%02u:%02u:%02u+09:00", day, rest / 3600 % 24, rest / 60 % 60, rest % 60);
}

void randomLetters(Rng &rng, char *out, int n)
{
    for (int i = 0; i < n; ++i)
        out[i] = static_cast<char>('A' + rng.below(26));
    out[n] = '\0';
}

// Amount in KRW: 1,000–500,000 in steps of 100.
std::int64_t pickAmount(Rng &rng)
{
    return 1000 + 100 * static_cast<std::int64_t>(rng.below(4991));
}

// A partial cancel: 100-step amount strictly between 0 and amount.
std::int64_t partOf(Rng &rng, std::int64_t amount)
{
    const std::int64_t steps = amount / 100;  // ≥ 10
    return 100 * (1 + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(steps - 1))));
}

[[noreturn]] void usage(const char *message)
{
    if (message)
        std::fprintf(stderr, "paytriage-gen-transactions: %s\n", message);
    std::fprintf(stderr, "usage: paytriage-gen-transactions --records N --seed S --out FILE [--plant-every K]\n");
    std::exit(2);
}

std::uint64_t parseNumber(const char *text, const char *what)
{
    char *end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(text, &end, 10);
    if (errno || !end || *end || end == text) {
        std::fprintf(stderr, "paytriage-gen-transactions: %s must be a non-negative integer: %s\n", what, text);
        std::exit(2);
    }
    return v;
}

} // namespace

int main(int argc, char **argv)
{
    std::uint64_t records = 0;
    std::uint64_t seed = 1;
    const char *outPath = nullptr;
    bool haveRecords = false;
    std::uint64_t plantEvery = defaultPlantEvery;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h")
            usage(nullptr);
        if (i + 1 >= argc)
            usage("missing value");
        if (arg == "--records") {
            records = parseNumber(argv[++i], "--records");
            haveRecords = true;
        } else if (arg == "--seed") {
            seed = parseNumber(argv[++i], "--seed");
        } else if (arg == "--out") {
            outPath = argv[++i];
        } else if (arg == "--plant-every") {
            plantEvery = parseNumber(argv[++i], "--plant-every");
            if (plantEvery == 0)
                usage("--plant-every must be at least 1");
        } else {
            usage("unknown option");
        }
    }
    if (!haveRecords || !outPath)
        usage("--records and --out are required");

    // Write to a temporary name and rename at the end: an interrupted run leaves no file that
    // looks complete.
    const std::string tmpPath = std::string(outPath) + ".tmp";
    std::FILE *out = std::fopen(tmpPath.c_str(), "wb");
    if (!out) {
        std::fprintf(stderr, "paytriage-gen-transactions: cannot write %s: %s\n", tmpPath.c_str(), std::strerror(errno));
        return 1;
    }
    static char outBuffer[1 << 20];
    std::setvbuf(out, outBuffer, _IOFBF, sizeof outBuffer);

    Rng rng(seed * 0x2545F4914F6CDD1DULL + 0x1234567ULL);
    const std::uint64_t plantPhase = rng.below(std::min<std::uint64_t>(500, plantEvery));
    // How far ahead (in records) a follow-up lands: up to about a day of traffic.
    const std::uint64_t maxGap = std::max<std::uint64_t>(1, records / 30);

    std::vector<Payment> payments;
    payments.reserve(static_cast<std::size_t>(records * 5 / 6 + 16));  // about 1.2 records per payment
    std::priority_queue<Pending, std::vector<Pending>, std::greater<Pending>> pending;
    std::uint64_t seq = 0;
    std::uint64_t vbankPayments = 0;
    std::uint64_t planted = 0;
    std::uint64_t drift = 0;

    std::fputs("[\n", out);
    char line[1024];
    char at[64];
    for (std::uint64_t i = 0; i < records; ++i) {
        const std::uint64_t left = records - i;  // slots from here to the end, this one included
        // Slot i covers [i, i+1) of the span's N equal parts; a random point inside keeps
        // the times non-decreasing without looking like a metronome.
        const double u = static_cast<double>(rng.below(1000)) / 1000.0;
        const auto t = static_cast<std::int64_t>((static_cast<double>(i) + u) * spanSeconds / static_cast<double>(records));
        Pending rec{};
        // A queued record goes out when it is due, or when the queue must drain to fit.
        if (!pending.empty() && (pending.top().due <= i || pending.size() >= left)) {
            rec = pending.top();
            pending.pop();
        } else {
            // A new payment. Follow-ups must still fit in the slots after this one.
            Payment p{};
            p.method = pickMethod(rng);
            p.day = static_cast<std::uint8_t>(1 + t / 86400);
            randomLetters(rng, p.letters, 8);
            if (rng.chance(50))  // billing payments carry a customer key
                randomLetters(rng, p.customerKey, 12);
            p.useEscrow = (p.method == Method::Transfer || p.method == Method::VirtualAccount) && rng.chance(10);
            const std::int64_t amount = pickAmount(rng);

            std::vector<Step> steps;
            bool plant = false;
            if (p.method == Method::VirtualAccount) {
                plant = vbankPayments % plantEvery == plantPhase;
                ++vbankPayments;
                steps.push_back({Status::WaitingForDeposit, 0});
                if (plant) {
                    steps.push_back({Status::Canceled, amount});
                } else if (!rng.chance(150)) {  // 15 % are never paid (expired accounts)
                    steps.push_back({Status::Done, amount});
                    if (rng.chance(50))
                        steps.push_back({Status::Canceled, amount});
                    else if (rng.chance(30))
                        steps.push_back({Status::PartialCanceled, partOf(rng, amount)});
                }
            } else {
                steps.push_back({Status::Done, amount});
                const std::uint64_t r = rng.below(1000);
                if (r < 80) {
                    steps.push_back({Status::Canceled, amount});
                } else if (r < 130) {
                    const std::int64_t part = partOf(rng, amount);
                    steps.push_back({Status::PartialCanceled, part});
                    if (rng.chance(300))  // the rest cancelled later
                        steps.push_back({Status::Canceled, amount - part});
                }
            }
            // Near the end there may be no room for the follow-ups: keep a prefix that fits
            // (a plant that does not fit is not a plant).
            const std::uint64_t room = left - 1 - pending.size();
            if (steps.size() - 1 > room)
                steps.resize(static_cast<std::size_t>(room + 1));
            if (plant && steps.size() == 2)
                ++planted;
            payments.push_back(p);
            const auto id = static_cast<std::uint32_t>(payments.size() - 1);
            std::uint64_t due = i;
            for (std::size_t k = 1; k < steps.size(); ++k) {
                due += 1 + rng.below(maxGap);
                pending.push({due, seq++, id, steps[k]});
            }
            rec = {i, seq++, id, steps[0]};
        }

        const Payment &p = payments[rec.payment];
        const std::uint64_t n = std::uint64_t(rec.payment) + 1;  // payment serial
        formatTime(t, at, sizeof at);
        const std::uint64_t k1 = rng.next();
        const std::uint64_t k2 = rng.next();
        const unsigned day = p.day % 32u;
        char paymentKey[64];
        std::snprintf(paymentKey, sizeof paymentKey, "tgen202503%02u%.8s%" PRIu64, day, p.letters, n);
        char customerKey[32];
        if (p.customerKey[0])
            std::snprintf(customerKey, sizeof customerKey, "\"cust_%.12s\"", p.customerKey);
        else
            std::strcpy(customerKey, "null");
        const bool drifted = rng.below(driftEvery) == 0;
        drift += drifted;
        const int len = std::snprintf(
            line, sizeof line,
            "{\"mId\":\"tvivarepublica\",\"transactionKey\":\"%016" PRIX64 "%016" PRIX64 "\",\"paymentKey\":\"%s\","
            "\"orderId\":\"ORD-202503%02u-%06" PRIu64 "\",\"method\":\"%s\",\"customerKey\":%s,\"useEscrow\":%s,"
            "\"receiptUrl\":\"https://dashboard.tosspayments.com/receipt/redirection?transactionId=%s\","
            "\"status\":\"%s\",\"transactionAt\":\"%s\",\"currency\":\"KRW\",\"amount\":%" PRId64 "%s}%s\n",
            k1, k2, paymentKey, day, n, methodName(p.method), customerKey, p.useEscrow ? "true" : "false",
            paymentKey, statusName(rec.step.status), at, rec.step.amount, drifted ? ",\"newField\":1" : "",
            i + 1 < records ? "," : "");
        if (len < 0 || static_cast<std::size_t>(len) >= sizeof line) {
            std::fprintf(stderr, "paytriage-gen-transactions: record too long\n");
            return 1;
        }
        std::fwrite(line, 1, static_cast<std::size_t>(len), out);
    }
    std::fputs("]\n", out);
    if (!pending.empty()) {
        std::fprintf(stderr, "paytriage-gen-transactions: internal error: %zu records left over\n", pending.size());
        return 1;
    }
    if (std::fflush(out) != 0 || std::ferror(out) || std::fclose(out) != 0) {
        std::fprintf(stderr, "paytriage-gen-transactions: write error on %s: %s\n", tmpPath.c_str(), std::strerror(errno));
        return 1;
    }
    if (std::rename(tmpPath.c_str(), outPath) != 0) {
        std::fprintf(stderr, "paytriage-gen-transactions: cannot rename to %s: %s\n", outPath, std::strerror(errno));
        return 1;
    }
    std::fprintf(stderr, "records: %" PRIu64 "\npayments: %zu\nvirtual-account payments: %" PRIu64 "\n", records,
                 payments.size(), vbankPayments);
    std::fprintf(stderr, "planted vbank-cancel-without-deposit: %" PRIu64 "\n", planted);
    std::fprintf(stderr, "planted newField drift records: %" PRIu64 "\n", drift);
    return 0;
}
