#!/usr/bin/env bash
# Several fhash processes writing to one pipe (xargs -P, as coreutils' md5sum-parallel.sh
# does) never cut each other's lines: standard output goes out in whole lines, at most
# PIPE_BUF bytes per write.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
command -v xargs >/dev/null || skip "xargs is not installed"
mkdir tmp
(cd tmp && seq 3000 | xargs touch)
for round in $(seq 1 15); do
  find tmp tmp tmp -type f | xargs -n500 -P4 "$FHASH" -a md5 > out 2> err
  bad=$(grep -cv '^[0-9a-f]\{32\}  tmp/[0-9]*$' out)
  [ "$bad" -eq 0 ] || fail "round $round: $bad broken line(s) in the shared pipe"
  [ "$(wc -l < out)" -eq 9000 ] || fail "round $round: $(wc -l < out) lines, not 9000"
  [ ! -s err ] || fail "round $round: unexpected diagnostics: $(head -n 3 err)"
done
finish "parallel writers keep their lines whole"
