#!/usr/bin/env bash
# A file is read by the parallel reader (which hands anything unusual to the exact reader, run
# again from the start); a pipe by the exact reader alone; stdin redirected from a file can seek
# like the file. All three print the same plan, or the same errors, for lists long enough to
# span many batches, with problems early, late and in the structure.
#   plan_file_stdin_pipe_agree.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
source_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export TZ=UTC NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }

# COUNT prospects as NDJSON, with notes long enough to be taken out before parsing.
ndjson() {
  for i in $(seq 1 "$1"); do
    printf '{"id": "p-%04d", "first_name": "N%d", "company": "Co %d", "degree": %d, "notes": "%s"}\n' \
      "$i" "$i" "$((i % 37))" "$((i % 3 + 1))" "notes of prospect number $i, long enough to skip"
  done
}
as_array() { { echo "["; sed '$!s/$/,/'; echo "]"; }; }

ndjson 1500 >good.ndjson
as_array <good.ndjson >good.json
{ ndjson 1400; echo '{"id": "p-0007", "degree": 5}'; ndjson 3 | sed 's/p-000/q-000/'; } >late.ndjson
as_array <late.ndjson >late.json
{ echo '{"id": "a", "goal": "sale"}'; ndjson 900; } >early.ndjson
{ ndjson 1200 | as_array | sed '$d'; echo ', {"id": "z"},]'; } >trailing-comma.json
{ ndjson 1200; printf '{"id": "x", "notes": "open\n'; } >unterminated.ndjson
# Valid, but with more white space between two elements than the parallel reader takes: the
# exact reader reads it all again and must hand on only the prospects after those already given.
as_array <good.ndjson | awk 'NR == 1001 { printf "%100000s", "" } { print }' >gap.json

plan() { "$outreach" plan "$@" --account "$source_dir/examples/account.json" --start 2026-12-01 --format tsv; }
for input in good.ndjson good.json gap.json late.ndjson late.json early.ndjson trailing-comma.json unterminated.ndjson; do
  plan "$input" >file.out 2>file.err; file_status=$?
  plan - <"$input" >redirect.out 2>redirect.err; redirect_status=$?
  cat "$input" | plan - >pipe.out 2>pipe.err; pipe_status=$?
  cmp -s file.out pipe.out || fail "$input: stdout differs between the file and a pipe"
  cmp -s redirect.out pipe.out || fail "$input: stdout differs between stdin from the file and a pipe"
  # Errors name the input: the file by its name, stdin as stdin.
  sed "s|$input|stdin|g" file.err | cmp -s - pipe.err || fail "$input: stderr differs between the file and a pipe"
  cmp -s redirect.err pipe.err || fail "$input: stderr differs between stdin from the file and a pipe"
  [ "$file_status" = "$pipe_status" ] && [ "$redirect_status" = "$pipe_status" ] ||
    fail "$input: exit status $file_status (file), $redirect_status (stdin), $pipe_status (pipe)"
  case $input in
    good.* | gap.*) [ "$pipe_status" = 0 ] && [ "$(wc -l <pipe.out)" = 1501 ] || fail "$input: not planned" ;;
    *) [ "$pipe_status" = 2 ] && [ ! -s pipe.out ] && [ -s pipe.err ] || fail "$input: not refused" ;;
  esac
done
echo "ok: file, redirected stdin and pipe agree on 8 inputs"
