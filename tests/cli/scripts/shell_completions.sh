#!/usr/bin/env bash
# The completions of `outreach completions bash|zsh|fish` (SPEC §13), driven the way each
# shell drives them. bash: COMP_WORDS/COMP_CWORD into the completion function, for
# subcommands, options (a subcommand's and the global ones), enumerated values (formats,
# channels, units, rule ids, event types, ids to explain), --opt=value and file names; the
# subcommands offered are exactly those --help lists. zsh and fish: the scripts parse
# (zsh -n, fish -n), and fish's own `complete -C` answers the same questions. A shell that is
# not installed is skipped with a message (scripts/setup.sh installs both).
#   shell_completions.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
source_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$source_dir" || exit 1   # file names are completed from the examples folder

"$outreach" completions bash >"$work/outreach.bash" || fail "completions bash failed"
"$outreach" completions zsh >"$work/_outreach" || fail "completions zsh failed"
"$outreach" completions fish >"$work/outreach.fish" || fail "completions fish failed"

# bash: prints what the completion function offers for the words given (the last one is the
# word being completed), sorted, one per line.
cat >"$work/complete.bash" <<'SCRIPT'
source "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMPREPLY=()
_outreach
printf '%s\n' "${COMPREPLY[@]}" | sort
SCRIPT
offered() { bash "$work/complete.bash" "$work/outreach.bash" outreach "$@" | paste -sd' ' -; }
expect() {  # expect "WORDS…" "OFFERED"
  local words=$1 wanted=$2 got
  # shellcheck disable=SC2086
  got=$(offered $words "${3-}")
  [ "$got" = "$wanted" ] || fail "bash: 'outreach $words ${3-}<TAB>' offered '$got', expected '$wanted'"
}
expect "" "check" "ch"
expect "ledger" "show" "sh"
expect "check" "--format" "--fo"
expect "check" "--rules" "--ru"                      # a global option after the subcommand
expect "check --format" "json sarif text" ""
expect "check --channel" "connect" "co"
expect "check --count" "code-points" "code"
expect "check --disable" "long-inmail" "long"
expect "plan p.json --format" "tsv" "ts"
expect "plan p.json --format =" "table" "ta"          # --format=ta, as bash splits it
expect "ledger add" "invite_sent" "invite_s"
expect "ledger add reply" "" ""                       # PROSPECT: free text
expect "explain" "missing-field" "miss"
expect "explain" "free-path" "free-"
expect "explain" "long-inmail" "long-"
expect "--color" "always auto" "a"
expect "completions" "bash" "b"
expect "check" "examples/drafts/good-inmail.txt" "examples/drafts/go"
expect "plan" "examples/prospects.json" "examples/pro"
expect "--rules examples/account.json" "check" "ch"   # an option's value is not a command

# The subcommands offered are the ones --help lists (the hidden manpage is not offered).
listed=$("$outreach" --help | awk '/^Subcommands:/ { on = 1; next } on && NF { print $1 }' | sort | paste -sd' ' -)
[ "$listed" = "$(offered "")" ] || fail "bash offers '$(offered "")', --help lists '$listed'"

if command -v zsh >/dev/null; then
  zsh -n "$work/_outreach" || fail "zsh -n rejects the zsh completion"
  grep -q '^#compdef outreach' "$work/_outreach" || fail "the zsh completion lacks #compdef"
else
  echo "skipped the zsh check: zsh not found"
fi

if command -v fish >/dev/null; then
  fish -n "$work/outreach.fish" || fail "fish -n rejects the fish completion"
  fish_offered() {
    fish --no-config -c "source '$work/outreach.fish'; complete -C '$1'" | cut -f1 | sort | paste -sd' ' -
  }
  fish_expect() {
    local got
    got=$(fish_offered "$1")
    [ "$got" = "$2" ] || fail "fish: '$1<TAB>' offered '$got', expected '$2'"
  }
  fish_expect "outreach ch" "check"
  fish_expect "outreach ledger sh" "show"
  fish_expect "outreach check --fo" "--format"
  fish_expect "outreach check --format " "json sarif text"
  fish_expect "outreach plan p.json --format=ts" "--format=tsv"
  fish_expect "outreach ledger add invite_s" "invite_sent"
  fish_expect "outreach ledger add reply " ""
  fish_expect "outreach explain miss" "missing-field"
  fish_expect "outreach check examples/drafts/go" "examples/drafts/good-inmail.txt"
else
  echo "skipped the fish checks: fish not found"
fi
echo "ok: bash, zsh and fish completions"
