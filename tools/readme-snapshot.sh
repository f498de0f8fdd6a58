#!/bin/sh
# Rewrites the text snapshot of the overview in README.md (between the snapshot:overview
# markers) with the current output, so the README never shows a stale screen.
# A test (ReadmeSnapshotTests) fails when the block differs from what chuangwen prints.
#
#   tools/readme-snapshot.sh            # uses .build/debug/chuangwen, building it if missing
#   CHUANGWEN=path/to/chuangwen tools/readme-snapshot.sh
set -eu
cd "$(dirname "$0")/.."
bin="${CHUANGWEN:-.build/debug/chuangwen}"
[ -x "$bin" ] || swift build --product chuangwen
tmp="$(mktemp)"
trap 'rm -f "$tmp" "$tmp.out"' EXIT
"$bin" snapshot --data fixtures/hongjiang --view overview --format text --width 100 > "$tmp"
awk -v snap="$tmp" '
  /<!-- snapshot:overview -->/ { print; print "```"; while ((getline line < snap) > 0) print line; print "```"; skip = 1; next }
  /<!-- \/snapshot:overview -->/ { skip = 0 }
  !skip { print }
' README.md > "$tmp.out"
grep -q '<!-- /snapshot:overview -->' "$tmp.out" || { echo "README.md has no snapshot:overview markers" >&2; exit 1; }
mv "$tmp.out" README.md
echo "README.md: overview snapshot updated"
