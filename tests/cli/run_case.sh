#!/usr/bin/env bash
# Runs one golden case of the real binary and compares stdout, stderr and the exit status.
#
#   run_case.sh OUTREACH CASE_DIR
#
# CASE_DIR holds `cmd` (a bash snippet run in a scratch copy of CASE_DIR; $OUTREACH is the
# binary and $EXAMPLES the examples folder), and the expectations `stdout`, `stderr` and
# `status` (a missing `stdout` or `stderr` means "empty", a missing `status` means 0).
# With UPDATE_GOLDEN=1 the expectations are rewritten from the actual run instead.
set -u
outreach=$(realpath "$1")
case_dir=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
examples=$(realpath "$here/../../examples")

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -R "$case_dir/." "$scratch/"
cd "$scratch" || exit 1

# COLUMNS would fit a table to the caller's terminal: a case that wants a width sets it.
unset COLUMNS
OUTREACH="$outreach" EXAMPLES="$examples" NO_COLOR=1 TZ=UTC LC_ALL=C.UTF-8 \
  bash ./cmd >"$scratch/.actual_stdout" 2>"$scratch/.actual_stderr" </dev/null
echo $? >"$scratch/.actual_status"

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  for stream in stdout stderr; do
    if [ -s "$scratch/.actual_$stream" ]; then cp "$scratch/.actual_$stream" "$case_dir/$stream"
    else rm -f "$case_dir/$stream"; fi
  done
  if [ "$(cat "$scratch/.actual_status")" = 0 ]; then rm -f "$case_dir/status"
  else cp "$scratch/.actual_status" "$case_dir/status"; fi
  exit 0
fi

failed=0
for stream in stdout stderr; do
  expected="$case_dir/$stream"
  [ -f "$expected" ] || expected=/dev/null
  if ! diff -u --label "expected $stream" --label "actual $stream" "$expected" "$scratch/.actual_$stream"; then
    failed=1
  fi
done
expected_status=0
[ -f "$case_dir/status" ] && expected_status=$(cat "$case_dir/status")
actual_status=$(cat "$scratch/.actual_status")
if [ "$expected_status" != "$actual_status" ]; then
  echo "exit status: expected $expected_status, got $actual_status"
  failed=1
fi
exit $failed
