#!/usr/bin/env bash
# Installs what PayTriage needs from Debian's packages (when missing), then configures and
# builds. Works as root and through sudo. Sourced by demo.sh and test.sh; PAYTRIAGE_PRESET
# picks the CMake preset (dev by default, ci in CI).
set -euo pipefail

PAYTRIAGE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PAYTRIAGE_PRESET="${PAYTRIAGE_PRESET:-dev}"

paytriage_packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    nlohmann-json3-dev
    qt6-httpserver-dev qt6-websockets-dev
    qtkeychain-qt6-dev
    libqt6sql6-sqlite libqt6sql6-psql
    qt6-charts-dev libqt6opengl6-dev
    fonts-noto-cjk fonts-dejavu-core
)
# What only the tests need, for test.sh to pass to paytriage_install_missing: the store's
# PostgreSQL tests start a server of their own (tests/store/throwawaypostgres.h) and are skipped
# without one. Not in the list above: the console talks to a team's server, it runs none.
paytriage_test_packages=(postgresql-15 poppler-utils)

paytriage_install_missing() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "setup: not a Debian system; install Qt 6.4+, nlohmann-json 3.11+, CMake 3.25+ and Ninja yourself." >&2
        return 0
    fi
    local missing=() p
    for p in "${paytriage_packages[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    ((${#missing[@]})) || return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "setup: run as root or install sudo to add: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    echo "setup: installing ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

paytriage_build() {
    cd "$PAYTRIAGE_ROOT"
    cmake --preset "$PAYTRIAGE_PRESET" >/dev/null
    cmake --build --preset "$PAYTRIAGE_PRESET" -j "$(nproc 2>/dev/null || echo 2)"
}

paytriage_build_dir() {
    case "$PAYTRIAGE_PRESET" in
        ci) echo "$PAYTRIAGE_ROOT/build-ci" ;;
        release) echo "$PAYTRIAGE_ROOT/build-release" ;;
        asan) echo "$PAYTRIAGE_ROOT/build-asan" ;;
        *) echo "$PAYTRIAGE_ROOT/build" ;;
    esac
}

# Starts the sandbox binary given on loopback, stopped when the calling script exits; sets
# PAYTRIAGE_SANDBOX_URL to the URL it prints on its first line.
paytriage_start_sandbox() {
    local out
    out="$(mktemp)"
    "$1" --port 0 --quiet >"$out" 2>/dev/null &
    PAYTRIAGE_SANDBOX_PID=$!
    # Expanded now, on purpose: the trap runs after this function's locals are gone.
    # shellcheck disable=SC2064
    trap "kill $PAYTRIAGE_SANDBOX_PID 2>/dev/null || true; rm -f '$out'" EXIT
    for _ in $(seq 100); do [ -s "$out" ] && break; sleep 0.1; done
    PAYTRIAGE_SANDBOX_URL="$(head -n 1 "$out")"
    [ -n "$PAYTRIAGE_SANDBOX_URL" ] || { echo "setup: the sandbox did not start" >&2; exit 1; }
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    paytriage_install_missing
    paytriage_build
fi
