#!/usr/bin/env bash
# Durability of the ledger under SIGKILL (SPEC §5): writers append events with `ledger add`
# while a killer starts more `ledger add` runs and kills each at a random point of its life
# (waiting for the lock, writing, flushing, or already done). Afterwards:
#   - every acknowledged event (its `ledger add` exited 0) is in the file, exactly once;
#   - no event is there twice, and none is there that nobody tried to add;
#   - every line but possibly the last is one complete canonical event;
#   - a torn last line, if a kill left one, is reported by `ledger show` with its line number
#     and exit status 2.
# A kill rarely tears a line by itself (a one-line write is all or nothing unless it crosses a
# page), so the script then tears copies of the ledger on purpose, mid-line, and checks the
# report of every command that reads the ledger, and that `ledger add` refuses to append.
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
event_line='\{"date":"2026-03-05","type":"message_sent","prospect":"(w[0-9]+-[0-9]+|k-[0-9]+)"\}'

add() {  # add ID: one `ledger add` of a message to ID
  "$outreach" ledger add message_sent "$1" --ledger "$ledger" --date 2026-03-05
}

add w0-0 || fail "first add"  # creates the ledger and its lock file
echo w0-0 >acked-w0.txt

# How long one add takes here, so that kills land all along an add's life in any build.
start=$(date +%s%N)
add w0-1 || fail "second add"
echo w0-1 >>acked-w0.txt
add_ms=$((($(date +%s%N) - start) / 1000000 + 1))

writer() {  # writer N: adds wN-1 … wN-M one after the other, noting each acknowledged one
  local n=$1 i
  for i in $(seq 1 $adds_per_writer); do
    ((SECONDS < budget_seconds)) || break
    if add "w$n-$i" 2>>"writer-$n.err"; then echo "w$n-$i" >>"acked-w$n.txt"; fi
  done
}

killer() {  # starts `victims` adds and SIGKILLs each after a random 0 to 1 add-time
  local i pid delay_ms status
  for i in $(seq 1 $victims); do
    ((SECONDS < budget_seconds)) || break
    # Started directly, not through add(): $! must be the outreach process, not a subshell.
    "$outreach" ledger add message_sent "k-$i" --ledger "$ledger" --date 2026-03-05 2>/dev/null &
    pid=$!
    delay_ms=$((RANDOM % (add_ms + 1)))
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid"
    status=$?
    echo "k-$i $status" >>victims.txt
    if [ "$status" = 0 ]; then echo "k-$i" >>acked-k.txt; fi
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

touch victims.txt acked-k.txt
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
unknown=$(grep -v -x -E 'w0-[01]|w[1-9]-[0-9]+|k-[0-9]+' present.txt)
[ -z "$unknown" ] || fail "events nobody added: $unknown"
landed=$(grep -c -x -E 'k-[0-9]+' present.txt)

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
  "$killed of $((killed + completed)) killer adds killed, $((landed - completed)) of those after writing;" \
  "torn line left by a kill: ${torn:-none}; one add takes ~${add_ms} ms"
