#!/usr/bin/env bash
# What a run does not need, it does not load or start: ISA-L (for the CRCs) is opened only
# when a CRC is asked for, one small file starts no thread and is read with one read(). Seen through glibc's
# dynamic loader (LD_DEBUG=files) and, where installed, strace.
source "$(dirname "$0")/lib.sh"
[ "$(uname -s)" = Linux ] || skip "LD_DEBUG is glibc's"
[ -z "${FHASH_VALGRIND:-}" ] || skip "under valgrind, the loader and the threads seen are valgrind's"
LD_DEBUG=files "$FHASH" --version >/dev/null 2>ld.log || { fail "fhash --version"; }
grep -q "calling init" ld.log || skip "the dynamic loader says nothing under LD_DEBUG (not glibc?)"

printf 'hi' >two
loaded() {  # the shared objects one run opens, one per line
  LD_DEBUG=files "$FHASH" "$@" 2>&1 >/dev/null | sed -n 's/.*file=\([^ ]*\).*\[0\];.*generating link map.*/\1/p;s/.*file=\([^ ]*\) \[0\];  dynamically loaded by.*/\1/p'
}
loaded -a sha256 two >sha.libs
grep -q libcrypto sha.libs || fail "libcrypto does not show in the loader's log: $(tr '\n' ' ' <sha.libs)"
grep -q libisal sha.libs && fail "a SHA-256 run loads ISA-L: $(tr '\n' ' ' <sha.libs)"
if "$FHASH" --version | grep -q '^provider crc: ISA-L'; then
  loaded -a crc32c two >crc.libs
  grep -q libisal crc.libs || fail "a CRC-32C run does not open ISA-L: $(tr '\n' ' ' <crc.libs)"
else
  note "this build has no ISA-L: the CRCs are the portable ones"
fi

if command -v strace >/dev/null; then
  # LeakSanitizer (the sanitizer build) starts a thread at exit to check for leaks.
  export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
  strace -f -e trace=clone,clone3 -o trace.log "$FHASH" two >/dev/null 2>&1 || fail "fhash under strace"
  if grep -q 'clone' trace.log; then
    fail "one small file started a thread: $(grep clone trace.log | head -n 3)"
  fi
  mkdir tree && for i in 1 2 3; do echo "$i" >"tree/f$i"; done
  strace -f -e trace=clone,clone3 -o trace2.log "$FHASH" -r tree >/dev/null 2>&1
  grep -q 'clone' trace2.log || fail "three files started no thread (the trace is not seen?)"
  # A small file is read with one read(): the short read that ends at its size is its end.
  strace -e trace=openat,read,close -o reads.log "$FHASH" two >/dev/null 2>&1
  # The reads between the file's open and its close.
  reads=$(awk '/^openat\(.*"two"/ { fd = $NF; open = 1; next }
               open && $0 ~ "^close\\(" fd "\\)" { open = 0 }
               open && $0 ~ "^read\\(" fd "," { print }' reads.log)
  if [ -z "$reads" ]; then
    fail "the trace shows no read of the file: $(head -c 300 reads.log)"
  elif [ "$(printf '%s\n' "$reads" | wc -l)" != 1 ]; then
    fail "a 2-byte file took more than one read(): $(printf '%s\n' "$reads" | tr '\n' ' ')"
  fi
else
  note "strace is not installed: the thread check is left out"
fi
finish "lazy start: ok"
