#!/usr/bin/env bash
# Runs each libFuzzer harness of tests/fuzz for a while (the asan preset: clang, ASan, UBSan),
# starting from its seeds and the corpus earlier runs grew (kept in build-asan/fuzz-corpus).
#   bash scripts/fuzz.sh               # 60 seconds per harness
#   bash scripts/fuzz.sh 3600 decode   # an hour on the decoder alone
# A crash stops that harness and leaves its input in build-asan/fuzz-crashes; fix the cause,
# then keep the input as a regression: tests/fuzz/regressions/<harness>/<what-it-was>, replayed
# by every build's ctest. Prints what each run did; exits 1 when any harness crashed.
set -euo pipefail
export PAYTRIAGE_PRESET=asan
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
paytriage_install_missing clang-14 libclang-rt-14-dev llvm-14
seconds="${1:-60}"
shift || true
cd "$PAYTRIAGE_ROOT"
cmake --preset asan >/dev/null
build="$(paytriage_build_dir)"
wanted=("$@")
harnesses=()
while read -r target _; do
    name="${target#fuzz_}"
    if ((${#wanted[@]} == 0)) || [[ " ${wanted[*]} " == *" $name "* ]]; then harnesses+=("$target"); fi
done <"$build/fuzz-targets.txt"
((${#harnesses[@]})) || { echo "fuzz: no harness named ${wanted[*]}" >&2; exit 1; }
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target "${harnesses[@]}"

export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PAYTRIAGE_ROOT/tests/fuzz/lsan.supp"
crashed=0
printf '%-14s %10s %8s %8s %s\n' harness executions exec/s corpus result
for target in "${harnesses[@]}"; do
    read -r -a seeds < <(grep "^$target " "$build/fuzz-targets.txt" | cut -d' ' -f2-)
    corpus="$build/fuzz-corpus/${target#fuzz_}"
    crashes="$build/fuzz-crashes/${target#fuzz_}"
    mkdir -p "$corpus" "$crashes"
    log="$build/fuzz-${target#fuzz_}.log"
    result=ok
    # Inputs up to 16 KB: enough for every shape a paste takes, small enough to mutate quickly.
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
        -dict="$PAYTRIAGE_ROOT/tests/fuzz/json.dict" -artifact_prefix="$crashes/" -print_final_stats=1 \
        "$corpus" "${seeds[@]}" >"$log" 2>&1 || { result="CRASHED: see $log and $crashes"; crashed=1; }
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    printf '%-14s %10s %8s %8s %s\n' "${target#fuzz_}" "${runs:-?}" "${speed:-?}" "$(ls "$corpus" | wc -l)" "$result"
done
exit "$crashed"
