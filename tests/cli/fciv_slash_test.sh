#!/usr/bin/env bash
# FCIV's Windows spelling of options (/sha1, /add, /xml, /?) next to POSIX absolute paths,
# which must stay file names.
# Usage: fciv_slash_test.sh FHASH TESTDATA_DIR
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

printf 'abc' > abc.txt
mkdir -p sub
printf 'two' > sub/b.txt

"$FHASH" fciv -sha1 abc.txt > dash.txt || fail "fciv -sha1 exit"
"$FHASH" fciv /sha1 abc.txt > slash.txt || fail "fciv /sha1 exit"
cmp -s dash.txt slash.txt || fail "/sha1 and -sha1 differ"
"$FHASH" fciv /SHA1 /ADD abc.txt > upper.txt || fail "fciv /SHA1 /ADD exit"
cmp -s dash.txt upper.txt || fail "/SHA1 /ADD and -sha1 differ"

"$FHASH" fciv /add abc.txt /xml db.xml /both > /dev/null || fail "/add /xml exit"
"$FHASH" fciv -add abc.txt -xml ref.xml -both > /dev/null || fail "-add -xml exit"
cmp -s db.xml ref.xml || fail "/xml database differs from -xml"
"$FHASH" fciv /v /xml db.xml | grep -q '^All files verified successfully$' || fail "/v /xml"
"$FHASH" fciv /? | grep -q '^Usage:' || fail "/? prints the help"

# Absolute paths are files: the file itself, a folder, and the output names them as typed.
"$FHASH" fciv "$PWD/abc.txt" > abs.txt || fail "absolute file exit"
grep -q '^900150983cd24fb0d6963f7d28e17f72 .*\\abc.txt$' abs.txt || fail "absolute file line"
"$FHASH" fciv -sha1 "$PWD/sub" > absdir.txt || fail "absolute folder exit"
grep -q '\\sub\\b.txt$' absdir.txt || fail "absolute folder line"
# A path at the root that is not an option word is a file too (missing here: exit 1).
"$FHASH" fciv /no-such-fhash-file > /dev/null 2> err.txt; [ $? = 1 ] || fail "/no-such exit"
grep -q 'no-such-fhash-file.*: No such file or directory$' err.txt || fail "/no-such message"

finish "fciv /options: all checks passed"
