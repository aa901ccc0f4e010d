#!/usr/bin/env bash
# `plan --drafts DIR` writes what will be sent so that `outreach check DIR/*` checks exactly
# that (SPEC §10): for every prospect, check finds the very lint findings the plan found on its
# draft (the plan's own missing-field findings aside, which only the plan can see), and a
# campaign whose drafts the plan found clean passes check with exit 0.
#   plan_drafts_pass_check.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
source_dir=$(realpath "$2")
examples=$source_dir/examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export TZ=UTC NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }
command -v jq >/dev/null || { echo "skipped: jq not found"; exit 77; }

# The example campaign, with its planted findings: the same rule ids, prospect by prospect.
"$outreach" plan "$examples/prospects.json" --account "$examples/account.json" --start 2026-12-01 \
  --drafts drafts --format ndjson 2>/dev/null >plan.ndjson
jq -r 'select(.draft != null) | [.id, ([.findings[].rule | select(. != "missing-field")] | sort | join(","))] | @tsv' \
  plan.ndjson | sort >plan.findings
[ -s plan.findings ] || fail "the plan wrote no drafts"
for file in drafts/*.txt; do
  id=$(basename "$file" .txt)
  rules=$("$outreach" check --format json "$file" | jq -r '[.files[0].diagnostics[].rule] | sort | join(",")')
  printf '%s\t%s\n' "$id" "$rules"
done | sort >check.findings
diff -u plan.findings check.findings || fail "check finds other findings than the plan on the drafts"
[ "$(wc -l <plan.findings)" = "$(ls drafts | wc -l)" ] || fail "a draft file for every row with a draft"

# A campaign the plan finds clean: check passes on its drafts.
printf '%s\n' '{"id": "a", "first_name": "Ann", "company": "Acme", "degree": 1}' \
  '{"id": "b", "first_name": "Bo", "company": "Globex", "degree": 2}' \
  '{"id": "c d/e", "first_name": "Cy", "company": "Initech", "degree": 3, "open_profile": true}' >clean.ndjson
printf 'Hi {{first_name}}, I liked your post on {{company}} tooling. Open to connecting?\n' >connect.txt
printf 'Thanks for connecting, {{first_name}}! Would a short call next week suit you?\n' >message.txt
printf 'Subject: Tooling at {{company}}\n\nHi {{first_name}}, a question about tooling at {{company}}: worth a short chat?\n' >inmail.txt
printf '{"timezone": "UTC", "templates": {"connect": "connect.txt", "message": "message.txt", "inmail": "inmail.txt"}}\n' >account.json
"$outreach" plan clean.ndjson --account account.json --start 2026-12-01 --drafts clean --format tsv >/dev/null 2>&1 ||
  fail "the clean plan found something"
ls clean | grep -q '^c_d_e-[0-9a-f]\{8\}\.txt$' || fail "an id with a space and a slash is not made file-name safe: $(ls clean)"
"$outreach" check clean/*.txt >check.txt || fail "check does not pass on the clean drafts: $(cat check.txt)"
[ "$(ls clean | wc -l)" = 3 ] || fail "three drafts expected, got $(ls clean)"
echo "drafts check as the plan did: ok"
