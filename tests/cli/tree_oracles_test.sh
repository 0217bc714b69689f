#!/usr/bin/env bash
# fhash tree against the tools that own each scheme: Go's dirhash package (h1, and its hex
# form dirhash), nix-hash (NAR), git write-tree and git ls-tree (git, git-sha256), on trees
# with awkward names, empty files and folders, executable bits and symbolic links.
oracles="$(cd "$(dirname "$0")" && pwd)/oracles"
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
command -v go >/dev/null || skip "go not installed (golang-go)"
command -v nix-hash >/dev/null || skip "nix-hash not installed (nix-bin)"
command -v git >/dev/null || skip "git not installed"
[ -d /usr/share/gocode/src/golang.org/x/mod/sumdb/dirhash ] ||
  skip "golang.org/x/mod not installed (golang-golang-x-mod-dev)"

tree() { "$FHASH" tree "$@"; }

mkdir gosrc && cp "$oracles/dirhash.go" gosrc/main.go
GOPATH=/usr/share/gocode GO111MODULE=off GOFLAGS= go build -o godirhash ./gosrc ||
  skip "the dirhash oracle does not build"

# Trees: t1 awkward names and every kind of entry; t2 empty; t3 one file.
mkdir -p t1/sub/deeper t1/empty t1/a t1/"with space" t1/emptyparent/empty
printf 'hello\n' > t1/a.b
printf 'x' > t1/a/x
: > t1/empty-file
printf '#!/bin/sh\necho hi\n' > t1/tool && chmod 755 t1/tool
printf 'deep' > t1/sub/deeper/f
printf 'sp' > "t1/with space/ü ñ.txt"
printf 'dash' > t1/-lead
printf 'dot' > t1/.hidden
head -c 300000 /dev/urandom > t1/sub/big.bin
ln -s a.b t1/link-to-file
printf 'git sorts me after a.b' > t1/a-
mkdir t2
mkdir t3 && printf 'only' > t3/only

gitrepo() {  # gitrepo <folder> <object format>: the tree id git writes for the folder
  local dir=$1 repo=$scratch/repo-$2-$RANDOM
  git init -q --object-format="$2" "$repo" 2>/dev/null || return 1
  GIT_DIR=$repo/.git GIT_WORK_TREE=$dir git add -A >/dev/null 2>&1 || return 1
  GIT_DIR=$repo/.git git write-tree
  echo "$repo" > last-repo
}

for t in t1 t2 t3; do
  want=$(./godirhash "$t") || fail "go dirhash failed on $t"
  got=$(tree "$t") || fail "fhash tree $t failed"
  [ "$got" = "$want  $t" ] || fail "h1 of $t: fhash '$got', go '$want'"
  hex=$(printf '%s' "${want#h1:}" | base64 -d | xxd -p -c 64)
  got=$(tree --scheme dirhash "$t")
  [ "$got" = "$hex  $t" ] || fail "dirhash of $t: fhash '$got', go '$hex'"
  tree --expect "$want" "$t" >/dev/null || fail "--expect h1 of $t"

  nixhex=$(nix-hash --type sha256 "$t")
  nix32=$(nix-hash --type sha256 --base32 "$t")
  sri="sha256-$(printf '%s' "$nixhex" | xxd -r -p | base64 -w0)"
  got=$(tree --scheme nar "$t")
  [ "$got" = "$sri  $t" ] || fail "nar of $t: fhash '$got', nix-hash $sri"
  tree --expect "$nix32" "$t" >/dev/null || fail "--expect of nix base32 $nix32 on $t"
  tree --scheme nar --expect "$nixhex" "$t" >/dev/null || fail "--expect of nix hex on $t"

  for format in sha1 sha256; do
    scheme=git; [ "$format" = sha256 ] && scheme=git-sha256
    want=$(gitrepo "$PWD/$t" "$format") || { fail "git write-tree ($format) failed"; continue; }
    got=$(tree --scheme "$scheme" "$t")
    [ "$got" = "$want  $t" ] || fail "$scheme of $t: fhash '$got', git '$want'"
    repo=$(cat last-repo)
    GIT_DIR=$repo/.git git -c core.quotePath=false ls-tree -r -t "$want" > want.explain
    tree --scheme "$scheme" --explain "$t" | sed '$d' > got.explain
    cmp -s want.explain got.explain || fail "$scheme --explain of $t differs from git ls-tree -r -t"
    tree --scheme "$scheme" --expect "$want" "$t" >/dev/null || fail "--expect $scheme on $t"
  done
done

# h1's --explain is exactly the sorted SHA-256 manifest, and its SHA-256 is the digest.
tree --explain t1 | sed '$d' > manifest
[ "h1:$(sha256sum < manifest | cut -c1-64 | xxd -r -p | base64 -w0)" = "$(./godirhash t1)" ] ||
  fail "the h1 --explain manifest does not hash to the digest"
(cd t1 && find . -type f -o -type l | sed 's|^\./||' | LC_ALL=C sort | while read -r f; do
  printf '%s  %s\n' "$(sha256sum < "$f" | cut -c1-64)" "$f"; done) > manifest.want
cmp -s manifest manifest.want || fail "h1 --explain is not the sorted sha256sum manifest"
# ... and, for a tree without links (which -r does not follow), fhash's own -r manifest.
cp -a t1 t6 && rm t6/link-to-file
(cd t6 && "$FHASH" -r .) > manifest.r
tree --explain t6 | sed '$d' | cmp -s - manifest.r || fail "h1 --explain differs from fhash -r ."

# A mismatch fails with 1 and says FAILED; a digest of another form is a usage error.
tree --expect "$(./godirhash t3)" t1 > out 2>err && fail "--expect mismatch exited 0"
grep -q '^t1: FAILED$' out || fail "--expect mismatch: no FAILED line"
tree --expect deadbeef t1 >/dev/null 2>&1; [ $? -eq 2 ] || fail "an unknown digest form is not a usage error"

# Filters: --exclude gives the digest of the tree without those files (go and nix agree).
cp -a t1 t4 && printf 'log' > t4/x.log && printf 'log' > t4/sub/y.log && mkdir t4/tmp && printf 'q' > t4/tmp/q
[ "$(tree --exclude '*.log' --exclude tmp t4)" = "$(./godirhash t1)  t4" ] || fail "--exclude with h1"
[ "$(tree --scheme nar --exclude '*.log' --exclude tmp t4 | cut -d' ' -f1)" = \
  "$(tree --scheme nar t1 | cut -d' ' -f1)" ] || fail "--exclude with nar"

# --prefix: go.sum's module@version before every name.
[ "$(tree --prefix example.com/m@v1.2.3 t1 | cut -d' ' -f1)" = \
  "$(DIRHASH_PREFIX=example.com/m@v1.2.3 ./godirhash t1)" ] || fail "--prefix with h1"

# --base-dir: names relative to it.
[ "$(tree --base-dir t1 t1/sub | cut -d' ' -f3)" = "sub" ] || fail "--base-dir"

# h1 refuses a name with a newline, as Go does.
mkdir t5 && printf 'n' > "t5/new
line"
./godirhash t5 >/dev/null 2>&1 && fail "go accepted a newline (the oracle changed?)"
tree t5 >/dev/null 2>err && fail "h1 accepted a file name with a newline"
grep -q newline err || fail "h1's refusal does not say why: $(cat err)"
tree --scheme nar t5 >/dev/null || fail "nar refused a newline in a name"
[ "$(tree --scheme nar t5 | head -c 51)" = "sha256-$(nix-hash --type sha256 t5 | xxd -r -p | base64 -w0 | head -c 44)" ] ||
  fail "nar with a newline in a name"

finish "tree: h1, dirhash, nar, git and git-sha256 agree with go, nix-hash and git"
