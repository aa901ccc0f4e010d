#!/usr/bin/env bash
# Missing or corrupt time-zone data (SPEC §8: never a crash): with no zoneinfo folder, with a
# corrupt zone file, and with an empty /etc/localtime, every command that needs a zone stops
# with one line "outreach: error: time-zone data: …" and exit 2, nothing on stdout. The data
# is hidden in a private mount namespace, so this needs root and unshare (CI has both); it is
# skipped, saying so, elsewhere.
#   time_zone_data.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
examples=$(realpath "$2/examples")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL: $*"; exit 1; }

if [ "$(id -u)" != 0 ] || ! unshare --mount --propagation private true 2>/dev/null; then
  echo "skipped: hiding the time-zone data needs root and unshare --mount"
  exit 77
fi

cp -R "$examples" examples
commands=(
  "plan examples/prospects.json --account examples/account.json --start 2026-12-01"
  "credits --account examples/account.json --as-of 2026-11-26"
  "ledger show --account examples/account.json"
  "plan examples/prospects.json --start 2026-12-01"
)

# check SETUP WHAT: runs every command in a namespace prepared by SETUP (bash, run as root).
check() {
  local setup=$1 what=$2 command status
  for command in "${commands[@]}"; do
    # shellcheck disable=SC2016
    unshare --mount --propagation private bash -c "$setup"'
      "$@" >out.txt 2>err.txt; echo $? >status.txt' check "$outreach" $command
    status=$(cat status.txt)
    [ "$status" = 2 ] || fail "$what: '$command' exited $status: $(cat err.txt)"
    [ ! -s out.txt ] || fail "$what: '$command' printed to stdout on exit 2"
    [ "$(wc -l <err.txt)" = 1 ] && grep -q "^outreach: error: time-zone data: " err.txt ||
      fail "$what: '$command' said: $(cat err.txt)"
  done
}

mkdir empty
: >empty-file
head -c 50 /usr/share/zoneinfo/America/New_York >corrupt-zone
check "mount --bind $work/empty /usr/share/zoneinfo || exit 99;" "no zoneinfo folder"
check "mount --bind $work/corrupt-zone /usr/share/zoneinfo/America/New_York || exit 99;
       mount --bind $work/corrupt-zone /usr/share/zoneinfo/Etc/UTC || exit 99;" "a corrupt zone file"
# Without an account zone, the machine's: an empty /etc/localtime with TZ unset.
commands=("plan examples/prospects.json --start 2026-12-01")
check "mount --bind $work/empty-file /etc/localtime || exit 99; unset TZ;
       mount --bind $work/empty-file /usr/share/zoneinfo/Etc/UTC || exit 99;" "an empty /etc/localtime"

echo "ok: missing zoneinfo, a corrupt zone file and an empty /etc/localtime are one-line errors"
