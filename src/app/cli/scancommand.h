#pragma once

#include <QStringList>

namespace paytriage::cli {

// paytriage-cli scan --from DATE --to DATE: every transaction and settlement of the merchant in
// the period, through every rule, the payments with findings ranked (session/periodscan).
int runScan(const QStringList &arguments);

} // namespace paytriage::cli
