#!/usr/bin/env bash
# Refreshes translations/*.ts from every source and .ui file (lupdate through CMake), then
# marks the English catalogue complete: English is the source language, so each English
# translation is its source text. Korean entries that are new stay "unfinished" until
# translated (Qt Linguist, or by hand).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
paytriage_install_missing
cd "$PAYTRIAGE_ROOT"
cmake --preset "$PAYTRIAGE_PRESET" >/dev/null
cmake --build --preset "$PAYTRIAGE_PRESET" --target update_translations
python3 "$PAYTRIAGE_ROOT/scripts/complete-english-ts.py" "$PAYTRIAGE_ROOT/translations/paytriage_en.ts"
unfinished=$(grep -c 'type="unfinished"' "$PAYTRIAGE_ROOT/translations/paytriage_ko.ts" || true)
echo "paytriage_ko.ts: ${unfinished} unfinished"
