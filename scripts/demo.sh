#!/usr/bin/env bash
# One command on a fresh Debian/Ubuntu machine: installs what is missing, builds fhash,
# hashes the bundled testdata/inputs into a manifest, then verifies it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
# build/, every option pinned (scripts/configure.sh): the tests' builds have folders of their own.
bash "$root/scripts/configure.sh" demo "$root/build" >/dev/null
cmake --build "$root/build" --target fhash
fhash=$root/build/fhash
manifest=$root/build/testdata.sha256
cd "$root/testdata/inputs"
echo "== fhash -r . -o $manifest"
"$fhash" -r . -o "$manifest"
cat "$manifest"
echo "== fhash -c $manifest"
"$fhash" -c "$manifest"
