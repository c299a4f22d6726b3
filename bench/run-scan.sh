#!/usr/bin/env bash
# Benchmark: `paytriage-cli scan` of a generated merchant month (30 days) from the local sandbox,
# at 100,000 and 1,000,000 payments: wall time, peak RSS of the scan (GNU time), requests, pages
# and what was read. The sandbox runs in its own process. Figures are printed, never asserted.
#
#   bash bench/run-scan.sh            SIZES="100000 1000000" BUILD=build-release JOBS=2
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD:-$ROOT/build-release}"
SIZES="${SIZES:-100000 1000000}"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
[ -x /usr/bin/time ] || { echo "run-scan: GNU time is needed (apt-get install time)" >&2; exit 1; }
if [ ! -f "$BUILD/build.ninja" ]; then (cd "$ROOT" && cmake --preset release >/dev/null); fi
cmake --build "$BUILD" -j "${JOBS:-2}" --target paytriage-cli paytriage-sandbox >/dev/null
export PAYTRIAGE_SECRET_KEY=test_sk_benchmark

echo "| payments | transactions | settlement rows | requests | pages | payments flagged | findings | scan s | scan peak RSS MB |"
echo "|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
for payments in $SIZES; do
    per_day=$(( (payments + 29) / 30 ))
    log="$OUT/scan-sandbox-$payments.txt"
    "$BUILD/src/app/sandbox/paytriage-sandbox" --port 0 --quiet --days 30 --payments-per-day "$per_day" >"$log" 2>&1 &
    sandbox=$!
    for _ in $(seq 600); do [ -s "$log" ] && break; sleep 0.1; done
    url="$(head -n 1 "$log")"
    json="$OUT/scan-$payments.json"
    times="$OUT/scan-$payments.time"
    /usr/bin/time -f '%e %M' -o "$times" "$BUILD/src/app/cli/paytriage-cli" scan --base-url "$url" \
        --from 2025-03-01 --to 2025-03-30 --format json >"$json" 2>/dev/null || true
    kill "$sandbox" 2>/dev/null || true
    wait "$sandbox" 2>/dev/null || true
    read -r seconds rss_kb < <(tail -n 1 "$times")  # after "Command exited with …" when it found something
    python3 - "$json" "$payments" "$seconds" "$rss_kb" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
if not j.get("complete"):
    print("run-scan: the scan of %s payments did not complete: %s" % (sys.argv[2], j.get("error")), file=sys.stderr)
print("| {:,} | {:,} | {:,} | {} | {} | {:,} | {:,} | {:.1f} | {:.0f} |".format(
    int(sys.argv[2]), j["transactions"], j["settlements"], j["requests"], j["pages"], len(j["payments"]),
    j["findings"], float(sys.argv[3]), int(sys.argv[4]) / 1024))
PY
done
