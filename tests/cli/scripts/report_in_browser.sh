#!/usr/bin/env bash
# `outreach report` of the shipped outcomes example, rendered by a real browser (Debian's
# chromium, installed by scripts/setup.sh; headless, --no-sandbox as root): screenshots at 375
# and 1280 px wide come out with those widths, the page also prints to PDF, the text of the page
# holds the key figures `outreach stats --format json` gives, and the page made no network
# request — checked in chromium's own net log, with every host name mapped to nothing besides.
# A canary page that does fetch an image proves the net-log check sees a page's requests.
#   report_in_browser.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
source_dir=$(realpath "$2")
examples=$source_dir/examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export TZ=UTC NO_COLOR=1 OUTREACH_NOW=2026-12-01T12:00:00-05:00
fail() { echo "FAIL: $*"; exit 1; }
command -v chromium >/dev/null || { echo "skip: chromium is missing: run scripts/setup.sh"; exit 77; }
python=/usr/bin/python3

account=$examples/outcomes/account.json
"$outreach" report --account "$account" --prospects "$examples/prospects.json" -o report.html \
  2>report.err || fail "report failed: $(cat report.err)"
"$outreach" stats --account "$account" --format json >stats.json 2>/dev/null || fail "stats failed"
"$outreach" stats --account "$account" --by variant >variants.txt 2>/dev/null ||
  fail "stats --by variant failed"

# One browser run: a fresh profile each time, no background services, no name resolves.
browse() {
  local net_log=$1
  shift
  rm -rf "$work/profile"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$work/profile" --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-default-apps --disable-extensions \
    --host-resolver-rules="MAP * ~NOTFOUND" --log-net-log="$net_log" "$@" 2>>chromium.err
}

for width in 375 1280; do
  browse "net-$width.json" --screenshot="$work/report-$width.png" --window-size="$width,2400" \
    "file://$work/report.html" >/dev/null || fail "chromium could not screenshot at $width px"
done
browse net-dom.json --dump-dom "file://$work/report.html" >dom.html ||
  fail "chromium could not dump the page"
browse net-pdf.json --print-to-pdf="$work/report.pdf" --no-pdf-header-footer \
  "file://$work/report.html" >/dev/null || fail "chromium could not print the page"
printf '%s\n' '<!DOCTYPE html><html><body><img src="http://canary.invalid/pixel.png">' \
  '<p>canary</p></body></html>' >canary.html
browse net-canary.json --screenshot="$work/canary.png" --window-size=375,400 \
  "file://$work/canary.html" >/dev/null || fail "chromium could not load the canary page"

"$python" - "$work" <<'PY' || exit 1
import html, json, os, re, struct, sys

work = sys.argv[1]

def fail(message):
    print("FAIL: " + message)
    sys.exit(1)

def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        fail(f"{path}: not a PNG")
    return struct.unpack(">II", head[16:24])

for width in (375, 1280):
    path = os.path.join(work, f"report-{width}.png")
    if not os.path.exists(path):
        fail(f"no screenshot at {width} px")
    w, h = png_size(path)
    if (w, h) != (width, 2400):
        fail(f"the {width} px screenshot is {w} x {h}")
    if os.path.getsize(path) < 20000:
        fail(f"the {width} px screenshot is nearly empty ({os.path.getsize(path)} bytes)")
with open(os.path.join(work, "report.pdf"), "rb") as f:
    if f.read(5) != b"%PDF-":
        fail("the printed page is not a PDF")

# The page's text holds what `stats` says.
dom = open(os.path.join(work, "dom.html"), encoding="utf-8").read()
text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dom)))
stats = json.load(open(os.path.join(work, "stats.json")))
groups = {group["key"]: group for group in stats["groups"]}
connect = groups["connect"]["connect"]
rate = connect["acceptance_rate"]
pct = lambda share: f"{round(share * 100)}%"
expected = [
    f"{connect['sent']} invitations sent",
    f"{pct(rate['value'])} acceptance rate, 95% interval {pct(rate['low'])}–{pct(rate['high'])}",
    f"{groups['message']['message']['sent']} messages sent",
    f"{groups['inmail']['inmail']['sent']} InMails sent",
]
for line in open(os.path.join(work, "variants.txt"), encoding="utf-8"):
    if "the difference" in line:
        expected.append(line.strip())  # the tests' plain sentences
if len(expected) < 7:
    fail(f"stats --by variant gave {len(expected) - 4} comparisons, not 3")
for figure in expected:
    if figure not in text:
        fail(f"the page's text lacks {figure!r}")
for section in ("credits", "invitations", "funnel", "variants", "plan"):
    if f'id="{section}"' not in dom:
        fail(f"no {section} section")

# No request by the page. Chromium's own services (update checks, the clock, the account
# check) still try and fail to resolve their hosts: their requests start from no origin; a
# page's from its document (initiator "null" for a file:// page, keyed by file://).
def page_requests(path):
    log = json.load(open(path))
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    found = []
    for event in log["events"]:
        params = event.get("params", {})
        url = params.get("url", "")
        if names.get(event["type"]) != "URL_REQUEST_START_JOB":
            continue
        if not re.match(r"(https?|wss?)://", url):
            continue
        if params.get("initiator") != "not an origin" or "file://" in params.get(
                "network_isolation_key", ""):
            found.append(url)
    return found

canary = page_requests(os.path.join(work, "net-canary.json"))
if "http://canary.invalid/pixel.png" not in canary:
    fail(f"the net-log check missed the canary page's request (saw {canary})")
for name in ("net-375.json", "net-1280.json", "net-dom.json", "net-pdf.json"):
    requests = page_requests(os.path.join(work, name))
    if requests:
        fail(f"{name}: the report requested {requests}")
print(f"ok: screenshots 375 and 1280 px wide, {len(expected)} figures in the page, no request")
PY
