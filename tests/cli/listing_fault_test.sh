#!/usr/bin/env bash
# A folder whose listing fails part-way (readdir() returning EIO, as on a failing disk or a
# network share that goes away): fhash fciv and fhash -r report the folder and its reason,
# hash what was listed, and exit 1; never "internal error". The failure is injected with an
# LD_PRELOAD shim (tests/cli/shims/readdir_fault.c) built here with the system's C compiler.
# Usage: listing_fault_test.sh FHASH TESTDATA_DIR
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

if ! command -v cc >/dev/null || [ -n "${FHASH_VALGRIND-}" ]; then
  echo "SKIP: needs a C compiler, and no valgrind (the shim is preloaded into fhash)"
  exit 77
fi
cc -shared -fPIC -o readdir_fault.so "$here/shims/readdir_fault.c" -ldl ||
  { echo "FAIL: the shim does not build"; exit 1; }

mkdir d
for i in 1 2 3 4 5 6; do printf '%s' "$i" > "d/f$i"; done
faulty() { FHASH_READDIR_FAIL_AFTER=3 LD_PRELOAD=$PWD/readdir_fault.so "$FHASH" "$@"; }

faulty fciv d > out 2> err
rc=$?
[ "$rc" = 1 ] || fail "fciv: exit $rc, want 1"
[ "$(cat err)" = "fhash: d: Input/output error" ] || fail "fciv: stderr: $(cat err)"
grep -q 'd\\f' out || fail "fciv: the files listed before the failure were not hashed: $(cat out)"

faulty -r d > out 2> err
rc=$?
[ "$rc" = 1 ] || fail "-r: exit $rc, want 1"
[ "$(cat err)" = "fhash: d: Input/output error" ] || fail "-r: stderr: $(cat err)"

faulty fciv -r d > out 2> err
rc=$?
[ "$rc" = 1 ] || fail "fciv -r: exit $rc, want 1"
grep -q 'internal error' err && fail "fciv -r: $(cat err)"

finish "listing faults reported"
