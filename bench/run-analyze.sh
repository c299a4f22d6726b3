#!/usr/bin/env bash
# bench/run-analyze.sh — how fast `paytriage-cli analyze` gets through a /v1/transactions dump,
# against jq doing the comparable rule and against a bare nlohmann SAX pass (the floor).
#
#   bench/run-analyze.sh                      sizes 10k, 100k, 1M records; 3 runs each, best kept
#   SIZES="100000" RUNS=1 bench/run-analyze.sh
#
# Besides the dumps of SIZES (one planted finding per 5,000 virtual-account payments), a dense
# dump of the largest size is measured too: one virtual-account payment in two is canceled before
# its deposit, so one payment in about 17 has a finding (about 48,000 findings at 1M records).
# Its report is written as the findings come, so memory does not grow with them. DENSE=0 skips it.
#
# Environment: SIZES (records per dump, space-separated), DENSE (0 or 1), SEED (generator seed), RUNS (runs per
# tool and size; the best wall time is kept), JOBS (build parallelism), TIMEOUT (seconds
# allowed per command). Everything stays local: the dumps are generated into bench/out/ (git
# ignores it) and reused when a dump of the same size and seed is already there.
#
# Exit status: 0 when every run succeeded and every check matched (goals may still be MISS:
# they are figures, not tests), 1 otherwise.

set -euo pipefail

SIZES=${SIZES:-"10000 100000 1000000"}
DENSE=${DENSE:-1}
SEED=${SEED:-20250301}
RUNS=${RUNS:-3}
JOBS=${JOBS:-2}
TIMEOUT=${TIMEOUT:-900}

# Goals, read at the largest size (1M by default).
GOAL_JQ_SPEEDUP=5      # paytriage at least this many times faster than jq
GOAL_FLOOR_RATIO=1.3   # paytriage wall time at most this multiple of the SAX floor
GOAL_RSS_MB=150        # paytriage peak RSS below this

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/bench/out"
BUILD="$ROOT/build-release"
CLI="$BUILD/src/app/cli/paytriage-cli"
GEN="$BUILD/bench/paytriage-gen-transactions"
FLOOR="$BUILD/bench/paytriage-sax-floor"
TIME=/usr/bin/time

# The comparable rule in jq: virtual-account payments (grouped by paymentKey) that have a
# CANCELED transaction and no DONE transaction. Prints the number of such payments.
JQ_PROGRAM='
[.[] | select(.method == "가상계좌")]
| group_by(.paymentKey)
| map(select(any(.[]; .status == "CANCELED") and all(.[]; .status != "DONE")))
| length'

log() { printf '%s\n' "$*" >&2; }
die() { log "run-analyze: $*"; exit 1; }

# --- tools ------------------------------------------------------------------------------------
missing=()
command -v jq >/dev/null 2>&1 || missing+=(jq)
[[ -x $TIME ]] || missing+=(time)
if ((${#missing[@]})); then
    log "Installing ${missing[*]} (Debian packages) ..."
    if [[ $(id -u) -eq 0 ]]; then
        apt-get install -y "${missing[@]}" >&2
    elif command -v sudo >/dev/null 2>&1; then
        sudo apt-get install -y "${missing[@]}" >&2
    else
        die "missing ${missing[*]}; install them (apt-get install ${missing[*]}) and run again"
    fi
fi
for tool in cmake ninja timeout awk; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
done

# --- build ------------------------------------------------------------------------------------
cd "$ROOT"
if [[ ! -f $BUILD/CMakeCache.txt ]]; then
    log "Configuring $BUILD (cmake --preset release) ..."
    cmake --preset release >&2
fi
log "Building paytriage-cli, paytriage-gen-transactions, paytriage-sax-floor (Release) ..."
cmake --build "$BUILD" -j "$JOBS" --target paytriage-cli paytriage-gen-transactions paytriage-sax-floor >&2
grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$BUILD/CMakeCache.txt" \
    || die "$BUILD is not a Release build; remove it or set CMAKE_BUILD_TYPE=Release"

# --- data -------------------------------------------------------------------------------------
mkdir -p "$OUT"
# Each measured dump has a key: its size, or "<size>-dense" for the dense one.
declare -A FILE PLANTED DRIFT RECORDS
KEYS=()
largest=0
for n in $SIZES; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || die "size must be a positive integer: $n"
    if ((n > largest)); then largest=$n; fi
done
dump() {  # dump KEY RECORDS FILE [generator options]
    local key=$1 n=$2 f=$3
    shift 3
    local meta="$f.planted"
    # Reuse a dump of the same size and seed unless the generator changed since.
    if [[ -s $f && -s $meta && $f -nt $GEN ]]; then
        log "Reusing $f"
    else
        log "Generating $n records -> $f ..."
        "$GEN" --records "$n" --seed "$SEED" --out "$f" "$@" 2>"$meta" || { cat "$meta" >&2; die "generator failed"; }
    fi
    KEYS+=("$key")
    FILE[$key]=$f
    RECORDS[$key]=$n
    PLANTED[$key]=$(awk -F': ' '/^planted vbank-cancel-without-deposit:/ {print $2}' "$meta")
    DRIFT[$key]=$(awk -F': ' '/^planted newField drift records:/ {print $2}' "$meta")
    [[ -n ${PLANTED[$key]} && -n ${DRIFT[$key]} ]] || die "cannot read the planted counts in $meta"
}
for n in $SIZES; do
    dump "$n" "$n" "$OUT/transactions-$n-seed$SEED.json"
done
if [[ $DENSE == 1 ]]; then
    dump "$largest-dense" "$largest" "$OUT/transactions-$largest-seed$SEED-dense.json" --plant-every 2
fi

# --- measuring --------------------------------------------------------------------------------
# measure LABEL OKCODES CMD...: runs CMD (stdout to /dev/null) RUNS times under GNU time;
# sets BEST_WALL (s) and BEST_RSS (KB, of the run with the best wall time). Exit codes other
# than those in OKCODES (space-separated) fail the script.
measure() {
    local label=$1 okcodes=$2
    shift 2
    local stats="$OUT/.time.$$" run rc wall rss
    BEST_WALL=""
    BEST_RSS=""
    for ((run = 1; run <= RUNS; run++)); do
        rc=0
        timeout "$TIMEOUT" "$TIME" -f '%e %M' -o "$stats" "$@" >/dev/null || rc=$?
        if [[ " $okcodes " != *" $rc "* ]]; then
            [[ -f $stats ]] && cat "$stats" >&2
            die "$label: exit status $rc (command: $*)"
        fi
        # GNU time writes "Command exited with non-zero status N" before the figures.
        read -r wall rss < <(tail -n 1 "$stats")
        log "  $label run $run: ${wall} s, $((rss / 1024)) MB"
        if [[ -z $BEST_WALL ]] || awk -v a="$wall" -v b="$BEST_WALL" 'BEGIN { exit !(a < b) }'; then
            BEST_WALL=$wall
            BEST_RSS=$rss
        fi
    done
    rm -f "$stats"
}

declare -A WALL RSS
CHECKS=()
failed=0
check() {  # check WHAT EXPECTED ACTUAL
    if [[ $2 == "$3" ]]; then
        CHECKS+=("| $1 | $2 | $3 | ok |")
    else
        CHECKS+=("| $1 | $2 | $3 | **MISMATCH** |")
        failed=1
    fi
}

for key in "${KEYS[@]}"; do
    f=${FILE[$key]}
    n=$key
    log "== $key records ($(du -h "$f" | cut -f1)) =="

    measure "paytriage $n" "0 1" "$CLI" analyze --format json "$f"
    WALL[$n,paytriage]=$BEST_WALL
    RSS[$n,paytriage]=$BEST_RSS
    # One more run, not timed, whose report is checked against what the generator planted.
    report="$OUT/report-$n-seed$SEED.json"
    rc=0
    timeout "$TIMEOUT" "$CLI" analyze --format json "$f" >"$report" || rc=$?
    [[ $rc -eq 0 || $rc -eq 1 ]] || die "paytriage $n: exit status $rc"
    found=$(jq '[.findings[] | select(.rule == "vbank-cancel-without-deposit")] | map(.occurrences // 1) | add // 0' "$report")
    check "$n: paytriage vbank-cancel-without-deposit findings" "${PLANTED[$n]}" "$found"
    drift=$(jq '[.findings[] | select(.rule == "unknown-field" and .evidence.field == "newField")] | map(.occurrences // 1) | add // 0' "$report")
    check "$n: paytriage unknown-field newField occurrences" "${DRIFT[$n]}" "$drift"
    records=$(jq '.summary.records' "$report")
    check "$n: paytriage records analysed" "${RECORDS[$key]}" "$records"

    measure "jq $n" "0" jq "$JQ_PROGRAM" "$f"
    WALL[$n,jq]=$BEST_WALL
    RSS[$n,jq]=$BEST_RSS
    check "$n: jq payments found" "${PLANTED[$n]}" "$(jq "$JQ_PROGRAM" "$f")"

    measure "sax-floor $n" "0" "$FLOOR" "$f"
    WALL[$n,floor]=$BEST_WALL
    RSS[$n,floor]=$BEST_RSS
    check "$n: sax-floor elements" "${RECORDS[$key]}" "$("$FLOOR" "$f")"
done

# --- report -----------------------------------------------------------------------------------
# 1234567 -> 1,234,567 (mawk has no %' flag).
AWK_GROUP='function group(x,   s, r) { s = sprintf("%d", x); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } return s r }'

goals() {  # goals KEY LABEL: the goal table at one measured dump
    local key=$1
    echo "### Goals at $2"
    echo
    echo "| goal | target | measured | result |"
    echo "|:--|--:|--:|:--|"
    awk -v pt="${WALL[$key,paytriage]}" -v jq="${WALL[$key,jq]}" -v fl="${WALL[$key,floor]}" \
        -v rss="${RSS[$key,paytriage]}" -v gj="$GOAL_JQ_SPEEDUP" -v gf="$GOAL_FLOOR_RATIO" -v gr="$GOAL_RSS_MB" 'BEGIN {
        speed = pt > 0 ? jq / pt : 0;
        ratio = fl > 0 ? pt / fl : 0;
        mb = rss / 1024;
        printf "| paytriage vs jq speed (jq wall / paytriage wall) | >= %.1fx | %.2fx | %s |\n", gj, speed, (speed >= gj ? "PASS" : "MISS");
        printf "| paytriage vs SAX floor (paytriage wall / floor wall) | <= %.1fx | %.2fx | %s |\n", gf, ratio, (ratio <= gf && ratio > 0 ? "PASS" : "MISS");
        printf "| paytriage peak RSS | < %d MB | %.1f MB | %s |\n", gr, mb, (mb < gr ? "PASS" : "MISS") }'
    echo
}

{
    echo "## paytriage-cli analyze: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Machine: $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(nproc) cores;" \
         "$(jq --version); best of $RUNS runs; seed $SEED."
    echo
    echo "| records | findings | tool | wall s | records/s | peak RSS MB |"
    echo "|--:|--:|:--|--:|--:|--:|"
    for key in "${KEYS[@]}"; do
        for tool in paytriage jq floor; do
            case $tool in
                paytriage) name="paytriage-cli analyze --format json" ;;
                jq) name="jq (vbank cancel without DONE)" ;;
                floor) name="paytriage-sax-floor" ;;
            esac
            awk -v n="${RECORDS[$key]}" -v found="${PLANTED[$key]}" -v name="$name" -v wall="${WALL[$key,$tool]}" \
                -v rss="${RSS[$key,$tool]}" "$AWK_GROUP"'
                BEGIN {
                rate = wall > 0 ? group(n / wall) : "n/a (< 0.01 s)";
                printf "| %s | %s | %s | %.2f | %s | %.1f |\n", group(n), group(found), name, wall, rate, rss / 1024 }'
        done
    done
    echo
    echo "Files up to 32 MB are decoded whole (the in-memory path); larger ones are streamed."
    echo
    goals "$largest" "$(awk -v n="$largest" "$AWK_GROUP"' BEGIN { printf "%s", group(n) }') records"
    if [[ $DENSE == 1 ]]; then
        goals "$largest-dense" "$(awk -v n="$largest" -v f="${PLANTED[$largest-dense]}" "$AWK_GROUP"' BEGIN { printf "%s records with %s findings", group(n), group(f) }')"
    fi
    echo
    echo "### Checks"
    echo
    echo "| check | expected | got | |"
    echo "|:--|--:|--:|:--|"
    printf '%s\n' "${CHECKS[@]}"
} | tee "$OUT/last-run.md"

log "(also written to $OUT/last-run.md)"
exit "$failed"
