#!/usr/bin/env bash
# Quick start, part one: set up, build, and plan the shipped example campaign.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
exec build/release/outreach plan examples/prospects.json --account examples/account.json --start 2026-12-01 --format table
