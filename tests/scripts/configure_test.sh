#!/usr/bin/env bash
# The scripts' builds cannot inherit each other's options: a folder configured the way
# scripts/demo.sh used to leave build/ (tests off) and with every other option flipped
# comes out of test.sh's configure step (scripts/configure.sh release) with tests on, and
# ctest finds them. Also: no script configures CMake but through scripts/configure.sh, and
# configure.sh pins every option the top-level CMakeLists.txt declares. Configure only, no
# build. Exit 77 (skipped) where the release profile's dependencies are missing.
# Usage: configure_test.sh SOURCE_DIR SCRATCH_DIR
set -u
root=$1
scratch=$2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
cached() { sed -n "s/^$1:[A-Z]*=//p" "$scratch/CMakeCache.txt"; }

# configure.sh pins every option, and the scripts configure through it alone.
for name in $(sed -n 's/^option(\(FHASH_[A-Z_]*\).*/\1/p' "$root/CMakeLists.txt") FHASH_BACKEND; do
  grep -q "\b$name\b" "$root/scripts/configure.sh" || fail "scripts/configure.sh does not pin $name"
done
for script in "$root"/scripts/*.sh; do
  [ "$(basename "$script")" = configure.sh ] && continue
  if grep -nE '^[^#]*cmake +(-S|-B|--fresh)' "$script"; then
    fail "$(basename "$script") configures CMake itself instead of through scripts/configure.sh"
  fi
done

rm -rf "$scratch"
if ! cmake -S "$root" -B "$scratch" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DFHASH_BUILD_TESTS=OFF \
     -DFHASH_BUILD_BENCH=OFF -DFHASH_SANITIZE=ON -DFHASH_VALGRIND=ON >"$scratch.log" 2>&1; then
  cat "$scratch.log"
  fail "configuring the stale folder"
fi
[ "$(cached FHASH_BUILD_TESTS)" = OFF ] || fail "the stale folder does not have tests off"

if ! bash "$root/scripts/configure.sh" release "$scratch" >"$scratch.log" 2>&1; then
  cat "$scratch.log"
  if grep -q 'benchmark' "$scratch.log"; then
    echo "SKIPPED: the release profile needs Google Benchmark (libbenchmark-dev)"
    exit 77
  fi
  fail "scripts/configure.sh release on the stale folder"
fi
for pair in FHASH_BUILD_TESTS=ON FHASH_BUILD_BENCH=ON FHASH_SANITIZE=OFF FHASH_VALGRIND=OFF \
            FHASH_BUILD_FUZZERS=OFF FHASH_WERROR=ON FHASH_BACKEND=auto CMAKE_BUILD_TYPE=Release; do
  got=$(cached "${pair%%=*}")
  [ "$got" = "${pair#*=}" ] || fail "after the release configure ${pair%%=*} is '$got', want ${pair#*=}"
done
total=$(ctest --test-dir "$scratch" -N | sed -n 's/^Total Tests: *//p')
[ "${total:-0}" -gt 0 ] || fail "ctest -N lists no tests after the release configure"
rm -rf "$scratch" "$scratch.log"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "configure: a stale folder gets every option of its profile ($total tests listed)"
