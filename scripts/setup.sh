#!/usr/bin/env bash
# Installs, from Debian's packages only, whatever outreach needs to build and test and is
# missing. Safe to run again: it installs nothing when everything is there.
set -euo pipefail

# `scripts/setup.sh --bench` also installs what only the benchmark uses.
packages=(
  g++ cmake ninja-build pkg-config
  clang-format python3   # the format check and the layout check of the test suite
  libcli11-dev nlohmann-json3-dev libfmt-dev catch2
  libutf8proc-dev libhowardhinnant-date-dev tzdata
  libical-dev        # iCalendar for plan --format ics and agenda --format ics
  libcsv-dev         # RFC 4180 CSV, streamed: CSV and TSV prospects (SPEC §9)
  libsimdjson-dev    # On-Demand JSON: the prospects reader's fast path
  python3-icalendar  # the independent parser the calendar test reads them back with
  chromium fonts-dejavu-core  # the browser the report test renders the HTML report in, and its font
  unicode-data   # GraphemeBreakTest.txt, the external check of grapheme counting
  jq hyperfine time   # the benchmark's comparison, timer and memory meter
  # Installing like a real tool (SPEC §13): cpack's .deb finds its dependencies with
  # dpkg-shlibdeps (dpkg-dev) and its binaries with file, lintian checks the package, zsh and
  # fish check their completion scripts, groff and man-db render the manual page, and
  # python3-jsonschema validates the SARIF output against its schema.
  dpkg-dev file lintian zsh fish groff-base man-db python3-jsonschema
)
if [ "${1:-}" = --bench ]; then
  packages+=(miller)            # the CSV peer: Miller routing the same columns
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
