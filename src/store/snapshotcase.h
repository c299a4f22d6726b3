#pragma once

// A snapshot of the history read back as a case: each body decoded as the console reads a paste,
// under a label naming its request, so that the history's diff, the console's read-only case and
// the reports analyse what was kept exactly as the CLI does.

#include "model/document.h"
#include "store/snapshot.h"

#include <cstdint>

namespace paytriage {

// The documents of every body, in order, indexed: of a transactions or settlements page, the
// records of the snapshot's payment only, as the lookup took them. A body that cannot be read
// (cut, damaged) gives none: the rest still make the case.
Case caseOfSnapshot(const Snapshot &snapshot);

// The time the snapshot is analysed as of: its own as-of time, else when it was captured.
std::int64_t analysedAsOf(const Snapshot &snapshot);

} // namespace paytriage
