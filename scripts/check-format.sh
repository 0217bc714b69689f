#!/usr/bin/env bash
# Checks that every C++ file (src, include, tests, bench) is formatted as the repository's
# .clang-format says, with clang-format 14 (the version Debian 12 ships: other versions
# format some constructs differently). Prints each file that differs and exits 1 if any does.
#
#   scripts/check-format.sh          check
#   scripts/check-format.sh --fix    reformat the files in place instead
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

format=""
for candidate in clang-format-14 clang-format; do
  if command -v "$candidate" >/dev/null && "$candidate" --version | grep -q 'version 14\.'; then
    format=$candidate
    break
  fi
done
if [ -z "$format" ]; then
  echo "scripts/check-format.sh: clang-format 14 not found (apt-get install clang-format-14)" >&2
  exit 2
fi

mapfile -d '' files < <(find src include tests bench -type f \
  \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.cc' \) -print0 | sort -z)
if [ "${1:-}" = "--fix" ]; then
  "$format" -i --style=file "${files[@]}"
  exit 0
fi

# One run over every file; each violation is reported as "FILE:LINE:COL: error: ...".
mapfile -t bad < <("$format" --style=file --dry-run --Werror "${files[@]}" 2>&1 |
  sed -n 's/^\(.*\):[0-9][0-9]*:[0-9][0-9]*: error: .*\[-Wclang-format-violations\]$/\1/p' |
  sort -u)
if [ "${#bad[@]}" -gt 0 ]; then
  echo "Not formatted as .clang-format says (${#bad[@]} of ${#files[@]} files; fix with scripts/check-format.sh --fix):"
  printf '  %s\n' "${bad[@]}"
  exit 1
fi
echo "Formatting: all ${#files[@]} C++ files as .clang-format says"
