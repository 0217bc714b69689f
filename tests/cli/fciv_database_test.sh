#!/usr/bin/env bash
# FCIV databases and -exc lists are read whole, so only regular files of a bounded size are
# read: a device, pipe or folder is refused at once with a one-line error, and an open
# failure names its real reason.
# Usage: fciv_database_test.sh FHASH TESTDATA_DIR
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

printf 'abc' > abc.txt

# A memory limit catches a database read that grows without bound long before the timeout;
# AddressSanitizer (it reserves terabytes of address space) and valgrind cannot run under one.
limit_memory=true
if [ -n "${ASAN_OPTIONS+set}" ] || [ -n "${FHASH_VALGRIND-}" ] || grep -qa __asan_init "$FHASH"; then
  limit_memory=false
fi

# Runs fhash fciv ARGS... with a time (and memory) limit; sets rc, out and err.
run_fciv() {
  rc=0
  (if $limit_memory; then ulimit -v 4000000; fi
   timeout 20 "$FHASH" fciv "$@") > out.txt 2> err.txt || rc=$?
  err=$(cat err.txt)
}

# $1 = what, $2 = expected stderr; checks exit 2 and that stderr is exactly $2.
expect_refused() {
  [ "$rc" = 2 ] || fail "$1: exit $rc, expected 2 (124 = timed out)"
  [ "$err" = "$2" ] || fail "$1: stderr was: $err"
}

# A character device as the database (it would never end) or as the -exc list.
if [ -c /dev/full ]; then
  run_fciv -add abc.txt -xml /dev/full
  expect_refused "-add -xml /dev/full" "fhash: /dev/full: Not a regular file"
  run_fciv -v -xml /dev/zero
  expect_refused "-v -xml /dev/zero" "fhash: /dev/zero: Not a regular file"
  run_fciv -list -xml /dev/zero
  expect_refused "-list -xml /dev/zero" "fhash: /dev/zero: Not a regular file"
  run_fciv abc.txt -exc /dev/zero
  expect_refused "-exc /dev/zero" "fhash: /dev/zero: Not a regular file"
fi

# A named pipe without a writer: opening it would wait for ever.
if mkfifo pipe.xml 2> /dev/null; then
  run_fciv -v -xml pipe.xml
  expect_refused "-v -xml FIFO" "fhash: pipe.xml: Not a regular file"
fi

# A folder.
mkdir folder
run_fciv -add abc.txt -xml folder
expect_refused "-add -xml FOLDER" "fhash: folder: Is a directory"

# The real reason of an open failure, not "No such file or directory" for all.
run_fciv -v -xml abc.txt/db.xml
expect_refused "-v -xml through a file" "fhash: abc.txt/db.xml: Not a directory"
run_fciv -add abc.txt -xml abc.txt/db.xml
expect_refused "-add -xml through a file" "fhash: abc.txt/db.xml: Not a directory"
run_fciv abc.txt -exc abc.txt/exc.txt
expect_refused "-exc through a file" "fhash: abc.txt/exc.txt: Not a directory"
if [ "$(id -u)" != 0 ]; then  # root reads anything
  printf '<FCIV></FCIV>' > locked.xml
  chmod 000 locked.xml
  run_fciv -v -xml locked.xml
  expect_refused "-v -xml unreadable" "fhash: locked.xml: Permission denied"
fi

# A missing database is still created by -add, and still an error for -v.
run_fciv -add abc.txt -xml new.xml
[ "$rc" = 0 ] || fail "-add to a new database: exit $rc"
grep -q '<name>abc.txt</name>' new.xml || fail "-add did not create the database"
run_fciv -v -xml missing.xml
expect_refused "-v -xml missing" "fhash: missing.xml: No such file or directory"

# Larger than the 512 MiB cap (sparse: refused from its size, nothing is read).
if truncate -s 600M huge.xml 2> /dev/null; then
  run_fciv -list -xml huge.xml
  expect_refused "-list -xml 600 MiB" "fhash: huge.xml: File too large (over the 512 MiB limit)"
fi

finish "fciv database reading: all checks passed"
