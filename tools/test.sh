#!/usr/bin/env bash
# Installs what is missing, builds footballdb with warnings as errors, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
build=${BUILD_DIR:-BUILD}
cmake -S . -B "$build" -DFOOTBALLDB_WERROR=ON -DFOOTBALLDB_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2
ctest --test-dir "$build" -j2 --output-on-failure
