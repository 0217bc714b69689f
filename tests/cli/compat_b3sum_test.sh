#!/usr/bin/env bash
# Compares fhash -a blake3 with the real b3sum byte for byte: the official test-vector
# lengths, sizes around the engine's read buffer, mapped window and the size from which a
# big file is hashed on the spare cores (16 MiB), in every read mode.
# Usage: compat_b3sum_test.sh FHASH TESTDATA_DIR   (environment: FHASH_TEST_ARGS)
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

command -v b3sum >/dev/null || skip "b3sum is not installed (apt-get install b3sum)"

mib=$((1 << 20))
sizes=(0 1 1023 1024 1025 2048 2049 8193 102400 $((mib - 1)) $((mib + 1))
       $((16 * mib - 1)) $((16 * mib)) $((16 * mib + 1)) $((33 * mib + 5)))
files=()
head -c $((33 * mib + 5)) /dev/urandom > source.bin
for n in "${sizes[@]}"; do
  head -c "$n" source.bin > "f$n.bin"
  files+=("f$n.bin")
done

b3sum -- "${files[@]}" > expected
for mode in auto chunked mmap; do
  fh --read-mode "$mode" -a blake3 -- "${files[@]}" > actual || fail "exit status ($mode)"
  cmp -s expected actual || { fail "output differs from b3sum ($mode)"; diff expected actual; }
done
# One big file alone: the one whose updates are split over the spare cores.
b3sum -- "f$((33 * mib + 5)).bin" > expected
fh -a blake3 -- "f$((33 * mib + 5)).bin" > actual || fail "exit status (one big file)"
cmp -s expected actual || fail "output differs from b3sum (one big file)"

finish "b3sum: same digests on ${#files[@]} sizes"
