# FindBLAKE3: the official BLAKE3 C implementation, as the target BLAKE3::blake3.
#
# In this order:
#   1. an installed libblake3 through its CMake package (BLAKE3::blake3, which upstream's
#      c/CMakeLists.txt installs since 1.4, as do vcpkg and newer distributions);
#   2. an installed libblake3 through pkg-config (libblake3.pc); not when cross-compiling,
#      where pkg-config would answer for the build machine;
#   3. the official C sources, as Debian's librust-blake3-dev ships them with the Rust crate
#      (/usr/share/cargo/registry/blake3-<version>/c, Debian 12 has no libblake3-dev), built
#      here as a static library. BLAKE3_SOURCE_DIR (a cache variable) names another folder
#      holding blake3.c and friends. Nothing is downloaded or copied.
#
# Sets BLAKE3_FOUND, BLAKE3_VERSION and BLAKE3_FROM_SOURCES (TRUE for 3: then
# BLAKE3_SOURCE_DIR is the folder built, and the library's internal functions, declared in
# blake3_impl.h, are linked statically and reachable).
#
# Built from sources, the SIMD kernels are upstream's assembly where the toolchain takes it
# (x86-64: the *_unix.S files, or *_windows_gnu.S for MinGW), NEON intrinsics on AArch64
# and the portable code elsewhere; blake3_dispatch.c picks the best one at run time. It is
# third-party code: compiled with its own flags, without our warnings (or -Werror).

include(FindPackageHandleStandardArgs)

set(BLAKE3_FROM_SOURCES FALSE)

if(NOT TARGET BLAKE3::blake3)
  find_package(BLAKE3 CONFIG QUIET NO_MODULE)
  if(BLAKE3_FOUND AND TARGET BLAKE3::blake3)
    set(_blake3_how "CMake package")
  endif()
endif()

if(NOT TARGET BLAKE3::blake3 AND NOT CMAKE_CROSSCOMPILING)
  find_package(PkgConfig QUIET)
  if(PKG_CONFIG_FOUND)
    pkg_check_modules(_blake3_pc QUIET IMPORTED_TARGET libblake3)
    if(_blake3_pc_FOUND)
      add_library(BLAKE3::blake3 ALIAS PkgConfig::_blake3_pc)
      set(BLAKE3_VERSION ${_blake3_pc_VERSION})
      set(_blake3_how "pkg-config")
    endif()
  endif()
endif()

if(NOT TARGET BLAKE3::blake3)
  if(NOT BLAKE3_SOURCE_DIR)
    # The newest version wins when several crates are installed side by side.
    file(GLOB _blake3_candidates LIST_DIRECTORIES true
         /usr/share/cargo/registry/blake3-*/c)
    list(SORT _blake3_candidates COMPARE NATURAL ORDER DESCENDING)
    foreach(_dir IN LISTS _blake3_candidates)
      if(EXISTS "${_dir}/blake3.c" AND EXISTS "${_dir}/blake3_dispatch.c")
        set(_blake3_found_dir "${_dir}")
        break()
      endif()
    endforeach()
    set(BLAKE3_SOURCE_DIR "${_blake3_found_dir}" CACHE PATH
        "Folder of the official BLAKE3 C sources (blake3.c, blake3_dispatch.c, ...)")
  endif()
  if(BLAKE3_SOURCE_DIR AND EXISTS "${BLAKE3_SOURCE_DIR}/blake3.c")
    set(BLAKE3_FROM_SOURCES TRUE)
    set(_blake3_how "sources in ${BLAKE3_SOURCE_DIR}")
  endif()
endif()

if(BLAKE3_FROM_SOURCES)
  enable_language(C)
  file(STRINGS "${BLAKE3_SOURCE_DIR}/blake3.h" _blake3_version_line
       REGEX "^#define BLAKE3_VERSION_STRING ")
  string(REGEX REPLACE "^.*\"([^\"]*)\".*$" "\\1" BLAKE3_VERSION "${_blake3_version_line}")

  set(_blake3_sources blake3.c blake3_dispatch.c blake3_portable.c)
  set(_blake3_definitions)
  set(_blake3_neon_flags)
  string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" _blake3_cpu)
  if(_blake3_cpu MATCHES "^(x86_64|amd64)$" AND NOT MSVC)
    enable_language(ASM)
    if(WIN32)
      set(_blake3_asm_suffix x86-64_windows_gnu.S)
    else()
      set(_blake3_asm_suffix x86-64_unix.S)
    endif()
    foreach(_kernel sse2 sse41 avx2 avx512)
      list(APPEND _blake3_sources blake3_${_kernel}_${_blake3_asm_suffix})
    endforeach()
  elseif(_blake3_cpu MATCHES "^(aarch64|arm64)$")
    list(APPEND _blake3_sources blake3_neon.c)
    list(APPEND _blake3_definitions BLAKE3_USE_NEON=1)
  else()
    # Portable only (32-bit x86 and MSVC included: their kernels need flags per file or MASM).
    list(APPEND _blake3_definitions BLAKE3_NO_SSE2 BLAKE3_NO_SSE41 BLAKE3_NO_AVX2
                                    BLAKE3_NO_AVX512 BLAKE3_USE_NEON=0)
  endif()
  list(TRANSFORM _blake3_sources PREPEND "${BLAKE3_SOURCE_DIR}/")

  add_library(fhash_blake3 STATIC ${_blake3_sources})
  # The definitions are public: they decide MAX_SIMD_DEGREE in blake3_impl.h, which code
  # including that header must agree on.
  target_compile_definitions(fhash_blake3 PUBLIC ${_blake3_definitions})
  target_include_directories(fhash_blake3 SYSTEM PUBLIC "${BLAKE3_SOURCE_DIR}")
  set_target_properties(fhash_blake3 PROPERTIES POSITION_INDEPENDENT_CODE ON
                                                C_STANDARD 99 C_EXTENSIONS ON)
  if(NOT MSVC)
    target_compile_options(fhash_blake3 PRIVATE $<$<COMPILE_LANGUAGE:C>:-w -O3>)
  endif()
  add_library(BLAKE3::blake3 ALIAS fhash_blake3)
endif()

if(TARGET BLAKE3::blake3)
  set(_blake3_target_found TRUE)
endif()
find_package_handle_standard_args(BLAKE3
  REQUIRED_VARS _blake3_target_found
  VERSION_VAR BLAKE3_VERSION
  REASON_FAILURE_MESSAGE
    "install libblake3 (pkg-config libblake3 or CMake package BLAKE3), or the official C sources (Debian: apt-get install librust-blake3-dev), or set BLAKE3_SOURCE_DIR")
if(BLAKE3_FOUND AND NOT BLAKE3_FIND_QUIETLY)
  message(STATUS "BLAKE3 ${BLAKE3_VERSION}: ${_blake3_how}")
endif()
