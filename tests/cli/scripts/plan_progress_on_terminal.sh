#!/usr/bin/env bash
# Progress of a long plan (issue 5): on a terminal, stderr counts the prospects read and the
# line is erased before the run ends; stdout never carries it; with stderr not a terminal there
# is none at all. `script` gives the run a pseudo-terminal; OUTREACH_PROGRESS_AFTER=0 shows the
# progress at once instead of after 2 seconds, so the test needs no slow run.
#   plan_progress_on_terminal.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
command -v script >/dev/null || { echo "skipped: script(1) from util-linux not found"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export TZ=UTC NO_COLOR=1 OUTREACH_NOW=2026-11-26T09:00:00Z
fail() { echo "FAIL: $*"; exit 1; }

# 40,000 prospects: progress is written every 16,384.
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "{\"id\": \"p-%05d\", \"degree\": 1}\n", i }' >prospects.ndjson
plan="'$outreach' plan prospects.ndjson --start 2026-12-01 --format tsv"

# stderr on a terminal, stdout to a file.
OUTREACH_PROGRESS_AFTER=0 script -qec "$plan >stdout.tsv" /dev/null >terminal.txt ||
  fail "the plan failed on a terminal: $(cat terminal.txt)"
grep -q $'\routreach: reading prospects: 16384' terminal.txt || fail "no progress on the terminal"
grep -q $'\routreach: reading prospects: 32768' terminal.txt || fail "progress stopped counting"
grep -q $'\routreach: planning 40000 prospects' terminal.txt || fail "no planning line"
grep -q $'\r\e\\[K' terminal.txt || fail "the progress line is not erased"
grep -q 'reading prospects\|planning' stdout.tsv && fail "progress reached stdout"
[ "$(wc -l <stdout.tsv)" = 40001 ] || fail "stdout is not the plan: $(wc -l <stdout.tsv) lines"

# stderr not a terminal: no progress, even asked to show it at once.
OUTREACH_PROGRESS_AFTER=0 script -qec "$plan >stdout2.tsv 2>stderr.txt" /dev/null >terminal2.txt ||
  fail "the plan failed: $(cat stderr.txt)"
grep -q 'reading prospects\|planning' stderr.txt terminal2.txt && fail "progress on a non-terminal stderr"
cmp -s stdout.tsv stdout2.tsv || fail "stdout differs with and without progress"

# A run shorter than the delay shows none on a terminal. (The default delay is 2 seconds; a
# delay of an hour makes that so whatever the machine's load, with no test that times a run.)
OUTREACH_PROGRESS_AFTER=3600 script -qec "$plan >/dev/null" /dev/null >terminal3.txt
grep -q 'reading prospects' terminal3.txt && fail "progress on a run shorter than the delay"
echo "ok: progress on a terminal's stderr only, erased at the end"
