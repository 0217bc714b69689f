# Finds xxHash's header (Debian: libxxhash-dev), used header-only: the provider compiles it
# inline (XXH_INLINE_ALL), so nothing is linked.
#
#   find_package(xxHash [VERSION])
#
# Result: xxHash_FOUND, xxHash_VERSION (from XXH_VERSION_* in xxhash.h), xxHash_INCLUDE_DIR
# and the imported INTERFACE target xxHash::xxHash.
#
# The header is plain portable C, so a cross build may take the host's: there the search
# ignores the toolchain's find root, and cmake/FhashDependencies.cmake stages the header
# alone into a private folder (the host's /usr/include must not reach a MinGW include path).

set(_xxhash_find_options)
if(CMAKE_CROSSCOMPILING)
  set(_xxhash_find_options NO_CMAKE_FIND_ROOT_PATH)
endif()
find_path(xxHash_INCLUDE_DIR NAMES xxhash.h ${_xxhash_find_options})

set(xxHash_VERSION "")
if(xxHash_INCLUDE_DIR)
  file(STRINGS "${xxHash_INCLUDE_DIR}/xxhash.h" _xxhash_version_lines
       REGEX "^#[ \t]*define XXH_VERSION_(MAJOR|MINOR|RELEASE)[ \t]+[0-9]+")
  foreach(_part MAJOR MINOR RELEASE)
    string(REGEX MATCH "XXH_VERSION_${_part}[ \t]+([0-9]+)" _match "${_xxhash_version_lines}")
    set(_xxhash_${_part} "${CMAKE_MATCH_1}")
  endforeach()
  if(NOT _xxhash_MAJOR STREQUAL "")
    set(xxHash_VERSION "${_xxhash_MAJOR}.${_xxhash_MINOR}.${_xxhash_RELEASE}")
  endif()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(xxHash
  REQUIRED_VARS xxHash_INCLUDE_DIR
  VERSION_VAR xxHash_VERSION)

if(xxHash_FOUND AND NOT TARGET xxHash::xxHash)
  add_library(xxHash::xxHash INTERFACE IMPORTED)
  set_target_properties(xxHash::xxHash PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${xxHash_INCLUDE_DIR}")
endif()
mark_as_advanced(xxHash_INCLUDE_DIR)
