#!/usr/bin/env bash
# Untrusted text is capped: an endless manifest or file list (/dev/zero, where NUL bytes never
# end a line) is refused with a one-line reason instead of exhausting memory or never ending.
# Usage: limits_test.sh FHASH TESTDATA_DIR
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# expect EXIT STDERR-LINE ARGS...: fhash ends within 20 s with that exit code, and its
# standard error starts with that line.
expect() {
  local want_exit=$1 want_line=$2
  shift 2
  timeout 20 "$FHASH" "$@" >out 2>err
  local got=$?
  [ "$got" = "$want_exit" ] || fail "fhash $*: exit $got, expected $want_exit: $(head -c 300 err)"
  [ "$(head -n 1 err)" = "$want_line" ] || fail "fhash $*: stderr was: $(head -c 300 err)"
}

expect 1 "fhash: /dev/zero: Malformed input (line 1 is longer than 4 MiB)" --files-from /dev/zero
expect 1 "fhash: /dev/zero: Malformed input (more than 16777216 names)" -0 --files-from /dev/zero
expect 2 "fhash: /dev/zero: Malformed input (line 1 is longer than 4 MiB)" -c /dev/zero
expect 2 "fhash: /dev/zero: Malformed input (line 1 is longer than 4 MiB)" --update /dev/zero
expect 2 "fhash: --exclude-from /dev/zero: Malformed input (line 1 is longer than 4 MiB)" \
  --exclude-from /dev/zero -r .

# A long line further down names its number; the lines before it were read.
printf 'x' > a.txt
{
  "$FHASH" -a md5 a.txt
  head -c 5000000 /dev/zero | tr '\0' 'y'
  echo
} > SUMS
expect 2 "fhash: SUMS: Malformed input (line 2 is longer than 4 MiB)" -c SUMS
grep -qx "a.txt: OK" out || fail "-c SUMS: the entry before the long line: $(cat out)"

finish "limits: ok"
