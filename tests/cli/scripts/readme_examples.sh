#!/usr/bin/env bash
# The README's example outputs are what the real binary prints.
exec bash "$2/scripts/readme-examples.sh" check "$1"
