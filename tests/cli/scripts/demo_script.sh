#!/usr/bin/env bash
# scripts/demo.sh, the README's quick start: it builds only the binary, prints no build log,
# prints the example's plan on stdout, says on stderr that the example's findings are planted,
# and exits 0. It builds build/release, so it runs only in the release suite (where that build
# is up to date and the build step is quick); elsewhere it is skipped.
#   demo_script.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
source_dir=$(realpath "$2")
if [ "$outreach" != "$source_dir/build/release/outreach" ]; then
  echo "skipped: demo.sh builds build/release; this suite runs $outreach"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

TZ=UTC NO_COLOR=1 "$source_dir/scripts/demo.sh" >"$work/stdout" 2>"$work/stderr"
status=$?
[ $status = 0 ] || fail "demo.sh exited $status: $(cat "$work/stderr")"
head -1 "$work/stdout" | grep -q '^ID  *CHANNEL  *REASON' || fail "stdout does not start with the plan's table: $(head -3 "$work/stdout")"
grep -q '^Findings:' "$work/stdout" || fail "the table's findings are missing"
grep -qE 'ninja: |Building CXX|Linking CXX|^\[[0-9]+/[0-9]+\]' "$work/stdout" "$work/stderr" && fail "the build log was printed"
grep -q 'planted findings' "$work/stderr" || fail "demo.sh does not say that the findings are planted"
echo "ok: demo.sh prints the plan, no build log, and exits 0"
