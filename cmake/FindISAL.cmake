# Finds ISA-L, the Intel Storage Acceleration Library (Debian: libisal-dev), for its CRCs.
#
#   find_package(ISAL [VERSION])
#
# Result: ISAL_FOUND, ISAL_VERSION (from isa-l.h, else pkg-config's libisal; may be empty),
# ISAL_INCLUDE_DIR, ISAL_LIBRARY, ISAL_SONAME (libisal.so.2, for dlopen; empty when the
# library is not a versioned shared object) and the imported target ISAL::ISAL.
#
# In a cross build the find root of the toolchain file applies: the MinGW build finds no
# Windows ISA-L and gets none (the host's libisal.so must never be linked into a .exe).

find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND AND NOT CMAKE_CROSSCOMPILING)
  pkg_check_modules(PC_ISAL QUIET libisal)
endif()

find_path(ISAL_INCLUDE_DIR NAMES isa-l/crc.h HINTS ${PC_ISAL_INCLUDE_DIRS})
find_library(ISAL_LIBRARY NAMES isal HINTS ${PC_ISAL_LIBRARY_DIRS})

set(ISAL_VERSION "")
if(ISAL_INCLUDE_DIR AND EXISTS "${ISAL_INCLUDE_DIR}/isa-l.h")
  file(STRINGS "${ISAL_INCLUDE_DIR}/isa-l.h" _isal_version_lines
       REGEX "^#define ISAL_(MAJOR|MINOR|PATCH)_VERSION[ \t]+[0-9]+")
  foreach(_part MAJOR MINOR PATCH)
    string(REGEX MATCH "ISAL_${_part}_VERSION[ \t]+([0-9]+)" _match "${_isal_version_lines}")
    set(_isal_${_part} "${CMAKE_MATCH_1}")
  endforeach()
  if(NOT _isal_MAJOR STREQUAL "" AND NOT _isal_MINOR STREQUAL "")
    set(ISAL_VERSION "${_isal_MAJOR}.${_isal_MINOR}")
    if(NOT _isal_PATCH STREQUAL "" AND NOT _isal_PATCH STREQUAL "0")
      string(APPEND ISAL_VERSION ".${_isal_PATCH}")
    endif()
  endif()
endif()
if(ISAL_VERSION STREQUAL "" AND PC_ISAL_VERSION)
  string(REGEX REPLACE "\\.0$" "" ISAL_VERSION "${PC_ISAL_VERSION}")
endif()

# The name the dynamic loader knows the library by (libisal.so.2), for dlopen: the link
# name's target up to its major version.
set(ISAL_SONAME "")
if(ISAL_LIBRARY)
  file(REAL_PATH "${ISAL_LIBRARY}" _isal_real)
  get_filename_component(_isal_real "${_isal_real}" NAME)
  if(_isal_real MATCHES "^(lib[A-Za-z0-9_+-]+\\.so\\.[0-9]+)")
    set(ISAL_SONAME "${CMAKE_MATCH_1}")
  endif()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(ISAL
  REQUIRED_VARS ISAL_LIBRARY ISAL_INCLUDE_DIR ISAL_SONAME
  VERSION_VAR ISAL_VERSION)

if(ISAL_FOUND AND NOT TARGET ISAL::ISAL)
  add_library(ISAL::ISAL UNKNOWN IMPORTED)
  set_target_properties(ISAL::ISAL PROPERTIES
    IMPORTED_LOCATION "${ISAL_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${ISAL_INCLUDE_DIR}")
endif()
mark_as_advanced(ISAL_INCLUDE_DIR ISAL_LIBRARY)
