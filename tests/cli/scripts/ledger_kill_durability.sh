#!/usr/bin/env bash
# Durability of the ledger under SIGKILL (SPEC §5): writers append events with `ledger add`,
# through the ledger's name, a symlink to it and a hard link to it, while a killer starts more
# `ledger add` and `ledger import` runs (through the name and the symlink) and kills each at a
# random point of its life (waiting for the lock, writing, flushing, or already done).
# Afterwards, once one more add has rolled back whatever a kill interrupted:
#   - every acknowledged event (its command exited 0) is in the file, exactly once;
#   - every import is there whole or not at all, whether it was killed or not;
#   - no event is there twice, and none is there that nobody tried to add;
#   - every line is one complete canonical event, and no rollback journal is left.
# Then a file-size limit (ulimit -f, SIGXFSZ) makes an import and an add fail: exit 2 with a
# message, the ledger byte for byte as it was. A kill rarely tears a line, so the script
# finally tears copies of the ledger on purpose, mid-line, and checks the report of every
# command that reads the ledger, and that `ledger add` refuses to append.
#   ledger_kill_durability.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL: $*"; exit 1; }

writers=3
adds_per_writer=40
victims=40
budget_seconds=30  # stop starting new runs after this long (slow sanitizer builds), never an assertion
ledger=ledger.ndjson
import_size=2000  # events in each killer import
event_line='\{"date":"2026-03-05","type":"message_sent","prospect":"(w[0-9]+-[0-9]+|k-[0-9]+|i-[0-9]+-[0-9]+|final)"\}'

add() {  # add ID [NAME]: one `ledger add` of a message to ID, through NAME (default the ledger)
  "$outreach" ledger add message_sent "$1" --ledger "${2:-$ledger}" --date 2026-03-05
}

add w0-0 || fail "first add"  # creates the ledger
echo w0-0 >acked-w0.txt
ln -s "$ledger" link.ndjson
ln "$ledger" hard.ndjson
names=("$ledger" link.ndjson hard.ndjson)

# How long one add takes here, so that kills land all along an add's life in any build.
start=$(date +%s%N)
add w0-1 || fail "second add"
echo w0-1 >>acked-w0.txt
add_ms=$((($(date +%s%N) - start) / 1000000 + 1))

# How long an import takes here.
import_file() {  # import_file N: the events of import N
  seq 1 $import_size | sed "s/.*/{\"date\":\"2026-03-05\",\"type\":\"message_sent\",\"prospect\":\"i-$1-&\"}/"
}
import_file 0 >import-0.ndjson
start=$(date +%s%N)
"$outreach" ledger import import-0.ndjson --ledger "$ledger" || fail "first import"
import_ms=$((($(date +%s%N) - start) / 1000000 + 1))
echo 0 >imports-acked.txt

writer() {  # writer N: adds wN-1 … wN-M one after the other through one of the names
  local n=$1 i name=${names[$((($1 - 1) % 3))]}
  for i in $(seq 1 $adds_per_writer); do
    ((SECONDS < budget_seconds)) || break
    if add "w$n-$i" "$name" 2>>"writer-$n.err"; then echo "w$n-$i" >>"acked-w$n.txt"; fi
  done
}

sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

killer() {  # starts `victims` adds and imports and SIGKILLs each after a random time
  local i pid delay_ms status name
  for i in $(seq 1 $victims); do
    ((SECONDS < budget_seconds)) || break
    name=${names[$((i % 2))]}  # the ledger's name or the symlink
    # Started directly, not through add(): $! must be the outreach process, not a subshell.
    if ((i % 2)); then
      "$outreach" ledger add message_sent "k-$i" --ledger "$name" --date 2026-03-05 2>/dev/null &
      pid=$!
      delay_ms=$((RANDOM % (add_ms + 1)))
    else
      import_file "$i" >"import-$i.ndjson"
      "$outreach" ledger import "import-$i.ndjson" --ledger "$name" 2>/dev/null &
      pid=$!
      delay_ms=$((RANDOM % (import_ms * 3 / 2 + 1)))  # some finish, some are cut mid-write
    fi
    sleep_ms "$delay_ms"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid"
    status=$?
    echo "$i $status" >>victims.txt
    if [ "$status" = 137 ] && ! ((i % 2)); then
      # Before the next writer rolls it back, readers already see the import whole or not at all.
      if ls .outreach-ledger-*.journal >/dev/null 2>&1; then echo "$i" >>journal-left.txt; fi
      seen=$("$outreach" ledger show --ledger "$name" --format ndjson | grep -c "\"i-$i-")
      [ "$seen" = 0 ] || [ "$seen" = $import_size ] || echo "$i $seen" >>seen-in-part.txt
    fi
    if [ "$status" = 0 ] && ((i % 2)); then echo "k-$i" >>acked-k.txt; fi
    if [ "$status" = 0 ] && ! ((i % 2)); then echo "$i" >>imports-acked.txt; fi
  done
}

SECONDS=0
pids=()
for n in $(seq 1 $writers); do
  writer "$n" &
  pids+=($!)
done
killer 2>killer.err &  # bash reports each kill there
pids+=($!)
for pid in "${pids[@]}"; do wait "$pid"; done

# The next writer rolls back whatever a kill interrupted; after it the file is whole.
add final link.ndjson || fail "the add after the kills: $(add final link.ndjson 2>&1)"
echo final >acked-final.txt
! ls .outreach-ledger-*.journal >/dev/null 2>&1 || fail "a rollback journal was left after an add"

touch victims.txt acked-k.txt journal-left.txt
[ ! -s seen-in-part.txt ] || fail "readers saw a killed import in part: $(cat seen-in-part.txt)"
killed=$(grep -c ' 137$' victims.txt)
completed=$(grep -c ' 0$' victims.txt)
other=$(grep -v -c -E ' (0|137)$' victims.txt)
[ "$other" = 0 ] || fail "a killed add ended otherwise than by success or SIGKILL: $(grep -v -E ' (0|137)$' victims.txt)"

# Which line, if any, is torn: the last one, if it lacks its newline or is not an event.
lines=$(wc -l <"$ledger")
torn=""
if [ -n "$(tail -c 1 "$ledger")" ]; then
  torn=$((lines + 1))
elif ! tail -n 1 "$ledger" | grep -q -x -E "$event_line"; then
  torn=$lines
fi

# Every line before a torn one is a complete canonical event.
intact=$lines
[ "$torn" = "$lines" ] && intact=$((lines - 1))
bad=$(head -n "$intact" "$ledger" | grep -c -v -x -E "$event_line")
[ "$bad" = 0 ] || fail "$bad malformed lines before the end: $(head -n "$intact" "$ledger" | grep -v -x -E "$event_line" | head -3)"

# Every acknowledged event is there exactly once; nothing is there twice or from nowhere.
head -n "$intact" "$ledger" | sed -E 's/.*"prospect":"([^"]*)".*/\1/' | sort >present.txt
cat acked-*.txt | sort >acked.txt
missing=$(comm -23 acked.txt present.txt)
[ -z "$missing" ] || fail "acknowledged but missing: $(echo $missing)"
duplicates=$(uniq -d present.txt)
[ -z "$duplicates" ] || fail "events written twice: $(echo $duplicates)"
unknown=$(grep -v -x -E 'w0-[01]|w[1-9]-[0-9]+|k-[0-9]+|i-[0-9]+-[0-9]+|final' present.txt)
[ -z "$unknown" ] || fail "events nobody added: $unknown"
landed=$(grep -c -x -E 'k-[0-9]+' present.txt)
# Every import is there whole or not at all; an acknowledged one whole.
imports_landed=0
for n in 0 $(awk '$1 % 2 == 0 { print $1 }' victims.txt); do
  count=$(grep -c -x -E "i-$n-[0-9]+" present.txt)
  [ "$count" = 0 ] || [ "$count" = $import_size ] || fail "import $n is there in part: $count of $import_size events"
  if grep -q -x "$n" imports-acked.txt; then [ "$count" = $import_size ] || fail "acknowledged import $n is missing"; fi
  [ "$count" = 0 ] || imports_landed=$((imports_landed + 1))
done
[ -z "$torn" ] || fail "a torn line ($torn) is left after the rollback"

# A torn last line left by a kill is reported by ledger show: its line number, exit status 2.
if [ -n "$torn" ]; then
  "$outreach" ledger show --ledger "$ledger" >show.out 2>show.err
  status=$?
  [ "$status" = 2 ] || fail "ledger show on a torn ledger exited $status"
  grep -q "^outreach: error: $ledger:$torn: torn last line" show.err ||
    fail "ledger show did not name torn line $torn: $(cat show.err)"
  [ ! -s show.out ] || fail "ledger show printed to stdout on exit 2"
else
  "$outreach" ledger show --ledger "$ledger" --format ndjson >show.out || fail "ledger show"
  [ "$(wc -l <show.out)" = "$lines" ] || fail "ledger show read $(wc -l <show.out) of $lines events"
fi

# A file-size limit (ulimit -f, in KiB) just past the ledger's size: the import's write fails
# (EFBIG, SIGXFSZ ignored), exit 2 with a message, and the ledger is left as it was, byte for
# byte; an add under a limit of 0 fails the same way.
before=$(cksum <"$ledger")
import_file 999 >import-big.ndjson
# (stderr goes through a pipe: the limit applies to every file the process writes.)
(ulimit -f $(($(stat -c %s "$ledger") / 1024 + 2)) && "$outreach" ledger import import-big.ndjson --ledger link.ndjson) 2>&1 >/dev/null | cat >err.txt
status=${PIPESTATUS[0]}
[ "$status" = 2 ] || fail "an import past the file-size limit exited $status: $(cat err.txt)"
grep -q -x "outreach: error: link.ndjson: cannot write: file too large (a file-size limit?); nothing was appended" err.txt ||
  fail "the import past the file-size limit said: $(cat err.txt)"
(ulimit -f 0 && "$outreach" ledger add reply w1-1 --ledger "$ledger" --date 2026-03-06) 2>&1 >/dev/null | cat >err.txt
status=${PIPESTATUS[0]}
[ "$status" = 2 ] || fail "an add under a file-size limit of 0 exited $status: $(cat err.txt)"
grep -q "file too large" err.txt || fail "the add under a file-size limit of 0 said: $(cat err.txt)"
[ "$(cksum <"$ledger")" = "$before" ] || fail "a write past the file-size limit changed the ledger"
! ls .outreach-ledger-*.journal >/dev/null 2>&1 || fail "a failed write left its journal"

# Torn on purpose: cut a copy of the ledger in the middle of its last line (as an append
# killed mid-write leaves it), then also with a newline after the cut (not JSON any more).
tear_check() {  # tear_check FILE LINE WHAT: every reader names LINE of FILE and exits 2
  local file=$1 line=$2 what=$3 command status
  for command in "ledger show" "ledger show --format json" "credits --account account.json"; do
    # shellcheck disable=SC2086
    "$outreach" $command --ledger "$file" >out.txt 2>err.txt
    status=$?
    [ "$status" = 2 ] || fail "$what: '$command' exited $status"
    [ ! -s out.txt ] || fail "$what: '$command' printed to stdout on exit 2"
    grep -q "^outreach: error: $file:$line: torn last line" err.txt ||
      fail "$what: '$command' did not report torn line $line: $(cat err.txt)"
  done
  "$outreach" ledger add reply w1-1 --ledger "$file" --date 2026-03-06 >out.txt 2>err.txt
  status=$?
  [ "$status" = 2 ] || fail "$what: ledger add onto a torn line exited $status"
  grep -q "^outreach: error: $file:$line: torn last line" err.txt ||
    fail "$what: ledger add did not name torn line $line: $(cat err.txt)"
}
echo '{"plan": "premium-career", "plan_start": "2026-01-15", "timezone": "UTC"}' >account.json
head -n "$intact" "$ledger" >whole.ndjson
count=$(wc -l <whole.ndjson)
last=$(tail -n 1 whole.ndjson)
head -n $((count - 1)) whole.ndjson >cut.ndjson
printf '%s' "${last:0:$((${#last} / 2))}" >>cut.ndjson
before=$(cksum <cut.ndjson)
tear_check cut.ndjson "$count" "cut mid-line"
[ "$(cksum <cut.ndjson)" = "$before" ] || fail "ledger add changed a torn ledger"
cp cut.ndjson cut-newline.ndjson
echo >>cut-newline.ndjson
tear_check cut-newline.ndjson "$count" "cut mid-line, then a newline"

echo "ok: $(wc -l <acked.txt) acknowledged events all present once in $lines lines;" \
  "$killed of $((killed + completed)) killer runs killed, $(wc -l <journal-left.txt) imports mid-write;" \
  "imports whole: $imports_landed, none in part;" \
  "one add takes ~${add_ms} ms, one import of $import_size events ~${import_ms} ms"
