#!/usr/bin/env bash
# Every input prospect appears in the plan exactly once, in every output format (SPEC §4), for
# the shipped example and for a generated list that hits every branch, as a JSON array and as
# NDJSON.
#   plan_every_prospect_once.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
source_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export TZ=UTC NO_COLOR=1 OUTREACH_NOW=2026-11-26T09:00:00-05:00
fail() { echo "FAIL: $*"; exit 1; }

# A generated list: 600 prospects over every degree, goal and flag, a few groups and zones.
zones=(America/New_York Europe/London Asia/Kolkata America/Los_Angeles Australia/Sydney)
goals=(sales recruiting nurture marketing)
{
  echo "["
  for i in $(seq 1 600); do
    degree=$((i % 4)); [ $degree = 0 ] && degree=null
    printf '  {"id": "g-%04d", "first_name": "N%d", "company": "Co %d", "degree": %s, "goal": "%s", ' \
      "$i" "$i" "$((i % 37))" "$degree" "${goals[$((i % 4))]}"
    printf '"open_profile": %s, "accepts_inmail": %s, "rarely_accepts": %s, "do_not_contact": %s, ' \
      "$([ $((i % 7)) = 0 ] && echo true || echo false)" "$([ $((i % 11)) = 0 ] && echo false || echo true)" \
      "$([ $((i % 5)) = 0 ] && echo true || echo false)" "$([ $((i % 29)) = 0 ] && echo true || echo false)"
    printf '"priority": %d, "mutual_connections": %d, "timezone": "%s"' "$((i % 10))" "$((i % 13))" "${zones[$((i % 5))]}"
    [ $((i % 17)) = 0 ] && printf ', "deadline": "2026-12-%02d"' $((1 + i % 28))
    [ $((i % 23)) = 0 ] && printf ', "group": "grp-%d"' $((i % 3))
    [ $i -lt 600 ] && echo "}," || echo "}"
  done
  echo "]"
} >generated.json
sed -n 's/^  \({.*}\),\{0,1\}$/\1/p' generated.json >generated.ndjson

ids_of_input() { grep -o '"id": "[^"]*"' "$1" | sed 's/"id": "\(.*\)"/\1/' | sort; }

# The ids a plan printed, one a line, for each format.
ids_of_output() {
  case $1 in
    tsv) tail -n +2 | cut -f1 ;;
    csv) tail -n +2 | tr -d '\r' | cut -d, -f1 ;;
    ndjson) sed 's/^{"id":"\([^"]*\)".*/\1/' ;;
    json) sed -n 's/^,\{0,1\}{"id":"\([^"]*\)".*/\1/p' ;;
    table) awk 'NR == 1 { next } /^$/ { exit } { print $1 }' ;;
  esac
}

check() {  # check NAME INPUT [OPTIONS...]
  local name=$1 input=$2
  shift 2
  ids_of_input "$input" >"$name.expected"
  [ -s "$name.expected" ] || fail "$name: no ids in the input"
  for format in table tsv csv json ndjson; do
    "$outreach" plan "$input" --start 2026-12-01 --format "$format" "$@" >"out.$name.$format" 2>"out.$name.$format.err"
    status=$?
    [ $status -le 1 ] || fail "$name --format $format: exit $status: $(head -3 "out.$name.$format.err")"
    ids_of_output "$format" <"out.$name.$format" | sort >"$name.$format.ids"
    duplicates=$(uniq -d "$name.$format.ids")
    [ -z "$duplicates" ] || fail "$name --format $format: printed more than once: $duplicates"
    diff -u "$name.expected" "$name.$format.ids" >/dev/null ||
      fail "$name --format $format: the ids differ from the input: $(diff "$name.expected" "$name.$format.ids" | head -5)"
  done
}

examples=$source_dir/examples
check example "$examples/prospects.json" --account "$examples/account.json"
check generated generated.json --account "$examples/account.json"
check generated-ndjson generated.ndjson --account "$examples/account.json"
check generated-free generated.json
# A short horizon (many rows beyond it), a week-later ledger, extra fields and a drafts folder.
check generated-horizon generated.json --account "$examples/account.json" --until 2026-12-04
check example-week-later "$examples/prospects.json" --account "$examples/account.json" \
  --ledger "$examples/ledger-week-1.ndjson" --with first_name,company --drafts "$work/drafts"
echo "every prospect once in every format: ok"
