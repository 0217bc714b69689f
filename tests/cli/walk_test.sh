#!/usr/bin/env bash
# Walks with special files: a FIFO and a symlink met in -r are skipped with a note and do
# not fail the run; -L follows the symlink; a named FIFO and process substitution are read
# as streams; a symlink loop under -L is reported and fails.
# Usage: walk_test.sh FHASH TESTDATA_DIR
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

mkdir -p d/sub
printf 'abc' > d/a.txt
printf 'x' > d/sub/x.txt
mkfifo d/fifo
ln -s a.txt d/link

out=$("$FHASH" -r d 2>err) || fail "-r with a FIFO and a symlink failed"
[ "$(wc -l <<<"$out")" = 2 ] || fail "-r hashed $(wc -l <<<"$out") files, want 2"
grep -q "d/fifo: Not a regular file (a FIFO, skipped)" err || fail "no clear FIFO note: $(cat err)"
grep -q "d/link: Not a regular file (symbolic link not followed; -L follows it)" err ||
  fail "no clear symlink note: $(cat err)"

# --audit and --update walk the tree the way -r does, and report the same notes.
(cd d && "$FHASH" -r . -o ../d.sha256 2>/dev/null) || fail "manifest of d"
"$FHASH" -c --audit --base-dir d d.sha256 > /dev/null 2>err || fail "--audit of an unchanged tree failed"
grep -q "fifo: Not a regular file (a FIFO, skipped)" err || fail "--audit: no FIFO note: $(cat err)"
grep -q "link: Not a regular file (symbolic link not followed; -L follows it)" err ||
  fail "--audit: no symlink note: $(cat err)"
"$FHASH" --update d.sha256 --base-dir d 2>err || fail "--update of an unchanged tree failed"
grep -q "fifo: Not a regular file (a FIFO, skipped)" err || fail "--update: no FIFO note: $(cat err)"

out=$("$FHASH" -rL d 2>/dev/null) || fail "-rL failed"
grep -q '  d/link$' <<<"$out" || fail "-L did not follow the link"

(printf 'hi\n' > d/fifo &)
out=$("$FHASH" d/fifo) || fail "named FIFO not read"
[ "$out" = "98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4  d/fifo" ] ||
  fail "named FIFO digest: $out"
out=$("$FHASH" <(printf 'hi\n')) || fail "process substitution not read"
[ "${out%% *}" = 98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4 ] ||
  fail "process substitution digest: $out"

mkdir -p loop/in
ln -s .. loop/in/up
"$FHASH" -rL loop > /dev/null 2>err && fail "a symlink loop under -L did not fail"
grep -q "Symbolic link loop" err || fail "no loop message: $(cat err)"

# --files-from - with -r and a directory in the list; an excluded folder is not entered.
out=$(printf 'd\n' | "$FHASH" -r --exclude sub/ --files-from - 2>/dev/null)
grep -q '  d/sub/x.txt$' <<<"$out" && fail "--exclude sub/ entered the folder"
grep -q '  d/a.txt$' <<<"$out" || fail "--files-from with a folder and -r"

# -0 keeps trailing blanks and CRs (names Windows cannot hold, hence not a golden case);
# line mode strips trailing blanks.
printf 'x' > 'trail.txt '
printf 'y' > $'cr.txt\r'
out=$(printf 'trail.txt \0cr.txt\r\0' | "$FHASH" -0 --files-from -) || fail "-0 with exact names"
grep -q '  trail.txt $' <<<"$out" || fail "-0 stripped a trailing blank"
grep -qF '  cr.txt\r' <<<"$out" || fail "-0 stripped a CR (written GNU-escaped): $out"
printf 'x' > trail.txt
out=$(printf 'trail.txt  \t\r\n' | "$FHASH" --files-from -) || fail "line mode"
grep -q '  trail.txt$' <<<"$out" || fail "line mode kept trailing blanks"

finish "all walk checks passed"
