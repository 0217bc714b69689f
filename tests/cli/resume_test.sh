#!/usr/bin/env bash
# --resume: a run killed part way (kill -9 at random points, 50 times in a row, or SIGTERM)
# and started again with the same arguments ends with the bytes of an uninterrupted run.
# While it runs, -o FILE does not exist (the atomic rename still holds), and its journal
# is never taken for a manifest: GNU sha256sum -c and fhash -c both refuse it. A damaged
# journal tail is hashed again; a file changed since it was journaled is hashed again; a
# journal of other arguments is refused; a finished run leaves no journal.
source "$(dirname "$0")/lib.sh"
command -v sha256sum >/dev/null || skip "GNU coreutils sha256sum is not installed"

mkdir t
for i in $(seq 1 64); do head -c 262144 /dev/urandom >"t/f$i"; done
printf 'n' >"t/new
line"
# shellcheck disable=SC2054 # the comma is -a's list
args=(-j1 -r . -a sha512,sha3-512)
(cd t && "$FHASH" "${args[@]}" -o ../expected) || fail "plain run"
run_time=$( (cd t && TIMEFORMAT=%R && time "$FHASH" "${args[@]}" -o /dev/null) 2>&1)
# Kill points spread over most of the run's length (in ms), at least 150 ms wide.
span=$(awk -v t="$run_time" 'BEGIN { s = int(t * 700); print (s < 150 ? 150 : s) }')

# resumed_run [kill-after-ms]: one --resume run, killed with -9 after that long (if given).
resumed_run() {
  (cd t && exec "$FHASH" "${args[@]}" --resume -o ../out) 2>>resume.log &
  local pid=$!
  if [ $# -eq 1 ]; then
    sleep "$(awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }')"
    kill -9 "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null
}

finished=0
for try in $(seq 1 50); do
  resumed_run $((RANDOM % span))
  if [ -e out ]; then # the run ended before the kill: it must be whole, with no journal
    finished=$((finished + 1))
    cmp -s out expected || fail "try $try: a run that ended is not the uninterrupted run's bytes"
    [ ! -e out.fhash-journal ] || fail "try $try: the journal outlives the finished run"
    rm out
    continue
  fi
  rm -f .out.tmp-* # kill -9 leaves -o's temporary file (never -o itself)
  if [ -e out.fhash-journal ] && [ $((try % 10)) -eq 0 ]; then
    (cd t && sha256sum -c ../out.fhash-journal >/dev/null 2>&1) && fail "sha256sum -c accepts the journal"
    (cd t && "$FHASH" -c ../out.fhash-journal >/dev/null 2>&1)
    [ $? -eq 2 ] || fail "fhash -c does not refuse the journal"
  fi
  if [ $((try % 10)) -eq 0 ]; then # finish this chain of interrupted runs and compare
    resumed_run
    cmp -s out expected || fail "try $try: the resumed run is not the uninterrupted run's bytes"
    [ ! -e out.fhash-journal ] || fail "try $try: the journal outlives the finished run"
    rm -f out
  fi
done
grep -q 'resuming: [1-9][0-9]* files hashed before' resume.log ||
  fail "no run resumed from a journal (kill points too late?)"
echo "50 kills, $finished runs ended before their kill"

# SIGTERM (a scheduler's preemption), then the same arguments again.
(cd t && exec "$FHASH" "${args[@]}" --resume -o ../out) 2>/dev/null &
pid=$!
sleep "$(awk -v t="$run_time" 'BEGIN { printf "%.3f", t / 2 }')"
kill -TERM "$pid" 2>/dev/null
wait "$pid"
resumed_run
cmp -s out expected || fail "after SIGTERM the resumed run differs"
rm -f out

# A damaged tail (a power loss) and a changed file: both are hashed again.
resumed_run 150
if [ -e out.fhash-journal ]; then
  printf '262144\t1\tf1\tgarbage' >>out.fhash-journal
  sed -i '2s/[0-9a-f]\{16\}$/0000000000000000/' out.fhash-journal # line 2's check fails
  echo changed >t/f64
  (cd t && "$FHASH" "${args[@]}" -o ../expected2) || fail "plain run"
  resumed_run
  cmp -s out expected2 || fail "damaged journal or changed file: the resumed run differs"
  rm -f out
else
  note "the run ended before 150 ms: no journal to damage"
fi

# A journal of other arguments is refused, and kept.
resumed_run 150
if [ -e out.fhash-journal ]; then
  (cd t && "$FHASH" -j1 -r . -a md5 --resume -o ../out) 2>err
  [ $? -eq 2 ] && grep -q 'other arguments' err || fail "a journal of other arguments: $(cat err)"
  [ -e out.fhash-journal ] || fail "the refused journal was removed"
fi
# -o inside the walked tree: the manifest lists neither itself, nor its journal, nor its
# temporary file.
(cd t && "$FHASH" -j1 -r . --resume -o SUMS) || fail "--resume with -o inside the tree"
grep -q -e 'SUMS' -e 'journal' -e '\.tmp-' t/SUMS && fail "the manifest lists its own files: $(grep -e SUMS -e journal -e tmp t/SUMS)"
[ "$(wc -l <t/SUMS)" -eq "$(find t -type f ! -name SUMS -printf x | wc -c)" ] || fail "-o inside the tree: wrong count of lines"
rm -f t/SUMS
"$FHASH" --resume t 2>/dev/null
[ $? -eq 2 ] || fail "--resume without -o is accepted"

finish "resume: OK"
