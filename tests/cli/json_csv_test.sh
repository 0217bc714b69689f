#!/usr/bin/env bash
# JSON Lines and CSV: fhash verifies what it writes, awkward names included (quotes, commas,
# newlines, a name that is not valid UTF-8), and a changed file is caught in both formats.
# Usage: json_csv_test.sh FHASH TESTDATA_DIR
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

names=(plain.txt 'we"ird, name.txt' $'new\nline.txt' $'bad\xffbyte.txt' 'ü-日本.txt' 'back\slash.txt')
i=0
for n in "${names[@]}"; do
  head -c $((i * 100 + 3)) /dev/urandom > "./$n"
  i=$((i + 1))
done

for fmt in json csv; do
  "$FHASH" -a md5,sha256 -f "$fmt" -o "sums.$fmt" -- "${names[@]}" || fail "$fmt: hashing"
  out=$("$FHASH" -c "sums.$fmt" 2>&1) || fail "$fmt: check of own output: $out"
  oks=$(grep -c ': OK$' <<<"$out")
  [ "$fmt" = json ] && want=6 || want=12
  [ "$oks" = "$want" ] || fail "$fmt: $oks OK lines, want $want"
done

# The non-UTF-8 name is carried exactly in path_b64, readable in path.
grep -q '"path":"bad\\ufffdbyte.txt"\|"path":"bad�byte.txt"' sums.json || fail "json: lossy path missing"
grep -q '"path_b64":"YmFk/2J5dGUudHh0"' sums.json || fail "json: path_b64 missing"
# Every line is valid JSON (python's parser, when available).
if command -v python3 >/dev/null; then
  python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"): json.loads(l)' sums.json || fail "json: not valid JSON Lines"
fi

printf 'changed' > plain.txt
for fmt in json csv; do
  "$FHASH" -c --quiet "sums.$fmt" > out 2>/dev/null && fail "$fmt: changed file not caught"
  grep -qx 'plain.txt: FAILED' out || fail "$fmt: no FAILED line"
done

finish "all json/csv checks passed"
