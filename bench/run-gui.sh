#!/usr/bin/env bash
# The console opening a large transactions response (issue 4, point 10): generates a ~50 MB
# /v1/transactions dump, then opens it RUNS times in the real main window (offscreen) with
# paytriage-gui-bench, which prints time to first paint, to findings shown, and the longest
# event-loop stall. Figures are printed, never asserted. Release build in build-release.
#
#   bash bench/run-gui.sh            RECORDS=126000 RUNS=3 JOBS=2 SEED=20250301
set -euo pipefail
RECORDS=${RECORDS:-126000}   # ≈ 52 MB
RUNS=${RUNS:-3}
JOBS=${JOBS:-2}
SEED=${SEED:-20250301}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/build-release"
OUT="$ROOT/bench/out"
cd "$ROOT"
[[ -f $BUILD/CMakeCache.txt ]] || cmake --preset release >&2
cmake --build "$BUILD" -j "$JOBS" --target paytriage-gui-bench paytriage-gen-transactions >&2
mkdir -p "$OUT"
file="$OUT/transactions-gui-$RECORDS.json"
[[ -f $file ]] || "$BUILD/bench/paytriage-gen-transactions" --records "$RECORDS" --seed "$SEED" --out "$file" >&2
for run in $(seq "$RUNS"); do
    echo "── run $run"
    QT_QPA_PLATFORM=offscreen "$BUILD/bench/paytriage-gui-bench" "$file" 2>/dev/null
done
