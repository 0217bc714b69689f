#!/usr/bin/env bash
# One command on a fresh Debian/Ubuntu machine: installs what is missing, builds fhash and
# runs the whole test suite (unit, golden CLI, coreutils comparison), then the same suite
# under AddressSanitizer + UndefinedBehaviorSanitizer, then the Windows build (MinGW-w64,
# CNG backend) with its suite under Wine. The Release build includes the Google Benchmark
# micro-benchmarks (run once on a tiny input by ctest), and bench/run.sh runs once on its tiny
# data set (BENCH_SMALL=1): CI proves the benchmarks build and run, not how fast they are.
# FHASH_SKIP_SANITIZE=1 skips the sanitizer pass, FHASH_SKIP_WINDOWS=1 the Windows one.
# FHASH_FUZZ_SECONDS=N also builds the libFuzzer targets (clang) and runs each for N seconds
# (scripts/fuzz.sh; empty = 30).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)
# /usr/bin/time: peak memory in tests/cli/faults_test.sh; the rest for the benchmarks.
extra=(time libbenchmark-dev hyperfine rhash b3sum bc openssl)
if [ -n "${FHASH_FUZZ_SECONDS+set}" ]; then
  extra+=(clang libclang-rt-14-dev)
fi
bash "$root/scripts/install-deps.sh" "${extra[@]}"

echo "== build (Release) and test"
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFHASH_BUILD_BENCH=ON
cmake --build "$root/build" -j "$jobs"
ctest --test-dir "$root/build" -j "$jobs" --output-on-failure --timeout 300

echo "== benchmark smoke run (tiny data; timings meaningless)"
BENCH_SMALL=1 bash "$root/bench/run.sh" "$root/build/fhash"

if [ "${FHASH_SKIP_SANITIZE:-0}" != "1" ]; then
  echo "== build (ASan + UBSan) and test"
  cmake -S "$root" -B "$root/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DFHASH_SANITIZE=ON
  cmake --build "$root/build-asan" -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$root/build-asan" -j "$jobs" --output-on-failure --timeout 600
fi

if [ "${FHASH_SKIP_WINDOWS:-0}" != "1" ]; then
  echo "== Windows build (MinGW-w64, CNG) and test under Wine"
  bash "$root/scripts/test-windows.sh"
fi

if [ -n "${FHASH_FUZZ_SECONDS+set}" ]; then
  echo "== fuzz (${FHASH_FUZZ_SECONDS:-30} s per target)"
  bash "$root/scripts/fuzz.sh" "${FHASH_FUZZ_SECONDS:-30}"
fi
