#!/usr/bin/env bash
# The cloud digests against peers no one here wrote: the npm package etag-hash (S3 ETags at
# 5, 8, 16 and 64 MiB parts), the AWS SDK's own hashers (@aws-crypto/sha256-js,
# @aws-crypto/crc32c, @aws-crypto/crc32, @aws-sdk/crc64-nvme) combined as the S3 user guide
# says, GCS's documented example, and for Dropbox and exact multiples of the part size a
# pipeline of standard tools (split, md5sum/sha256sum, xxd). Then the digests everywhere an
# algorithm goes: BSD and GNU lines, -c, --expect (with the part size found from the ETag),
# JSON and CSV.
oracles="$(cd "$(dirname "$0")" && pwd)/oracles"
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
command -v node >/dev/null && command -v npm >/dev/null || skip "node and npm not installed"
command -v xxd >/dev/null || skip "xxd not installed"

# The npm oracles, installed once into a cache folder (the registry is needed the first time).
cache=${FHASH_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fhash-test-npm}
packages=(etag-hash@1.1.3 @aws-crypto/sha256-js@5 @aws-crypto/crc32c@5 @aws-crypto/crc32@5
          @aws-sdk/crc64-nvme@3)
if [ ! -f "$cache/ready-v1" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund --silent "${packages[@]}" >/dev/null 2>&1 ||
    skip "npm could not install the oracles (${packages[*]})"
  touch "$cache/ready-v1"
fi
modules=$cache/node_modules
MiB=1048576

digest() {  # digest <algorithm> <file> [fhash option...]: the digest fhash prints
  local a=$1 f=$2
  shift 2
  "$FHASH" -a "$a" "$@" -f json "$f" | sed -n "s/.*\"$a\":\"\([^\"]*\)\".*/\1/p"
}

# Files: empty, GCS's documented "data", one byte short of 3 parts of 5 MiB, and a big one.
: > empty
printf 'data' > data
head -c $((15 * MiB - 1)) /dev/urandom > f15
head -c $((70 * MiB + 123)) /dev/urandom > f70
for f in empty data f15 f70; do
  only=; [ "$f" = f70 ] && only=etag  # the composites' parts are proven on f15
  node "$oracles/cloud.js" "$modules" "$f" $only > "want.$f" ||
    { fail "the node oracle failed on $f"; continue; }
  while read -r algorithm part want; do
    if [ "$part" = - ]; then
      got=$(digest "$algorithm" "$f")
    else
      got=$(digest "$algorithm" "$f" --part-size "${part}M")
    fi
    [ "$got" = "$want" ] || fail "$algorithm ${part} MiB of $f: fhash '$got', oracle '$want'"
  done < "want.$f"
done
[ "$(digest gcs-crc32c data)" = "rth90Q==" ] || fail "GCS's documented example: 'data' is rth90Q=="

# Exact multiples of the part size (etag-hash counts an empty part after them): split and md5sum.
head -c $((16 * MiB)) /dev/urandom > f16
piped_etag() {  # piped_etag <file> <part MiB>
  rm -rf parts && mkdir parts && split -b "$2M" "$1" parts/p
  local n; n=$(find parts -type f | wc -l)
  echo "$(for p in parts/*; do md5sum < "$p" | cut -c1-32; done |
    tr -d '\n' | xxd -r -p | md5sum | cut -c1-32)-$n"
}
for part in 8 16; do
  [ "$(digest s3-etag f16 --part-size "${part}M")" = "$(piped_etag f16 "$part")" ] ||
    fail "s3-etag of 16 MiB at $part MiB parts"
done
[ "$(digest s3-etag f16 --part-size 32M)" = "$(md5sum < f16 | cut -c1-32)" ] ||
  fail "s3-etag of a file smaller than one part is its MD5"

# Dropbox: SHA-256 of the SHA-256s of 4 MiB blocks, by split and sha256sum.
piped_dropbox() {
  rm -rf blocks && mkdir blocks && split -b 4M "$1" blocks/b
  for b in blocks/*; do [ -e "$b" ] && sha256sum < "$b" | cut -c1-64; done | tr -d '\n' |
    xxd -r -p | sha256sum | cut -c1-64
}
head -c 1 /dev/urandom > d1
head -c $((4 * MiB - 1)) /dev/urandom > d4m
head -c $((4 * MiB)) /dev/urandom > d4
head -c $((4 * MiB + 1)) /dev/urandom > d4p
head -c $((50 * MiB)) /dev/urandom > d50
for f in empty d1 d4m d4 d4p d50; do
  [ "$(digest dropbox "$f")" = "$(piped_dropbox "$f")" ] || fail "dropbox of $f"
done

# One read, several algorithms (the fan-out), the same values.
line=$("$FHASH" -a md5,s3-etag,dropbox,gcs-crc32c --part-size 5M -f json f15)
[[ $line == *"\"s3-etag\":\"$(grep '^s3-etag 5 ' want.f15 | cut -d' ' -f3)\""* ]] ||
  fail "s3-etag beside other algorithms: $line"
[[ $line == *"\"dropbox\":\"$(piped_dropbox f15)\""* ]] || fail "dropbox beside other algorithms"

# Lines and -c: tagged lines in both formats, read back with the same part size.
"$FHASH" -a s3-etag,s3-sha256,s3-crc32c,s3-crc64nvme,gcs-crc32c,azure-md5,dropbox --part-size 5M f15 data > sums
grep -q "^S3-ETAG (f15) = $(grep '^s3-etag 5 ' want.f15 | cut -d' ' -f3)$" sums || fail "S3-ETAG line: $(head -1 sums)"
"$FHASH" -c --part-size 5M sums > out || fail "-c of the cloud digests: $(cat out)"
"$FHASH" -c sums > out 2>&1 && fail "-c with another part size passed"
grep -q '^f15: FAILED$' out || fail "-c at 8 MiB: f15 not FAILED"
"$FHASH" -a s3-etag,gcs-crc32c -f csv data | grep -q '"GCS-CRC32C","rth90Q==","data"' ||
  fail "CSV of gcs-crc32c"
"$FHASH" -a gcs-crc32c -f csv data > sums.csv && "$FHASH" -c sums.csv >/dev/null || fail "-c of CSV"

# --expect: an ETag as S3 shows it (quoted), its part size found from "-N" and the size
# (16 MiB among 15 and 16; 64 among 40, 50 and 64; 5 alone).
for part in 5 16 64; do
  want=$(grep "^s3-etag $part " want.f70 | cut -d' ' -f3)
  "$FHASH" --expect "\"$want\"" f70 > out || fail "--expect ETag at $part MiB: $(cat out)"
  grep -q "parts of $part MiB" out || fail "--expect does not name $part MiB: $(cat out)"
done
"$FHASH" --expect "\"$(grep '^s3-etag 8 ' want.f15 | cut -d' ' -f3)\"" f70 > out 2>err &&
  fail "--expect with another file's ETag passed"
grep -q 'FAILED' out || fail "--expect mismatch not FAILED"
"$FHASH" --expect "$(md5sum < data | cut -c1-32)-3" data > out 2>err && fail "impossible -3 passed"
grep -q 'no usual part size' err || fail "an impossible part count is not explained: $(cat err)"
"$FHASH" --expect "gcs-crc32c:rth90Q==" data > /dev/null || fail "--expect gcs-crc32c"
"$FHASH" --expect "s3-sha256:$(grep '^s3-sha256 5 ' want.f15 | cut -d' ' -f3)" f15 > out ||
  fail "--expect s3-sha256 with its part count: $(cat out)"
"$FHASH" --expect "dropbox:$(piped_dropbox d4p)" d4p > /dev/null || fail "--expect dropbox"

finish "cloud: s3-etag, composites, crc64nvme, gcs, azure and dropbox agree with their oracles"
