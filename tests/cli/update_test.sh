#!/usr/bin/env bash
# --update's rule: an entry is kept when its file is not newer than the manifest (and, for
# JSON, has the recorded size); a newer file is re-hashed; --rehash re-reads everything.
# Usage: update_test.sh FHASH TESTDATA_DIR
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

printf 'old' > keep.txt
printf 'old' > newer.txt
printf 'old' > sized.txt
"$FHASH" -r . -a md5 -o SUMS || fail "initial manifest"
"$FHASH" -r . -a md5 -f json -o SUMS.json || fail "initial json manifest"
touch -d '2 hours ago' keep.txt newer.txt sized.txt
touch -d '1 hour ago' SUMS SUMS.json
printf 'OLD' > keep.txt;  touch -d '3 hours ago' keep.txt    # changed, but not newer: kept
printf 'new' > newer.txt                                     # newer: re-hashed
printf 'longer' > sized.txt; touch -d '3 hours ago' sized.txt  # older, size differs

"$FHASH" --update SUMS 2>err || fail "update: $(cat err)"
grep -q "$(printf old | md5sum | cut -c1-32)  keep.txt" SUMS || fail "unchanged-mtime entry not kept"
grep -q "$(printf new | md5sum | cut -c1-32)  newer.txt" SUMS || fail "newer file not re-hashed"
grep -q "$(printf old | md5sum | cut -c1-32)  sized.txt" SUMS || fail "gnu has no sizes: entry kept"
grep -q '  SUMS.json$' SUMS || fail "other files are added"
grep -q '  SUMS$' SUMS && fail "the manifest lists itself"

"$FHASH" --update SUMS.json 2>/dev/null || fail "json update"
grep -q "\"path\":\"sized.txt\",\"size\":6,\"md5\":\"$(printf longer | md5sum | cut -c1-32)\"" SUMS.json ||
  fail "json: a size change did not force a re-hash: $(cat SUMS.json)"

"$FHASH" --rehash --update SUMS 2>/dev/null || fail "--rehash"
grep -q "$(printf OLD | md5sum | cut -c1-32)  keep.txt" SUMS || fail "--rehash did not re-read"

# A file that cannot be read leaves the manifest untouched (not testable as root).
if [ "$(id -u)" != 0 ]; then
  cp SUMS before
  printf 'x' > locked.txt; chmod 000 locked.txt
  "$FHASH" --update SUMS 2>/dev/null && fail "update with an unreadable file succeeded"
  cmp -s before SUMS || fail "manifest changed although the update failed"
  chmod 644 locked.txt
fi

finish "all update checks passed"
