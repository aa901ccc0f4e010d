#!/usr/bin/env bash
# JSONTestSuite (github.com/nst/JSONTestSuite) against `outreach plan`: no crash and no hang on
# any file; every n_* file (JSON that must be rejected) exits 2 with a message and nothing on
# stdout; y_* and i_* files exit 0, 1 or 2 (most are not lists of prospects), never anything
# else, and print nothing on stdout when they exit 2. The suite is not copied into the project:
# it is read from ../shared/testdata next to the source folder, and the test is skipped when
# that folder is absent.
#   json_test_suite.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
suite=$(realpath -m "$2/../shared/testdata/JSONTestSuite/test_parsing")
if [ ! -d "$suite" ]; then
  echo "skipped: JSONTestSuite not found at $suite"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC NO_COLOR=1

failures=0 files=0 rejected=0 accepted=0
for file in "$suite"/*.json; do
  name=$(basename "$file")
  files=$((files + 1))
  timeout 20 "$outreach" plan "$file" --start 2026-12-01 --format tsv >"$work/out" 2>"$work/err"
  status=$?
  problem=
  if [ $status = 124 ]; then problem="hung (killed after 20 s)"
  elif [ $status -gt 2 ]; then problem="exit $status (a crash or a signal)"
  elif [ $status = 2 ] && [ -s "$work/out" ]; then problem="exit 2 with output on stdout"
  elif [ $status = 2 ] && [ ! -s "$work/err" ]; then problem="exit 2 without a message"
  elif [ $status = 2 ] && ! grep -q '^outreach: error: ' "$work/err"; then problem="exit 2 without an 'outreach: error:' line"
  elif [ "${name#n_}" != "$name" ] && [ $status != 2 ]; then problem="invalid JSON accepted (exit $status)"
  fi
  if [ -n "$problem" ]; then
    echo "FAIL $name: $problem"
    head -3 "$work/err"
    failures=$((failures + 1))
  fi
  if [ $status = 2 ]; then rejected=$((rejected + 1)); else accepted=$((accepted + 1)); fi
done
echo "JSONTestSuite: $files files, $rejected rejected with exit 2, $accepted planned, $failures failures"
[ $failures = 0 ]
