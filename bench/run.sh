#!/usr/bin/env bash
# The benchmark of issue 5: outreach against the tools a user would reach for instead, side by
# side in one run, printed as ratios, with peak memory.
#
#   bench/run.sh [PROSPECTS]        PROSPECTS defaults to 300000
#
# Installs what it needs (scripts/setup.sh --bench: jq, hyperfine, GNU time, Miller) and
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

# --- inputs: three shapes of CRM export (issue 19), each as NDJSON, a JSON array and CSV ---------
#   short  ~270 B a prospect: short fields, some UTF-8 first names (Zoë, Chloé), a short note
#   long   ~1.1 KB: every field and long ASCII notes (what the string elision skips best)
#   utf8   ~600 B: names, companies and notes in Cyrillic, Greek and CJK
shapes=(short long utf8)
for shape in "${shapes[@]}"; do
  for format in ndjson json; do
    file="$out/prospects-$shape-$count.$format"
    [ -s "$file" ] || $bin/bench/gen_prospects "$count" 42 "$format" "$shape" >"$file"
  done
  csv="$out/prospects-$shape-$count.csv"
  [ -s "$csv" ] || bench/ndjson_to_csv.py <"$out/prospects-$shape-$count.ndjson" >"$csv"
  echo "# $shape: $count prospects, $(($(stat -c %s "$out/prospects-$shape-$count.ndjson") / count)) B each as NDJSON, $(du -m "$out/prospects-$shape-$count.json" | cut -f1) MB as a JSON array"
done
if [ ! -d "$out/drafts" ]; then
  mkdir -p "$out/drafts"
  $bin/bench/gen_drafts 10000 7 "$out/drafts"
fi

# The jq one-liner a user would write instead: route each prospect by degree, Open Profile,
# InMail setting and goal. Miller does the same to the CSV.
route='{id, channel: (if .do_not_contact then "skip" elif .degree == 1 then "message" elif .goal == "marketing" then "message-ad" elif .accepts_inmail == false then "connect" elif .open_profile then "inmail" else "connect" end)}'
mlr_route='if ($do_not_contact == "true") { $channel = "skip" } elif ($degree == 1) { $channel = "message" } elif ($goal == "marketing") { $channel = "message-ad" } elif ($accepts_inmail == "false") { $channel = "connect" } elif ($open_profile == "true") { $channel = "inmail" } else { $channel = "connect" }'

# The plan as a user runs it piped (TSV, its default then), with templates that use first_name,
# company and notes, and an --until far enough that every prospect is scheduled.
plan="$bin/outreach plan --account bench/account.json --start 2026-12-01 --until 2099-12-31 --format tsv"

# --- plan vs jq and Miller, and peak memory: one table ----------------------------------------
table="$out/plan-table.md"
{
  echo "| shape | format | outreach plan | peer | peer time | ratio | goal | peak RSS | bytes a prospect above 30 MB |"
  echo "|---|---|---|---|---|---|---|---|---|"
} >"$table"
for shape in "${shapes[@]}"; do
  for format in ndjson json csv; do
    file="$out/prospects-$shape-$count.$format"
    case $format in
      ndjson) peer=jq; goal=5; peer_cmd="jq -c '$route' $file" ;;
      json) peer=jq; goal=5; peer_cmd="jq -c '.[] | $route' $file" ;;
      csv) peer=Miller; goal=3; peer_cmd="mlr --icsv --ocsv put '$mlr_route' then cut -f id,channel $file" ;;
    esac
    result="$out/plan-$shape-$format.json"
    # -i: a plan exits 1 when a draft has an error-level finding (long notes overflow a note).
    hyperfine --style basic --warmup 1 --runs 3 -i --export-json "$result" \
      -n "outreach plan ($shape $format)" "$plan $file >/dev/null" \
      -n "$peer ($shape $format)" "$peer_cmd >/dev/null" >"$out/plan-$shape-$format.log" 2>&1
    kb=$( (/usr/bin/time -f %M $plan "$file" 2>&1 >/dev/null || true) | tail -1)
    above=$(((kb - 30 * 1024) * 1024 / count))
    ((above < 0)) && above=0
    printf '| %s | %s | %.2f s | %s | %.2f s | %.1fx | %dx | %d MB | %d |\n' "$shape" "$format" \
      "$(jq '.results[0].mean' "$result")" "$peer" "$(jq '.results[1].mean' "$result")" \
      "$(jq '.results[1].mean / .results[0].mean' "$result")" "$goal" $((kb / 1024)) "$above" >>"$table"
  done
done
cat "$table"

# --- check: one process per draft -------------------------------------------------------------
if [ ! -x "$out/node_modules/.bin/write-good" ]; then
  npm install --silent --no-audit --no-fund --prefix "$out" write-good@1.0.8 >/dev/null
fi
draft="$out/drafts/draft-1.txt"
hyperfine --style basic --warmup 3 --runs 30 -N --export-json "$out/check-one.json" \
  -n "outreach check" "$bin/outreach check $draft" \
  -n "write-good" "$out/node_modules/.bin/write-good $draft" -i >"$out/check-one.log" 2>&1
printf 'check one draft: outreach %.2f ms a run, write-good %.1f ms (goal: at most 2 ms)\n' \
  "$(jq '.results[0].mean * 1000' "$out/check-one.json")" "$(jq '.results[1].mean * 1000' "$out/check-one.json")"

# --- check: many drafts in one process --------------------------------------------------------
files=$(ls "$out"/drafts/*.txt | wc -l)
hyperfine --style basic --warmup 1 --runs 3 -i --export-json "$out/check-many.json" \
  -n "outreach check" "$bin/outreach check $out/drafts/*.txt >/dev/null" \
  -n "write-good" "$out/node_modules/.bin/write-good $out/drafts/*.txt >/dev/null" >"$out/check-many.log" 2>&1
printf 'check %d drafts in one process: outreach %.0f drafts/s, write-good %.0f drafts/s (goal: 100000/s)\n' "$files" \
  "$(jq ".results[0].mean | $files / ." "$out/check-many.json")" "$(jq ".results[1].mean | $files / ." "$out/check-many.json")"

# --- optional: simdjson as the prospects reader alone (bench/README.md, "simdjson") -----------
# Skipped if it does not build. The _haswell build needs AVX2.
cmake --build --preset release --target simdjson_reader >/dev/null 2>&1 || true
if [ -x "$bin/bench/simdjson_reader" ]; then
  readers=("$bin/bench/simdjson_reader")
  if grep -qw avx2 /proc/cpuinfo &&
    cmake --build --preset release --target simdjson_reader_haswell >/dev/null 2>&1; then
    readers+=("$bin/bench/simdjson_reader_haswell")
  fi
  for format in ndjson json; do
    file="$out/prospects-long-$count.$format"
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
