#!/usr/bin/env bash
# Runs one Windows program under Wine for CTest and Catch2's test discovery
# (CMAKE_CROSSCOMPILING_EMULATOR of the MinGW build).
#
# Wine's output goes to files first and is replayed afterwards, with Wine's exit status.
# Wine's helper processes (services.exe, winedevice.exe, plugplay.exe, ...) inherit
# stdout and stderr of the run that starts them; if those were CTest's pipes, CTest would
# wait for them to close: 2.5 s per test, or a hang. Standard input is passed through,
# as tests may feed the program from it.
#
# Environment: FHASH_WINE picks the Wine program (default /usr/lib/wine/wine64, else wine).
set -u

wine=${FHASH_WINE:-}
if [[ -z $wine ]]; then
    if [[ -x /usr/lib/wine/wine64 ]]; then
        wine=/usr/lib/wine/wine64
    else
        wine=wine
    fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/fhash-wine.XXXXXX") || exit 125
trap 'rm -rf "$tmp"' EXIT

"$wine" "$@" >"$tmp/out" 2>"$tmp/err"
rc=$?
cat "$tmp/out"
cat "$tmp/err" >&2
exit "$rc"
