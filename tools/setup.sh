#!/usr/bin/env bash
# Installs the Debian packages footballdb needs to build, test, benchmark and package, when
# missing (dpkg-dev and file: dpkg-shlibdeps for cpack's .deb; pkgconf: footballdb.pc's tests).
# A fast no-op when everything is there. Needs root (or sudo) only when something is missing.
# TEST=1 (tools/test.sh) adds what only the tests use: rsvg-convert (librsvg2-bin), which renders
# the bracket's SVG to PNG, and postgresql, whose server the PostgreSQL export's test starts
# (tests/export/postgres_check.sh; it skips without one). FUZZ=1 (tools/fuzz.sh) adds what the
# libFuzzer targets need: clang, its sanitizer and libFuzzer runtimes, and llvm-symbolizer for
# readable reports.
set -euo pipefail

packages=(
  g++ cmake make
  libsqlitecpp-dev libsqlite3-dev sqlite3
  nlohmann-json3-dev libgtest-dev libicu-dev libssl-dev libcli11-dev
  libabsl-dev libbenchmark-dev
  dpkg-dev file pkgconf
)
if [ "${TEST:-0}" = 1 ]; then
  packages+=(librsvg2-bin postgresql)
fi
if [ "${FUZZ:-0}" = 1 ]; then
  packages+=(clang libclang-rt-14-dev llvm-14)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
