#!/usr/bin/env bash
# One command on a fresh Debian/Ubuntu machine: installs what is missing, builds fhash and
# runs the whole test suite (unit, golden CLI, coreutils comparison) on a Release build with
# g++, then the same suite but the slow 5 GiB test under AddressSanitizer +
# UndefinedBehaviorSanitizer built with clang++ (so both compilers must build it
# warning-free), then the Windows build (MinGW-w64, CNG backend) with its suite under Wine.
# The Release build is also packaged (cpack -G DEB), checked by lintian, installed with
# dpkg -i, run and purged (scripts/test-package.sh); the Windows build is zipped.
# The Release build includes the Google Benchmark micro-benchmarks (run once on a tiny input
# by ctest), and bench/run.sh runs once on its tiny data set (BENCH_SMALL=1): CI proves the
# benchmarks build and run, not how fast they are.
#
# Every build has its own folder and every option is pinned (scripts/configure.sh), warnings
# are errors there (FHASH_WERROR=ON), and a ctest run that finds no test fails.
#
# Environment:
#   FHASH_SKIP_SANITIZE=1   skip the sanitizer pass
#   FHASH_SKIP_WINDOWS=1    skip the Windows pass
#   FHASH_FUZZ_SECONDS=N    also build the libFuzzer targets (clang) and run each for N seconds
#                           (scripts/fuzz.sh); unset, empty or 0: no fuzzing
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)
fuzz_seconds=${FHASH_FUZZ_SECONDS:-0}
if ! [[ $fuzz_seconds =~ ^[0-9]+$ ]]; then
  echo "scripts/test.sh: FHASH_FUZZ_SECONDS must be a number of seconds, not '$fuzz_seconds'" >&2
  exit 2
fi
# /usr/bin/time: peak memory in tests/cli/faults_test.sh; clang: the sanitizer pass and the
# fuzzers; xxhash (xxhsum) is the peer of the xxHash algorithms; dpkg-dev (dpkg-shlibdeps),
# lintian, man-db and bash-completion for the Debian package's test, zsh and fish to parse
# their completion scripts; libexpect-perl for coreutils' tty-eof.pl (tests/peers); cksfv and
# hashdeep (with rhash) are the peers of the SFV and hashdeep formats; golang-go and
# golang-golang-x-mod-dev (Go's dirhash), nix-bin (nix-hash) and git are the oracles of
# `fhash tree`; node and npm install the cloud digests' npm oracles
# (tests/cli/cloud_oracles_test.sh), xxd joins their raw digests; slurm-wlm, munge and
# parallel run the shards of tests/cli/slurm_test.sh and shard_test.sh; gnupg, gpgv,
# signify-openbsd and minisign make and check the signed manifests of
# tests/cli/signatures_test.sh; liburing-dev for bench/cold_read_probe.cpp; the rest for the
# benchmarks.
extra=(ccache time libbenchmark-dev liburing-dev hyperfine rhash b3sum xxhash bc openssl clang
       libclang-rt-14-dev dpkg-dev lintian man-db bash-completion zsh fish libexpect-perl cksfv
       hashdeep golang-go golang-golang-x-mod-dev nix-bin git xxd slurm-wlm munge parallel gnupg
       gpgv signify-openbsd minisign)
command -v npm >/dev/null || extra+=(nodejs npm)
bash "$root/scripts/install-deps.sh" "${extra[@]}"

now() { echo "$EPOCHREALTIME"; }
timings=()
record() {  # record <label> <start>
  timings+=("$(awk -v label="$1" -v start="$2" -v end="$(now)" \
                   'BEGIN { printf "%-20s %7.1f s", label, end - start }')")
}
print_timings() {
  echo "== timings"
  printf '   %s\n' "${timings[@]}"
}
trap print_timings EXIT

# ctest fails when it finds no test: a build configured without tests must not pass.
run_ctest() {  # run_ctest <build folder> [ctest argument...]
  local build=$1
  shift
  ctest --test-dir "$build" -j "$jobs" --output-on-failure --no-tests=error "$@"
}

echo "== build (Release, g++) and test"
t=$(now)
bash "$root/scripts/configure.sh" release "$root/build-release"
cmake --build "$root/build-release" -j "$jobs"
record "release build" "$t"
t=$(now)
run_ctest "$root/build-release" --timeout 300
record "release ctest" "$t"

echo "== GNU coreutils' own test scripts against fhash as md5sum, sha*sum, b2sum, cksum, sum"
t=$(now)
bash "$root/tests/peers/coreutils_suite.sh" "$root/build-release/fhash" "$root/build-release/coreutils-tests"
record "coreutils scripts" "$t"

echo "== Debian package: cpack, lintian, dpkg -i, run, dpkg --purge"
t=$(now)
package_status=0
bash "$root/scripts/test-package.sh" "$root/build-release" || package_status=$?
record "package" "$t"
# 77: an fhash package is installed on this machine already; the script said so.
if [ "$package_status" -ne 0 ] && [ "$package_status" -ne 77 ]; then
  exit "$package_status"
fi

echo "== benchmark smoke run (tiny data; timings meaningless)"
t=$(now)
BENCH_SMALL=1 bash "$root/bench/run.sh" "$root/build-release/fhash"
# The cold mode drops the page cache (root only): one round proves its path works.
if [ "$(id -u)" = 0 ] && [ -w /proc/sys/vm/drop_caches ]; then
  BENCH_SMALL=1 RUNS=1 bash "$root/bench/run.sh" --cold "$root/build-release/fhash"
else
  echo "(bench/run.sh --cold not run: it needs root to drop the page cache)"
fi
record "bench smoke" "$t"

if [ "${FHASH_SKIP_SANITIZE:-0}" != "1" ]; then
  echo "== build (clang++, ASan + UBSan) and test"
  t=$(now)
  bash "$root/scripts/configure.sh" sanitize "$root/build-sanitize"
  cmake --build "$root/build-sanitize" -j "$jobs"
  record "sanitize build" "$t"
  t=$(now)
  # Without the "slow" 5 GiB sparse-file test: it guards against 32-bit size and offset
  # truncation, which the Release pass checks, and takes minutes in a Debug ASan build.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_ctest "$root/build-sanitize" --timeout 600 -LE slow
  record "sanitize ctest" "$t"
fi

if [ "${FHASH_SKIP_WINDOWS:-0}" != "1" ]; then
  echo "== Windows build (MinGW-w64, CNG) and test under Wine"
  t=$(now)
  bash "$root/scripts/test-windows.sh"
  record "windows" "$t"
fi

if [ "$fuzz_seconds" -gt 0 ]; then
  echo "== fuzz ($fuzz_seconds s per target)"
  t=$(now)
  bash "$root/scripts/fuzz.sh" "$fuzz_seconds"
  record "fuzz" "$t"
fi
