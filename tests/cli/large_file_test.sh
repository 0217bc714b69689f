#!/usr/bin/env bash
# A sparse file larger than 4 GiB hashes like sha256sum on both read paths (32-bit size or
# offset truncation shows up here). Labelled "slow" in CTest: a few seconds per read path.
# Usage: large_file_test.sh FHASH TESTDATA_DIR
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

truncate -s 5G sparse.bin || skip "cannot create a 5 GiB sparse file here"
printf 'tail' >> sparse.bin   # a non-zero last block, past 4 GiB
expected=$(sha256sum sparse.bin)
for mode in mmap chunked; do
  got=$("$FHASH" --read-mode "$mode" sparse.bin) || fail "$mode: exit status $?"
  [ "$got" = "$expected" ] || fail "$mode: '$got' != sha256sum's '$expected'"
done
finish "large file: all checks passed"
