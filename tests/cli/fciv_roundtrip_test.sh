#!/usr/bin/env bash
# FCIV-XML round trips: write a database (fhash fciv -xml, and -f fciv-xml), verify it with
# both fhash -c and fhash fciv -v, modify a file, and see both fail; -exc and -type filters.
# Usage: fciv_roundtrip_test.sh FHASH TESTDATA_DIR
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

mkdir -p data/sub data/skip 'data/ünï cødé'
printf 'one' > data/a.txt
printf 'two' > 'data/sub/b&c.dll'
printf 'three' > data/skip/c.txt
printf 'four' > 'data/ünï cødé/d.EXE'
head -c 3000000 /dev/urandom > data/big.bin

# fciv syntax, both algorithms, recursive
"$FHASH" fciv data -r -both -xml db.xml > out.txt || fail "fciv -add -xml exit"
grep -q '^// File Checksum Integrity Verifier version 2.05.$' out.txt || fail "header missing"
[ "$(grep -o '<FILE_ENTRY>' db.xml | wc -l)" = 5 ] || fail "expected 5 entries"
head -c 40 db.xml | grep -q '^<?xml version="1.0" encoding="utf-8"?>' || fail "declaration"
"$FHASH" -c db.xml > check.txt || fail "fhash -c of a fresh database"
[ "$(grep -c ': OK$' check.txt)" = 5 ] || fail "5 OK lines expected"
"$FHASH" fciv -v -xml db.xml | grep -q '^All files verified successfully$' || fail "fciv -v success"
"$FHASH" fciv -list -xml db.xml | grep -q '^Number of entries found: 5$' || fail "fciv -list count"

# the same set through the native syntax gives the same database
"$FHASH" -f fciv-xml -a md5,sha1 -r data -o native.xml || fail "-f fciv-xml exit"
cmp -s db.xml native.xml || fail "fciv -xml and -f fciv-xml differ"

# a modified file fails both verifiers with exit 1
printf 'changed' > data/a.txt
"$FHASH" -c db.xml > check.txt; [ $? = 1 ] || fail "fhash -c after a change must exit 1"
grep -q '^data\\a.txt: FAILED$' check.txt || fail "FAILED line for the changed file"
"$FHASH" fciv -v -xml db.xml > v.txt; [ $? = 1 ] || fail "fciv -v after a change must exit 1"
grep -q '^List of modified files:$' v.txt || fail "modified list"
[ "$(grep -c '^data\\a.txt$' v.txt)" = 2 ] || fail "changed file listed once per algorithm"

# -exc skips a folder, -type filters names (case-insensitive, several masks)
printf 'data/skip\r\n' > exc.txt
"$FHASH" fciv data -r -exc exc.txt -sha256 > exc-out.txt || fail "-exc exit"
grep -q 'skip' exc-out.txt && fail "-exc did not skip data/skip"
[ "$(tail -n +4 exc-out.txt | wc -l)" = 4 ] || fail "-exc: 4 files expected"
"$FHASH" fciv data -r -type '*.exe' -type '*.DLL' > type-out.txt || fail "-type exit"
[ "$(tail -n +4 type-out.txt | wc -l)" = 2 ] || fail "-type: 2 files expected"

# a database that cannot be parsed is never overwritten
printf '<FCIV><FILE_ENTRY>' > broken.xml
cp broken.xml broken.orig
"$FHASH" fciv data/a.txt -xml broken.xml > /dev/null 2>&1; [ $? = 2 ] || fail "broken database must exit 2"
cmp -s broken.xml broken.orig || fail "broken database was modified"
ls -a | grep -q '\.tmp-' && fail "temporary file left behind"

finish "fciv round trips: all checks passed"
