#!/usr/bin/env bash
# Sets up and builds PayTriage, then runs the whole test suite through ctest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
paytriage_install_missing "${paytriage_test_packages[@]}"
paytriage_build
ctest --preset "$PAYTRIAGE_PRESET" -j "$(nproc 2>/dev/null || echo 2)"
