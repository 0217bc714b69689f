#!/usr/bin/env bash
# fhash fciv -j N (fhash extension): -add and -v run on N workers and print exactly what a
# single worker prints, in the same order.
# Usage: fciv_jobs_test.sh FHASH TESTDATA_DIR
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

mkdir -p data/sub
for i in $(seq 1 150); do printf 'file %s' "$i" > "data/f$i.txt"; done
for i in $(seq 1 20); do head -c $((i * 20000)) /dev/urandom > "data/sub/b$i.bin"; done

for j in 1 4; do
  "$FHASH" fciv data -r -both -j $j > "add-$j.txt" || fail "-add -j $j exit"
  "$FHASH" fciv /J $j data -r -xml "db-$j.xml" > /dev/null || fail "-add -xml /J $j exit"
done
cmp -s add-1.txt add-4.txt || fail "-add output differs between -j 1 and -j 4"
cmp -s db-1.xml db-4.xml || fail "database differs between -j 1 and -j 4"
[ "$(tail -n +6 add-4.txt | wc -l)" = 170 ] || fail "170 lines expected"

# Verification: some files changed, some missing; the report is the same for every -j.
printf 'changed' > data/f7.txt
printf 'changed' > data/sub/b3.bin
rm data/f99.txt
for j in 1 4; do
  rc=0
  SOURCE_DATE_EPOCH=0 "$FHASH" fciv -v -xml db-1.xml -j $j > "v-$j.txt" 2> "v-$j.err" || rc=$?
  [ "$rc" = 1 ] || fail "-v -j $j: exit $rc, expected 1"
done
cmp -s v-1.txt v-4.txt || fail "-v report differs between -j 1 and -j 4"
grep -q '^data\\f7.txt$' v-4.txt || fail "modified file listed"
grep -q '^data\\f99.txt$' v-4.txt || fail "missing file listed"
SOURCE_DATE_EPOCH=0 "$FHASH" fciv -v -xml db-1.xml -j 0 > v-0.txt 2> /dev/null
cmp -s v-1.txt v-0.txt || fail "-v report differs between -j 1 and -j 0 (one per core)"

# A bad count is a usage error.
rc=0
"$FHASH" fciv data -j many > /dev/null 2> err.txt || rc=$?
[ "$rc" = 2 ] || fail "-j many: exit $rc"
grep -q "^fhash: option -j needs a number, not 'many'$" err.txt || fail "-j many message"

finish "fciv -j: all checks passed"
