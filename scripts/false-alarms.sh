#!/usr/bin/env bash
# The false-alarm figure the README shows: the regression corpus of real shapes
# (tests/data/real-shapes, each file with its verdict in expected.json) through the engine, and
# how many findings at warning or above its healthy and normal files get (the goal is 0), with
# how many of the findings its incidents call for fired.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
paytriage_install_missing
paytriage_build >/dev/null
test="$(paytriage_build_dir)/tests/tst_realshapes"
files=$(($(ls "$PAYTRIAGE_ROOT/tests/data/real-shapes" | wc -l) - 1))
status=0
report="$("$test" 2>&1)" || status=$?
echo "corpus: $files files in tests/data/real-shapes"
grep -o 'real-shapes: .*' <<<"$report"
grep -E '^FAIL!' -A2 <<<"$report" || true
exit "$status"
