#!/usr/bin/env bash
# Benchmark: `paytriage-cli batch` of 1,000 ids against the local sandbox at concurrency 1, 4
# and 16, and in the same run `xargs -P N curl` fetching the same payment URLs: the floor of the
# HTTP cost. Prints a Markdown table; a missed goal is reported, not failed. Loopback only.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD:-$ROOT/build-release}"
IDS="${IDS:-1000}"
RUNS="${RUNS:-3}"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

for tool in curl xargs; do
    command -v "$tool" >/dev/null || { echo "run-batch: $tool is needed (apt-get install curl)" >&2; exit 1; }
done
if [ ! -f "$BUILD/build.ninja" ]; then (cd "$ROOT" && cmake --preset release >/dev/null); fi
cmake --build "$BUILD" -j "${JOBS:-2}" --target paytriage-cli paytriage-sandbox >/dev/null

source "$ROOT/scripts/setup.sh"
paytriage_start_sandbox "$BUILD/src/app/sandbox/paytriage-sandbox"
url="$PAYTRIAGE_SANDBOX_URL"
ids="$OUT/batch-ids-$IDS.txt"
"$BUILD/src/app/sandbox/paytriage-sandbox" --list-ids "$IDS" >"$ids"
key=test_sk_benchmark
export PAYTRIAGE_SECRET_KEY=$key
auth="Authorization: Basic $(printf '%s:' "$key" | base64)"

best() {  # best wall time of RUNS runs of "$@", in seconds
    local b="" t
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc)
        if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
    done
    printf '%.2f' "$b"
}
curl_all() {
    xargs -P "$1" -I{} curl -s -o /dev/null -H "$auth" "$url/v1/payments/orders/{}" <"$ids"
}

# Correctness first: curl gets real answers, and batch answers every id once.
status=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$url/v1/payments/orders/$(head -n 1 "$ids")")
[ "$status" = 200 ] || { echo "run-batch: curl got HTTP $status" >&2; exit 1; }
answered=$("$BUILD/src/app/cli/paytriage-cli" batch --base-url "$url" --concurrency 4 "$ids" 2>/dev/null | wc -l)
[ "$answered" -eq "$(wc -l <"$ids")" ] || { echo "run-batch: $answered answers for $(wc -l <"$ids") ids" >&2; exit 1; }

echo "| concurrency | paytriage batch s | xargs curl s | ratio | goal ≤ 1.25× |"
echo "|--:|--:|--:|--:|:--|"
for n in 1 4 16; do
    b=$(best "$BUILD/src/app/cli/paytriage-cli" batch --base-url "$url" --concurrency "$n" "$ids")
    c=$(best curl_all "$n")
    r=$(printf "%.2f" "$(echo "scale=4; $b / $c" | bc)")
    verdict=$([ "$(echo "$r <= 1.25" | bc)" = 1 ] && echo met || echo missed)
    echo "| $n | $b | $c | ${r}× | $verdict |"
done
echo
echo "$answered ids answered by batch, analysis included; sandbox at $url (loopback)."
