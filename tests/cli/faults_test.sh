#!/usr/bin/env bash
# Faults a checksum tool meets in the wild, each with its documented message and exit code:
# unreadable input, directories and FIFOs, names that are not UTF-8, huge and hostile
# manifests, failing output (-o onto a full disk, /dev/full, a closed pipe).
# Usage: faults_test.sh FHASH TESTDATA_DIR
# Under valgrind (FHASH_VALGRIND=1, FHASH is then a wrapper) the big manifest is smaller.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
mnt=""
at_exit() {
  if [ -n "$mnt" ] && mountpoint -q "$mnt" 2>/dev/null; then umount "$mnt"; fi
}
# expect CODE 'stderr-regex' -- args...: runs fhash, checks the exit code and that stderr is
# one line matching the regex (or empty for '').
expect() {
  local want=$1 pattern=$2
  shift 3
  fh "$@" >out.txt 2>err.txt
  local got=$?
  [ "$got" = "$want" ] || fail "fhash $* exited $got, expected $want ($(head -c 300 err.txt))"
  if [ -z "$pattern" ]; then
    [ ! -s err.txt ] || fail "fhash $*: unexpected stderr: $(head -c 300 err.txt)"
  else
    grep -Eq -- "$pattern" err.txt || fail "fhash $*: stderr lacks /$pattern/: $(head -c 300 err.txt)"
  fi
}

printf 'abc' > abc.txt
abc_sha256=ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad

# --- Inputs that cannot be read ---------------------------------------------------------
expect 1 '^fhash: /proc/self/mem: Input/output error$' -- /proc/self/mem
expect 1 '^fhash: /proc/self/mem: Input/output error$' -- --read-mode mmap /proc/self/mem
printf 'secret' > locked.txt
chmod 000 locked.txt
if [ "$(id -u)" = 0 ]; then
  note "running as root: the permission-denied case is skipped (root reads mode 000 files)"
else
  expect 1 "^fhash: locked.txt: Permission denied$" -- locked.txt
  printf '%s  locked.txt\n' "$abc_sha256" > locked.sha256
  expect 1 "Permission denied" -- -c locked.sha256
fi
chmod 600 locked.txt

# --- Directories and FIFOs given as files ----------------------------------------------
mkdir dir
expect 1 '^fhash: dir: Is a directory$' -- dir
printf '%s  dir\n' "$abc_sha256" > dir.sha256
expect 1 '^fhash: dir: Is a directory$' -- -c --status dir.sha256
mkfifo fifo
# The writer gives up after a while, so a reader that never opens the FIFO fails the
# test instead of hanging it.
timeout 60 sh -c "printf abc > fifo" &
writer=$!
expect 0 '' -- fifo
grep -q "^$abc_sha256  fifo\$" out.txt || fail "a named FIFO is read as a stream"
wait "$writer" || fail "the FIFO writer was never read"
rm -f fifo
mkdir tree && printf 'abc' > tree/a && mkfifo tree/pipe
expect 0 '^fhash: tree/pipe: .*FIFO' -- -r tree
grep -q "tree/a" out.txt && ! grep -q pipe out.txt || fail "-r skips a FIFO, hashes the rest"

# --- A file that is not valid UTF-8, through every output format and -c -------------------
bad=$'bad\xff\xfename.txt'
printf 'abc' > "$bad"
for format in gnu bsd fciv-xml; do
  fh -f "$format" -a md5,sha1 -- "$bad" > "m.$format" 2>err.txt || fail "hash a non-UTF-8 name as $format"
  fh -c "m.$format" > out.txt 2>err.txt || fail "-c of a $format manifest with a non-UTF-8 name: $(cat err.txt)"
  grep -q "^${bad}: OK\$" out.txt || fail "$format round trip does not print the name byte for byte"
done

# --- Hostile manifests --------------------------------------------------------------------
head -c 65536 /dev/urandom > garbage.bin
printf '\x00\x01\x02 binary' >> garbage.bin
expect 2 'no properly formatted checksum lines found' -- -c garbage.bin
{ printf '%s  ' "$abc_sha256"; head -c 1048576 /dev/zero | tr '\0' 'n'; printf '\n'; } > longline.sha256
printf '%s  abc.txt\n' "$abc_sha256" >> longline.sha256
expect 1 'File name too long' -- -c longline.sha256
grep -q '^abc.txt: OK$' out.txt || fail "the line after a 1 MiB line is still checked"
{ head -c 1048576 /dev/zero | tr '\0' 'x'; printf '\n%s  abc.txt\n' "$abc_sha256"; } > longgarbage.sha256
expect 0 '1 line is improperly formatted' -- -c longgarbage.sha256
expect 2 'DOCTYPE' -- -c "$2/fuzz/fciv_xml/bomb.xml"
cat > external.xml <<'XML'
<?xml version="1.0"?>
<!DOCTYPE FCIV [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<FCIV><FILE_ENTRY><name>&x;</name><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5></FILE_ENTRY></FCIV>
XML
expect 2 'DOCTYPE' -- -c external.xml
{ printf '<FCIV>'; for _ in $(seq 200); do printf '<a>'; done; for _ in $(seq 200); do printf '</a>'; done; printf '</FCIV>'; } > deep.xml
expect 2 'nested deeper' -- -c deep.xml
printf '<FCIV><FILE_ENTRY><name>abc.txt&#x0;x</name><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5></FILE_ENTRY></FCIV>' > nul.xml
expect 2 'U\+0000' -- -c nul.xml

# --- A 1,000,000-line manifest is verified with bounded memory ---------------------------
lines=1000000
[ "${FHASH_VALGRIND:-0}" = "1" ] && lines=50000
awk -v h="$abc_sha256" -v n="$lines" 'BEGIN { for (i = 0; i < n; i++) {
  if (i % 100000 == 0) printf "%s  abc.txt\n", h; else printf "%s  missing/%d\n", h, i } }' > million.sha256
if [ -x /usr/bin/time ] && [ "${FHASH_VALGRIND:-0}" != "1" ]; then
  /usr/bin/time -f '%M' -o rss.txt "$FHASH" -c --quiet --ignore-missing million.sha256 >out.txt 2>err.txt
  rc=$?
  [ "$rc" = 0 ] || fail "1,000,000-line manifest: exit $rc ($(head -c 300 err.txt))"
  rss_kib=$(tail -1 rss.txt)
  limit_kib=$((256 * 1024))
  # Sanitizer builds carry shadow memory and a quarantine: a looser bound there.
  if grep -q '__asan_init' "$FHASH" 2>/dev/null; then limit_kib=$((1024 * 1024)); fi
  echo "1,000,000-line manifest: peak RSS ${rss_kib} KiB (limit ${limit_kib} KiB)"
  [ "${rss_kib:-999999999}" -le "$limit_kib" ] || fail "peak RSS ${rss_kib} KiB > ${limit_kib} KiB"
else
  note "/usr/bin/time missing (apt-get install time) or under valgrind: RSS not measured"
fi

# --- -o: a failing run leaves the old manifest intact and no temporary file --------------
printf 'old manifest\n' > old.sha256
expect 1 'not written, because some inputs failed' -- -o old.sha256 abc.txt does-not-exist
[ "$(cat old.sha256)" = "old manifest" ] || fail "-o replaced the old manifest in a failed run"
ls -A | grep -q '\.tmp-' && fail "-o left a temporary file behind: $(ls -A | grep '\.tmp-')"

# --- Output onto a full disk --------------------------------------------------------------
expect 1 '^fhash: /dev/full: No space left on device$' -- -o /dev/full abc.txt
fh abc.txt > /dev/full 2>err.txt
rc=$?
[ "$rc" = 1 ] || fail "stdout on /dev/full: exit $rc"
[ "$(cat err.txt)" = "fhash: write error on standard output" ] ||
  fail "stdout on /dev/full: not exactly one diagnostic: $(cat err.txt)"
# Every mode leaves through the same flush check: FCIV's console output too.
"$FHASH" fciv abc.txt > /dev/full 2>err.txt
rc=$?
[ "$rc" = 1 ] || fail "fciv with stdout on /dev/full: exit $rc"
[ "$(cat err.txt)" = "fhash: write error on standard output" ] ||
  fail "fciv with stdout on /dev/full: $(cat err.txt)"
if [ "$(id -u)" = 0 ] && mkdir small && mount -t tmpfs -o size=64k tmpfs small 2>/dev/null; then
  mnt=$scratch/small
  printf 'old manifest\n' > small/m.sha256
  mkdir many
  for i in $(seq 1500); do printf '%s' "$i" > "many/file-with-a-longish-name-$i"; done
  expect 1 'No space left on device' -- -r many -o small/m.sha256
  [ "$(cat small/m.sha256)" = "old manifest" ] || fail "full tmpfs: the old manifest was not kept"
  ls -A small | grep -q '\.tmp-' && fail "full tmpfs: temporary file left: $(ls -A small)"
  umount small
  mnt=""
else
  note "no 64 KiB tmpfs (needs root and mount permission): full-disk -o tested with /dev/full only"
fi

# --- Output to a closed pipe ----------------------------------------------------------------
mkdir -p big
for i in $(seq 3000); do printf '%s' "$i" > "big/$i"; done
set -o pipefail
fh -r big 2>err.txt | head -1 > /dev/null
rc=$?
set +o pipefail
[ ! -s err.txt ] || fail "closed pipe: stderr not empty: $(head -c 300 err.txt)"
# 141 = killed by SIGPIPE (the default, as coreutils); 1 = SIGPIPE ignored by the parent.
[ "$rc" = 141 ] || [ "$rc" = 1 ] || fail "closed pipe: exit status $rc (a signal other than SIGPIPE?)"
(trap '' PIPE; fh -r big 2>err.txt | head -1 > /dev/null)
[ ! -s err.txt ] || fail "closed pipe with SIGPIPE ignored: stderr not empty: $(head -c 300 err.txt)"

finish "faults: all checks passed"
