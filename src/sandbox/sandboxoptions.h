#pragma once

#include "sandboxfault.h"

#include <QDate>
#include <QString>

#include <cstdint>
#include <map>
#include <vector>

namespace paytriage {

struct SandboxOptions
{
    // Basic auth: empty accepts any key that starts with "test_sk_" (a test secret key, facts
    // §1); otherwise only this key.
    QString secretKey;

    // The seed scenarios (000, 001, 002, 004) and the FAULT-* orders.
    bool seedScenarios = true;

    // The generated merchant. Its ids depend on the seed and the first day only; more days or
    // payments a day add ids without changing the others'.
    std::uint64_t seed = 20250301;
    QDate firstDay{2025, 3, 1};
    int days = 30;
    int paymentsPerDay = 3000;

    // Faults for requests about one payment or order, by orderId or paymentKey; the
    // X-Sandbox-Fault header still wins.
    std::map<QString, SandboxFault> scenarioFaults;
    // Faults at random for every other request, drawn from a generator seeded with `seed`, so a
    // run's sequence of faults repeats.
    std::vector<FaultRate> faultRates;
};

} // namespace paytriage
