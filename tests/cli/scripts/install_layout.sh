#!/usr/bin/env bash
# `cmake --install` into a scratch prefix (SPEC §13): every file of the layout is there and
# nothing else, the binary runs from there, the completions and the manual page are what the
# binary prints about itself, and `man` reads the installed page.
#   install_layout.sh OUTREACH SOURCE_DIR
set -u
outreach=$(realpath "$1")
source_dir=$(realpath "$2")
build=$(dirname "$outreach")   # the binary is built at the top of its build folder
[ -f "$build/cmake_install.cmake" ] || { echo "skipped: no cmake_install.cmake in $build"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 ||
  fail "cmake --install failed: $(cat "$work/install.log")"

# The layout, file by file: the fixed part, then every file of the examples folder.
{
  printf '%s\n' bin/outreach share/man/man1/outreach.1.gz \
    share/bash-completion/completions/outreach share/zsh/site-functions/_outreach \
    share/fish/vendor_completions.d/outreach.fish share/doc/outreach/README.md \
    share/doc/outreach/LICENSE share/doc/outreach/copyright share/doc/outreach/changelog.gz
  (cd "$source_dir" && find examples -type f | sed 's|^|share/doc/outreach/|')
} | sort >"$work/expected"
(cd "$prefix" && find . -type f | sed 's|^\./||' | sort) >"$work/installed"
diff -u --label expected --label installed "$work/expected" "$work/installed" ||
  fail "the installed files are not SPEC §13's layout"

[ -x "$prefix/bin/outreach" ] || fail "bin/outreach is not executable"
"$prefix/bin/outreach" --version | head -1 | grep -q '^outreach [0-9]' ||
  fail "the installed binary does not run"
for shell in bash zsh fish; do
  case $shell in
    bash) file=share/bash-completion/completions/outreach ;;
    zsh) file=share/zsh/site-functions/_outreach ;;
    fish) file=share/fish/vendor_completions.d/outreach.fish ;;
  esac
  cmp -s "$prefix/$file" <("$outreach" completions $shell) ||
    fail "$file is not what 'outreach completions $shell' prints"
done
cmp -s <(gzip -dc "$prefix/share/man/man1/outreach.1.gz") <("$outreach" manpage) ||
  fail "the installed manual page is not what 'outreach manpage' prints"
cmp -s "$prefix/share/doc/outreach/README.md" "$source_dir/README.md" || fail "README.md differs"
diff -r "$prefix/share/doc/outreach/examples" "$source_dir/examples" >/dev/null ||
  fail "the installed examples differ from the source's"
gzip -dc "$prefix/share/doc/outreach/changelog.gz" | head -1 | grep -q '^outreach (' ||
  fail "changelog.gz is not a Debian changelog"
if command -v man >/dev/null; then
  MANWIDTH=80 man -l "$prefix/share/man/man1/outreach.1.gz" 2>"$work/man.err" | grep -q '^NAME' ||
    fail "man cannot read the installed page: $(cat "$work/man.err")"
fi
echo "ok: $(wc -l <"$work/installed") files installed in SPEC §13's layout"
