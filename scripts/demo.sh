#!/usr/bin/env bash
# Sets up and builds PayTriage, then opens the console on its built-in demo data: a local Toss API
# sandbox on loopback (inside the console's process) serving the support threads PayTriage was
# made for, each one click away on the welcome page.
# PAYTRIAGE_LANG=ko|en picks the language (default: the last one chosen, else the system's).
# Without a display (an SSH session, a container) it shows the same cases with paytriage-cli.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
paytriage_install_missing
paytriage_build
bin="$(paytriage_build_dir)/src/app"
lang_args=()
[ -n "${PAYTRIAGE_LANG:-}" ] && lang_args=(--lang "$PAYTRIAGE_LANG")

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = Darwin ]; then
    exec "$bin/gui/paytriage" --demo "${lang_args[@]}" "$@"
fi

echo "demo: no display found (DISPLAY/WAYLAND_DISPLAY unset); showing the demo cases with paytriage-cli." >&2
echo "demo: on a desktop this opens the console; screenshots: bash scripts/screenshots.sh" >&2
cli="$bin/cli/paytriage-cli"
# The sandbox stops when this script ends.
paytriage_start_sandbox "$bin/sandbox/paytriage-sandbox"
url="$PAYTRIAGE_SANDBOX_URL"
export PAYTRIAGE_SECRET_KEY=test_sk_demo   # the sandbox accepts any test secret key

show() {  # exit status 1 means "findings at warning or above": that is the point of the demo
    echo
    echo "════ $*"
    "$@" || [ $? -eq 1 ]
}
for order in 2025040210437094 LIVE-V20240807160726-PAY_6367_3859 EjBNtZK7j8q2TlGFLJ-9T; do
    show "$cli" lookup "${lang_args[@]}" --base-url "$url" --order-id "$order"
done
for sample in seed002-iap-payment-completed.txt seed003-error-codes.txt; do
    show "$cli" analyze "${lang_args[@]}" "$PAYTRIAGE_ROOT/resources/samples/$sample"
done
echo
echo "The sandbox served these at $url; its scenarios: $bin/sandbox/paytriage-sandbox --list-scenarios"
