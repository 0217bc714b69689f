#!/usr/bin/env bash
# Cross-compiles fhash for 64-bit Windows with MinGW-w64 and runs the test suite under Wine.
#
#   bash scripts/test-windows.sh            (from the repository root, on Debian 12 / x86-64)
#
# Steps: install the packages that are missing, prepare a private Wine prefix in
# build-win/.wine, configure build-win with cmake/mingw-w64-x86_64.cmake (Ninja, Release,
# every option pinned: scripts/configure.sh windows), build (which runs fhash.exe under Wine
# once, for the PowerShell completion script), zip it (cpack -G ZIP), and run ctest. The exit
# status is ctest's: non-zero when any test fails, or when no test was found.
#
# Environment:
#   FHASH_WIN_BUILD_DIR  build folder (default build-win)
#   FHASH_CTEST_ARGS     extra ctest arguments, e.g. "-R ^unit\."
#
# Why each Wine setting is here (every one was found by a failure or a hang):
#   wine64-preloader    without it about 1 Wine start in 8,000 exits 1, silently
#                       (address-space collision at start-up)
#   LANG=C.UTF-8        otherwise non-ASCII command-line arguments arrive garbled
#   WINEDEBUG=-all      no debug noise in test output
#   WINEDLLOVERRIDES    never try to download or install Mono or Gecko
#   DISPLAY unset       console programs need no display; no window ever opens
#   AeDebug=false       otherwise winedbg handles crashes and a crash sometimes exits 0
#   wineserver -p       one persistent server: no start/stop race between short runs
#   warm-up run         starts Wine's services with output redirected, so that they never
#                       hold CTest's pipes (the first test would hang forever)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly root=$PWD
readonly build_dir=${FHASH_WIN_BUILD_DIR:-build-win}

now() { echo "$EPOCHREALTIME"; }
declare -a timings=()
record() {  # record <label> <start>
    timings+=("$(awk -v label="$1" -v start="$2" -v end="$(now)" \
                     'BEGIN { printf "%-10s %7.1f s", label, end - start }')")
}
print_timings() {
    echo "-- Windows build timings:"
    local line
    for line in "${timings[@]}"; do
        echo "   $line"
    done
}

# --- 1. Packages ---------------------------------------------------------------------------
t=$(now)
packages=(cmake ninja-build g++-mingw-w64-x86-64-posix wine wine64 wine64-preloader
          libcli11-dev libfmt-dev nlohmann-json3-dev catch2 libgcrypt-mingw-w64-dev)
missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
if ((${#missing[@]} > 0)); then
    echo "-- Installing: ${missing[*]}"
    sudo=()
    if ((EUID != 0)); then
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
record install "$t"

# --- 2. Wine prefix and server -------------------------------------------------------------
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export WINEARCH=win64
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY WAYLAND_DISPLAY
mkdir -p "$build_dir"
export WINEPREFIX=$root/$build_dir/.wine

trap 'wineserver -k >/dev/null 2>&1 || true' EXIT

t=$(now)
if [[ ! -f $WINEPREFIX/.fhash-prefix-ready ]]; then
    echo "-- Creating the Wine prefix $WINEPREFIX"
    rm -rf "$WINEPREFIX"
    # wineboot returns while services are still starting: wait for the server to finish.
    wineboot --init >/dev/null 2>&1 </dev/null
    wineserver -w
    wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' \
        /v Debugger /t REG_SZ /d false /f >/dev/null 2>&1 </dev/null
    wineserver -w
    touch "$WINEPREFIX/.fhash-prefix-ready"
fi
record wineboot "$t"

t=$(now)
wineserver -p >/dev/null 2>&1 </dev/null || true
wine cmd /c exit >/dev/null 2>&1 </dev/null
record warm-up "$t"

# --- 3. Configure, build, test -------------------------------------------------------------
t=$(now)
bash scripts/configure.sh windows "$build_dir"
record configure "$t"

t=$(now)
cmake --build "$build_dir"
record build "$t"

# The zip (cpack -G ZIP): fhash.exe, the licence, the README and the PowerShell completer.
t=$(now)
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
zip=$build_dir/packages/fhash-$version-win64.zip
rm -f "$zip"
(cd "$build_dir" && cpack -G ZIP >/dev/null)
listing=$(cmake -E tar tf "$zip")
for name in fhash.exe LICENSE.txt README.txt fhash-completion.ps1; do
    if ! grep -qxF "fhash-$version-win64/$name" <<<"$listing"; then
        echo "-- $zip lacks $name; it holds:" "$listing"
        exit 1
    fi
done
echo "-- $(basename "$zip"): $(wc -l <<<"$listing") files"
record zip "$t"

t=$(now)
status=0
# shellcheck disable=SC2086  # FHASH_CTEST_ARGS is a list of arguments
ctest --test-dir "$build_dir" --output-on-failure --no-tests=error --timeout 120 \
      --repeat until-pass:2 ${FHASH_CTEST_ARGS:-} || status=$?
record ctest "$t"

print_timings
exit "$status"
