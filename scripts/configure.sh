#!/usr/bin/env bash
# Configures the build folder of one of the scripts' builds from an empty cache (--fresh)
# with every fhash option and the compiler pinned, so that nothing cached by an earlier
# configure (FHASH_BUILD_TESTS=OFF from demo.sh, say) carries over into another build. Each
# profile has its own folder. (--fresh also because a changed compiler makes CMake wipe the
# cache and re-run without the -D options given: they would silently fall back to defaults.)
#
#   scripts/configure.sh PROFILE [BUILD_DIR [CMAKE_ARG...]]
#
#   profile   folder          used by                  what
#   demo      build           scripts/demo.sh          Release, g++, no tests, warnings allowed
#   release   build-release   scripts/test.sh          Release, g++, tests + benchmarks, -Werror
#   sanitize  build-sanitize  scripts/test.sh          Debug, clang++, ASan + UBSan, -Werror,
#                                                      CLI tests with the -j3 variant only
#   fuzz      build-fuzz      scripts/fuzz.sh          clang++, libFuzzer targets only, -Werror
#   windows   build-win       scripts/test-windows.sh  MinGW-w64 cross build, tests, -Werror
#
# A relative BUILD_DIR is taken from the repository root. Extra CMAKE_ARGs come last and
# win over the profile's settings.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
profile=${1:?usage: scripts/configure.sh demo|release|sanitize|fuzz|windows [BUILD_DIR [CMAKE_ARG...]]}
shift
build=""
if [ $# -gt 0 ]; then
  build=$1
  shift
fi

# Every option of the top-level CMakeLists.txt, at its default; the profiles change some.
declare -A opt=(
  [CMAKE_BUILD_TYPE]=Release
  [FHASH_BACKEND]=auto
  [FHASH_BUILD_TESTS]=ON
  [FHASH_BUILD_BENCH]=OFF
  [FHASH_BUILD_FUZZERS]=OFF
  [FHASH_SANITIZE]=OFF
  [FHASH_VALGRIND]=OFF
  [FHASH_WERROR]=ON
  [FHASH_TEST_ALL_VARIANTS]=ON
  [FHASH_LEAN_START]=ON
)
compiler=g++
c_compiler=gcc  # the C of BLAKE3's sources (cmake/FindBLAKE3.cmake): the same family
toolchain=""
case $profile in
  demo)
    default_build=build
    opt[FHASH_BUILD_TESTS]=OFF
    opt[FHASH_WERROR]=OFF
    ;;
  release)
    default_build="build-release"
    opt[FHASH_BUILD_BENCH]=ON
    ;;
  sanitize)
    default_build="build-sanitize"
    opt[CMAKE_BUILD_TYPE]=Debug
    opt[FHASH_SANITIZE]=ON
    opt[FHASH_TEST_ALL_VARIANTS]=OFF
    opt[FHASH_LEAN_START]=OFF
    compiler=clang++
    c_compiler=clang
    ;;
  fuzz)
    default_build="build-fuzz"
    opt[CMAKE_BUILD_TYPE]=RelWithDebInfo
    opt[FHASH_BUILD_TESTS]=OFF
    opt[FHASH_BUILD_FUZZERS]=ON
    opt[FHASH_LEAN_START]=OFF
    compiler=clang++
    c_compiler=clang
    ;;
  windows)
    default_build="build-win"
    compiler=""
    toolchain=$root/cmake/mingw-w64-x86_64.cmake
    opt[FHASH_LEAN_START]=OFF  # the MinGW build is linked statically as a whole
    ;;
  *)
    echo "scripts/configure.sh: unknown profile '$profile' (demo, release, sanitize, fuzz, windows)" >&2
    exit 2
    ;;
esac
build=${build:-$default_build}
case $build in
  /*) ;;
  *) build=$root/$build ;;
esac

args=(--fresh -S "$root" -B "$build" -G Ninja)
for name in CMAKE_BUILD_TYPE FHASH_BACKEND FHASH_BUILD_TESTS FHASH_BUILD_BENCH \
            FHASH_BUILD_FUZZERS FHASH_SANITIZE FHASH_VALGRIND FHASH_WERROR \
            FHASH_TEST_ALL_VARIANTS FHASH_LEAN_START; do
  args+=("-D$name=${opt[$name]}")
done
# ccache, where installed (the test script installs it; FHASH_NO_CCACHE=1 turns it off): a
# build in a fresh clone reuses what an earlier clone compiled. CCACHE_BASEDIR makes the
# paths inside the tree hash the same from any folder. Builds with debug information
# (sanitize, fuzz) name their sources relative to the clone (-fdebug-prefix-map=ROOT=.):
# ccache then hashes the mapped folder instead of the real one, so they hit across clones
# too, and a stack trace names src/... as it would in any clone.
if command -v ccache >/dev/null && [ "${FHASH_NO_CCACHE:-0}" != 1 ]; then
  launcher="env;CCACHE_BASEDIR=$root;ccache"
  args+=("-DCMAKE_C_COMPILER_LAUNCHER=$launcher" "-DCMAKE_CXX_COMPILER_LAUNCHER=$launcher")
  case $profile in
    sanitize | fuzz)
      args+=("-DCMAKE_C_FLAGS=-fdebug-prefix-map=$root=." "-DCMAKE_CXX_FLAGS=-fdebug-prefix-map=$root=.")
      ;;
  esac
else
  args+=(-UCMAKE_C_COMPILER_LAUNCHER -UCMAKE_CXX_COMPILER_LAUNCHER)
fi
if [ -n "$toolchain" ]; then
  args+=("-DCMAKE_TOOLCHAIN_FILE=$toolchain")
else
  args+=("-DCMAKE_CXX_COMPILER=$(command -v "$compiler" || echo "$compiler")")
  args+=("-DCMAKE_C_COMPILER=$(command -v "$c_compiler" || echo "$c_compiler")")
fi
exec cmake "${args[@]}" "$@"
