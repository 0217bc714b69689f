#!/usr/bin/env bash
# Compares fhash with the peers that define the newer algorithms, byte for byte: b3sum
# (BLAKE3), xxhsum (XXH32/64/XXH3/XXH128), rhash (CRC-32, CRC-32C), cksum (POSIX CRC) and
# openssl (SM3, RIPEMD-160, SHAKE), in both directions where the peer can check: each reads
# the other's manifests. scripts/test.sh installs every peer; a peer missing here is a
# note, and a test with none of them is skipped.
# Usage: compat_peers_test.sh FHASH TESTDATA_DIR   (environment: FHASH_TEST_ARGS)
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

have() { command -v "$1" >/dev/null; }
have b3sum || have xxhsum || have rhash || have cksum || skip "no peer tool installed"

# Names every peer writes as it is (no backslash, newline or CR: xxhsum and cksum escape
# nothing, b3sum 1.2.0 leaves CR raw), and the awkward ones GNU-style escaping covers.
plain=(plain.txt ' lead.txt' 'trail.txt ' '-dash.txt' 'ü-日本.txt' "it's.txt" 'sp ace.txt' \
       $'bad\xffbyte.txt')
awkward=('back\slash.txt' $'new\nline.txt')
i=0
for n in "${plain[@]}" "${awkward[@]}"; do
  head -c $((i * 1000 + 7)) /dev/urandom > "./$n"
  i=$((i + 1))
done
: > empty.bin
head -c 5000000 /dev/urandom > big.bin
files=("${plain[@]}" empty.bin big.bin)
# b3sum writes a name that is not UTF-8 with U+FFFD (and then cannot check it): left out there.
utf8=("${plain[@]:0:7}" empty.bin big.bin)

same() {  # same LABEL: expected and actual must be equal
  cmp -s expected actual || { fail "$1"; diff <(od -c expected | head -5) <(od -c actual | head -5); }
}

# --- BLAKE3 against b3sum -----------------------------------------------------------------
if have b3sum; then
  b3sum -- "${utf8[@]}" "${awkward[@]}" > expected
  fh -a blake3 -- "${utf8[@]}" "${awkward[@]}" > actual || fail "blake3 exit status"
  same "blake3 output differs from b3sum"
  b3sum -l 64 -- "${utf8[@]}" > expected
  fh -a blake3 -l 512 -- "${utf8[@]}" > actual || fail "blake3 -l 512 exit status"
  same "blake3 -l 512 differs from b3sum -l 64"
  b3sum -l 5 -- "${utf8[@]}" > expected
  fh -a blake3 -l 40 -- "${utf8[@]}" > actual || fail "blake3 -l 40 exit status"
  same "blake3 -l 40 differs from b3sum -l 5"
  b3sum --no-names -- "${files[@]}" "${awkward[@]}" > expected
  fh -a blake3 --no-names -- "${files[@]}" "${awkward[@]}" > actual || fail "--no-names exit status"
  same "blake3 --no-names differs from b3sum --no-names"
  # The official test-vector input (byte i = i % 251) at the lengths around BLAKE3's chunk
  # (1024) and tree boundaries (compat_b3sum_test.sh covers the sizes where a big file is
  # split between threads).
  python3 - <<'PY'
lengths = [0, 1, 1023, 1024, 1025, 2048, 2049, 3072, 3073, 4096, 4097, 5120, 5121, 6144,
           6145, 7168, 7169, 8192, 8193, 16384, 31744, 102400]
pattern = bytes(i % 251 for i in range(251))
for n in sorted(set(lengths)):
    with open(f"v{n:09d}", "wb") as f:
        f.write((pattern * (n // 251 + 1))[:n])
PY
  b3sum v0* > expected
  fh -a blake3 v0* > actual || fail "blake3 vector exit status"
  same "blake3 differs from b3sum on the test-vector lengths"
  rm -f v0*
  # b3sum --check reads fhash's manifest; fhash -c reads b3sum's, named B3SUMS (BLAKE3
  # without -a) or any other name with -a blake3.
  fh -a blake3 -- "${utf8[@]}" "${awkward[@]}" > fhash.b3
  b3sum --check fhash.b3 > /dev/null || fail "b3sum --check of fhash's manifest"
  b3sum -- "${utf8[@]}" "${awkward[@]}" > B3SUMS
  fh -c --quiet B3SUMS || fail "fhash -c of b3sum's B3SUMS"
  cp B3SUMS sums.txt
  fh -c --quiet -a blake3 sums.txt || fail "fhash -c -a blake3 of b3sum's manifest"
  # Read as SHA-256 (the GNU reading of 64 hex digits), every entry fails, and fhash
  # names the algorithm that matches.
  fh -c --quiet sums.txt > /dev/null 2> err && fail "sums.txt read as SHA-256 passed"
  grep -q 'these look like BLAKE3 digests: use -a blake3' err ||
    fail "no BLAKE3 hint: $(cat err)"
  b3sum -l 64 plain.txt > long.b3
  fh -c --quiet long.b3 || fail "fhash -c of b3sum -l 64 output"
  # Tagged lines (b3sum --tag is 1.7.0+: written here the way it writes them).
  fh -a blake3 --tag plain.txt > tagged.txt
  [ "$(cat tagged.txt)" = "BLAKE3 (plain.txt) = $(b3sum --no-names plain.txt)" ] ||
    fail "BLAKE3 tagged line: $(cat tagged.txt)"
  fh -c --quiet tagged.txt || fail "fhash -c of a BLAKE3 tagged line"
  # --expect takes a BLAKE3 digest of any length.
  fh --expect "$(b3sum -l 48 --no-names big.bin)" -a blake3 big.bin > /dev/null ||
    fail "--expect with a 384-bit BLAKE3 digest"
else
  note "b3sum not installed: BLAKE3 not compared"
fi

# --- xxHash against xxhsum ----------------------------------------------------------------
if have xxhsum; then
  for pair in 0:xxh32 1:xxh64 2:xxh128 3:xxh3; do
    h=${pair%%:*}
    alg=${pair##*:}
    xxhsum -H"$h" -- "${files[@]}" > expected 2>/dev/null
    fh -a "$alg" -- "${files[@]}" > actual || fail "$alg exit status"
    same "$alg output differs from xxhsum -H$h"
    xxhsum -H"$h" --tag -- "${files[@]}" > expected 2>/dev/null
    fh -a "$alg" --tag -- "${files[@]}" > actual || fail "$alg --tag exit status"
    same "$alg --tag output differs from xxhsum -H$h --tag"
    # Each reads the other's files (xxhsum's own names for its manifests: untagged XXH32,
    # XXH64 and XXH128 digests need no -a).
    fh -a "$alg" -- "${files[@]}" > fhash.xxh
    xxhsum -c fhash.xxh > /dev/null 2>&1 || fail "xxhsum -c of fhash's $alg manifest"
    xxhsum -H"$h" -- "${files[@]}" 'back\slash.txt' > "XXH${alg#xxh}SUMS" 2>/dev/null
    fh -c --quiet "XXH${alg#xxh}SUMS" || fail "fhash -c of xxhsum -H$h's manifest"
  done
else
  note "xxhsum not installed: xxHash not compared"
fi

# --- CRC-32 and CRC-32C against rhash -------------------------------------------------------
if have rhash; then
  for alg in crc32 crc32c; do
    rhash --simple --"$alg" -- "${plain[@]:0:6}" empty.bin big.bin > expected
    fh -a "$alg" -- "${plain[@]:0:6}" empty.bin big.bin > actual || fail "$alg exit status"
    same "$alg output differs from rhash --simple --$alg"
    rhash --bsd --"$alg" -- plain.txt big.bin > expected
    fh --tag -a "$alg" -- plain.txt big.bin > actual || fail "$alg --tag exit status"
    same "$alg --tag output differs from rhash --bsd --$alg"
    rhash --simple --"$alg" -- "${plain[@]:0:6}" big.bin > rhash.sum
    fh -c --quiet -a "$alg" rhash.sum || fail "fhash -c -a $alg of rhash's manifest"
  done
else
  note "rhash not installed: CRC-32/CRC-32C not compared"
fi

# --- POSIX cksum ----------------------------------------------------------------------------
if have cksum; then
  cksum -- "${files[@]}" "${awkward[@]}" > expected
  fh -a cksum -- "${files[@]}" "${awkward[@]}" > actual || fail "cksum exit status"
  same "cksum output differs from cksum"
  cksum -- "${files[@]}" > cksum.txt
  fh -c --quiet cksum.txt || fail "fhash -c of cksum's output"
  printf x >> plain.txt
  fh -c cksum.txt > out 2>&1 && fail "fhash -c of cksum's output passed after a change"
  grep -q '^plain.txt: FAILED$' out || fail "changed file not reported: $(cat out)"
else
  note "cksum not installed: POSIX CRC not compared"
fi

# --- BLAKE2b at other lengths against b2sum -l --------------------------------------------
if have b2sum && fh -a blake2b -l 256 empty.bin > /dev/null 2>&1; then
  for bits in 8 128 256 392; do
    b2sum -l "$bits" -- "${files[@]}" "${awkward[@]}" > expected
    fh -a blake2b -l "$bits" -- "${files[@]}" "${awkward[@]}" > actual || fail "blake2b -l $bits exit"
    same "blake2b -l $bits differs from b2sum -l $bits"
    b2sum --tag -l "$bits" -- "${files[@]}" > expected
    fh --tag -a blake2b -l "$bits" -- "${files[@]}" > actual || fail "blake2b --tag -l $bits exit"
    same "blake2b --tag -l $bits differs from b2sum"
    fh -c --quiet actual || fail "fhash -c of BLAKE2b-$bits tagged lines"
    b2sum -c --quiet actual || fail "b2sum -c of fhash's BLAKE2b-$bits tagged lines"
  done
else
  note "b2sum or BLAKE2b lengths (libb2, OpenSSL 3.2) missing: b2sum -l not compared"
fi

# --- SM3, RIPEMD-160 and SHAKE against openssl -------------------------------------------------
if have openssl; then
  for alg in sm3 ripemd160 shake128 shake256; do
    want=$(openssl dgst -"$alg" -r big.bin | cut -d' ' -f1)
    got=$(fh -a "$alg" big.bin | cut -d' ' -f1)
    [ "$want" = "$got" ] || fail "$alg differs from openssl dgst: $got vs $want"
  done
  want=$(openssl dgst -shake256 -xoflen 100 -r big.bin | cut -d' ' -f1)
  got=$(fh -a shake256 -l 800 big.bin | cut -d' ' -f1)
  [ "$want" = "$got" ] || fail "shake256 -l 800 differs from openssl -xoflen 100"
fi

finish "compat peers: all comparisons equal"
