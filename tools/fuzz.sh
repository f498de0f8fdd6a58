#!/bin/sh
# Runs the libFuzzer targets (the JSON parser and the campaign loader) for SECONDS each, side by
# side, seeded from fixtures/. Not part of CI; see docs/testing.md ("Fuzzing").
#
#   tools/fuzz.sh 1800            # both, 30 minutes each
#   tools/fuzz.sh 600 json        # only the JSON parser
#
# Builds with `-sanitize=fuzzer,address` (linked with lld: gold fails on these objects) in
# .build-fuzz, never touching .build. Runs keep their files in .build-fuzz-runs (SwiftPM prunes
# what it does not know inside its scratch path): crashing inputs in artifacts/TARGET/ while
# the run goes on (-fork=1 -ignore_crashes=1), the grown corpus in corpus/TARGET/ for the next
# run, logs in TARGET.log. Do not rebuild while a run is going: the forked jobs re-execute
# the binary.
set -eu
seconds=${1:?usage: tools/fuzz.sh SECONDS [json|loader|both]}
which=${2:-both}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scratch=.build-fuzz
runs=.build-fuzz-runs
case $which in
  json) targets=json ;;
  loader) targets=loader ;;
  both) targets="json loader" ;;
  *) echo "unknown target $which; choose json, loader or both" >&2; exit 64 ;;
esac
for t in $targets; do
  CHUANGWEN_FUZZ=1 swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld \
    --scratch-path "$scratch" --product "fuzz-$t"
done

# Seeds: every JSON file under fixtures/ for the parser; the small campaigns (minimal and the
# broken copies of it) for the loader, whose first byte picks the file it replaces
# (0 campaign, 1 organization, 2 indicators, 3 tasks, 4 problems, 5 a report).
mkdir -p "$runs/corpus/json" "$runs/corpus/loader" "$runs/artifacts/json" "$runs/artifacts/loader"
n=0
for f in $(find fixtures -type f -name '*.json' -size -256k | sort); do
  n=$((n + 1))
  cp "$f" "$runs/corpus/json/seed-$n.json"
done
n=0
for f in $(find fixtures/minimal fixtures/invalid -type f -name '*.json' | sort); do
  n=$((n + 1))
  case $f in
    */campaign.json) k=0 ;; */organization.json) k=1 ;; */indicators.json) k=2 ;;
    */tasks.json) k=3 ;; */problems.json) k=4 ;; *) k=5 ;;
  esac
  { printf "\\$(printf '%03o' "$k")"; cat "$f"; } > "$runs/corpus/loader/seed-$n.bin"
done

bin=$(CHUANGWEN_FUZZ=1 swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --scratch-path "$scratch" --show-bin-path)
pids=""
for t in $targets; do
  "$bin/fuzz-$t" "$runs/corpus/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=4096 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -artifact_prefix="$runs/artifacts/$t/" > "$runs/$t.log" 2>&1 &
  pids="$pids $!"
done
echo "fuzzing ($targets) for $seconds s; logs in $runs/*.log"
status=0
for p in $pids; do wait "$p" || status=$?; done
for t in $targets; do
  echo "== $t: $(grep '^#' "$runs/$t.log" | tail -n 1)"
  ls "$runs/artifacts/$t" 2>/dev/null | sed 's/^/   crash: /'
done
exit $status
