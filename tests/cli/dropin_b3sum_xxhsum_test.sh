#!/usr/bin/env bash
# fhash as b3sum and xxhsum, against the real b3sum and xxhsum (Debian packages b3sum and
# xxhash): standard output byte for byte and the exit code, over their flags, awkward names,
# standard input, check files they wrote, damaged check files and usage errors. Both ways of
# reaching a personality are used: a link named after the tool, and `fhash TOOL ...`.
# Standard error is compared only for being empty or not: the wording differs by design.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
command -v b3sum >/dev/null || skip "b3sum is not installed"
command -v xxhsum >/dev/null || skip "xxhsum (package xxhash) is not installed"

mkdir bin
for tool in b3sum xxhsum xxh32sum xxh64sum xxh128sum; do
  ln -s "$FHASH" "bin/$tool"
done
mkdir d
cd d || exit 1
printf 'x' > a
: > empty
printf 'back' > 'back\slash'
printf 'cr' > $'cr\rret'
printf 'ff' > $'bad\xffbyte'
printf 'sp' > ' lead'
printf 'u' > 'ü-日本'
head -c 3000000 /dev/urandom > big
files=(a empty 'back\slash' $'cr\rret' $'bad\xffbyte' ' lead' 'ü-日本' big)

# same TOOL [ARG...]: the real tool and both personalities give the same stdout and exit code,
# and all or none of them write to stderr. Standard input comes from ./stdin if present.
same() {
  local tool=$1 real_rc=0 link_rc=0 word_rc=0 input=/dev/null
  shift
  [ -f stdin ] && input=stdin
  "$tool" "$@" < "$input" > ../real.out 2> ../real.err || real_rc=$?
  "../bin/$tool" "$@" < "$input" > ../link.out 2> ../link.err || link_rc=$?
  "$FHASH" "$tool" "$@" < "$input" > ../word.out 2> ../word.err || word_rc=$?
  local label="$tool $*"
  cmp -s ../real.out ../link.out || fail "$label: stdout differs from $tool's (link)"
  cmp -s ../real.out ../word.out || fail "$label: stdout differs from $tool's (fhash $tool)"
  [ "$real_rc" = "$link_rc" ] || fail "$label: exit $link_rc, $tool exits $real_rc (link)"
  [ "$real_rc" = "$word_rc" ] || fail "$label: exit $word_rc, $tool exits $real_rc (fhash $tool)"
  # xxhsum erases its progress line on stderr ("\r" and blanks): that is not a message.
  local real_said=0 link_said=0
  [ -n "$(tr -d '\r ' < ../real.err)" ] && real_said=1
  [ -n "$(tr -d '\r ' < ../link.err)" ] && link_said=1
  [ "$real_said" = "$link_said" ] || fail "$label: stderr $( [ $link_said = 1 ] && echo not )empty, $tool's $( [ $real_said = 1 ] && echo not )empty"
}

# --- b3sum: hashing
same b3sum "${files[@]}"
same b3sum --no-names "${files[@]}"
same b3sum -l 8 a big
same b3sum --length=64 a
same b3sum --raw a
same b3sum --no-mmap --num-threads 1 big a
same b3sum a missing big
same b3sum a . big
same b3sum -- a
same b3sum
printf 'from stdin' > stdin
same b3sum
same b3sum - a
rm stdin
# BLAKE3's keyed mode (the key on stdin) and key derivation
printf '%s' 'whats the Elvish word for friend' > stdin
same b3sum --keyed a big empty
same b3sum --keyed -l 64 a
same b3sum --keyed a -
printf 'too short' > stdin
same b3sum --keyed a
rm stdin
same b3sum --derive-key 'BLAKE3 2019-12-27 16:29:52 test vectors context' a big
same b3sum --derive-key '' --no-names a
same b3sum --keyed --derive-key x a
# names b3sum escapes: '\' and newline
printf 'nl' > $'new\nline'
same b3sum $'new\nline' 'back\slash'
# --- b3sum: checking
b3sum "${files[@]}" $'new\nline' > ../good.b3
same b3sum -c ../good.b3
same b3sum --check --quiet ../good.b3
sed 's/^3ae7/0000/' ../good.b3 > ../bad.b3
same b3sum -c ../bad.b3
same b3sum -c --quiet ../bad.b3
{ cat ../good.b3; echo "3ae7d805f6789a6402acb70ad4096a85a56bf6804eaf25c0493ac697548d30b5  missing"; } > ../missing.b3
same b3sum -c ../missing.b3
{ cat ../good.b3; echo "short"; } > ../malformed.b3
same b3sum -c ../malformed.b3
cp ../good.b3 stdin
same b3sum -c
same b3sum -c -
rm stdin
# --- b3sum: usage errors
same b3sum --quiet a
same b3sum -c --no-names ../good.b3
same b3sum --raw a big
same b3sum --bogus a
rm $'new\nline'

# --- xxhsum: hashing
for h in -H0 -H1 -H2 -H3 -H32 -H64 -H128; do
  same xxhsum "$h" "${files[@]}"
  same xxhsum "$h" --tag "${files[@]}"
  same xxhsum "$h" --little-endian "${files[@]}"
done
same xxhsum --tag --little-endian -H3 a big
same xxhsum a missing big
printf 'from stdin' > stdin
same xxhsum
rm stdin
same xxh32sum a big
same xxh128sum --tag a big
same xxhsum a -H0          # options come first: -H0 is a file name here
# --- xxhsum: checking, of files xxhsum wrote
for h in -H0 -H1 -H2 -H3; do
  xxhsum "$h" "${files[@]}" > ../good.xxh
  same xxhsum -c ../good.xxh
  same xxhsum -c -q ../good.xxh
  same xxhsum --check --status ../good.xxh
  xxhsum "$h" --tag "${files[@]}" > ../tagged.xxh
  same xxhsum -c ../tagged.xxh
done
xxhsum -H1 "${files[@]}" > ../good.xxh
sed '1s/^./0/' ../good.xxh > ../bad.xxh
same xxhsum -c ../bad.xxh
{ echo "zz"; cat ../good.xxh; } > ../malformed.xxh
same xxhsum -c ../malformed.xxh
same xxhsum -c --strict ../malformed.xxh
same xxhsum -c -w ../malformed.xxh
{ cat ../good.xxh; echo "ef46db3751d8e999  missing"; } > ../missing.xxh
same xxhsum -c ../missing.xxh
echo "zz" > ../none.xxh
same xxhsum -c ../none.xxh
finish "fhash as b3sum and xxhsum matches them"
