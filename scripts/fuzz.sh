#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, core library instrumented too) in
# build-fuzz/ (scripts/configure.sh fuzz) and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default: 60 s, every target
#
# Seeds come from testdata/fuzz/<target>/; the growing corpus is kept in
# build-fuzz/corpus/<target>/ (never in the source tree). Prints the executions per target
# and exits non-zero on any crash, leak, timeout or out-of-memory. A failing input is left in
# build-fuzz/artifacts/<target>/: after the fix, copy it to testdata/regressions/<target>/,
# where the unit tests replay it (tests/unit/formats/fuzz_regression_test.cpp).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
build="$root/build-fuzz"
# The targets: tests/fuzz/targets.txt, the list CMake builds from as well.
mapfile -t all_targets < <(grep -E '^[a-z_0-9]+$' "$root/tests/fuzz/targets.txt")
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

echo "== build fuzzers (clang, libFuzzer + ASan + UBSan)"
bash "$root/scripts/configure.sh" fuzz "$build" >/dev/null
cmake --build "$build" --target fhash_fuzzers -j "$(nproc 2>/dev/null || echo 2)"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
total=0
summary=()
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  artifacts="$build/artifacts/$target/"
  log="$build/logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  seeds=()
  [ -d "$root/testdata/fuzz/$target" ] && seeds+=("$root/testdata/fuzz/$target")
  [ -d "$root/testdata/regressions/$target" ] && seeds+=("$root/testdata/regressions/$target")
  echo "== fuzz $target for ${seconds}s"
  rc=0
  "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" "${seeds[@]}" >"$log" 2>&1 || rc=$?
  # "stat::number_of_executed_units: N" (final stats), else the last "#N ... DONE" line.
  execs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -1)
  if [ -z "$execs" ]; then
    execs=$(sed -n 's/^#\([0-9]*\).*DONE.*/\1/p' "$log" | tail -1)
  fi
  execs=${execs:-0}
  total=$((total + execs))
  if [ "$rc" -ne 0 ]; then
    status=1
    summary+=("$(printf '%-16s %12s executions  FAILED (exit %s, see %s)' "$target" "$execs" "$rc" "$log")")
    grep -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|runtime error|property violated|Test unit written' "$log" | head -5 || true
  else
    summary+=("$(printf '%-16s %12s executions  ok' "$target" "$execs")")
  fi
done
echo "== fuzz summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
echo "total            $(printf '%12s' "$total") executions"
exit "$status"
