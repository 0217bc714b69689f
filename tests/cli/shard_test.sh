#!/usr/bin/env bash
# --shard K/N and fhash merge: the shards of a run, merged, are the bytes of the single run
# (whatever -j and the read mode of each shard), in every line-per-file format; GNU
# sha256sum -c reads every shard (its header and trailer are comment lines); a new file
# moves no other file to another shard; -c --shard verifies each entry exactly once over
# the shards; --shard auto reads Slurm's and Kubernetes' variables; the merge refuses a
# missing shard, a shard given twice, shards of two runs, different digests for one name,
# unsorted and truncated shards, and a full disk, leaving -o untouched each time. The same
# shards run by GNU parallel merge to the same bytes.
source "$(dirname "$0")/lib.sh"
command -v sha256sum >/dev/null || skip "GNU coreutils sha256sum is not installed"

mkdir -p tree/a/b tree/a.b tree/c
for i in $(seq 1 40); do echo "file $i" >"tree/a/f$i"; done
for i in $(seq 1 12); do head -c $((i * 3000)) /dev/zero | tr '\0' "x" >"tree/a/b/g$i"; done
echo dot >tree/a.b/x      # "a.b/x" sorts before "a/..." ('.' < '/')
printf 'x' >'tree/c/back\slash'
printf 'y' >"tree/c/new
line"
printf 'z' >"tree/c/sp ace"
: >tree/c/empty

# shards K [N] [fhash args...]: part.K for K in 0..N-1 of `fh -r . ARGS` run in tree/.
shards() {
  local n=$1
  shift
  rm -f part.*
  for ((k = 0; k < n; k++)); do
    (cd tree && fh -r . --shard "$k/$n" -o "../part.$k" "$@") || fail "shard $k/$n ($*) failed"
  done
}

# Byte identity for several shard counts, algorithm sets and both line formats.
for args in "" "-a md5,sha256,blake2b" "--tag -a sha1,sha512" "-a xxh3,crc32,blake3"; do
  # shellcheck disable=SC2086
  (cd tree && fh -r . $args -o ../full) || fail "single run ($args)"
  counts="4"
  [ -z "$args" ] && counts="1 4 7"
  for n in $counts; do
    # shellcheck disable=SC2086
    shards "$n" $args
    "$FHASH" merge part.* -o merged || fail "merge of $n shards ($args) failed"
    cmp -s merged full || fail "$n shards ($args) do not merge into the single run's bytes"
  done
done

# SFV and hashdeep shards: the shard lines are comments of the format (';', and '##' after
# hashdeep's "%%%%" header), the merge gives the single run's bytes, and the formats' own
# tools read each shard.
# (Their lines cannot hold a name with a line break: the tree's one is moved out meanwhile.)
mv "tree/c/new
line" newline.saved
for args in "-f sfv" "-f sfv -a crc32" "-f hashdeep" "-f hashdeep -a md5,sha256"; do
  # shellcheck disable=SC2086
  (cd tree && fh -r . $args -o ../full) || fail "single run ($args)"
  for n in 1 3; do
    # shellcheck disable=SC2086
    shards "$n" $args
    "$FHASH" merge part.* -o merged || fail "merge of $n shards ($args) failed"
    cmp -s merged full || fail "$n shards ($args) do not merge into the single run's bytes"
  done
  for k in 0 1 2; do
    (cd tree && fh -c --quiet "../part.$k") || fail "fhash -c rejects part.$k ($args)"
  done
done
(cd tree && fh -r . -f sfv --shard 1/3 -o ../part.1)
head -n 2 part.1 | grep -q '^; fhash shard 1/3 run [0-9a-f]* format sfv$' || fail "sfv header: $(head -2 part.1)"
tail -n 1 part.1 | grep -q '^; fhash shard 1/3 end [0-9]*$' || fail "sfv trailer: $(tail -1 part.1)"
if command -v cksfv >/dev/null; then
  (cd tree && cksfv -q -f ../part.1) || fail "cksfv rejects an SFV shard"
fi
if command -v rhash >/dev/null; then
  # (rhash takes a '\\' in an SFV name for a folder separator: that file is left out.)
  grep -v 'back' part.1 >rhash.1
  (cd tree && rhash -c ../rhash.1 >/dev/null) || fail "rhash -c rejects an SFV shard"
fi
(cd tree && fh -r . -f hashdeep --shard 1/3 -o ../part.1)
sed -n 5p part.1 | grep -q '^## fhash shard 1/3 run [0-9a-f]* format hashdeep$' ||
  fail "hashdeep header: $(head -5 part.1)"
head -n 1 part.1 | grep -qx '%%%% HASHDEEP-1.0' || fail "a hashdeep shard does not start with its magic"
if command -v hashdeep >/dev/null; then
  listed=$(grep -vc -e '^#' -e '^%' part.1)
  matched=$(cd tree && hashdeep -r -l -m -k ../part.1 . | wc -l)
  [ "$matched" -eq "$listed" ] || fail "hashdeep -m -k matches $matched of the $listed files of a shard"
fi
# Shards of one run in two formats are two runs.
(cd tree && fh -r . -f sfv --shard 0/2 -o ../sfv.0 &&
  fh -r . -f gnu -a crc32 --shard 1/2 -o ../gnu.1)
merge_refuses_early() { "$FHASH" merge "$@" >/dev/null 2>err; [ $? -eq 2 ] && grep -q 'different runs' err; }
merge_refuses_early sfv.0 gnu.1 || fail "sfv and gnu shards merged: $(cat err)"
mv newline.saved "tree/c/new
line"

# Each shard with its own -j and read mode: still the same bytes.
(cd tree && fh -r . -o ../full) || fail "single run"
rm -f part.*
for k in 0 1 2 3; do
  jobs=("-j1 --read-mode chunked" "-j3 --read-mode mmap" "-j2" "-j1 --read-mode mmap")
  # shellcheck disable=SC2086
  (cd tree && "$FHASH" ${jobs[$k]} -r . --shard "$k/4" -o "../part.$k") || fail "shard $k/4"
done
"$FHASH" merge part.* -o merged && cmp -s merged full || fail "shards run with other -j differ"

# The walk drops other shards' files by their name before it builds a path: every way of
# naming the root (the name is the root as given, then the relative path), filters,
# --base-dir and -L split the same files as the single run writes.
ln -s ../a/b tree/c/link-to-b
set -f  # the patterns below are fhash's, not the shell's
for args in "-r tree" "-r tree/" "-r ./tree" "-r tree//a" "-r ./" "-r tree --exclude f1*" \
  "-r tree --include g* --include *.b/" "-r tree --base-dir tree" "-r tree -L" "-r tree/a tree/c"; do
  if [ "$args" = "-r ./" ]; then dir=tree; else dir=.; fi
  # shellcheck disable=SC2086
  (cd "$dir" && fh $args -o "$OLDPWD/full") || fail "single run ($args)"
  rm -f part.*
  for k in 0 1 2; do
    # shellcheck disable=SC2086
    (cd "$dir" && fh $args --shard "$k/3" -o "$OLDPWD/part.$k") || fail "shard $k/3 ($args)"
  done
  "$FHASH" merge part.0 part.1 part.2 -o merged && cmp -s merged full ||
    fail "3 shards of $args do not merge into the single run's bytes"
done
set +f
rm tree/c/link-to-b

# Shard outputs: a header and a trailer that GNU -c skips as comments, even with --strict.
(cd tree && fh -r . -o ../full) || fail "single run"
shards 4
grep -q '^# fhash shard 2/4 run [0-9a-f]\{16\} format gnu$' part.2 || fail "no header: $(head -1 part.2)"
grep -q '^# fhash shard 2/4 end [0-9]*$' part.2 || fail "no trailer: $(tail -1 part.2)"
for k in 0 1 2 3; do
  (cd tree && sha256sum -c --strict --quiet "../part.$k") || fail "sha256sum -c rejects part.$k"
  (cd tree && fh -c --strict --quiet "../part.$k") || fail "fhash -c rejects part.$k"
done
# Every file is in exactly one shard.
total=$(cat part.* | grep -vc '^#')
[ "$total" -eq "$(wc -l <full)" ] || fail "the shards hold $total lines, the run $(wc -l <full)"

# A new file moves no other file: each old line stays in the same shard.
cp part.1 before.1
echo new >tree/a/zz-new
shards 4
grep -v '^#' before.1 | while IFS= read -r line; do
  grep -qxF -- "$line" part.1 || { echo "moved: $line"; exit 1; }
done || fail "adding a file moved another file to another shard"
rm tree/a/zz-new
(cd tree && fh -r . -o ../full) || fail "single run"
shards 4

# -c --shard K/N: over the shards, every entry is verified exactly once.
(cd tree && fh -c ../full) | sort >check.all
for k in 0 1 2 3; do (cd tree && fh -c --shard "$k/4" ../full); done | sort >check.shards
cmp -s check.all check.shards || fail "-c --shard K/4 over all K differs from one -c"

# --shard auto.
(cd tree && SLURM_ARRAY_TASK_ID=7 SLURM_ARRAY_TASK_MIN=5 SLURM_ARRAY_TASK_MAX=8 fh -r . --shard auto 2>../err) >auto.out
cmp -s auto.out part.2 || fail "Slurm task 7 of 5-8 is not shard 2/4"
grep -q 'shard 2/4 from SLURM_ARRAY_TASK_ID=7' err || fail "--shard auto does not say what it used: $(cat err)"
(cd tree && SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=4 fh -r . --shard auto 2>/dev/null) | cmp -s - part.3 ||
  fail "SLURM_ARRAY_TASK_COUNT"
(cd tree && SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=1 fh -r . --shard auto --shards 4 2>/dev/null) |
  cmp -s - part.1 || fail "a Slurm task sent again alone with --shards 4 is not its shard"
(cd tree && JOB_COMPLETION_INDEX=0 fh -r . --shard auto --shards 4 2>/dev/null) | cmp -s - part.0 ||
  fail "JOB_COMPLETION_INDEX"
(cd tree && env -u SLURM_ARRAY_TASK_ID -u JOB_COMPLETION_INDEX "$FHASH" -r . --shard auto) 2>err
[ $? -eq 2 ] && grep -q 'SLURM_ARRAY_TASK_ID' err || fail "--shard auto without a scheduler: $(cat err)"
(cd tree && JOB_COMPLETION_INDEX=1 "$FHASH" -r . --shard auto) 2>err
[ $? -eq 2 ] && grep -q -- '--shards N' err || fail "JOB_COMPLETION_INDEX without --shards: $(cat err)"
for bad in 4/4 1/0 x/2 -1/3 2; do
  "$FHASH" --shard "$bad" . 2>/dev/null
  [ $? -eq 2 ] || fail "--shard $bad is accepted"
done

# merge_refuses CODE TEXT PART...: the merge fails with CODE, says TEXT, -o untouched.
merge_refuses() {
  local code=$1 text=$2
  shift 2
  echo keep >target
  "$FHASH" merge "$@" -o target 2>err
  local got=$?
  [ "$got" -eq "$code" ] || fail "merge $*: exit $got, expected $code"
  grep -q -- "$text" err || fail "merge $*: no '$text' in: $(cat err)"
  [ "$(cat target)" = keep ] || fail "merge $*: -o was overwritten"
  [ -z "$(ls .target.tmp-* 2>/dev/null)" ] || fail "merge $*: a temporary file is left"
}
merge_refuses 2 'shard 3/4 of run .* is missing' part.0 part.1 part.2
merge_refuses 2 'shard 2/4 is given twice' part.0 part.1 part.2 part.2 part.3
mkdir -p other && echo other >other/file
(cd other && fh -r . --shard 1/4 -o ../other.1)
merge_refuses 2 'different runs' part.0 other.1 part.2 part.3
(cd tree && fh -r . --shard 1/4 -a md5 -o ../md5.1)
merge_refuses 2 'different runs' part.0 md5.1 part.2 part.3
head -c "$(($(stat -c %s part.1) - 20))" part.1 >cut.1
merge_refuses 2 'truncated' part.0 cut.1 part.2 part.3
head -n 3 part.1 >short.1
merge_refuses 2 'truncated: no end line' part.0 short.1 part.2 part.3
{ head -n 1 part.1; grep -v '^#' part.1 | sort -r; tail -n 1 part.1; } >unsorted.1
merge_refuses 2 'not sorted' part.0 unsorted.1 part.2 part.3
merge_refuses 2 'not a shard manifest' part.0 full part.2 part.3
# One name in two shards: the same record is written once; different digests are refused.
hex0=$(printf '0%.0s' $(seq 64))
hex1=$(printf '1%.0s' $(seq 64))
printf '# fhash shard 0/2 run 0123456789abcdef format gnu\n%s  a\n%s  b\n# fhash shard 0/2 end 2\n' "$hex0" "$hex0" >dup.0
printf '# fhash shard 1/2 run 0123456789abcdef format gnu\n%s  b\n%s  c\n# fhash shard 1/2 end 2\n' "$hex0" "$hex0" >dup.1
"$FHASH" merge dup.0 dup.1 >dup.out || fail "merge of a duplicate with equal digests"
[ "$(cut -c 67- dup.out | tr '\n' ' ')" = "a b c " ] || fail "duplicates: $(cat dup.out)"
printf '# fhash shard 1/2 run 0123456789abcdef format gnu\n%s  b\n# fhash shard 1/2 end 1\n' "$hex1" >dup.1
merge_refuses 2 "b: different digests in dup.0 and dup.1" dup.0 dup.1
# A full disk: exit 1, the message names the device.
"$FHASH" merge part.* -o /dev/full 2>err
[ $? -eq 1 ] && grep -q 'No space left' err || fail "merge onto /dev/full: $(cat err)"

# CSV and JSON Lines shards: the shard lines are '#' comments after the CSV header row, and
# {"fhash_shard":...} objects in JSON Lines; the merge gives the single run's bytes (the CSV
# header row once), fhash -c reads each shard and counts only its files, Python's json and
# csv modules read them, and the merge refuses what it refuses for the other formats.
awkward=("tree/c/com,ma" 'tree/c/q"uo"te' "tree/c/new
# not a comment" "tree/c/ünï cödé" $'tree/c/bad\xffbyte')
for f in "${awkward[@]}"; do printf '%s' "$f" >"$f"; done
# fmt_shards N PREFIX ARGS...: PREFIX.K for K in 0..N-1 of `fh -r . ARGS` run in tree/.
fmt_shards() {
  local n=$1 prefix=$2
  shift 2
  rm -f "$prefix".*
  for ((k = 0; k < n; k++)); do
    (cd tree && fh -r . --shard "$k/$n" -o "../$prefix.$k" "$@") || fail "shard $k/$n ($*) failed"
  done
}
has_python=0
command -v python3 >/dev/null && has_python=1
[ "$has_python" = 1 ] || note "python3 is not installed: shards are not read with its json and csv modules"
for args in "-f csv" "-f csv -a md5,sha1,blake3" "-f json" "-f json -a md5,sha512"; do
  # shellcheck disable=SC2086
  (cd tree && fh -r . $args -o ../full.fmt) || fail "single run ($args)"
  algos=1
  case "$args" in *-a*) algos=$(echo "${args##*-a }" | tr ',' '\n' | wc -l) ;; esac
  rows_per_file=1
  case "$args" in *csv*) rows_per_file=$algos ;; esac
  for n in 1 2 3 5; do
    # shellcheck disable=SC2086
    fmt_shards "$n" fpart $args
    "$FHASH" merge fpart.* -o merged.fmt || fail "merge of $n shards ($args) failed"
    cmp -s merged.fmt full.fmt || fail "$n shards ($args) do not merge into the single run's bytes"
  done
  # (5 shards are left: each is checked by fhash -c, which counts its files only.)
  total=0
  for k in 0 1 2 3 4; do
    case "$args" in
      *csv*) files=$(tail -n 1 "fpart.$k" | sed -n 's/^# fhash shard 4*[0-9]\/5 end \([0-9]*\)$/\1/p') ;;
      *) files=$(tail -n 1 "fpart.$k" | sed -n 's/^{"fhash_shard":{"shard":"[0-9]\/5","end":\([0-9]*\)}}$/\1/p') ;;
    esac
    [ -n "$files" ] || fail "no trailer in fpart.$k ($args): $(tail -n 1 "fpart.$k")"
    ok=$(cd tree && fh -c "../fpart.$k" 2>"../err") || fail "fhash -c rejects fpart.$k ($args): $(cat err)"
    [ -s err ] && fail "fhash -c warns on fpart.$k ($args): $(cat err)"
    got=$(printf '%s\n' "$ok" | grep -c ': OK$')
    [ "$got" -eq $((files * rows_per_file)) ] ||
      fail "fhash -c of fpart.$k ($args) verifies $got lines, not $((files * rows_per_file))"
    total=$((total + files))
    if [ "$has_python" = 1 ]; then
      python3 - "fpart.$k" "$files" "$rows_per_file" <<'PY' || fail "python reads fpart.$k ($args) wrongly"
import csv, io, json, sys
path, files, rows_per_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
text = open(path, encoding="utf-8", errors="surrogateescape", newline="").read()
lines = text.split("\n")
assert lines.pop() == "", "no newline at the end"
if lines[0].startswith("{"):
    objects = [json.loads(line) for line in lines]  # every line is one JSON value
    marks = [i for i, o in enumerate(objects) if "fhash_shard" in o]
    assert marks == [0, len(objects) - 1], marks
    assert objects[-1]["fhash_shard"]["end"] == files
    assert all("path" in o and "size" in o for o in objects[1:-1])
    assert len(objects) - 2 == files
else:
    # The shard lines are the second and the last line; a naive filter of every line that
    # starts with '#' would also cut the name "new\n# not a comment" in two.
    assert lines[1].startswith("# fhash shard ") and lines[-1].startswith("# fhash shard ")
    rows = list(csv.reader(io.StringIO("\n".join([lines[0]] + lines[2:-1]) + "\n")))
    assert rows[0] == ["Algorithm", "Hash", "Path"], rows[0]
    assert all(len(row) == 3 for row in rows)
    assert len(rows) - 1 == files * rows_per_file, (len(rows), files)
PY
    fi
  done
  [ "$total" -eq "$(find tree -type f -printf x | wc -c)" ] || fail "the shards ($args) hold $total files"
done
# The CSV header row once, first, then '#' shard lines; the JSON shard lines are objects.
(cd tree && fh -r . -f csv --shard 1/3 -o ../fpart.1 && fh -r . -f json --shard 2/3 -o ../jpart.2)
[ "$(head -n 1 fpart.1)" = '"Algorithm","Hash","Path"' ] || fail "csv shard: $(head -n 1 fpart.1)"
sed -n 2p fpart.1 | grep -q '^# fhash shard 1/3 run [0-9a-f]\{16\} format csv$' || fail "csv header: $(sed -n 2p fpart.1)"
head -n 1 jpart.2 | grep -q '^{"fhash_shard":{"shard":"2/3","run":"[0-9a-f]\{16\}","format":"json"}}$' ||
  fail "json header: $(head -n 1 jpart.2)"
# The merge's refusals, for both formats.
mkdir -p other && echo other >other/file
for format in csv json; do
  (cd tree && fh -r . -f $format -o ../full.fmt) || fail "single run (-f $format)"
  fmt_shards 3 fpart -f $format
  merge_refuses 2 'shard 2/3 of run .* is missing' fpart.0 fpart.1
  (cd other && fh -r . -f $format --shard 1/3 -o ../other.fmt.1)
  merge_refuses 2 'different runs' fpart.0 other.fmt.1 fpart.2
  (cd tree && fh -r . -f gnu --shard 1/3 -o ../gnu.fmt.1)
  merge_refuses 2 'different runs' fpart.0 gnu.fmt.1 fpart.2
  head -c "$(($(stat -c %s fpart.1) - 5))" fpart.1 >cut.fmt.1
  merge_refuses 2 'truncated' fpart.0 cut.fmt.1 fpart.2
  head -n 3 fpart.1 >short.fmt.1
  merge_refuses 2 'truncated' fpart.0 short.fmt.1 fpart.2
  merge_refuses 2 'not a shard manifest' fpart.0 full.fmt fpart.2
done
# A CSV shard cut inside a quoted name with a line break: its record has no end.
fmt_shards 3 fpart -f csv
shard_of_newline=$(grep -l 'new$' fpart.* | head -n 1)
if [ -n "$shard_of_newline" ]; then
  sed -n '1,/new$/p' "$shard_of_newline" >cut.newline
  others=()
  for part in fpart.*; do [ "$part" = "$shard_of_newline" ] || others+=("$part"); done
  merge_refuses 2 'truncated: the record of line' cut.newline "${others[@]}"
else
  fail "no CSV shard holds a name with a line break"
fi
for f in "${awkward[@]}"; do rm -f "$f"; done
for format in fciv-xml intoto; do
  "$FHASH" -r tree --shard 0/2 -f "$format" >/dev/null 2>err
  [ $? -eq 2 ] && grep -q 'gnu, bsd, sfv, hashdeep, csv or json' err || fail "--shard with -f $format: $(cat err)"
done
"$FHASH" -r tree --shard 0/2 --raw >/dev/null 2>err
[ $? -eq 2 ] && grep -q -- '--raw' err || fail "--shard with --raw: $(cat err)"

# GNU parallel: four shards at once on this machine, merged.
if command -v parallel >/dev/null; then
  rm -f part.*
  (cd tree && parallel --will-cite -j4 "$FHASH" -r . --shard {}/4 -o ../part.{} ::: 0 1 2 3) ||
    fail "GNU parallel run failed"
  "$FHASH" merge part.0 part.1 part.2 part.3 -o merged && cmp -s merged full ||
    fail "GNU parallel's shards do not merge into the single run"
else
  note "GNU parallel is not installed: its recipe is not run"
fi

finish "shard: OK"
