#!/usr/bin/env bash
# `cpack -G DEB` (SPEC §13): the package builds from the finished build folder, its
# dependencies come from the binary's shared libraries (dpkg-shlibdeps), it holds the layout
# under /usr with the Debian copyright and a compressed changelog, and lintian reports no
# error. Skipped for the sanitizer builds (a package of an instrumented binary means nothing)
# and where dpkg-deb or lintian is missing (scripts/setup.sh installs them).
#   deb_package.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
build=$(dirname "$outreach")
[ -f "$build/CPackConfig.cmake" ] || { echo "skipped: no CPackConfig.cmake in $build"; exit 77; }
if grep -qE '^OUTREACH_(SANITIZE|TSAN):BOOL=ON' "$build/CMakeCache.txt"; then
  echo "skipped: a sanitizer build is not packaged"
  exit 77
fi
for tool in cpack dpkg-deb dpkg-shlibdeps lintian; do
  command -v $tool >/dev/null || { echo "skipped: $tool not found (scripts/setup.sh installs it)"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Everything is built: the package is made of the build folder as it stands (-B: elsewhere).
(cd "$work" && cpack -G DEB -B "$work/out" --config "$build/CPackConfig.cmake") >"$work/cpack.log" 2>&1 ||
  fail "cpack failed: $(cat "$work/cpack.log")"
deb=$(ls "$work"/out/*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "cpack made no .deb: $(cat "$work/cpack.log")"
echo "package: $(basename "$deb")"

echo "contents:"
dpkg-deb -c "$deb" | awk '{ print "  " $1, $6 }'
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./||' >"$work/files"
for file in usr/bin/outreach usr/share/man/man1/outreach.1.gz \
  usr/share/bash-completion/completions/outreach usr/share/zsh/site-functions/_outreach \
  usr/share/fish/vendor_completions.d/outreach.fish usr/share/doc/outreach/copyright \
  usr/share/doc/outreach/changelog.gz usr/share/doc/outreach/README.md \
  usr/share/doc/outreach/examples/prospects.json; do
  grep -qx "$file" "$work/files" || fail "the package lacks $file"
done

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libc6 libstdc++6 libfmt libutf8proc libsimdjson; do
  case $depends in *"$library"*) ;; *) fail "Depends does not name $library: $depends" ;; esac
done

lintian --fail-on error --tag-display-limit 0 "$deb" >"$work/lintian.txt" 2>&1
status=$?
echo "lintian:"
sed 's/^/  /' "$work/lintian.txt"
[ $status = 0 ] || fail "lintian reports errors (exit $status)"
grep -q '^E: ' "$work/lintian.txt" && fail "lintian reports errors"
echo "ok: the package builds and lintian reports no error"
