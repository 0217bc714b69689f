# Finds libb2, the BLAKE2 reference library (Debian: libb2-dev), for BLAKE2b at lengths other
# than 512 bits where OpenSSL lacks them (OpenSSL before 3.2 has no "size" parameter).
# Defines LibB2_FOUND and the imported target LibB2::LibB2.
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND AND NOT CMAKE_CROSSCOMPILING)
  pkg_check_modules(PC_LIBB2 QUIET libb2)
endif()
find_path(LibB2_INCLUDE_DIR NAMES blake2.h HINTS ${PC_LIBB2_INCLUDE_DIRS})
# FHASH_LEAN_START prefers the static archive: only its blake2b object is linked, not the
# blake2bp/blake2sp ones that pull in the OpenMP runtime (libgomp costs ~0.5 ms at start).
if(FHASH_LEAN_START)
  set(_libb2_names libb2.a b2)
else()
  set(_libb2_names b2)
endif()
find_library(LibB2_LIBRARY NAMES ${_libb2_names} HINTS ${PC_LIBB2_LIBRARY_DIRS})
set(LibB2_VERSION ${PC_LIBB2_VERSION})
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibB2 REQUIRED_VARS LibB2_LIBRARY LibB2_INCLUDE_DIR
                                  VERSION_VAR LibB2_VERSION)
if(LibB2_FOUND AND NOT TARGET LibB2::LibB2)
  add_library(LibB2::LibB2 UNKNOWN IMPORTED)
  set_target_properties(LibB2::LibB2 PROPERTIES IMPORTED_LOCATION "${LibB2_LIBRARY}"
                        INTERFACE_INCLUDE_DIRECTORIES "${LibB2_INCLUDE_DIR}")
endif()
mark_as_advanced(LibB2_INCLUDE_DIR LibB2_LIBRARY)
