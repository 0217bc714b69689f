# Checks the dependency rule of docs/ARCHITECTURE.md on the sources, as a test:
#   cmake -DROOT=<repository> -P cmake/CheckLayers.cmake
# Each folder may include, with quotes, only the folders listed for it; no folder but
# src/cli may include CLI11 (<CLI/...>) or fmt (<fmt/...>). On native Debian builds those
# headers sit in /usr/include, where every target can see them, so the interface targets
# of cmake/FhashDependencies.cmake alone cannot enforce it. Fails listing every offence.
cmake_minimum_required(VERSION 3.25)

set(_allowed_include "fhash")
set(_allowed_platform "fhash;platform")
set(_allowed_io "fhash;io;platform")
set(_allowed_backends "fhash;backends;platform")
set(_allowed_formats "fhash;formats;platform")
set(_allowed_core "fhash;core;io;formats;platform")

set(_offences "")
foreach(_layer include platform io backends formats core cli)
  if(_layer STREQUAL "include")
    set(_dir "${ROOT}/include/fhash")
  else()
    set(_dir "${ROOT}/src/${_layer}")
  endif()
  file(GLOB_RECURSE _files "${_dir}/*.cpp" "${_dir}/*.hpp")
  foreach(_file IN LISTS _files)
    file(STRINGS "${_file}" _lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
    foreach(_line IN LISTS _lines)
      if(NOT _layer STREQUAL "cli" AND _line MATCHES "<(CLI|fmt)/")
        list(APPEND _offences "${_file}: ${_line} (CLI11 and fmt belong to src/cli)")
      endif()
      if(_layer STREQUAL "cli" OR NOT _line MATCHES "\"([a-z_]+)/")
        continue()
      endif()
      set(_target "${CMAKE_MATCH_1}")
      if(NOT _target IN_LIST _allowed_${_layer})
        string(REPLACE ";" ", " _may "${_allowed_${_layer}}")
        list(APPEND _offences "${_file}: ${_line} (${_layer} may include: ${_may})")
      endif()
    endforeach()
  endforeach()
endforeach()

if(_offences)
  list(JOIN _offences "\n" _text)
  message(FATAL_ERROR "Layering violations:\n${_text}")
endif()
message(STATUS "layers: every include follows the dependency rule")
