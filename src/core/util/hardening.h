#pragma once

namespace paytriage {

// Keeps a process that holds a secret key from leaving it behind: no core dump (RLIMIT_CORE 0)
// and, on Linux, not dumpable (PR_SET_DUMPABLE 0: no core file even where a system writes cores
// through a pipe, and no ptrace attach by other processes of the same user). A no-op elsewhere.
// Called first thing in main() by the console and the CLI.
void disableCoreDumps();

// Whether this process can leave a core file (for tests).
bool coreDumpsDisabled();

} // namespace paytriage
