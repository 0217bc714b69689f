#!/usr/bin/env bash
# Shell completion: the bash script of `fhash --completion bash`, sourced in a clean bash,
# completes every long option that --help lists (so the two cannot drift apart), the values
# of -a, -f, --read-mode and --color (also as --opt=value, in one word or in three as
# readline splits it at '='), and file and folder names. The zsh and fish scripts are
# checked for syntax where those shells are installed (and fish completes from its script);
# the PowerShell one for its options.
# Usage: completion_test.sh FHASH TESTDATA_DIR
source "$(dirname "$0")/lib.sh"

"$FHASH" --completion bash >fhash.bash || fail "--completion bash failed"
"$FHASH" --help >help.txt || fail "--help failed"
mapfile -t long_options < <(grep -oE -- '--[a-z][a-z0-9-]*' help.txt | sort -u)
[ "${#long_options[@]}" -gt 20 ] || fail "only ${#long_options[@]} long options found in --help"

mkdir -p dir.d/inner
touch file-one.txt file-two.txt

# Prints COMPREPLY, one a line, for the words given (the last one is being completed).
# The function is the one `complete -p fhash` names, as readline would call it.
complete_words() {
  bash --norc --noprofile -c '
    source ./fhash.bash || exit 3
    spec=$(complete -p fhash) || exit 4
    function=${spec#*-F }
    function=${function%% *}
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="${COMP_WORDS[*]}"
    COMP_POINT=${#COMP_LINE}
    "$function" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"
  ' bash "$@"
}

# expect_reply WANTED WORD...: completing WORD... offers WANTED.
expect_reply() {
  local wanted=$1
  shift
  local reply
  reply=$(complete_words "$@") || fail "completing '$*' failed"
  grep -qxF -- "$wanted" <<<"$reply" ||
    fail "completing '$*' does not offer '$wanted' (got: ${reply//$'\n'/ })"
}
# refuse_reply UNWANTED WORD...: completing WORD... does not offer UNWANTED.
refuse_reply() {
  local unwanted=$1
  shift
  if complete_words "$@" | grep -qxF -- "$unwanted"; then
    fail "completing '$*' offers '$unwanted'"
  fi
}

spec=$(bash --norc --noprofile -c 'source ./fhash.bash && complete -p fhash')
[[ $spec == *"-F "*" fhash" ]] || fail "complete -p fhash: '$spec'"

# Every long option of --help, from its full name and from its first three letters.
for option in "${long_options[@]}"; do
  expect_reply "$option" "$FHASH" "$option"
  expect_reply "$option" "$FHASH" "${option:0:5}"
done
expect_reply -a "$FHASH" -
expect_reply --no-names "$FHASH" -r --no-n

# Values.
mapfile -t algorithms < <("$FHASH" --list-algorithms)
for algorithm in "${algorithms[@]}"; do
  expect_reply "$algorithm" "$FHASH" -a ""
done
expect_reply sha3-256 "$FHASH" --algorithm sha3-2
expect_reply md5,sha1 "$FHASH" -a md5,sha
refuse_reply md5 "$FHASH" -a sha
for format in gnu bsd fciv-xml json csv sfv hashdeep; do
  expect_reply "$format" "$FHASH" -f ""
done
expect_reply chunked "$FHASH" --read-mode ch
expect_reply always "$FHASH" --color al
expect_reply --color=always "$FHASH" --color=al   # one word ('=' not a word break)
expect_reply always "$FHASH" --color = al         # three words (bash's COMP_WORDBREAKS)
expect_reply never "$FHASH" --color =
expect_reply powershell "$FHASH" --completion p
expect_reply --format=json "$FHASH" --format=j

# Names on disk: files for PATH and FILE, folders for --base-dir, nothing for -j.
expect_reply file-one.txt "$FHASH" file-
expect_reply file-two.txt "$FHASH" -r file-
expect_reply file-one.txt "$FHASH" -o file-
expect_reply dir.d "$FHASH" --base-dir dir
refuse_reply file-one.txt "$FHASH" --base-dir file-
refuse_reply file-one.txt "$FHASH" -j ""
expect_reply file-one.txt "$FHASH" fciv -r file-   # FCIV's syntax: names only
refuse_reply --recursive "$FHASH" fciv --rec

# The other shells' scripts: written, naming every long option, and parsed by their shell
# where it is installed.
for shell in zsh fish powershell; do
  "$FHASH" --completion "$shell" >"completion.$shell" || fail "--completion $shell failed"
  for option in "${long_options[@]}"; do
    case $shell in
      fish) needle="-l ${option#--}" ;;
      *) needle=$option ;;
    esac
    grep -qF -- "$needle" "completion.$shell" || fail "the $shell script lacks $option"
  done
done
if command -v zsh >/dev/null; then
  zsh -n completion.zsh || fail "zsh -n: the zsh script does not parse"
else
  note "zsh is not installed: its script's syntax is not checked"
fi
if command -v fish >/dev/null; then
  fish --no-execute completion.fish || fail "fish --no-execute: the fish script does not parse"
  reply=$(fish --no-config -c 'source completion.fish; complete -C "fhash --no-n"; complete -C "fhash --color "')
  for wanted in --no-names always never; do
    grep -q "^$wanted"$'\t' <<<"$reply" || fail "fish does not offer $wanted (got: ${reply//$'\n'/ })"
  done
else
  note "fish is not installed: its script's syntax is not checked"
fi
grep -q 'Register-ArgumentCompleter -Native -CommandName fhash, fhash.exe' completion.powershell ||
  fail "the PowerShell script does not register a native completer for fhash and fhash.exe"

finish "completion: ${#long_options[@]} long options of --help complete in bash; values and names too"
