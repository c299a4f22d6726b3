#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/screenshots/*.png): builds, then runs the console's
# demo tour offscreen in English and Korean. Needs fonts-noto-cjk for the Korean text.
# PAYTRIAGE_TOUR_PALETTE=dark bash scripts/screenshots.sh /tmp/dark: the same on a dark palette.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
paytriage_install_missing
paytriage_build
out="${1:-$PAYTRIAGE_ROOT/docs/screenshots}"
QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1 "$(paytriage_build_dir)/src/app/gui/paytriage" --screenshots "$out"
