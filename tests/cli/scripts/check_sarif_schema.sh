#!/usr/bin/env bash
# `outreach check --format sarif` (SPEC §13) against the official SARIF 2.1.0 JSON schema with
# python3-jsonschema: the examples' drafts, stdin, a file name that must be percent-encoded,
# an absolute path, and a run with a file that cannot be read. Beyond the schema: one run,
# columnKind unicodeCodePoints, every lint rule with its level and help text, every result with
# file, line and column, the same findings as the text report. The schema is read from
# ../shared/testdata next to the source folder; the test is skipped where it is absent.
#   check_sarif_schema.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
source_dir=$(realpath "$2")
schema=$(realpath -m "$source_dir/../shared/testdata/sarif-schema-2.1.0.json")
[ -f "$schema" ] || { echo "skipped: the SARIF schema is not at $schema"; exit 77; }
python=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import jsonschema' 2>/dev/null; then python=$candidate; break; fi
done
[ -n "$python" ] || { echo "skipped: no python3 with jsonschema (Debian's python3-jsonschema; scripts/setup.sh installs it)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$work" || exit 1
cp -R "$source_dir/examples" examples
cp examples/drafts/bad-inmail.txt 'a draft: 100%.txt'

"$outreach" check --format sarif examples/drafts/* 'a draft: 100%.txt' "$work/examples/drafts/bad-inmail.txt" >examples.sarif
[ $? = 1 ] || fail "check --format sarif on drafts with errors should exit 1"
"$outreach" check --format sarif - <examples/drafts/good-inmail.txt >stdin.sarif || fail "stdin run failed"
"$outreach" check --format sarif examples/drafts/message.txt missing.txt >failed.sarif 2>failed.err
[ $? = 2 ] || fail "a file that cannot be read should make the exit status 2"
"$outreach" check examples/drafts/* 'a draft: 100%.txt' "$work/examples/drafts/bad-inmail.txt" >text.txt

"$python" - "$schema" examples.sarif stdin.sarif failed.sarif text.txt <<'PYTHON' || exit 1
import json, re, sys
import jsonschema

schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
def fail(message):
    print("FAIL:", message)
    sys.exit(1)

# The validator itself refuses what is not SARIF.
if validator.is_valid({"version": "2.1.0", "runs": [{"tool": {}}]}):
    fail("the schema accepts a run without a driver: the validator checks nothing")

logs = {}
for name in sys.argv[2:5]:
    log = json.load(open(name))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for error in errors[:5]:
        print(f"{name}: {'/'.join(map(str, error.path))}: {error.message}")
    if errors:
        fail(f"{name} is not valid SARIF 2.1.0 ({len(errors)} errors)")
    if log["version"] != "2.1.0" or len(log["runs"]) != 1:
        fail(f"{name}: expected version 2.1.0 and one run")
    run = log["runs"][0]
    if run.get("columnKind") != "unicodeCodePoints":
        fail(f"{name}: columnKind is {run.get('columnKind')}")
    rules = run["tool"]["driver"]["rules"]
    for rule in rules:
        if not rule["help"]["text"] or rule["defaultConfiguration"]["level"] not in ("error", "warning"):
            fail(f"{name}: rule {rule['id']} lacks help text or a level")
    for result in run["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        if not uri or region["startLine"] < 1 or region["startColumn"] < 1:
            fail(f"{name}: a result without file, line or column: {result}")
        if rules[result["ruleIndex"]]["id"] != result["ruleId"]:
            fail(f"{name}: ruleIndex does not point at {result['ruleId']}")
    logs[name] = run

run = logs["examples.sarif"]
ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
if "body-too-long" not in ids or "template-syntax" not in ids:
    fail(f"the driver does not list every lint rule: {ids}")
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
if "a%20draft%3A%20100%25.txt" not in uris:
    fail(f"a file name is not percent-encoded: {sorted(uris)}")
# The same findings as the text report: file:line:col: severity: message [rule]
text = set()
for line in open(sys.argv[5]):
    m = re.match(r"(.*):(\d+):(\d+): (error|warning): (.*) \[([a-z0-9-]+)\]$", line.rstrip("\n"))
    if m:
        text.add((int(m[2]), int(m[3]), m[4], m[5], m[6]))
sarif = set()
for r in run["results"]:
    region = r["locations"][0]["physicalLocation"]["region"]
    sarif.add((region["startLine"], region["startColumn"], r["level"], r["message"]["text"], r["ruleId"]))
if text != sarif:
    fail(f"SARIF and text disagree: {sorted(text ^ sarif)[:3]}")
if not any(uri.startswith("file:///") and uri.endswith("/examples/drafts/bad-inmail.txt") for uri in uris):
    fail(f"an absolute path is not a file: URI: {sorted(uris)}")
failed = logs["failed.sarif"]["invocations"][0]
if failed["executionSuccessful"] or not failed.get("toolExecutionNotifications"):
    fail("a file that could not be read is not an error notification of the invocation")
if not logs["stdin.sarif"]["invocations"][0]["executionSuccessful"]:
    fail("the stdin run is not successful")
print(f"ok: 3 SARIF logs valid against the 2.1.0 schema, {len(run['results'])} results match the text report")
PYTHON
grep -q '^outreach: error: missing.txt: ' failed.err || fail "the unreadable file is not reported on stderr"
