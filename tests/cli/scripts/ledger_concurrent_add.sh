#!/usr/bin/env bash
# Many `ledger add` runs at once, with imports and readers alongside (SPEC §5): every event
# lands intact, one per line; none is lost or interleaved; each import's events stay together
# and in order; no reader ever sees a torn line.
#   ledger_concurrent_add.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

adds=200
batches=5
batch_size=400
readers=20
fail() { echo "FAIL: $*"; exit 1; }

# One first event, so that the lock file exists before the readers start.
"$outreach" ledger add invite_sent p-0 --ledger ledger.ndjson --date 2026-03-01 || fail "first add"

for j in $(seq 1 $batches); do
  for k in $(seq 1 $batch_size); do
    printf '{"date": "2026-03-06", "type": "reply", "prospect": "batch-%d-%03d"}\n' "$j" "$k"
  done >"batch-$j.ndjson"
done

pids=()
for i in $(seq 1 $adds); do
  "$outreach" ledger add inmail_sent "p-$i" --ledger ledger.ndjson --date 2026-03-05 2>"add-$i.err" &
  pids+=($!)
  if [ $((i % 40)) = 0 ]; then
    j=$((i / 40))
    "$outreach" ledger import "batch-$j.ndjson" --ledger ledger.ndjson 2>"import-$j.err" &
    pids+=($!)
  fi
  if [ $((i % 10)) = 0 ]; then
    "$outreach" ledger show --ledger ledger.ndjson --format ndjson >/dev/null 2>"show-$i.err" &
    pids+=($!)
  fi
done
failures=0
for pid in "${pids[@]}"; do
  wait "$pid" || failures=$((failures + 1))
done
[ "$failures" = 0 ] || { cat ./*.err; fail "$failures of ${#pids[@]} runs failed"; }
[ "$(( ${#pids[@]} ))" = $((adds + batches + readers)) ] || fail "expected $((adds + batches + readers)) runs, started ${#pids[@]}"

expected=$((1 + adds + batches * batch_size))
[ "$(wc -l <ledger.ndjson)" = "$expected" ] || fail "expected $expected lines, found $(wc -l <ledger.ndjson)"
[ -z "$(tail -c 1 ledger.ndjson)" ] || fail "the ledger does not end with a newline"

# Every line is one complete canonical event.
bad=$(grep -c -v -E '^\{"date":"2026-03-0[156]","type":"(invite_sent|inmail_sent|reply)","prospect":"(p-[0-9]+|batch-[0-9]-[0-9]{3})"(,"free":false)?\}$' ledger.ndjson)
[ "$bad" = 0 ] || fail "$bad malformed lines"

# Every add is there exactly once.
for i in $(seq 1 $adds); do
  count=$(grep -c "\"prospect\":\"p-$i\"" ledger.ndjson)
  [ "$count" = 1 ] || fail "p-$i found $count times"
done

# Each import's events are contiguous and in file order.
for j in $(seq 1 $batches); do
  lines=$(grep -n "\"batch-$j-" ledger.ndjson | cut -d: -f1 | tr '\n' ' ')
  first=${lines%% *}
  want=""
  for k in $(seq 0 $((batch_size - 1))); do want+="$((first + k)) "; done
  [ "$lines" = "$want" ] || fail "import $j is interleaved with other events"
  order=$(grep -o "batch-$j-[0-9]*" ledger.ndjson | tr '\n' ' ')
  want_order=""
  for k in $(seq 1 $batch_size); do want_order+="$(printf 'batch-%d-%03d' "$j" "$k") "; done
  [ "$order" = "$want_order" ] || fail "import $j is out of order"
done

# And the whole ledger reads back.
"$outreach" ledger show --ledger ledger.ndjson --format json >/dev/null || fail "ledger show"
echo "ok: $expected events from ${#pids[@]} concurrent runs"
