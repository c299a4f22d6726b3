#!/usr/bin/env bash
# Builds the Debian package (cpack -G DEB) from the preset's build directory, unpacks it into a
# scratch folder (as dpkg would lay it out, without installing it) and runs what it installed:
# paytriage --version, paytriage-cli --version and analyze on a sample that ships in the package,
# with nothing from the source tree or the build directory. CI runs it after the tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
paytriage_install_missing dpkg-dev desktop-file-utils
paytriage_build >/dev/null
build="$(paytriage_build_dir)"
cd "$build"
rm -f paytriage_*.deb
cpack -G DEB >/dev/null 2>&1 || { cpack -G DEB; exit 1; }
deb=$(ls paytriage_*.deb)
echo "package: $build/$deb"
dpkg-deb --field "$deb" Package Version Depends Recommends

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
dpkg-deb -x "$deb" "$scratch"
for f in usr/bin/paytriage usr/bin/paytriage-cli usr/bin/paytriage-sandbox \
         usr/share/applications/dev.paytriage.PayTriage.desktop \
         usr/share/metainfo/dev.paytriage.PayTriage.metainfo.xml \
         usr/share/icons/hicolor/256x256/apps/paytriage.png usr/share/icons/hicolor/16x16/apps/paytriage.png \
         usr/share/man/man1/paytriage-cli.1 usr/share/paytriage/catalog/errors.json \
         usr/share/paytriage/translations/paytriage_ko.qm usr/share/paytriage/samples/seed001-vbank-console-log.txt; do
    [ -e "$scratch/$f" ] || { echo "package: $f is missing" >&2; exit 1; }
done
desktop-file-validate "$scratch/usr/share/applications/dev.paytriage.PayTriage.desktop"

# Run from elsewhere, with the source tree out of reach: what the programs need is in them.
cd "$scratch"
cli="$scratch/usr/bin/paytriage-cli"
"$cli" --version
QT_QPA_PLATFORM=offscreen "$scratch/usr/bin/paytriage" --version
status=0
"$cli" analyze --lang ko "$scratch/usr/share/paytriage/samples/seed001-vbank-console-log.txt" >"$scratch/report.txt" || status=$?
[ "$status" -eq 1 ] || { echo "package: analyze exited $status, expected 1 (a warning)" >&2; exit 1; }
grep -q "vbank-cancel-without-deposit" "$scratch/report.txt" || { echo "package: the finding is missing" >&2; exit 1; }
grep -q "입금" "$scratch/report.txt" || { echo "package: the Korean catalog text is missing" >&2; exit 1; }
echo "package: installed programs run (paytriage-cli analyze found vbank-cancel-without-deposit, in Korean)"
