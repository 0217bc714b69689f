#!/usr/bin/env bash
# One command on a fresh Debian/Ubuntu machine: installs what is missing, builds fhash,
# hashes the bundled testdata/inputs into a manifest, then verifies it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFHASH_BUILD_TESTS=OFF >/dev/null
cmake --build "$root/build" --target fhash
fhash=$root/build/fhash
manifest=$root/build/testdata.sha256
cd "$root/testdata/inputs"
echo "== fhash -r . -o $manifest"
"$fhash" -r . -o "$manifest"
cat "$manifest"
echo "== fhash -c $manifest"
"$fhash" -c "$manifest"
