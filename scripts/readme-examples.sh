#!/usr/bin/env bash
# Keeps the README's examples true: every ```console block right after a `<!-- readme-run -->`
# line starts with `$ COMMAND`; the rest of the block is what COMMAND prints (stdout and
# stderr) when run from the repository root with the freshly built outreach first on PATH.
#
#   scripts/readme-examples.sh check [OUTREACH]    exit 1 and show a diff when a block is stale
#   scripts/readme-examples.sh update [OUTREACH]   rewrite the blocks from real runs
set -euo pipefail
mode=${1:-check}
root=$(cd "$(dirname "$0")/.." && pwd)
binary=$(realpath "${2:-$root/build/release/outreach}")
bindir=$(mktemp -d)
trap 'rm -rf "$bindir"' EXIT
ln -s "$binary" "$bindir/outreach"
cd "$root"

regenerated=$(mktemp)
state=text
while IFS= read -r line || [ -n "$line" ]; do
  case $state in
    text)
      printf '%s\n' "$line"
      [ "$line" = "<!-- readme-run -->" ] && state=fence ;;
    fence)
      printf '%s\n' "$line"
      state=command ;;
    command)
      printf '%s\n' "$line"
      command=${line#\$ }
      # A fixed clock and zone so that "today" and colours do not change the README, and no
      # COLUMNS to fit a table to the caller's terminal.
      env -u COLUMNS PATH="$bindir:$PATH" OUTREACH_NOW=2026-11-26T12:00:00Z TZ=UTC NO_COLOR=1 \
        bash -o pipefail -c "$command" 2>&1 </dev/null || true
      state=skip ;;
    skip)
      if [ "$line" = '```' ]; then
        printf '%s\n' "$line"
        state=text
      fi ;;
  esac
done <README.md >"$regenerated"

if [ "$mode" = update ]; then
  mv "$regenerated" README.md
  exit 0
fi
if ! diff -u --label "README.md" --label "README.md as the binary prints it" README.md "$regenerated"; then
  rm -f "$regenerated"
  echo "readme-examples: the README's examples are stale; run scripts/readme-examples.sh update" >&2
  exit 1
fi
rm -f "$regenerated"
