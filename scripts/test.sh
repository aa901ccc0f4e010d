#!/usr/bin/env bash
# Quick start, part two (and CI): set up, check the formatting, build, and run every test; then
# the same suite again under AddressSanitizer and UndefinedBehaviorSanitizer; then the tests
# that run the plan's threads (the pool, the prospects reader, the draft checks) under
# ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/check-format.sh
scripts/build.sh release
ctest --preset release
if [ "${OUTREACH_SKIP_SANITIZE:-}" != 1 ]; then
  scripts/build.sh sanitize
  ctest --preset sanitize
  scripts/build.sh thread outreach outreach_unit_tests
  ctest --preset thread
fi
