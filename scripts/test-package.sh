#!/usr/bin/env bash
# Builds the Debian package from a built Release folder and proves it on this machine:
# lintian reports no error; `dpkg -i` installs it; the installed /usr/bin/fhash prints its
# version, `man -w fhash` finds the page, bash-completion loads the completion, and the
# demo (hash testdata/inputs into a manifest, verify it) runs; `dpkg --purge` then leaves
# nothing of what `dpkg -L` listed. Needs root or sudo (dpkg -i), as scripts/test.sh does.
#
#   scripts/test-package.sh [BUILD_DIR]     (default build-release, built already)
#
# A machine that has an fhash package installed already is left alone: the test says so
# and skips (exit 77) instead of replacing it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build-release}
case $build in
  /*) ;;
  *) build=$root/$build ;;
esac
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:[A-Z]*=//p' "$build/CMakeCache.txt")
deb=$build/packages/fhash_${version}_$(dpkg --print-architecture).deb
links_deb=$build/packages/fhash-tool-links_${version}_all.deb
if dpkg-query -W -f='${Status}' fhash 2>/dev/null | grep -q 'install ok installed'; then
  echo "SKIPPED: an fhash package is installed on this machine; not replacing it"
  exit 77
fi

echo "-- cpack -G DEB"
rm -f "$deb" "$links_deb"
(cd "$build" && cpack -G DEB >/dev/null)
[ -f "$deb" ] || { echo "FAIL: cpack wrote no $deb"; exit 1; }
[ -f "$links_deb" ] || { echo "FAIL: cpack wrote no $links_deb"; exit 1; }
dpkg-deb --info "$deb" | sed -n 's/^ \(Package\|Version\|Architecture\|Depends\|Recommends\|Installed-Size\):/   &/p'
depends=$(dpkg-deb -f "$deb" Depends)
for library in libc6 libssl3; do
  [[ $depends == *"$library"* ]] || fail "Depends lacks $library: $depends"
done
# FHASH_LEAN_START links the C++ runtime and libraries statically: none of them is needed.
if grep -q '^FHASH_LEAN_START:BOOL=ON' "$build/CMakeCache.txt"; then
  for library in libstdc++6 libfmt libpugixml libb2 libgomp; do
    [[ $depends != *"$library"* ]] || fail "Depends has $library, linked statically: $depends"
  done
fi
# ISA-L is opened on first use of a CRC: recommended, never a hard dependency.
[[ $depends != *libisal* ]] || fail "Depends has libisal, opened at run time: $depends"
if "$build/fhash" --version | grep -q '^provider crc: ISA-L'; then
  recommends=$(dpkg-deb -f "$deb" Recommends)
  [[ $recommends == *libisal2* ]] || fail "Recommends lacks libisal2: $recommends"
fi

echo "-- lintian"
lintian_status=0
lintian --fail-on error --display-info "$deb" "$links_deb" || lintian_status=$?
[ "$lintian_status" -eq 0 ] || fail "lintian reports errors (exit $lintian_status)"

echo "-- dpkg -i"
"${sudo[@]}" dpkg -i "$deb" >/dev/null
mapfile -t owned < <(dpkg -L fhash)
for path in /usr/bin/fhash /usr/share/man/man1/fhash.1.gz /usr/share/doc/fhash/copyright \
            /usr/share/doc/fhash/changelog.gz /usr/share/bash-completion/completions/fhash \
            /usr/share/zsh/vendor-completions/_fhash /usr/share/fish/vendor_completions.d/fhash.fish; do
  printf '%s\n' "${owned[@]}" | grep -qxF "$path" || fail "dpkg -L fhash does not list $path"
  [ -e "$path" ] || fail "$path is not installed"
done

/usr/bin/fhash --version | grep -qxF "fhash $version" || fail "/usr/bin/fhash --version is not $version"
if grep -rqs '^path-exclude=/usr/share/man' /etc/dpkg/dpkg.cfg.d/; then
  echo "NOTE: dpkg excludes /usr/share/man here (/etc/dpkg/dpkg.cfg.d): man -w not checked"
else
  [ "$(man -w fhash)" = /usr/share/man/man1/fhash.1.gz ] || fail "man -w fhash: $(man -w fhash 2>&1)"
  # grep without -q reads all its input: an early exit would kill zcat (SIGPIPE under pipefail).
  zcat /usr/share/man/man1/fhash.1.gz | grep "^\.TH FHASH 1 \"[^\"]*\" \"fhash $version\"" >/dev/null ||
    fail "the installed man page's .TH line does not name fhash $version"
fi

# Completion as an interactive shell gets it: bash-completion loads the installed file on
# first use of fhash, and its function completes an option and an algorithm.
reply=$(bash --norc --noprofile -c '
  source /usr/share/bash-completion/bash_completion || exit 3
  __load_completion fhash || exit 4
  function=$(complete -p fhash) && function=${function#*-F } && function=${function%% *}
  COMP_WORDS=(fhash --no-n); COMP_CWORD=1; "$function" fhash --no-n fhash; echo "${COMPREPLY[*]}"
  COMP_WORDS=(fhash -a sha3-2); COMP_CWORD=2; "$function" fhash sha3-2 -a; echo "${COMPREPLY[*]}"
') || fail "bash-completion does not load the installed completion"
[[ $reply == *--no-names*sha3-256* ]] || fail "installed completion offers: $reply"

# The demo (scripts/demo.sh) through the installed program.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -R "$root/testdata/inputs" "$scratch/inputs"
(cd "$scratch/inputs" && /usr/bin/fhash -r . -o "$scratch/testdata.sha256" &&
  /usr/bin/fhash -c "$scratch/testdata.sha256" >"$scratch/check.out") ||
  fail "the demo through /usr/bin/fhash failed"
[ "$(grep -c ': OK$' "$scratch/check.out")" -eq "$(wc -l <"$scratch/testdata.sha256")" ] ||
  fail "the demo verified fewer files than it hashed"
echo "   demo: $(wc -l <"$scratch/testdata.sha256") files hashed and verified by /usr/bin/fhash"

echo "-- fhash-tool-links: dpkg -i, the links, sha256sum through PATH, dpkg --purge"
"${sudo[@]}" dpkg -i "$links_deb" >/dev/null
mapfile -t links_owned < <(dpkg -L fhash-tool-links)
for tool in md5sum sha1sum sha224sum sha256sum sha384sum sha512sum b2sum cksum sum b3sum xxhsum \
            xxh32sum xxh64sum xxh128sum xxh3sum fciv; do
  link=/usr/lib/fhash/bin/$tool
  printf '%s\n' "${links_owned[@]}" | grep -qxF "$link" || fail "dpkg -L fhash-tool-links lacks $link"
  [ "$(readlink -f "$link")" = /usr/bin/fhash ] || fail "$link does not lead to /usr/bin/fhash"
done
[ "$(dpkg -S /usr/bin/sha256sum 2>/dev/null | cut -d: -f1)" = coreutils ] ||
  fail "/usr/bin/sha256sum is no longer coreutils'"
(cd "$scratch/inputs" && PATH=/usr/lib/fhash/bin:$PATH sha256sum abc.txt >"$scratch/links.out" &&
  /usr/bin/sha256sum abc.txt >"$scratch/coreutils.out") || fail "sha256sum through the links failed"
cmp -s "$scratch/links.out" "$scratch/coreutils.out" || fail "fhash as sha256sum differs from coreutils"
"${sudo[@]}" dpkg --purge fhash-tool-links >/dev/null
[ ! -e /usr/lib/fhash ] || fail "/usr/lib/fhash is left behind after dpkg --purge fhash-tool-links"

echo "-- dpkg --purge"
"${sudo[@]}" dpkg --purge fhash >/dev/null
for path in "${owned[@]}"; do
  # Folders other packages share (/usr, /usr/share/man/man1, ...) stay; fhash's own go.
  if [ -e "$path" ] && { [ ! -d "$path" ] || [[ $path == */fhash ]]; }; then
    fail "$path is left behind after dpkg --purge"
  fi
done
left=$(find /usr /etc /var/lib/dpkg/info -path /usr/local -prune -o -name '*fhash*' -print 2>/dev/null || true)
[ -z "$left" ] || fail "left behind after dpkg --purge: $left"
if dpkg-query -W -f='${Status}' fhash 2>/dev/null | grep -q installed; then
  fail "dpkg still lists fhash as installed"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "packages: $(basename "$deb") and $(basename "$links_deb") built, lintian-clean of errors, installed, run and purged"
