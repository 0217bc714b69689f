#!/usr/bin/env bash
# GNU coreutils' own tests of md5sum, sha*sum, b2sum, cksum and sum, run against fhash linked
# under those names. Each script runs twice: first against the system's GNU programs (the
# control: it proves the harness works here), then against fhash. The source is Debian's
# source package of the installed coreutils (apt-get source; a deb-src entry is added for the
# system's own suites when none is enabled), kept in WORKDIR between runs.
#
#   tests/peers/coreutils_suite.sh FHASH [WORKDIR]
#
# Exit 0 when fhash passes every script the control passes and at least one script ran;
# 1 otherwise. Scripts the control does not pass are listed and not counted.
set -euo pipefail
fhash=$(realpath "${1:?usage: coreutils_suite.sh FHASH [WORKDIR]}")
work=$(realpath -m "${2:-$(dirname "$fhash")/coreutils-tests}")
tools=(md5sum sha1sum sha224sum sha256sum sha384sum sha512sum b2sum cksum sum)
# coreutils programs the scripts call besides the tools under test (print_ver_ requires them
# "built"), linked from the system.
helpers=(printf shuf seq env tr cat head tail rm touch echo yes)
perl_tests=(md5sum md5sum-newline sha1sum sha1sum-vec sha224sum sha256sum sha384sum sha512sum
            sum sm3sum invalid-opt tty-eof)
shell_tests=(b2sum cksum cksum-a cksum-c md5sum-bsd md5sum-parallel sum-sysv help-version
             help-version-getopt)

enable_deb_src() {
  local added=0 f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -e "$f" ] || continue
    case $f in */coreutils-tests-src-*) continue ;; esac
    if grep -q '^Types:.*\bdeb\b' "$f"; then
      sed 's/^Types:.*/Types: deb-src/' "$f" > "/etc/apt/sources.list.d/coreutils-tests-src-$(basename "$f")"
      added=1
    fi
  done
  if [ -f /etc/apt/sources.list ] && grep -q '^deb ' /etc/apt/sources.list; then
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > /etc/apt/sources.list.d/coreutils-tests-src.list
    added=1
  fi
  [ "$added" = 1 ] || { echo "coreutils_suite: no apt source to add a deb-src entry for" >&2; exit 1; }
  apt-get update -qq
}

fetch_source() {
  local version
  version=$(dpkg-query -W -f '${Version}' coreutils)
  tree=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'coreutils-*' 2>/dev/null | head -n 1 || true)
  if [ -n "$tree" ] && [ -f "$work/.version" ] && [ "$(cat "$work/.version")" = "$version" ]; then
    return
  fi
  rm -rf "$work"
  mkdir -p "$work"
  if ! (cd "$work" && apt-get source -qq "coreutils=$version" >/dev/null 2>&1); then
    enable_deb_src
    (cd "$work" && apt-get source -qq "coreutils=$version" >/dev/null)
  fi
  echo "$version" > "$work/.version"
  tree=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'coreutils-*' | head -n 1)
}

# Links the tools to $1 (a program, or "gnu" for the system's own) in the tree's src/.
link_tools() {
  mkdir -p "$tree/src"
  local t
  for t in "${tools[@]}"; do
    if [ "$1" = gnu ]; then ln -sfn "$(type -P "$t")" "$tree/src/$t"; else ln -sfn "$1" "$tree/src/$t"; fi
  done
  for t in "${helpers[@]}"; do
    ln -sfn "$(type -P "$t")" "$tree/src/$t"
  done
}

# Runs one script in the tree; prints pass, fail or skip.
run_script() {
  local kind=$1 name=$2 log=$3 rc=0
  (
    cd "$tree"
    export srcdir=. abs_top_builddir=$tree abs_top_srcdir=$tree LC_ALL=C
    export built_programs="${tools[*]} ${helpers[*]}" PATH="$tree/src:$PATH"
    # help-version.sh checks the first program's --version against VERSION: a PATH check.
    VERSION=$(src/md5sum --version | sed -n '1s/.* //p;q')
    export VERSION
    if [ "$kind" = perl ]; then
      perl -w -I tests -MCuSkip -MCoreutils -MCuTmpdir="$name" -- "tests/misc/$name.pl"
    else
      stderr_fileno_=9 bash "tests/misc/$name.sh" 9>&2
    fi
  ) > "$log" 2>&1 || rc=$?
  case $rc in
    0) echo pass ;;
    77) echo skip ;;
    *) echo fail ;;
  esac
}

fetch_source
[ -f "$tree/tests/misc/md5sum.pl" ] || { echo "coreutils_suite: no coreutils test tree under $work" >&2; exit 1; }
echo "coreutils $(cat "$work/.version") test scripts from $tree"
passed=0
failed=0
uncounted=0
for entry in "${perl_tests[@]/#/perl:}" "${shell_tests[@]/#/shell:}"; do
  kind=${entry%%:*}
  name=${entry#*:}
  link_tools gnu
  control=$(run_script "$kind" "$name" "$work/$name.gnu.log")
  link_tools "$fhash"
  ours=$(run_script "$kind" "$name" "$work/$name.fhash.log")
  printf '  %-16s GNU: %-4s  fhash: %s\n' "$name" "$control" "$ours"
  if [ "$control" != pass ]; then
    uncounted=$((uncounted + 1))
  elif [ "$ours" = pass ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    sed 's/^/    | /' "$work/$name.fhash.log" | tail -n 40
  fi
done
echo "coreutils scripts: $passed passed, $failed failed, $uncounted not passed by GNU itself (not counted)"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
