#!/usr/bin/env bash
# `plan --format ics` and `agenda --format ics` read back by an independent parser (Debian's
# python3-icalendar, installed by scripts/setup.sh): every timed send of the plan is one event
# at the same instant with the same draft, UIDs are unique and the same for the same prospect
# and step on another run (the list in another order), no line is longer than 75 octets, every
# line ends in CRLF, and prospect text holding , ; \ and a newline survives the round trip.
#   calendar_ics_round_trip.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
source_dir=$(realpath "$2")
examples=$source_dir/examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export TZ=UTC NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }
# Debian's module, not a virtualenv's: the interpreter setup.sh installed it for.
python=/usr/bin/python3
"$python" -c 'import icalendar' 2>/dev/null ||
  fail "python3-icalendar is missing: run scripts/setup.sh"

# The example campaign, plus prospects whose text needs escaping, in a zone far from UTC.
cp -r "$examples/templates" templates
sed -e 's|"ledger": "ledger.ndjson"|"ledger": "'"$examples"'/ledger.ndjson"|' \
  "$examples/account.json" >account.json
jq -c '.[]' "$examples/prospects.json" >prospects.ndjson
printf '%s\n' \
  '{"id": "odd,;\\id", "first_name": "Zoë", "company": "Acme, Inc.; R&D \\ Labs\nParis", "degree": 3, "open_profile": true, "timezone": "Asia/Kolkata"}' \
  '{"id": "p-long", "first_name": "Ann", "company": "The Very Long Company Name of a Prospect Whose Text Must Be Folded, Twice Over", "degree": 2, "timezone": "Australia/Sydney"}' \
  >>prospects.ndjson
tac prospects.ndjson >reversed.ndjson

# Exit status 1 is a plan with error-level findings (the example plants some): output is whole.
plan() {
  "$outreach" plan "$1" --account account.json --start 2026-12-01 "${@:2}" 2>/dev/null
  [ $? -le 1 ]
}
plan prospects.ndjson --format ics >plan.ics || fail "plan --format ics failed"
plan reversed.ndjson --format ics >reversed.ics || fail "plan --format ics (reversed) failed"
plan prospects.ndjson --format ndjson >plan.ndjson || fail "plan --format ndjson failed"
plan prospects.ndjson --format ics >again.ics
cmp -s plan.ics again.ics || fail "two runs of the same input gave different calendars"
"$outreach" agenda --account account.json --prospects prospects.ndjson --date 2026-12-01 \
  --days 7 --format ics >agenda.ics 2>/dev/null
[ $? -le 1 ] || fail "agenda --format ics failed"

"$python" - plan.ics reversed.ics plan.ndjson agenda.ics <<'PY' || exit 1
import json, sys
from datetime import timezone
import icalendar

def fail(message):
    print("FAIL: " + message)
    sys.exit(1)

def octet_lines(path):
    data = open(path, "rb").read()
    if not data.endswith(b"\r\n"):
        fail(f"{path}: does not end with CRLF")
    lines = data[:-2].split(b"\r\n")
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            fail(f"{path}:{number}: a line end other than CRLF")
        if len(line) > 75:
            fail(f"{path}:{number}: {len(line)} octets, longer than 75")
    return data

def events(path):
    calendar = icalendar.Calendar.from_ical(octet_lines(path))
    if str(calendar.get("VERSION")) != "2.0" or not calendar.get("PRODID"):
        fail(f"{path}: VERSION 2.0 and a PRODID")
    found = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        if uid in found:
            fail(f"{path}: UID {uid} twice")
        start = event.decoded("DTSTART")
        if start.utcoffset() is None or start.utcoffset().total_seconds() != 0:
            fail(f"{path}: {uid}: DTSTART not in UTC")
        if event.decoded("DURATION").total_seconds() != 900:
            fail(f"{path}: {uid}: DURATION is not 15 minutes")
        if not event.get("DTSTAMP"):
            fail(f"{path}: {uid}: no DTSTAMP")
        found[uid] = {
            "start": start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "summary": str(event["SUMMARY"]),
            "description": str(event.get("DESCRIPTION", "")),
        }
    return found

plan, reversed_plan, agenda = events(sys.argv[1]), events(sys.argv[2]), events(sys.argv[4])
rows = [json.loads(line) for line in open(sys.argv[3], encoding="utf-8")]
timed = [row for row in rows if row["send_at_utc"] and row["channel"] in ("message", "inmail", "connect")]
if len(timed) < 10:
    fail(f"only {len(timed)} timed sends in the example plan")
if len(plan) != len(timed):
    fail(f"{len(plan)} events for {len(timed)} timed sends")
by_instant = {}
for row in timed:
    matches = [uid for uid, event in plan.items() if event["start"] == row["send_at_utc"]
               and event["summary"].endswith(" to " + row["id"])]
    if len(matches) != 1:
        fail(f"{row['id']}: {len(matches)} events at {row['send_at_utc']}")
    event = plan[matches[0]]
    draft = row["draft"]
    expected = "" if draft is None else (
        ("Subject: " + draft["subject"] + "\n\n" if draft["subject"] is not None else "") + draft["body"])
    if event["description"] != expected:
        fail(f"{row['id']}: DESCRIPTION {event['description']!r} is not the draft {expected!r}")
    by_instant[matches[0]] = row
if set(plan) != set(reversed_plan):
    fail("the same prospects and steps got other UIDs when the list was reversed")
for uid in plan:
    if plan[uid]["summary"] != reversed_plan[uid]["summary"]:
        fail(f"{uid}: another prospect on another run")
odd = [event for event in plan.values() if event["summary"].endswith(" to odd,;\\id")]
if len(odd) != 1 or "Acme, Inc.; R&D \\ Labs\nParis" not in odd[0]["description"]:
    fail("the prospect text with , ; \\ and a newline did not survive the round trip")
if not agenda:
    fail("the agenda of the plan's first week has no events")
for uid, event in agenda.items():
    if uid not in plan or plan[uid]["start"] != event["start"]:
        fail(f"agenda event {uid} is not the plan's event at the same instant")
PY
echo "ok: $(grep -c '^BEGIN:VEVENT' plan.ics) events, $(grep -c '^BEGIN:VEVENT' agenda.ics) in the first week's agenda"
