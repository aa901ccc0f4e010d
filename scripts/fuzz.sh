#!/usr/bin/env bash
# Runs the libFuzzer targets, each for the given time, seeded from the examples and tests.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     TARGETs: rules account ledger draft_lint prospects template
# Crashes are written to build/fuzz/crashes/TARGET/; copy each into
# tests/data/fuzz-regressions/TARGET/ (the unit tests replay that folder) after fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(rules account ledger draft_lint prospects template)

dpkg-query -W -f='${Status}' clang-14 libclang-rt-14-dev 2>/dev/null | grep -qv "not-installed" ||
  { sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo; $sudo apt-get install -y -qq clang-14 libclang-rt-14-dev >/dev/null; }
scripts/build.sh fuzz >/dev/null

seed() {  # seed TARGET DIR: copy the matching example and test files into the corpus
  case $1 in
    rules) cp src/core/rules.json "$2/" ;;
    account) cp examples/account.json "$2/" 2>/dev/null || true; find tests -name 'account*.json' -exec cp {} "$2/" \; ;;
    ledger) cp examples/*.ndjson "$2/" 2>/dev/null || true; find tests -name '*ledger*.ndjson' -exec cp {} "$2/" \; ;;
    draft_lint | template) cp examples/drafts/* examples/templates/* "$2/" 2>/dev/null || true ;;
    prospects) cp examples/prospects*.json "$2/" 2>/dev/null || true; find tests -name 'prospects*.json' -size -64k -exec cp {} "$2/" \; ;;
  esac
  [ -d "tests/data/fuzz-regressions/$1" ] && cp tests/data/fuzz-regressions/"$1"/* "$2/" 2>/dev/null || true
}

for target in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$target
  crashes=build/fuzz/crashes/$target
  mkdir -p "$corpus" "$crashes"
  seed "$target" "$corpus"
  log=build/fuzz/$target.log
  build/fuzz/fuzz/fuzz_"$target" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1 || true
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  found=$(ls "$crashes" | wc -l)
  printf '%-12s %6ss  %12s executions  %6s edges covered  %s crash inputs\n' "$target" "$seconds" "$runs" "$cov" "$found"
done
