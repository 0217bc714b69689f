#!/usr/bin/env bash
# -o FILE after a kill -9: the temporary file ".FILE.tmp-HOST-PID-XXXXXX" a dead writer left
# is removed by the next run with the same -o (with --resume or without), and by fhash
# merge -o; a live writer's temporary file is never removed, nor a name of any other form,
# nor a dead writer's file that some process still holds locked.
source "$(dirname "$0")/lib.sh"
case "$(uname -s)" in
  MINGW* | MSYS* | CYGWIN*) skip "stale temporary files are left alone on Windows" ;;
esac
command -v flock >/dev/null || skip "flock(1) is not installed"

mkdir t
for i in $(seq 1 20); do echo "file $i" >"t/f$i"; done
(cd t && "$FHASH" -r . -o ../expected) || fail "a plain run"

# A live writer: it waits on standard input with its temporary file open.
mkfifo feed
"$FHASH" - -o out <feed &
writer=$!
exec 3>feed # the writer's input stays open until fd 3 closes
for _ in $(seq 1 100); do
  live=$(ls -A | grep '^\.out\.tmp-' | head -n 1)
  [ -n "$live" ] && break
  sleep 0.05
done
[ -n "$live" ] || fail "the writer made no temporary file"
case "$live" in
  .out.tmp-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-"$writer"-??????) ;;
  *) fail "the temporary file does not name its host and pid $writer: $live" ;;
esac
tag=$(echo "$live" | cut -d- -f2)

# A dead process's pid (a shell that has exited), and temporary files in its name.
sh -c 'exit 0' &
dead=$!
wait "$dead"
kill -0 "$dead" 2>/dev/null && skip "pid $dead was taken again at once"
stale=".out.tmp-$tag-$dead-Ab3xYz"
echo partial >"$stale"
echo partial >".out.tmp-$tag-$dead-Ab3xYz.keep"    # not exactly the form: kept
echo partial >".out.tmp-XXXXXX"                     # the old form names no pid: kept
echo partial >".out.tmp-00000000-$dead-Ab3xYz"      # another machine's: kept
echo partial >".other.tmp-$tag-$dead-Ab3xYz"        # another target's: kept
locked=".out.tmp-$tag-$dead-L0cked"
echo partial >"$locked"
flock "$locked" sleep 5 >/dev/null 2>&1 &           # held by a live process: kept
holder=$!
sleep 0.2

(cd t && "$FHASH" -r . -o ../out --resume) || fail "the run after the kill failed"
cmp -s out expected || fail "the run after the kill wrote other bytes"
[ ! -e "$stale" ] || fail "the dead writer's temporary file is still there"
[ -e "$live" ] || fail "the live writer's temporary file was removed"
for kept in ".out.tmp-$tag-$dead-Ab3xYz.keep" .out.tmp-XXXXXX ".out.tmp-00000000-$dead-Ab3xYz" \
  ".other.tmp-$tag-$dead-Ab3xYz" "$locked"; do
  [ -e "$kept" ] || fail "$kept was removed"
done
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

# The live writer still finishes its own file.
echo "late input" >&3
exec 3>&-
wait "$writer" || fail "the live writer failed"
grep -q '  -$' out || fail "the live writer's output is not its own: $(cat out)"

# Without --resume, and for fhash merge -o, a dead writer's file goes too.
echo partial >"$stale"
(cd t && "$FHASH" -r . -o ../out) || fail "a run without --resume"
[ ! -e "$stale" ] || fail "a run without --resume left the dead writer's file"
(cd t && "$FHASH" -r . --shard 0/1 -o ../part.0) || fail "a shard"
echo partial >".merged.tmp-$tag-$dead-Ab3xYz"
"$FHASH" merge part.0 -o merged || fail "merge"
[ ! -e ".merged.tmp-$tag-$dead-Ab3xYz" ] || fail "merge -o left the dead writer's file"

# A real kill -9 of a writer (waiting on its input): its temporary file is gone after the
# next run.
mkfifo feed2
"$FHASH" - -o out <feed2 &
victim=$!
exec 4>feed2
for _ in $(seq 1 100); do
  [ -n "$(ls -A | grep "^\.out\.tmp-$tag-$victim-")" ] && break
  sleep 0.05
done
[ -n "$(ls -A | grep "^\.out\.tmp-$tag-$victim-")" ] || fail "the victim made no temporary file"
kill -9 "$victim"
wait "$victim" 2>/dev/null
exec 4>&-
(cd t && "$FHASH" -r . -o ../out --resume) || fail "the run after kill -9"
[ -z "$(ls -A | grep "^\.out\.tmp-$tag-[0-9]*-......$")" ] ||
  fail "dead writers' temporary files are left: $(ls -A | grep tmp)"

finish "stale temporary files: OK"
