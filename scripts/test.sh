#!/usr/bin/env bash
# Quick start, part two (and CI): set up, build, and run every test; then the same suite again
# under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
ctest --preset release
if [ "${OUTREACH_SKIP_SANITIZE:-}" != 1 ]; then
  scripts/build.sh sanitize
  ctest --preset sanitize
fi
