#!/usr/bin/env bash
# The manual page of `outreach manpage` (SPEC §13): groff reads it without a warning
# (groff -man -ww -z), `man -l` renders it, and it names every command --help lists, every
# lint rule, and the values of an enumerated option.
#   man_page.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
command -v groff >/dev/null || { echo "skipped: groff not found"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$outreach" manpage >"$work/outreach.1" || fail "outreach manpage failed"
groff -man -ww -z "$work/outreach.1" >"$work/groff.txt" 2>&1 || fail "groff failed: $(cat "$work/groff.txt")"
[ -s "$work/groff.txt" ] && fail "groff warns: $(cat "$work/groff.txt")"

if command -v man >/dev/null; then
  MANWIDTH=100 LC_ALL=C.UTF-8 man -l "$work/outreach.1" >"$work/page.txt" 2>"$work/man.err" ||
    fail "man -l failed: $(cat "$work/man.err")"
  [ -s "$work/man.err" ] && fail "man -l warns: $(cat "$work/man.err")"
  page=$work/page.txt
else
  echo "man not found: checking groff's rendering only"
  groff -man -Tutf8 "$work/outreach.1" >"$work/page.txt" 2>/dev/null
  page=$work/page.txt
fi
grep -q '^NAME' "$page" || fail "no NAME section"
grep -qE 'outreach +- +plan LinkedIn outreach' "$page" || fail "no whatis line"
for section in SYNOPSIS DESCRIPTION OPTIONS COMMANDS 'LINT RULES' 'PLAN REASONS' PLANS 'EXIT STATUS' ENVIRONMENT; do
  grep -q "^$section" "$page" || fail "no $section section"
done
for command in $("$outreach" --help | awk '/^Subcommands:/ { on = 1; next } on && NF { print $1 }'); do
  grep -q "^ *outreach $command\$" "$page" || fail "the page has no section for 'outreach $command'"
done
for rule in $("$outreach" explain | awk '/^Lint rules/ { on = 1; next } /^$/ { on = 0 } on { print $1 }'); do
  grep -q "^ *$rule (" "$page" || fail "the page does not explain the lint rule $rule"
done
grep -q 'FORMAT: one of text, json, sarif' "$page" || fail "check --format's values are not listed"
echo "ok: groff reads the page without a warning; man renders $(wc -l <"$page") lines"
