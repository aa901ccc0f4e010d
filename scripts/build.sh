#!/usr/bin/env bash
# Configures and builds outreach in build/ (or $BUILD_DIR) with the given CMake preset.
#   scripts/build.sh [PRESET]      PRESET: release (default) or sanitize
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
