#!/usr/bin/env bash
# Installs what is missing, builds footballdb with warnings as errors, and runs every test:
#   1. the suite (BUILD);
#   2. the suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer (BUILD-asan):
#      a sanitizer report, a leak included, fails the test that caused it;
#   3. each libFuzzer target for FUZZ_SECONDS (default 15) on its corpus (tools/fuzz.sh smoke,
#      BUILD-fuzz): a crash, leak, hang or sanitizer report fails.
#   tools/test.sh            all three: what CI runs (.ci/run)
#   tools/test.sh --quick    the suite only
# BUILD_DIR and ASAN_BUILD_DIR set where the first two build.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
if [ "$quick" = 1 ]; then TEST=1 tools/setup.sh; else TEST=1 FUZZ=1 tools/setup.sh; fi

stage() { echo; echo "=== $* ($(date +%T))"; }

stage "suite"
build=${BUILD_DIR:-BUILD}
cmake -S . -B "$build" -DFOOTBALLDB_WERROR=ON -DFOOTBALLDB_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2
ctest --test-dir "$build" -j2 --output-on-failure
[ "$quick" = 1 ] && exit 0

stage "suite under ASan and UBSan"
asan=${ASAN_BUILD_DIR:-BUILD-asan}
cmake -S . -B "$asan" -DFOOTBALLDB_WERROR=ON -DFOOTBALLDB_SANITIZE=ON \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$asan" -j2
ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_string_checks=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --test-dir "$asan" -j2 --output-on-failure --timeout 900

stage "fuzz smoke"
tools/fuzz.sh smoke "${FUZZ_SECONDS:-15}"
stage "all passed"
