#!/usr/bin/env bash
# The benchmark of issue 5: outreach against the tools a user would reach for instead, side by
# side in one run, printed as ratios, with peak memory.
#
#   bench/run.sh [PROSPECTS]        PROSPECTS defaults to 300000
#
# Installs what it needs (scripts/setup.sh --bench: jq, hyperfine, GNU time, simdjson) and
# write-good 1.0.8 from npm into bench/out/ on first use (Node.js and npm must be there).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-300000}
out=bench/out
bin=build/release
mkdir -p "$out"
scripts/setup.sh --bench
# Only the binaries the benchmark runs: the test suite is not needed to measure.
cmake --preset release >/dev/null
cmake --build --preset release --target outreach gen_prospects gen_drafts >/dev/null

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "# jq $(jq --version), hyperfine $(hyperfine --version | cut -d' ' -f2), outreach $($bin/outreach --version)"

# --- inputs ---------------------------------------------------------------------------------
for format in ndjson json; do
  file="$out/prospects-$count.$format"
  [ -s "$file" ] || $bin/bench/gen_prospects "$count" 42 "$format" >"$file"
done
echo "# prospects: $count ($(du -m "$out/prospects-$count.json" | cut -f1) MB as a JSON array)"
if [ ! -d "$out/drafts" ]; then
  mkdir -p "$out/drafts"
  $bin/bench/gen_drafts 10000 7 "$out/drafts"
fi

# The jq one-liner a user would write instead: route each prospect by degree, Open Profile,
# InMail setting and goal.
route='{id, channel: (if .do_not_contact then "skip" elif .degree == 1 then "message" elif .goal == "marketing" then "message-ad" elif .accepts_inmail == false then "connect" elif .open_profile then "inmail" else "connect" end)}'

plan="$bin/outreach plan --account examples/account.json --start 2026-12-01 --format tsv"
ratio() {  # ratio JSON_EXPORT: mean of command 2 / mean of command 1
  jq -r '.results as $r | ($r[1].mean / $r[0].mean)' "$1"
}

# --- plan vs jq -------------------------------------------------------------------------------
for format in ndjson json; do
  file="$out/prospects-$count.$format"
  filter=$route
  [ "$format" = json ] && filter=".[] | $route"
  hyperfine --style basic --warmup 1 --runs 5 --export-json "$out/plan-$format.json" \
    -n "outreach plan ($format)" "$plan $file >/dev/null" \
    -n "jq ($format)" "jq -c '$filter' $file >/dev/null" >"$out/plan-$format.log" 2>&1
  printf 'plan %-6s: outreach %.2f s, jq %.2f s -> %.1fx faster than jq (goal: 3x)\n' "$format" \
    "$(jq '.results[0].mean' "$out/plan-$format.json")" "$(jq '.results[1].mean' "$out/plan-$format.json")" \
    "$(ratio "$out/plan-$format.json")"
done

# --- CSV: the same prospects as a CRM export, against Miller ---------------------------------
csv="$out/prospects-$count.csv"
[ -s "$csv" ] || bench/ndjson_to_csv.py <"$out/prospects-$count.ndjson" >"$csv"
# Miller routing the same columns, as a user without outreach would.
mlr_route='if ($do_not_contact == "true") { $channel = "skip" } elif ($degree == 1) { $channel = "message" } elif ($goal == "marketing") { $channel = "message-ad" } elif ($accepts_inmail == "false") { $channel = "connect" } elif ($open_profile == "true") { $channel = "inmail" } else { $channel = "connect" }'
hyperfine --style basic --warmup 1 --runs 5 --export-json "$out/plan-csv.json" \
  -n "outreach plan (csv)" "$plan $csv >/dev/null" \
  -n "mlr (csv)" "mlr --icsv --ocsv put '$mlr_route' then cut -f id,channel $csv >/dev/null" \
  >"$out/plan-csv.log" 2>&1
printf 'plan csv   : outreach %.2f s, Miller %.2f s -> %.1fx faster than Miller (goal: 3x)\n' \
  "$(jq '.results[0].mean' "$out/plan-csv.json")" "$(jq '.results[1].mean' "$out/plan-csv.json")" \
  "$(ratio "$out/plan-csv.json")"

# --- peak memory ------------------------------------------------------------------------------
for format in ndjson json csv; do
  file="$out/prospects-$count.$format"
  kb=$(/usr/bin/time -f %M $plan "$file" 2>&1 >/dev/null | tail -1)
  base_kb=$((30 * 1024))
  if [ "$kb" -le "$base_kb" ]; then
    printf 'plan %-6s: peak RSS %d MB, under the 30 MB base (goal: at most 250 bytes per prospect above it)\n' "$format" $((kb / 1024))
  else
    printf 'plan %-6s: peak RSS %d MB = 30 MB + %d bytes per prospect (goal: at most 250)\n' "$format" $((kb / 1024)) $(((kb - base_kb) * 1024 / count))
  fi
done

# --- check: one process per draft -------------------------------------------------------------
if [ ! -x "$out/node_modules/.bin/write-good" ]; then
  npm install --silent --no-audit --no-fund --prefix "$out" write-good@1.0.8 >/dev/null
fi
draft="$out/drafts/draft-1.txt"
hyperfine --style basic --warmup 3 --runs 30 -N --export-json "$out/check-one.json" \
  -n "outreach check" "$bin/outreach check $draft" \
  -n "write-good" "$out/node_modules/.bin/write-good $draft" -i >"$out/check-one.log" 2>&1
printf 'check one draft: outreach %.2f ms a run, write-good %.1f ms (goal: at most 5 ms)\n' \
  "$(jq '.results[0].mean * 1000' "$out/check-one.json")" "$(jq '.results[1].mean * 1000' "$out/check-one.json")"

# --- check: many drafts in one process --------------------------------------------------------
files=$(ls "$out"/drafts/*.txt | wc -l)
hyperfine --style basic --warmup 1 --runs 3 -i --export-json "$out/check-many.json" \
  -n "outreach check" "$bin/outreach check $out/drafts/*.txt >/dev/null" \
  -n "write-good" "$out/node_modules/.bin/write-good $out/drafts/*.txt >/dev/null" >"$out/check-many.log" 2>&1
printf 'check %d drafts in one process: outreach %.0f drafts/s, write-good %.0f drafts/s (goal: 30000/s)\n' "$files" \
  "$(jq ".results[0].mean | $files / ." "$out/check-many.json")" "$(jq ".results[1].mean | $files / ." "$out/check-many.json")"

# --- optional: simdjson as the prospects reader alone (bench/README.md, "simdjson") -----------
# Built only when libsimdjson-dev is installed; skipped otherwise. The _haswell build needs AVX2.
cmake --build --preset release --target simdjson_reader >/dev/null 2>&1 || true
if [ -x "$bin/bench/simdjson_reader" ]; then
  readers=("$bin/bench/simdjson_reader")
  if grep -qw avx2 /proc/cpuinfo &&
    cmake --build --preset release --target simdjson_reader_haswell >/dev/null 2>&1; then
    readers+=("$bin/bench/simdjson_reader_haswell")
  fi
  for format in ndjson json; do
    file="$out/prospects-$count.$format"
    filter=$route
    [ "$format" = json ] && filter=".[] | $route"
    modes=(whole chunked)
    args=()
    runs=()  # "READER MODE" per hyperfine command, in order; jq comes last
    for reader in "${readers[@]}"; do
      for mode in "${modes[@]}"; do
        runs+=("$reader $mode")
        args+=(-n "$(basename "$reader") $mode" "$reader $file $mode >/dev/null")
      done
    done
    hyperfine --style basic --warmup 1 --runs 5 --export-json "$out/simdjson-$format.json" \
      "${args[@]}" -n "jq ($format)" "jq -c '$filter' $file >/dev/null" >"$out/simdjson-$format.log" 2>&1
    results="$out/simdjson-$format.json"
    last=${#runs[@]}
    for i in "${!runs[@]}"; do
      reader=${runs[$i]% *}
      mode=${runs[$i]##* }
      kb=$(/usr/bin/time -f %M "$reader" "$file" "$mode" 2>&1 >/dev/null | tail -1)
      printf 'simdjson %-6s: %-32s %.2f s, jq %.2f s -> %.1fx faster than jq (adopt at 8x), peak RSS %d MB\n' \
        "$format" "$(basename "$reader") $mode" "$(jq ".results[$i].mean" "$results")" \
        "$(jq ".results[$last].mean" "$results")" \
        "$(jq ".results[$last].mean / .results[$i].mean" "$results")" $((kb / 1024))
    done
  done
fi
