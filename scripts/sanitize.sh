#!/usr/bin/env bash
# Builds the asan preset (clang with AddressSanitizer and UndefinedBehaviorSanitizer) and runs
# the suites of the layers below the widgets under it: core, net, sandbox, the case session, the
# CLI, the models, and the replay of every fuzz seed and regression. Any report fails the run.
#   bash scripts/sanitize.sh            # those layers
#   bash scripts/sanitize.sh 'core|fuzz'  # a ctest label regex of your own
set -euo pipefail
export PAYTRIAGE_PRESET=asan
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
paytriage_install_missing clang-14 libclang-rt-14-dev llvm-14
labels="${1:-core|net|sandbox|session|app|models|fuzz}"
cd "$PAYTRIAGE_ROOT"
cmake --preset asan >/dev/null
build="$(paytriage_build_dir)"
# Only the executables of those tests (and what they run), not the console's widgets: a test is
# named after its executable (a fuzz harness's replay after the harness).
mapfile -t targets < <(ctest --test-dir "$build" -N -L "$labels" | sed -n 's|^ *Test *#[0-9]*: \([A-Za-z0-9_]*\)$|\1|p' \
                       | sed 's|_replay$||' | sort -u)
((${#targets[@]})) || { echo "sanitize: no tests labelled $labels" >&2; exit 1; }
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target "${targets[@]}"
ctest --preset asan -L "$labels" -j "$(nproc 2>/dev/null || echo 2)"
