# Shared by the shell tests (sourced, with the test's arguments FHASH TESTDATA_DIR): sets
# FHASH, moves into a scratch folder removed at exit, and counts failures.
#
# A test that cannot run here at all calls skip: exit code 77, which CTest reports as
# skipped (SKIP_RETURN_CODE in tests/CMakeLists.txt), never as passed. A check left out
# inside a test that still checks the rest is a note.
set -u
FHASH=$1
failures=0
scratch=$(mktemp -d)
# A test that needs more cleaning up (an unmount, say) defines at_exit; it runs first.
on_exit() {
  if declare -F at_exit >/dev/null; then at_exit; fi
  rm -rf "$scratch"
}
trap on_exit EXIT
cd "$scratch" || exit 1

# fhash with FHASH_TEST_ARGS (e.g. "-j3") put before its arguments: a test that names
# FHASH_TEST_ARGS runs again with other job counts and read modes and must give the same
# bytes (tests/CMakeLists.txt).
# shellcheck disable=SC2086
fh() { "$FHASH" ${FHASH_TEST_ARGS-} "$@"; }

# Records a failed check; the test goes on and reports all of them.
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# A check left out here, with the reason; the test goes on.
note() { echo "NOTE: $*"; }

# The whole test cannot run here: reported to CTest as skipped.
skip() { echo "SKIPPED: $*"; exit 77; }

# Ends the test: exit 1 with the count if anything failed, else prints $1.
finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
  fi
  echo "$1"
}
