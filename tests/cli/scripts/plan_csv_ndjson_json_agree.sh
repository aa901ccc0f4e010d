#!/usr/bin/env bash
# The same prospects as CSV (typed words: 2nd, Yes, Out of Network; quoted cells with commas,
# quotes and newlines; CRLF; a BOM), as TSV, as ';'-separated CSV, as NDJSON and as a JSON array
# give byte-identical plans in every output format (SPEC §9). The files are written by python3's
# csv and json modules, not by the tool.
#   plan_csv_ndjson_json_agree.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
source_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export TZ=UTC NO_COLOR=1 OUTREACH_NOW=2026-11-30T12:00:00Z
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 >/dev/null || { echo "skipped: python3 is missing"; exit 77; }

python3 - <<'PY' || fail "could not write the inputs"
import csv, json
degrees = [(1, "1st"), (2, "2nd"), (3, "3rd+"), (None, "Out of Network"), (2, "2"), (3, "3rd")]
flags = [(True, "Yes"), (False, "no"), (True, "TRUE"), (False, "0"), (True, "y"), (False, "N")]
goals = ["sales", "recruiting", "nurture", "marketing"]
zones = ["", "Europe/Berlin", "America/New_York", "Asia/Kolkata"]
records, rows = [], []
for i in range(1, 401):
    degree, degree_word = degrees[i % len(degrees)]
    open_profile, open_word = flags[i % len(flags)]
    accepts, accepts_word = flags[(i // 7) % len(flags)]
    rarely, rarely_word = flags[(i // 3) % len(flags)]
    record = {"first_name": f"Name {i}", "company": f'Co, "{i % 41}"\nLtd' if i % 50 == 0 else f"Co {i % 41}"}
    row = {"First Name": record["first_name"], "Company": record["company"]}
    if i % 5 == 0:
        url = f"https://www.linkedin.com/in/Person-{i}/?trk=x"
        record["profile_url"] = url
        row["LinkedIn URL"] = url
        row["ID"] = ""
    else:
        record["id"] = f"p-{i:04d}"
        row["ID"] = record["id"]
        row["LinkedIn URL"] = ""
    record["degree"] = degree
    row["Connection Degree"] = degree_word
    record["open_profile"] = open_profile
    row["Open Profile"] = open_word
    record["accepts_inmail"] = accepts
    row["Accepts InMail"] = accepts_word
    record["rarely_accepts"] = rarely
    row["rarely-accepts"] = rarely_word
    record["pending_invitations"] = (i * 97) % 6000
    row["Pending Invitations"] = str(record["pending_invitations"])
    record["mutual_connections"] = i % 13
    row["Mutual Connections"] = str(i % 13)
    record["priority"] = (i % 9) / 2
    row["Priority"] = str((i % 9) / 2)
    record["goal"] = goals[i % len(goals)]
    row["Goal"] = record["goal"]
    if i % 11 == 0:
        record["deadline"] = f"2026-12-{i % 28 + 1:02d}"
    row["Deadline"] = record.get("deadline", "")
    zone = zones[i % len(zones)]
    if zone:
        record["timezone"] = zone
    row["Time Zone"] = zone
    if i % 17 == 0:
        record["do_not_contact"] = True
    row["Do Not Contact"] = "yes" if i % 17 == 0 else ""
    records.append(record)
    rows.append(row)
fields = list(rows[0].keys())
with open("leads.csv", "w", newline="", encoding="utf-8-sig") as f:
    w = csv.DictWriter(f, fieldnames=fields, lineterminator="\r\n")
    w.writeheader(); w.writerows(rows)
with open("leads.tsv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=fields, delimiter="\t", lineterminator="\n")
    w.writeheader(); w.writerows(rows)
with open("semicolons.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=fields, delimiter=";", lineterminator="\n")
    w.writeheader(); w.writerows(rows)
with open("leads.ndjson", "w", encoding="utf-8") as f:
    for r in records: f.write(json.dumps(r) + "\n")
with open("leads.json", "w", encoding="utf-8") as f:
    json.dump(records, f, indent=1)
PY

plan() { "$outreach" plan "$@" --account "$source_dir/examples/account.json" --start 2026-12-01 --with first_name,company; }
for format in table tsv csv json ndjson ics; do
  plan leads.json --format "$format" >expected.out 2>expected.err || fail "$format: the JSON plan failed: $(head -3 expected.err)"
  [ -s expected.out ] || fail "$format: an empty plan"
  for input in leads.ndjson leads.csv leads.tsv semicolons.csv; do
    plan "$input" --format "$format" >actual.out 2>actual.err || fail "$format: $input failed: $(head -3 actual.err)"
    cmp -s expected.out actual.out || { diff expected.out actual.out | head -10; fail "$format: $input differs from leads.json"; }
    cmp -s expected.err actual.err || { diff expected.err actual.err | head -10; fail "$format: $input's stderr differs"; }
  done
  plan - --input-format csv --format "$format" <leads.csv >actual.out 2>/dev/null || fail "$format: CSV from stdin failed"
  cmp -s expected.out actual.out || fail "$format: CSV from stdin differs"
done
echo "ok: 400 prospects as CSV, TSV, ';'-CSV, NDJSON and JSON plan alike in 6 formats"
