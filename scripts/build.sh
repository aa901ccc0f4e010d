#!/usr/bin/env bash
# Configures and builds outreach in build/PRESET with the given CMake preset.
#   scripts/build.sh [PRESET [TARGET...]]   PRESET: release (default), sanitize or thread;
#                                            TARGET: only these (default: everything)
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
shift || true
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)" ${1:+--target "$@"}
