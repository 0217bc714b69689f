#!/usr/bin/env bash
# Signed manifests against the real signing tools: keys and signatures are made here, in a
# scratch GNUPGHOME (never the user's keyring), by GnuPG (gpg, checked by gpgv), OpenBSD's
# signify and minisign. Each good signature must let the check run and give sha256sum -c's
# own output; each bad one (tampered manifest, wrong key, expired or revoked key, signature
# of another file, garbage, truncated or huge signature file) must stop the run with its
# message and exit 1 before anything is hashed: no line on standard output. signify -C and
# minisign -V judge the same files, and must agree with fhash.
# Usage: signatures_test.sh FHASH TESTDATA_DIR
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

for tool in gpg gpgv signify-openbsd minisign sha256sum; do
  command -v "$tool" >/dev/null ||
    skip "$tool is not installed (apt-get install gnupg gpgv signify-openbsd minisign)"
done

# expect_refusal NAME PATTERN ARGS...: exit 1, nothing on stdout, PATTERN in the message.
expect_refusal() {
  local name=$1 pattern=$2 rc=0
  shift 2
  "$FHASH" "$@" >out 2>err || rc=$?
  [ "$rc" -eq 1 ] || fail "$name: exit $rc, expected 1 ($(cat err))"
  [ -s out ] && fail "$name: something was reported after a failed signature: $(cat out)"
  grep -q -- "$pattern" err || fail "$name: message lacks '$pattern': $(cat err)"
}
# expect_good NAME SIGNER ARGS...: exit 0, sha256sum -c's output, the signer named.
expect_good() {
  local name=$1 signer=$2 rc=0
  shift 2
  "$FHASH" "$@" >out 2>err || rc=$?
  [ "$rc" -eq 0 ] || fail "$name: exit $rc ($(cat err))"
  cmp -s expected out || { fail "$name: output differs from sha256sum -c"; diff expected out; }
  grep -q -- "$signer" err || fail "$name: signer '$signer' not named: $(cat err)"
}

mkdir files && cd files || exit 1
printf 'alpha\n' > a.txt
printf 'beta\n' > b.txt
sha256sum a.txt b.txt > SHA256SUMS
sha256sum -c SHA256SUMS > expected
printf 'other\n' > other.txt

# --- OpenPGP: GnuPG in a scratch home.
export GNUPGHOME="$scratch/gnupg"
mkdir -m 700 "$GNUPGHOME"
gen() {  # gen UID [FAKED-TIME EXPIRY]: an Ed25519 signing key; prints its fingerprint
  local opts=()
  [ $# -gt 1 ] && opts=(--faked-system-time "$2")
  gpg --batch --quiet "${opts[@]}" --passphrase '' --quick-gen-key "$1" ed25519 sign "${3:-never}" 2>/dev/null
  gpg --batch --with-colons --list-keys "$1" 2>/dev/null | awk -F: '/^fpr/ { print $10; exit }'
}
good=$(gen 'Good <good@example.org>')
wrong=$(gen 'Wrong <wrong@example.org>')
old=$(gen 'Old <old@example.org>' 20200101T000000! 1d)
revoked=$(gen 'Revoked <revoked@example.org>')
gpg --batch --export "$good" > good.gpg
gpg --batch --armor --export "$good" > good.asc
gpg --batch --export "$wrong" > wrong.gpg
sign() {  # sign KEY OUT IN [gpg options]
  local key=$1 out=$2 in=$3
  shift 3
  gpg --batch --yes --quiet --local-user "$key" "$@" --output "$out" "$in" 2>/dev/null
}
sign "$good" SHA256SUMS.gpg SHA256SUMS --detach-sign
sign "$good" SHA256SUMS.asc SHA256SUMS --armor --detach-sign

expect_good "detached binary" "$good" -c SHA256SUMS --signature SHA256SUMS.gpg --keyring good.gpg
expect_good "detached armoured, armoured keyring" "$good" \
  -c SHA256SUMS --signature SHA256SUMS.asc --keyring good.asc
expect_good "--verify-signature finds .gpg" "$good" -c SHA256SUMS --verify-signature --keyring good.gpg
gpgv --keyring "$PWD/good.gpg" SHA256SUMS.gpg SHA256SUMS 2>/dev/null || fail "gpgv rejects the good signature"

# Signed by two people, one of whom is not in the keyring (a release signed by several):
# the good signature carries it, and the other is named as not checked.
gpg --batch --yes --quiet --local-user "$good" --local-user "$wrong" --detach-sign \
  --output multi.sig SHA256SUMS 2>/dev/null
expect_good "two signers, one unknown" "not in the keyring" -c SHA256SUMS --signature multi.sig --keyring good.gpg
: > empty.gpg
expect_refusal "two signers, neither known" "not in the keyring" \
  -c SHA256SUMS --signature multi.sig --keyring empty.gpg
expect_refusal "wrong key" "not in the keyring" -c SHA256SUMS --signature SHA256SUMS.gpg --keyring wrong.gpg
cp SHA256SUMS tampered && echo "0000000000000000000000000000000000000000000000000000000000000000  a.txt" >> tampered
cp SHA256SUMS.gpg tampered.gpg
expect_refusal "tampered manifest" "BAD signature" -c tampered --verify-signature --keyring good.gpg
gpgv --keyring "$PWD/good.gpg" tampered.gpg tampered 2>/dev/null && fail "gpgv accepts the tampered manifest"
sign "$good" other.gpg other.txt --detach-sign
expect_refusal "signature of another file" "BAD signature" -c SHA256SUMS --signature other.gpg --keyring good.gpg
gpg --batch --export "$old" > old.gpg
sign "$old" old.sig SHA256SUMS --faked-system-time 20200101T000100! --detach-sign
expect_refusal "expired key" "has expired" -c SHA256SUMS --signature old.sig --keyring old.gpg
sign "$revoked" revoked.sig SHA256SUMS --detach-sign
sed 's/^:-----BEGIN/-----BEGIN/' "$GNUPGHOME/openpgp-revocs.d/$revoked.rev" > revoke.asc
gpg --batch --quiet --import revoke.asc 2>/dev/null
gpg --batch --export "$revoked" > revoked.gpg
expect_refusal "revoked key" "is revoked" -c SHA256SUMS --signature revoked.sig --keyring revoked.gpg
head -c 40 SHA256SUMS.gpg > truncated.gpg
expect_refusal "truncated signature" "NOT verified" -c SHA256SUMS --signature truncated.gpg --keyring good.gpg
head -c 300 /dev/urandom | tr '\200-\377' 'a-za-za-za-za-z' > garbage.sig
expect_refusal "garbage signature" "not an OpenPGP, signify or minisign signature" \
  -c SHA256SUMS --signature garbage.sig --keyring good.gpg
{ echo "-----BEGIN PGP SIGNATURE-----"; head -c 2000000 /dev/zero | tr '\0' 'A'; } > huge.asc
expect_refusal "huge signature" "larger than 1024 KiB" -c SHA256SUMS --signature huge.asc --keyring good.gpg
expect_refusal "no signature" "no signature found" -c SHA256SUMS.asc --verify-signature --keyring good.gpg
rc=0
"$FHASH" -c SHA256SUMS --signature SHA256SUMS.gpg >out 2>err || rc=$?
[ "$rc" -eq 2 ] && grep -q -- "--keyring" err || fail "no --keyring: exit $rc, $(cat err)"
[ ! -s out ] || fail "no --keyring: something was checked"
rc=0
FHASH_GPGV=/nonexistent/gpgv "$FHASH" -c SHA256SUMS --signature SHA256SUMS.gpg --keyring good.gpg >out 2>err || rc=$?
[ "$rc" -eq 1 ] && grep -q "could not be run" err && [ ! -s out ] || fail "gpgv missing: exit $rc, $(cat err)"

# Clearsigned (Fedora's CHECKSUM): only the signed block is read; lines around it are
# reported and never checked, and fail the run with --strict.
sign "$good" CHECKSUM SHA256SUMS --clearsign
expect_good "clearsigned" "$good" -c CHECKSUM --verify-signature --keyring good.gpg
{ echo "$(sha256sum other.txt)"; cat CHECKSUM; echo "$(sha256sum other.txt | sed 's/other/b/')"; } > CHECKSUM.extra
rc=0
"$FHASH" -c CHECKSUM.extra --keyring good.gpg >out 2>err || rc=$?
[ "$rc" -eq 0 ] || fail "clearsigned with extra lines: exit $rc"
cmp -s expected out || { fail "clearsigned with extra lines: unsigned lines were checked"; cat out; }
grep -q "2 lines outside the signed block are not signed" err || fail "extra lines not reported: $(cat err)"
rc=0
"$FHASH" -c CHECKSUM.extra --keyring good.gpg --strict >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "clearsigned with extra lines and --strict: exit $rc, expected 1"
sed 's/^\([0-9a-f]\{10\}\)0/\11/; s/^\([0-9a-f]\{10\}\)[1-9a-f]/\10/' CHECKSUM > CHECKSUM.bad
expect_refusal "tampered clearsigned" "BAD signature" -c CHECKSUM.bad --verify-signature --keyring good.gpg
{ cat CHECKSUM; cat CHECKSUM; } > CHECKSUM.twice
expect_refusal "two clearsigned blocks" "more than one clearsigned block" -c CHECKSUM.twice --keyring good.gpg

# --- signify: OpenBSD's SHA256.sig, a BSD-tagged list with its signature embedded.
signify-openbsd -G -n -c "test key" -p signify.pub -s signify.sec
signify-openbsd -G -n -c "other key" -p other.pub -s other.sec
sha256sum --tag a.txt b.txt > SHA256
signify-openbsd -S -e -s signify.sec -m SHA256 -x SHA256.sig
signify-openbsd -C -p signify.pub -x SHA256.sig >/dev/null || fail "signify -C rejects its own signature"
sha256sum -c SHA256 > expected
keyid=$("$FHASH" -c SHA256.sig --pubkey signify.pub 2>&1 >/dev/null | sed -n 's/.*by key ID \([0-9A-F]*\).*/\1/p')
[ -n "$keyid" ] || fail "signify: no key ID named"
expect_good "signify embedded" "key ID $keyid" -c SHA256.sig --pubkey signify.pub
expect_good "signify, key inline" "key ID $keyid" -c SHA256.sig --pubkey "$(tail -1 signify.pub)"
expect_refusal "signify wrong key" "not by the given key ID" -c SHA256.sig --pubkey other.pub
signify-openbsd -C -p other.pub -x SHA256.sig >/dev/null 2>&1 && fail "signify -C accepts the wrong key"
sed 's/^SHA256 (a.txt) = ./SHA256 (a.txt) = 0/' SHA256.sig > tampered.sig
cmp -s SHA256.sig tampered.sig && sed -i 's/^SHA256 (a.txt) = ./SHA256 (a.txt) = 1/' tampered.sig
expect_refusal "signify tampered" "does not match" -c tampered.sig --pubkey signify.pub
signify-openbsd -C -p signify.pub -x tampered.sig >/dev/null 2>&1 && fail "signify -C accepts the tampered list"
signify-openbsd -S -s signify.sec -m SHA256 -x SHA256.detached
expect_good "signify detached" "key ID $keyid" -c SHA256 --signature SHA256.detached --pubkey signify.pub
head -c 50 SHA256.sig > truncated.sig
expect_refusal "signify truncated" "NOT verified" -c SHA256 --signature truncated.sig --pubkey signify.pub
expect_refusal "signify, not a key" "not a signify or minisign public key" -c SHA256.sig --pubkey /dev/null

# --- minisign: prehashed (default) and legacy signatures, and the trusted comment.
minisign -G -W -p minisign.pub -s minisign.key >/dev/null
minisign -G -W -p other-mini.pub -s other-mini.key >/dev/null
cp SHA256SUMS sums
sha256sum -c sums > expected
minisign -S -s minisign.key -m sums -t "release 1.0" >/dev/null
minisign -V -p minisign.pub -m sums >/dev/null || fail "minisign -V rejects its own signature"
mid=$(sed -n 's/.*minisign public key \([0-9A-F]*\).*/\1/p' minisign.pub)
expect_good "minisign ED" "key ID $mid, trusted comment: release 1.0" -c sums --verify-signature --pubkey minisign.pub
expect_good "minisign, key inline" "key ID $mid" -c sums --verify-signature --pubkey "$(tail -1 minisign.pub)"
minisign -S -l -s minisign.key -m sums -x sums.legacy -t "legacy" >/dev/null
expect_good "minisign Ed (legacy)" "trusted comment: legacy" -c sums --signature sums.legacy --pubkey minisign.pub
expect_refusal "minisign wrong key" "not by the given key ID" -c sums --verify-signature --pubkey other-mini.pub
cp sums.minisig forged.minisig
sed -i '3s/release 1.0/release 9.9/' forged.minisig
expect_refusal "minisign forged trusted comment" "trusted comment's signature" \
  -c sums --signature forged.minisig --pubkey minisign.pub
minisign -V -p minisign.pub -m sums -x forged.minisig >/dev/null 2>&1 && fail "minisign accepts the forged comment"
cp sums sums.orig && echo "$(sha256sum other.txt)" >> sums
expect_refusal "minisign tampered" "does not match the manifest" -c sums --verify-signature --pubkey minisign.pub
minisign -V -p minisign.pub -m sums >/dev/null 2>&1 && fail "minisign -V accepts the tampered manifest"
mv sums.orig sums
head -c 2000000 /dev/zero > big.minisig
expect_refusal "huge minisign" "larger than" -c sums --signature big.minisig --pubkey minisign.pub

finish "signatures: OpenPGP (gpgv), signify and minisign agree with their tools"
