# Every dependency comes from the system (Debian: libssl-dev libcli11-dev libfmt-dev catch2
# libpugixml-dev nlohmann-json3-dev libxxhash-dev librust-blake3-dev, and libisal-dev and
# libb2-dev where available). Nothing is downloaded at build time.
#
# The header-only libraries (CLI11, fmt in header-only mode, nlohmann-json, Catch2 v2) are
# also used by the MinGW cross build. There, /usr/include must never reach the include path
# (glibc's headers would shadow MinGW's), so only their own folders are staged, as symlinks,
# into one directory per interface target.
#
# The targets follow the layers (docs/ARCHITECTURE.md): the core may use only what
# fhash_core_deps gives it (nlohmann-json, for the JSON manifest format); CLI11 and fmt are
# reachable from src/cli alone (fhash_cli_deps), so a core file that includes them does not
# compile; Catch2 is for the tests (fhash_test_deps).

add_library(fhash_core_deps INTERFACE)
add_library(fhash_cli_deps INTERFACE)
add_library(fhash_test_deps INTERFACE)

if(CMAKE_CROSSCOMPILING)
  function(_fhash_stage target)
    set(_stage "${CMAKE_BINARY_DIR}/third_party_include/${target}")
    file(MAKE_DIRECTORY "${_stage}")
    foreach(_dir IN LISTS ARGN)
      if(EXISTS "/usr/include/${_dir}" AND NOT EXISTS "${_stage}/${_dir}")
        file(CREATE_LINK "/usr/include/${_dir}" "${_stage}/${_dir}" SYMBOLIC)
      endif()
    endforeach()
    target_include_directories(${target} SYSTEM INTERFACE "${_stage}")
  endfunction()
  _fhash_stage(fhash_core_deps nlohmann)
  _fhash_stage(fhash_cli_deps CLI fmt)
  _fhash_stage(fhash_test_deps catch2)
  target_compile_definitions(fhash_cli_deps INTERFACE FMT_HEADER_ONLY)
  set(FHASH_CATCH2_MAJOR 2)
  set(FHASH_CATCH_CMAKE "/usr/lib/cmake/Catch2/Catch.cmake")
else()
  find_package(CLI11 CONFIG REQUIRED)
  find_package(fmt REQUIRED)
  find_package(nlohmann_json 3 REQUIRED)
  target_link_libraries(fhash_core_deps INTERFACE nlohmann_json::nlohmann_json)
  if(FHASH_LEAN_START AND TARGET fmt::fmt-header-only)
    target_link_libraries(fhash_cli_deps INTERFACE CLI11::CLI11 fmt::fmt-header-only)
  else()
    target_link_libraries(fhash_cli_deps INTERFACE CLI11::CLI11 fmt::fmt)
  endif()
  if(FHASH_BUILD_TESTS)
    find_package(Catch2 REQUIRED)
    target_link_libraries(fhash_test_deps INTERFACE Catch2::Catch2)
    if(Catch2_VERSION VERSION_GREATER_EQUAL 3)
      set(FHASH_CATCH2_MAJOR 3)
    else()
      set(FHASH_CATCH2_MAJOR 2)
    endif()
  endif()
endif()

if(FHASH_BACKEND_RESOLVED STREQUAL "openssl")
  find_package(OpenSSL 3 REQUIRED)
endif()

# BLAKE3: an installed libblake3, or the official C sources built here (cmake/FindBLAKE3.cmake;
# Debian 12: librust-blake3-dev ships them). The MinGW cross build compiles the same sources.
find_package(BLAKE3 REQUIRED)

# XML: pugixml (libpugixml-dev). The MinGW cross build has no pugixml for Windows.
find_package(pugixml QUIET)

# xxHash (libxxhash-dev), compiled inline from its header (backends/xxhash). The cross build
# stages xxhash.h alone, as the header-only libraries above (xxh3.h, the other header of
# the package, only includes xxhash.h and is not used).
find_package(xxHash 0.8 REQUIRED)
add_library(fhash_xxhash_deps INTERFACE)
if(CMAKE_CROSSCOMPILING)
  set(_xxhash_stage "${CMAKE_BINARY_DIR}/third_party_include/fhash_xxhash_deps")
  file(MAKE_DIRECTORY "${_xxhash_stage}")
  if(NOT EXISTS "${_xxhash_stage}/xxhash.h")
    file(CREATE_LINK "${xxHash_INCLUDE_DIR}/xxhash.h" "${_xxhash_stage}/xxhash.h" SYMBOLIC)
  endif()
  target_include_directories(fhash_xxhash_deps SYSTEM INTERFACE "${_xxhash_stage}")
else()
  target_link_libraries(fhash_xxhash_deps INTERFACE xxHash::xxHash)
endif()

# ISA-L (libisal-dev) for the CRCs, where found; the portable CRCs serve without it (the
# MinGW build has none). -DCMAKE_DISABLE_FIND_PACKAGE_ISAL=ON builds the portable ones on
# purpose.
find_package(ISAL 2.20)
if(ISAL_FOUND)
  message(STATUS "fhash: CRCs by ISA-L ${ISAL_VERSION}")
else()
  message(STATUS "fhash: CRCs by the portable code (no ISA-L)")
endif()
