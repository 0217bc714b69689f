#!/usr/bin/env bash
# in-toto attestations as manifests, and -f intoto / -f slsa-subjects, with independent
# oracles: sha256sum's digests, Python's json module for the Statement written, base64 -d
# for SLSA's subjects, and OpenSSL's command line for DSSE signatures (Ed25519 over the
# pre-authentication encoding, ECDSA P-256 with SHA-256), made here with fresh keys.
# Usage: intoto_test.sh FHASH TESTDATA_DIR
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

for tool in openssl python3 sha256sum base64; do
  command -v "$tool" >/dev/null || skip "$tool is not installed"
done

printf 'alpha\n' > a.txt
printf 'beta\n' > b.txt
sha256sum a.txt b.txt > SHA256SUMS
sha256sum -c SHA256SUMS > expected
a=$(sha256sum a.txt | cut -d' ' -f1)
b=$(sha256sum b.txt | cut -d' ' -f1)

# -f intoto: a Statement v1 whose subjects are the files, digests as sha256sum's.
"$FHASH" -f intoto a.txt b.txt > statement.json || fail "-f intoto: exit status"
python3 - "$a" "$b" <<'PY' || fail "-f intoto: not the Statement expected"
import json, sys
s = json.load(open("statement.json"))
assert s["_type"] == "https://in-toto.io/Statement/v1", s
assert s["predicateType"], s
assert s["subject"] == [{"name": "a.txt", "digest": {"sha256": sys.argv[1]}},
                        {"name": "b.txt", "digest": {"sha256": sys.argv[2]}}], s["subject"]
PY
"$FHASH" -f intoto -a sha256,sha512 a.txt > two.json || fail "-f intoto -a sha256,sha512"
python3 -c 'import json,sys; d=json.load(open("two.json"))["subject"][0]["digest"]; sys.exit(sorted(d)!=["sha256","sha512"])' ||
  fail "-f intoto: both digests expected"
rc=0; "$FHASH" -f intoto -a xxh64 a.txt >/dev/null 2>err || rc=$?
[ "$rc" -eq 2 ] && grep -q "no in-toto DigestSet name" err || fail "-f intoto -a xxh64: exit $rc"

# -f slsa-subjects: `sha256sum FILES | base64 -w0`.
"$FHASH" -f slsa-subjects a.txt b.txt > subjects || fail "-f slsa-subjects: exit status"
[ "$(cat subjects)" = "$(base64 -w0 SHA256SUMS)" ] || fail "-f slsa-subjects differs from sha256sum | base64 -w0"

# -c of a Statement (plain JSON, pretty-printed) and of the Statement written above.
python3 -m json.tool statement.json > pretty.json
"$FHASH" -c pretty.json > out 2>err || fail "-c Statement: exit status ($(cat err))"
cmp -s expected out || { fail "-c Statement: output differs from sha256sum -c"; diff expected out; }

# DSSE envelopes signed by OpenSSL, one per line (*.intoto.jsonl).
type=application/vnd.in-toto+json
payload=$(python3 -c 'import json; print(json.dumps(json.load(open("statement.json")), indent=2))')
envelope() {  # envelope SIGFILE: the envelope of $payload with that signature, on one line
  printf '{"payloadType":"%s","payload":"%s","signatures":[{"keyid":"k","sig":"%s"}]}\n' \
    "$type" "$(printf '%s' "$payload" | base64 -w0)" "$(base64 -w0 < "$1")"
}
printf 'DSSEv1 %d %s %d %s' ${#type} "$type" "$(printf '%s' "$payload" | wc -c)" "$payload" > pae
openssl genpkey -algorithm ed25519 -out ed.key 2>/dev/null && openssl pkey -in ed.key -pubout -out ed.pub
openssl pkeyutl -sign -inkey ed.key -rawin -in pae -out ed.sig
envelope ed.sig > ed.intoto.jsonl
openssl ecparam -name prime256v1 -genkey -noout -out ec.key && openssl ec -in ec.key -pubout -out ec.pub 2>/dev/null
openssl dgst -sha256 -sign ec.key -out ec.sig pae
envelope ec.sig > ec.intoto.jsonl

"$FHASH" -c ed.intoto.jsonl --pubkey ed.pub > out 2>err || fail "DSSE Ed25519: exit status ($(cat err))"
cmp -s expected out || fail "DSSE Ed25519: output differs from sha256sum -c"
grep -q "good DSSE signature by the given Ed25519 key" err || fail "DSSE Ed25519: signer not named: $(cat err)"
"$FHASH" -c ec.intoto.jsonl --pubkey ec.pub > out 2>err || fail "DSSE P-256: exit status ($(cat err))"
cmp -s expected out || fail "DSSE P-256: output differs from sha256sum -c"
"$FHASH" -c ed.intoto.jsonl > out 2>err || fail "DSSE without --pubkey: subjects not read"
cmp -s expected out || fail "DSSE without --pubkey: output differs"

# Refusals: nothing on standard output, exit 1.
refused() {  # refused NAME PATTERN ARGS...
  local name=$1 pattern=$2 rc=0
  shift 2
  "$FHASH" "$@" >out 2>err || rc=$?
  [ "$rc" -eq 1 ] || fail "$name: exit $rc, expected 1 ($(cat err))"
  [ -s out ] && fail "$name: something was reported after a failed signature: $(cat out)"
  grep -q -- "$pattern" err || fail "$name: message lacks '$pattern': $(cat err)"
}
refused "DSSE wrong key" "no signature by the given key" -c ed.intoto.jsonl --pubkey ec.pub
payload=${payload/$a/$b}  # the Statement changed after signing
envelope ed.sig > tampered.intoto.jsonl
refused "DSSE tampered payload" "no signature by the given key" -c tampered.intoto.jsonl --pubkey ed.pub
{ cat ec.intoto.jsonl; cat tampered.intoto.jsonl; } > mixed.intoto.jsonl
refused "DSSE one bad envelope of two" "record 2" -c mixed.intoto.jsonl --pubkey ec.pub
refused "bare Statement with --pubkey" "bare Statement, not signed" -c pretty.json --pubkey ed.pub

finish "in-toto: Statements written and read, DSSE signatures by OpenSSL verified"
