#!/usr/bin/env bash
# The ledger under faults other than a kill (SPEC §5, §7, §8):
#   - a lock held by another process is waited for with a message on stderr: a short hold is
#     outlasted, a hold of more than 10 seconds (with the ledger unchanged) is exit 2 with
#     nothing read or written;
#   - a FIFO or /dev/zero as the ledger is refused at once, never waited on; a FIFO where older
#     versions kept the lock file is not touched;
#   - a full disk (a tmpfs of 64 KiB, made in a private mount namespace where this runs as root;
#     skipped, saying so, elsewhere) fails an import with exit 2 and leaves the ledger as it was.
# The long lock wait runs in the background while the rest goes on, so the script takes about
# 11 seconds.
#   ledger_faults.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL: $*"; exit 1; }
event() { echo "{\"date\":\"2026-03-05\",\"type\":\"message_sent\",\"prospect\":\"$1\"}"; }
hold() {  # hold FILE SECONDS: another process holds FILE's lock, from when this returns ($! is it)
  # The subshell becomes the sleep that holds the lock, so killing $! releases it.
  (exec 9<"$1" && flock -x 9 && exec sleep "$2") >/dev/null 2>&1 &
  while flock -n "$1" true; do sleep 0.02; done
}

"$outreach" ledger add message_sent p-1 --ledger ledger.ndjson --date 2026-03-05 || fail "first add"

# A hold that outlasts the wait (ended once the wait is over): `ledger show` says it waits,
# gives up after 10 seconds with exit 2.
cp ledger.ndjson held.ndjson
hold held.ndjson 60
holder=$!
(timeout 30 "$outreach" ledger show --ledger held.ndjson >long.out 2>long.err; echo $? >long.status) &
long_wait=$!

# A hold of 2 seconds: `ledger add` waits, says so, and appends once it is free.
hold ledger.ndjson 2
timeout 30 "$outreach" ledger add reply p-1 --ledger ledger.ndjson --date 2026-03-06 >out.txt 2>err.txt ||
  fail "an add that waited for the lock failed: $(cat err.txt)"
grep -q -x "outreach: waiting for ledger.ndjson: another process holds its lock (giving up after 10 seconds)" err.txt ||
  fail "an add that waited said: $(cat err.txt)"
[ "$(wc -l <ledger.ndjson)" = 2 ] || fail "the add after the wait did not append"

# Files that are not files: refused at once.
mkfifo fifo.ndjson
for command in "ledger show" "ledger add reply p-1 --date 2026-03-06" "ledger import ledger.ndjson"; do
  # shellcheck disable=SC2086
  timeout 10 "$outreach" $command --ledger fifo.ndjson >out.txt 2>err.txt
  status=$?
  [ "$status" = 2 ] || fail "'$command' on a FIFO exited $status"
  grep -q -x "outreach: error: fifo.ndjson: a FIFO, not a regular file; a ledger must be a file" err.txt ||
    fail "'$command' on a FIFO said: $(cat err.txt)"
  # shellcheck disable=SC2086
  timeout 10 "$outreach" $command --ledger /dev/zero >out.txt 2>err.txt
  status=$?
  [ "$status" = 2 ] || fail "'$command' on /dev/zero exited $status"
  grep -q -x "outreach: error: /dev/zero: a character device, not a regular file; a ledger must be a file" err.txt ||
    fail "'$command' on /dev/zero said: $(cat err.txt)"
done
mkfifo ledger.ndjson.lock  # where versions before the lock on the file itself kept theirs
timeout 10 "$outreach" ledger add reply p-2 --ledger ledger.ndjson --date 2026-03-06 ||
  fail "an add with a FIFO named like the old lock file"
timeout 10 "$outreach" ledger import /dev/zero --ledger ledger.ndjson >out.txt 2>err.txt
[ "$?" = 2 ] || fail "an import of /dev/zero did not stop with exit 2"
grep -q "^outreach: error: /dev/zero:1: line too long" err.txt || fail "an import of /dev/zero said: $(cat err.txt)"

# A full disk, where this can make one.
full_disk="skipped (needs root and unshare to mount a small tmpfs)"
if [ "$(id -u)" = 0 ] && unshare --mount --propagation private true 2>/dev/null; then
  for i in $(seq 1 2000); do event "i-$i"; done >big.ndjson
  unshare --mount --propagation private bash -c '
    set -u
    outreach=$1
    mkdir -p small && mount -t tmpfs -o size=64k outreach-test small || exit 77
    "$outreach" ledger add message_sent p-1 --ledger small/ledger.ndjson --date 2026-03-05 || exit 3
    before=$(cksum <small/ledger.ndjson)
    "$outreach" ledger import big.ndjson --ledger small/ledger.ndjson >out.txt 2>err.txt
    echo $? >status.txt
    [ "$(cksum <small/ledger.ndjson)" = "$before" ] || exit 4
    ! ls small/.outreach-ledger-*.journal >/dev/null 2>&1 || exit 5
    "$outreach" ledger add reply p-1 --ledger small/ledger.ndjson --date 2026-03-06 || exit 6
    [ "$(wc -l <small/ledger.ndjson)" = 2 ] || exit 7
  ' full-disk "$outreach"
  case $? in
    0)
      [ "$(cat status.txt)" = 2 ] || fail "an import onto a full disk exited $(cat status.txt)"
      grep -q -x "outreach: error: small/ledger.ndjson: cannot write: No space left on device; nothing was appended" err.txt ||
        fail "an import onto a full disk said: $(cat err.txt)"
      full_disk="an import onto a full 64 KiB tmpfs refused, the ledger unchanged"
      ;;
    77) full_disk="skipped (no tmpfs could be mounted here)" ;;
    4) fail "an import onto a full disk changed the ledger" ;;
    5) fail "an import onto a full disk left its journal" ;;
    *) fail "the full-disk check failed (step $?)" ;;
  esac
fi

wait "$long_wait"
kill "$holder" 2>/dev/null
[ "$(cat long.status)" = 2 ] || fail "ledger show under a lock held throughout exited $(cat long.status)"
[ ! -s long.out ] || fail "ledger show printed to stdout on exit 2"
[ "$(cat long.err)" = "outreach: waiting for held.ndjson: another process holds its lock (giving up after 10 seconds)
outreach: error: held.ndjson: still locked by another process after 10 seconds; nothing was read or written, try again when it has finished" ] ||
  fail "ledger show under a lock held throughout said: $(cat long.err)"

echo "ok: lock waits of 2 s and 10 s, FIFOs and /dev/zero refused; full disk: $full_disk"
