#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/) with clang, ASan and UBSan into BUILD-fuzz, and runs
# them on their corpora (tests/fuzz/corpus/<target>/) with their dictionaries.
#
#   tools/fuzz.sh smoke [SECONDS]   every target for SECONDS (default 25) on a scratch copy of its
#                                   corpus; the repository is left as it is (CI)
#   tools/fuzz.sh long [SECONDS]    every target for SECONDS (default 600), then merges the inputs
#                                   that add coverage into tests/fuzz/corpus/<target>/ (-merge=1)
#   tools/fuzz.sh build             only configures and builds
#   tools/fuzz.sh run TARGET ARGS   runs one target with libFuzzer's ARGS and the same sanitizer
#                                   settings, e.g. on a finding: run csv_spec FILE, or
#                                   run csv_spec -minimize_crash=1 -runs=100000 FILE
#
# FUZZ_TARGETS="names csv_spec" runs only those; FUZZ_BUILD_DIR (BUILD-fuzz) and FUZZ_JOBS (2) set
# where and how wide to build. Installs what is missing first (FUZZ=1 tools/setup.sh).
#
# Exits non-zero when any target had a finding: a crash, an uncaught exception or failed property
# (abort), a sanitizer report, a leak, an input slower than the timeout, or memory over the limit.
# The input that caused it is in BUILD-fuzz/findings/<target>/ and the run's log beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${FUZZ_BUILD_DIR:-BUILD-fuzz}
all_targets=(csv_builtin csv_spec football_txt pairing_table result_lines aggregate_lines
             json_import import names resolve dates_scores csv_mapping)
read -r -a targets <<<"${FUZZ_TARGETS:-${all_targets[*]}}"
timeout_s=10      # one input slower than this is a hang
rss_limit_mb=2048

# Sanitizer settings: stop at the first report, leaks included, with symbolised stacks.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
if [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi

build_targets() {
  FUZZ=1 tools/setup.sh
  cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
        -DFOOTBALLDB_BUILD_FUZZ=ON -DFOOTBALLDB_BUILD_TESTS=OFF -DFOOTBALLDB_BUILD_TOOLS=OFF \
        -DFOOTBALLDB_INSTALL=OFF >/dev/null
  nice cmake --build "$build" -j"${FUZZ_JOBS:-2}" --target footballdb_fuzz
}

# The libFuzzer arguments every run of target $1 shares.
common_args() {
  local name=$1 args
  args=(-timeout="$timeout_s" -rss_limit_mb="$rss_limit_mb" -print_final_stats=1
        -artifact_prefix="$build/findings/$name/")
  [ -f "tests/fuzz/$name.dict" ] && args+=(-dict="tests/fuzz/$name.dict")
  printf '%s\n' "${args[@]}"
}

# Fuzzes target $1 for $2 seconds; new inputs go to $build/fuzz/$1/new. Prints one summary line;
# returns non-zero on a finding.
fuzz_target() {
  local name=$1 seconds=$2 bin="$build/bin/$1_fuzz" corpus="tests/fuzz/corpus/$1"
  local work="$build/fuzz/$name" log="$build/fuzz/$name.log" rc=0 args
  mapfile -t args < <(common_args "$name")
  rm -rf "$work/new"
  mkdir -p "$work/new" "$build/findings/$name"
  nice "$bin" "${args[@]}" -max_total_time="$seconds" "$work/new" "$corpus" >"$log" 2>&1 || rc=$?
  local execs rate
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  # A report libFuzzer did not turn into a non-zero exit still fails the run.
  if [ "$rc" -eq 0 ] && grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer)|runtime error:|^fuzz: ' "$log"; then
    rc=1
  fi
  if [ "$rc" -ne 0 ]; then
    printf 'fuzz: %-16s FAILED (exit %s) after %s executions; log: %s\n' "$name" "$rc" "${execs:-?}" "$log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz: |.*runtime error:|artifact_prefix|Test unit written)' "$log" | head -20 || true
    cp "$log" "$build/findings/$name/"
    return 1
  fi
  printf 'fuzz: %-16s %10s executions in %s s (%s/s), %s new inputs\n' "$name" "${execs:-?}" \
         "$seconds" "${rate:-?}" "$(find "$work/new" -type f | wc -l)"
}

# Merges the new inputs of target $1 into its committed corpus: only those that add coverage.
merge_target() {
  local name=$1 corpus="tests/fuzz/corpus/$1" before after
  before=$(find "$corpus" -type f | wc -l)
  nice "$build/bin/${name}_fuzz" -merge=1 -timeout="$timeout_s" -rss_limit_mb="$rss_limit_mb" \
       "$corpus" "$build/fuzz/$name/new" >"$build/fuzz/$name.merge.log" 2>&1
  after=$(find "$corpus" -type f | wc -l)
  printf 'fuzz: %-16s corpus %s -> %s inputs (%s)\n' "$name" "$before" "$after" \
         "$(du -sh "$corpus" | cut -f1)"
}

command=${1:-smoke}
case "$command" in
  build)
    build_targets
    ;;
  smoke | long)
    if [ "$command" = smoke ]; then seconds=${2:-25}; else seconds=${2:-600}; fi
    build_targets
    failed=()
    for name in "${targets[@]}"; do
      if fuzz_target "$name" "$seconds"; then
        [ "$command" = long ] && merge_target "$name"
      else
        failed+=("$name")
      fi
    done
    if [ ${#failed[@]} -ne 0 ]; then
      echo "fuzz: findings in ${failed[*]} (inputs in $build/findings/)" >&2
      exit 1
    fi
    echo "fuzz: ${#targets[@]} targets, no findings"
    ;;
  run)
    [ $# -ge 2 ] || { echo "usage: tools/fuzz.sh run TARGET [libFuzzer arguments...]" >&2; exit 2; }
    name=$2
    shift 2
    mapfile -t args < <(common_args "$name")
    mkdir -p "$build/findings/$name"
    exec "$build/bin/${name}_fuzz" "${args[@]}" "$@"
    ;;
  *)
    echo "usage: tools/fuzz.sh smoke [SECONDS] | long [SECONDS] | build | run TARGET [ARGS...]" >&2
    exit 2
    ;;
esac
