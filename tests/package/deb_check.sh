#!/usr/bin/env bash
# The .deb, tried on this machine: builds it with cpack from a build directory, installs it with
# dpkg, runs the installed /usr/bin/footballdb on the bundled samples as tools/demo.sh does (and
# `footballdb shell` with the installed extension), checks the manual page, the bash completion,
# and that a program builds against the installed library with pkg-config and with CMake, prints
# the package's size, and removes (and purges) the package again.
#   tests/package/deb_check.sh [BUILD_DIR]      (default: BUILD; configured and built when needed)
# Needs root and dpkg: without them it says SKIPPED and why, and exits 0. Refuses (exit 1) to run
# where a footballdb package or a /usr/bin/footballdb of no package is installed already, since it
# would replace it. tools/test.sh runs it after the suite.
set -euo pipefail

skip() {
  echo "deb check: SKIPPED: $*"
  exit 0
}
fail() {
  echo "deb check: FAILED: $*" >&2
  exit 1
}
[ "$EUID" -eq 0 ] || skip "not root (dpkg -i needs root)"
if ! command -v dpkg >/dev/null || ! command -v dpkg-query >/dev/null; then
  skip "no dpkg (not a Debian system)"
fi

cd "$(dirname "$0")/../.."
source=$PWD
build=${1:-BUILD}

installed_version() { dpkg-query -W -f='${Status} ${Version}' footballdb 2>/dev/null |
                        sed -n 's/^install ok [a-z-]* //p'; }
if [ -n "$(installed_version)" ]; then
  fail "footballdb $(installed_version) is installed already; remove it (dpkg -r footballdb) first"
fi
if [ -e /usr/bin/footballdb ]; then
  fail "/usr/bin/footballdb exists and belongs to no package; remove it first"
fi

tools/setup.sh  # dpkg-dev and file (for dpkg-shlibdeps), pkgconf, sqlite3, the compiler
if [ ! -f "$build/CPackConfig.cmake" ]; then
  cmake -S . -B "$build" >/dev/null
fi
cmake --build "$build" -j2 >/dev/null

echo "deb check: building the package in $build"
log=$(cd "$build" && cpack -G DEB 2>&1) || { echo "$log" >&2; fail "cpack failed"; }
deb=$(sed -n 's/^CPack: - package: \(.*\.deb\) generated\.$/\1/p' <<<"$log")
[ -f "$deb" ] || { echo "$log" >&2; fail "cpack made no .deb"; }

work=$(mktemp -d)
installed=0
cleanup() {
  local rc=$?
  if [ "$installed" = 1 ]; then
    # Removed and purged: its postrm (ldconfig) would otherwise keep dpkg's record of it.
    echo "deb check: removing the package (dpkg -r, then --purge)"
    { dpkg -r footballdb && dpkg --purge footballdb; } >/dev/null || rc=1
    local status
    status=$(dpkg-query -W -f='${Status}' footballdb 2>/dev/null || true)
    if [ -n "$status" ] && [ "$status" != "unknown ok not-installed" ]; then
      echo "deb check: dpkg still knows footballdb: $status" >&2
      rc=1
    fi
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "deb check: installing $(basename "$deb")"
installed=1
if ! dpkg -i "$deb"; then
  echo "deb check: installing missing dependencies"
  DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >/dev/null
fi
[ -n "$(installed_version)" ] || fail "the package did not install"

# The installed program, from a directory far from the sources and the build, with nothing of
# the environment that could point it back there.
cd "$work"
fdb() { env -u FOOTBALLDB_EXTENSION -u FOOTBALLDB_SQLITE3 /usr/bin/footballdb --db "$work/football.db" "$@"; }
say() { printf '\n== %s\n' "$*"; }
# expect TEXT COMMAND...: runs COMMAND (its output shown), which must print TEXT.
expect() {
  local text=$1 out
  shift
  out=$("$@") || fail "'$*' exited $?"
  printf '%s\n' "$out"
  grep -qF -- "$text" <<<"$out" || fail "'$*' did not print '$text'"
}

say "Version"
expect "footballdb 0.1.0" fdb --version
version=$(dpkg-query -W -f='${Version}' footballdb)
expect "footballdb $version " fdb --version

say "Importing the sample sources"
samples=$source/data/samples
uel=(--competition "UEFA Europa League" --season 2012-13 --round "Second qualifying round")
fdb import "${uel[@]}" "$samples/uefa-europa-league-2012-13-q2-pairings.txt"
fdb import "${uel[@]}" "$samples/uefa-europa-league-2012-13-q2-results.txt"
fdb import --competition "UEFA Intertoto Cup" --season 2005 "$samples/uefa-intertoto-cup-2005-summaries.txt"

say "Ties and fixtures"
expect "Zhetysu" fdb ties --club "Lech Posen"
expect "away_goals" fdb ties --club "St Patrick’s Athletic" --opponent "IBV Vestmannaeyjar" --json
expect "2012-07-03" fdb fixtures --date 2012-07-03
expect "2012-07-12" fdb fixtures --club "Schetissu Taldyqorghan" --next --date 2012-07-06

say "footballdb shell, with the installed extension"
expect "thor akureyri" fdb shell "SELECT club_id('Lech Poznan') IS NOT NULL AS known, fold_key('Þór Akureyri') AS key"
expect "1|" fdb shell "SELECT club_id('Lech Poznan') IS NOT NULL AS known, fold_key('Þór Akureyri') AS key"
extension=$(dpkg -L footballdb | grep '/footballdb\.so$')
expect "thor akureyri" sqlite3 -cmd ".load ${extension%.so}" "$work/football.db" "SELECT fold_key('Þór Akureyri')"

say "Manual page and bash completion"
if command -v man >/dev/null && [ -e /usr/share/man/man1/footballdb.1 ]; then
  expect "/usr/share/man/man1/footballdb.1" man -w footballdb
else  # no man-db, or dpkg told to leave out manual pages (path-exclude): the package has it
  echo "(man -w not possible here: no man, or dpkg leaves out /usr/share/man)"
  expect "./usr/share/man/man1/footballdb.1" dpkg-deb -c "$deb"
fi
expect "complete -F _footballdb footballdb" \
  bash -c 'source /usr/share/bash-completion/completions/footballdb && complete -p footballdb'

say "A program built with pkg-config against the installed library"
read -r -a flags <<<"$(pkg-config --cflags --libs footballdb)"
echo "pkg-config --cflags --libs footballdb: ${flags[*]}"
c++ -std=c++17 "$source/tests/package/main.cpp" -o "$work/consumer" "${flags[@]}"
library=$(dpkg -L footballdb | grep '/libfootballdb\.so\.0$')
loaded=$(ldd "$work/consumer" | sed -n 's/.*libfootballdb\.so\.0 => \([^ ]*\).*/\1/p')
if [ -z "$loaded" ] || [ "$(realpath "$loaded")" != "$(realpath "$library")" ]; then
  fail "the program loads libfootballdb.so.0 from '$loaded', not the installed $library"
fi
echo "it loads $loaded"
expect "next: 2012-07-12" "$work/consumer" "$samples/uefa-europa-league-2012-13-q2-pairings.txt" \
  "$samples/uefa-europa-league-2012-13-q2-results.txt"

say "A program built with CMake's find_package against the installed package"
cmake -S "$source/tests/package" -B "$work/cmake-consumer" -DCMAKE_BUILD_TYPE=Release \
  -DPAIRINGS="$samples/uefa-europa-league-2012-13-q2-pairings.txt" \
  -DRESULTS="$samples/uefa-europa-league-2012-13-q2-results.txt" >/dev/null
cmake --build "$work/cmake-consumer" -j2 >/dev/null
ctest --test-dir "$work/cmake-consumer" --output-on-failure | tail -3

say "The package"
dpkg-deb -f "$deb" Package Version Architecture Depends
echo "size: $(stat -c %s "$deb") bytes ($(du -h "$deb" | cut -f1)), installed $(dpkg-deb -f "$deb" Installed-Size) KiB"
echo
echo "deb check: passed"
