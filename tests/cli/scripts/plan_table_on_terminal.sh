#!/usr/bin/env bash
# The plan's table on a real terminal (issue 17): `script` gives the run a pseudo-terminal of
# 80 columns, COLUMNS is not set (as in a shell that does not export it), and the table
# outreach picks by itself fits: no row of it is wider than the terminal. At 200 columns it is
# the full table.
#   plan_table_on_terminal.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
source_dir=$(realpath "$2")
command -v script >/dev/null || { echo "skipped: script(1) from util-linux not found"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export TZ=UTC NO_COLOR=1 LC_ALL=C.UTF-8
plan="'$outreach' plan '$source_dir/examples/prospects.json' --account '$source_dir/examples/account.json' --start 2026-12-01 2>/dev/null"

for columns in 80 200; do
  env -u COLUMNS script -qec "stty cols $columns rows 50; $plan" /dev/null >"$work/screen.$columns"
  # The table's rows: up to the blank line before "Findings:".
  tr -d '\r' <"$work/screen.$columns" | awk 'NF == 0 { exit } { print }' >"$work/table.$columns"
  head -1 "$work/table.$columns" | grep -q '^ID  *CHANNEL  *REASON' ||
    fail "no table on a terminal of $columns columns: $(head -3 "$work/screen.$columns")"
  widest=$(while IFS= read -r line; do printf '%s\n' "${#line}"; done <"$work/table.$columns" | sort -n | tail -1)
  [ "$widest" -le "$columns" ] || fail "a row is $widest columns wide on a terminal of $columns"
done
grep -q 'THEN' "$work/table.200" || fail "the full table lacks THEN at 200 columns"
grep -q 'THEN' "$work/table.80" && fail "THEN did not give way at 80 columns"
echo "ok: the table fits 80 columns (widest row $widest at 200)"
