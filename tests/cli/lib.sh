# Shared by the shell tests (sourced, with the test's arguments FHASH TESTDATA_DIR): sets
# FHASH, moves into a scratch folder removed at exit, and counts failures.
set -u
FHASH=$1
failures=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1

# Records a failed check; the test goes on and reports all of them.
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Ends the test: exit 1 with the count if anything failed, else prints $1.
finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
  fi
  echo "$1"
}
