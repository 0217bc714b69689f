#!/usr/bin/env bash
# Writes b3sum_vectors.txt beside this script: BLAKE3 of the official test-vector inputs
# (byte i is i % 251) at the lengths of upstream's test_vectors.json, 128 bytes of output
# each, as computed by the real b3sum (the file in the repository came from b3sum 1.2.0,
# Debian 12's package). Shorter outputs are prefixes of these.
# Usage: testdata/blake3/make_b3sum_vectors.sh   (needs b3sum and python3)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/b3sum_vectors.txt
lengths=(0 1 1023 1024 1025 2048 2049 3072 3073 4096 4097 5120 5121 6144 6145 7168 7169
         8192 8193 16384 31744 102400)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
{
  echo "# $(b3sum --version): length, then b3sum -l 128 of bytes i % 251 for i < length"
  for n in "${lengths[@]}"; do
    python3 -c "import sys; sys.stdout.buffer.write(bytes(i % 251 for i in range($n)))" \
      > "$scratch/input"
    echo "$n $(b3sum -l 128 --no-names "$scratch/input")"
  done
} > "$out"
echo "wrote $out"
