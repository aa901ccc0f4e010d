#!/usr/bin/env bash
# Runs the libFuzzer targets, each for the given time, seeded from the examples and tests.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     TARGETs: rules account ledger draft_lint prospects template phrases cells csv
# Crashes are written to build/fuzz/crashes/TARGET/; copy each into
# tests/data/fuzz-regressions/TARGET/ (the unit tests replay that folder) after fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(rules account ledger draft_lint prospects template phrases cells csv)

dpkg-query -W -f='${Status}' clang-14 libclang-rt-14-dev 2>/dev/null | grep -qv "not-installed" ||
  { sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo; $sudo apt-get install -y -qq clang-14 libclang-rt-14-dev >/dev/null; }
# Build only the fuzz targets asked for (not the CLI, benchmarks or other targets). A target
# whose code is absent from this tree is not defined by fuzz/CMakeLists.txt and is skipped.
cmake --preset fuzz >/dev/null
available=$(cmake --build --preset fuzz --target help | sed -n 's/^\(fuzz_[a-z_]*\):.*/\1/p')
wanted=()
for target in "${targets[@]}"; do
  if grep -qx "fuzz_$target" <<<"$available"; then wanted+=("fuzz_$target"); fi
done
((${#wanted[@]} == 0)) || cmake --build --preset fuzz -j "$(nproc)" --target "${wanted[@]}" >/dev/null

add_seeds() {  # add_seeds DIR FILE...: copy each file under a name made from its content,
  # so that the many test files called ledger.ndjson or account.json do not overwrite each other
  local dir=$1 file
  shift
  for file in "$@"; do
    [ -f "$file" ] && cp "$file" "$dir/seed-$(sha1sum <"$file" | cut -c1-16)"
  done
  return 0
}

seed() {  # seed TARGET DIR: copy the matching example and test files into the corpus
  local files=()
  case $1 in
    rules) files=(src/core/rules.json) ;;
    account) files=(examples/account.json) ;;
    ledger) files=(examples/*.ndjson) ;;
    draft_lint | template) files=(examples/drafts/* examples/templates/*) ;;
    prospects) files=(examples/prospects*.json examples/*.ndjson) ;;
    phrases) files=() ;;  # tests/data/fuzz-regressions/phrases/ seeds it
    cells) files=(examples/prospects.json tests/cli/cases/plan-control-chars/prospects.json) ;;
    csv) files=(examples/*.csv examples/customers.txt ../shared/testdata/csv-spectrum/csvs/*.csv) ;;
  esac
  local pattern
  case $1 in
    rules) pattern='rules*.json' ;;
    account) pattern='account*.json' ;;
    ledger) pattern='*.ndjson' ;;
    draft_lint | template) pattern='*.txt' ;;
    prospects) pattern='prospects*' ;;
    phrases | cells) pattern='no-such-file' ;;
    csv) pattern='*.csv' ;;
  esac
  mapfile -t -O "${#files[@]}" files < <(find tests -name "$pattern" -size -64k -type f)
  [ -d "tests/data/fuzz-regressions/$1" ] && files+=(tests/data/fuzz-regressions/"$1"/*)
  add_seeds "$2" "${files[@]}"
}

for target in "${targets[@]}"; do
  binary=build/fuzz/fuzz/fuzz_$target
  if [ ! -x "$binary" ]; then
    printf '%-12s skipped: not built (the code it fuzzes is not in this tree)\n' "$target"
    continue
  fi
  corpus=build/fuzz/corpus/$target
  crashes=build/fuzz/crashes/$target
  mkdir -p "$corpus" "$crashes"
  seed "$target" "$corpus"
  log=build/fuzz/$target.log
  before=$(find "$crashes" -type f | wc -l)
  started=$SECONDS
  # libFuzzer stops at the first crash, leak, timeout or out-of-memory and saves the input.
  "$binary" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1 || true
  elapsed=$((SECONDS - started))
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || true)
  found=$(($(find "$crashes" -type f | wc -l) - before))
  printf '%-12s %6ss  %12s executions  %6s edges covered  %s new crash inputs (log: %s)\n' \
    "$target" "$elapsed" "${runs:-?}" "${cov:-?}" "$found" "$log"
done
