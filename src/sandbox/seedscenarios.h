#pragma once

// The support threads PayTriage was made for, served under their real ids (../shared/seeds):
// seed 000's IN_PROGRESS confirm answer contradicted by a DONE transaction, seed 001's virtual
// account canceled before deposit, seed 002's in-app orders, seed 004's canceled card payment with
// its settlement rows. Plus one order per fault kind (FAULT-429, FAULT-RESET, …) for clients that
// cannot set the X-Sandbox-Fault header.

#include "sandboxfault.h"
#include "tossobjects.h"

#include <optional>
#include <string>
#include <vector>

namespace paytriage {

struct ScenarioPayment
{
    toss::Json payment;
    std::vector<toss::Json> transactions;
    std::vector<toss::Json> settlements;
    std::optional<SandboxFault> fault;  // served with this fault unless the request says otherwise
    const char *description = "";       // English, marked for translation in context "paytriage::sandbox"
};

struct ScenarioInAppOrder
{
    std::string orderId;
    toss::Json success;  // the body's "success" object
    const char *description = "";
};

struct SeedScenarios
{
    std::vector<ScenarioPayment> payments;
    std::vector<ScenarioInAppOrder> inAppOrders;
};

SeedScenarios buildSeedScenarios();

} // namespace paytriage
