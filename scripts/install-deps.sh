#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages fhash needs to build and test, only those missing.
# Usage: scripts/install-deps.sh [extra-package...]
set -euo pipefail

packages=(cmake ninja-build g++ pkg-config libssl-dev libcli11-dev libfmt-dev catch2
          libpugixml-dev nlohmann-json3-dev libb2-dev libisal-dev libxxhash-dev
          librust-blake3-dev python3 "$@")

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
