#!/usr/bin/env bash
# Builds the consumer program (main.cpp) against an installed footballdb with nothing but what
# `pkg-config footballdb` gives: once with libfootballdb.so, once with libfootballdb.a and
# `pkg-config --static`. Runs both on the sample sources.
#   pkg_config_check.sh PKG_CONFIG_DIR WORK_DIR MAIN_CPP PAIRINGS RESULTS [FLAG...]
# FLAGs go to every compile and link (-fsanitize=... for an instrumented library); CXX names the
# compiler (default c++).
set -euo pipefail
pcdir=$1 work=$2 main=$3 pairings=$4 results=$5
shift 5
flags=("$@")
cxx=${CXX:-c++}
export PKG_CONFIG_PATH=$pcdir
fail() { echo "pkg-config check: $*" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work"

read -r -a cflags <<<"$(pkg-config --cflags footballdb)"
read -r -a libs <<<"$(pkg-config --libs footballdb)"
read -r -a static_libs <<<"$(pkg-config --static --libs footballdb)"
libdir=$(pkg-config --variable=libdir footballdb)
echo "pkg-config footballdb $(pkg-config --modversion footballdb): ${cflags[*]} ${libs[*]}"
echo "  --static: ${static_libs[*]}"
# -lfootballdb finds libfootballdb.so beside the archive: name the archive itself.
static_libs=("${static_libs[@]/#-lfootballdb/-l:libfootballdb.a}")

"$cxx" -std=c++17 "${flags[@]}" "${cflags[@]}" "$main" -o "$work/consumer" "${libs[@]}"
"$cxx" -std=c++17 "${flags[@]}" "${cflags[@]}" "$main" -o "$work/consumer_static" "${static_libs[@]}"

# The first links libfootballdb.so.0 of the installed tree, the second no libfootballdb at all.
found=$(LD_LIBRARY_PATH=$libdir ldd "$work/consumer" | sed -n 's/.*libfootballdb\.so\.0 => \([^ ]*\).*/\1/p')
[ "$(realpath "$found")" = "$(realpath "$libdir/libfootballdb.so.0")" ] ||
  fail "consumer loads libfootballdb.so.0 from '$found', not from $libdir"
! ldd "$work/consumer_static" | grep -q libfootballdb || fail "consumer_static links libfootballdb.so"

LD_LIBRARY_PATH=$libdir "$work/consumer" "$pairings" "$results"
"$work/consumer_static" "$pairings" "$results"
echo "pkg-config check: both programs built and ran"
