#!/usr/bin/env bash
# Compares fhash with the system's coreutils byte for byte, awkward file names included:
# hash output (untagged and --tag) for every algorithm coreutils has, and check mode.
# Usage: compat_coreutils_test.sh FHASH TESTDATA_DIR   (environment: FHASH_TEST_ARGS, which
# fh puts before every fhash argument list)
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

# Awkward names: backslash, newline, carriage return, leading space, trailing space,
# leading dash, a non-UTF-8 byte, unicode, a quote.
names=(plain.txt 'back\slash.txt' $'new\nline.txt' $'cr\rret.txt' ' lead.txt' 'trail.txt '
       '-dash.txt' $'bad\xffbyte.txt' 'ü-日本.txt' "it's.txt" 'sp ace.txt')
i=0
for n in "${names[@]}"; do
  head -c $((i * 1000 + 7)) /dev/urandom > "./$n"
  i=$((i + 1))
done
head -c 5000000 /dev/urandom > big.bin
files=("${names[@]}" big.bin)

for mode in chunked mmap; do
  for pair in md5:md5sum sha1:sha1sum sha224:sha224sum sha256:sha256sum sha384:sha384sum \
              sha512:sha512sum blake2b:b2sum; do
    alg=${pair%%:*}
    tool=${pair##*:}
    command -v "$tool" >/dev/null || continue
    "$tool" -- "${files[@]}" > expected 2>/dev/null
    fh --read-mode "$mode" -a "$alg" -- "${files[@]}" > actual || fail "$alg exit status ($mode)"
    cmp -s expected actual || fail "$alg output differs from $tool ($mode)"
    "$tool" --tag -- "${files[@]}" > expected 2>/dev/null
    fh --read-mode "$mode" --tag -a "$alg" -- "${files[@]}" > actual || fail "$alg --tag exit ($mode)"
    cmp -s expected actual || fail "$alg --tag output differs from $tool ($mode)"
  done
done

# Check mode: a manifest written by sha256sum, verified by fhash; stdout as sha256sum -c's
# for ordinary names.
sha256sum -- plain.txt ' lead.txt' 'trail.txt ' -dash.txt 'ü-日本.txt' "it's.txt" big.bin > ordinary.sha256
sha256sum -c ordinary.sha256 > expected 2>&1
fh -c ordinary.sha256 > actual 2>&1 || fail "check of ordinary names failed"
cmp -s expected actual || fail "check output differs from sha256sum -c"

# Awkward names: fhash verifies what sha256sum wrote, and sha256sum verifies what fhash wrote.
sha256sum -- "${files[@]}" > all.sha256
fh -c --quiet all.sha256 || fail "fhash -c of sha256sum's awkward manifest"
fh -- "${files[@]}" > fhash.sha256
cmp -s all.sha256 fhash.sha256 || fail "manifest bytes differ"
sha256sum -c --quiet fhash.sha256 || fail "sha256sum -c of fhash's manifest"
fh --tag -a md5,sha1,sha256 -- "${files[@]}" > tagged.txt
fh -c --quiet tagged.txt || fail "fhash -c of its own tagged multi-algorithm manifest"

# A changed file makes both fail the same way.
printf 'changed' > plain.txt
sha256sum -c ordinary.sha256 > expected 2>/dev/null; want=$?
fh -c ordinary.sha256 > actual 2>/dev/null; got=$?
[ "$want" = "$got" ] || fail "exit status after a change: sha256sum $want, fhash $got"
cmp -s expected actual || fail "check output after a change differs"

# A recursive run gives the manifest that find | sort | sha256sum gives.
mkdir -p tree/a/b tree/c
for f in tree/a/1 tree/a/b/2 tree/c/3 tree/a.txt; do head -c 777 /dev/urandom > "$f"; done
(find tree -type f | LC_ALL=C sort | xargs -d '\n' sha256sum) > expected
fh -r tree > actual || fail "-r exit status"
cmp -s expected actual || fail "-r output differs from find | sort | sha256sum"

# Diagnostics quote a file name as coreutils does (shell-escape style, in a UTF-8 locale):
# the message for each missing awkward name is md5sum's, with "md5sum:" read as "fhash:".
quoting=('a:b' 'a=b' 'a^b' 'a?b' '~a' 'a~b' '#' 'a#b' 'a{b}' 'a]b' "it's" "it's!" "a'\$b"
         $'a\n\nb' $'\nabc' $'abc\n' $'\e[31m' $'q\x01\x02r' $'a\xc2\x85b' $'x\xffy' $'\xe6\x97'
         'ü-日本' $'tab\there' "'" $'\n\'' $'x\'y\nz' 'sp ace')
# (Not compared: a name with a single quote whose last byte is escaped, such as $'a\'\n',
# where coreutils 9.1's quoting is irregular.)
for n in "${quoting[@]}"; do
  want=$(LC_ALL=C.UTF-8 md5sum -- "missing/$n" 2>&1 >/dev/null | sed 's/^md5sum: /fhash: /')
  got=$(fh -a md5 -- "missing/$n" 2>&1 >/dev/null)
  [ "$want" = "$got" ] || fail "quoting of $(printf '%q' "$n"): md5sum says [$want], fhash [$got]"
done

finish "compat: all comparisons equal"
