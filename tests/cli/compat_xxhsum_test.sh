#!/usr/bin/env bash
# Compares fhash with xxhsum (XXH32, XXH64, XXH3-64, XXH3-128) and POSIX cksum byte for
# byte, on both read paths, with inputs from empty to a few MiB (around XXH3's 16, 128 and
# 240-byte boundaries); and fhash -c of the manifests xxhsum writes.
# Usage: compat_xxhsum_test.sh FHASH TESTDATA_DIR   (environment: FHASH_TEST_ARGS)
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

command -v xxhsum >/dev/null || skip "xxhsum is not installed (Debian: xxhash)"

: > empty.bin
printf '123456789' > check.txt
i=0
for size in 1 3 16 17 128 129 240 241 1024 65537; do
  head -c "$size" /dev/urandom > "f$i.bin"
  i=$((i + 1))
done
head -c 5000000 /dev/urandom > big.bin
files=(empty.bin check.txt f*.bin big.bin)

for mode in chunked mmap; do
  for pair in xxh32:0 xxh64:1 xxh128:2 xxh3:3; do
    alg=${pair%%:*}
    xxhsum "-H${pair##*:}" "${files[@]}" > expected 2>/dev/null
    fh --read-mode "$mode" -a "$alg" -- "${files[@]}" > actual || fail "$alg exit status ($mode)"
    cmp -s expected actual || fail "$alg output differs from xxhsum ($mode)"
  done
  if command -v cksum >/dev/null; then
    cksum "${files[@]}" > expected
    fh --read-mode "$mode" -a cksum -- "${files[@]}" > actual || fail "cksum exit status ($mode)"
    cmp -s expected actual || fail "cksum output differs from cksum ($mode)"
  fi
done

# xxhsum's manifests, verified by fhash told the algorithm (XXH3's lines are tagged).
for pair in xxh32:0 xxh64:1 xxh128:2 xxh3:3; do
  alg=${pair%%:*}
  xxhsum "-H${pair##*:}" "${files[@]}" > "sums.$alg"
  fh -a "$alg" -c --quiet "sums.$alg" || fail "fhash -a $alg -c of xxhsum -H${pair##*:}'s manifest"
done
fh -c --quiet sums.xxh3 || fail "fhash -c of xxhsum -H3's tagged manifest"

finish "xxhsum and cksum: same output for ${#files[@]} files"
