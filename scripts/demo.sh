#!/usr/bin/env bash
# Sets up and builds PayTriage, then shows it on its built-in demo data: the support threads
# PayTriage was made for, analysed by paytriage-cli in the system language (PAYTRIAGE_LANG=ko|en
# to choose).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
paytriage_install_missing
paytriage_build
cli="$(paytriage_build_dir)/src/app/cli/paytriage-cli"
lang_args=()
[ -n "${PAYTRIAGE_LANG:-}" ] && lang_args=(--lang "$PAYTRIAGE_LANG")
for sample in "$PAYTRIAGE_ROOT"/resources/samples/seed*; do
    echo
    echo "════ paytriage-cli analyze ${lang_args[*]} resources/samples/$(basename "$sample")"
    # Exit status 1 means "findings at warning or above": that is the point of the demo.
    "$cli" analyze "${lang_args[@]}" "$sample" || [ $? -eq 1 ]
done
