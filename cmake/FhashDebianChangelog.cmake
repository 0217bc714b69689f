# Writes CHANGELOG.md (Keep a Changelog) as a Debian changelog, the form Debian wants in
# /usr/share/doc/PACKAGE/changelog.gz of a native package (lintian parses it):
#
#   fhash (0.1.0) unstable; urgency=medium
#
#     * First item of the version, wrapped at 78 columns
#       continued here.
#
#    -- MAINTAINER  Tue, 01 Dec 2026 00:00:00 +0000
#
# One entry per released version (a "## [X.Y.Z] - YYYY-MM-DD" heading), newest first, each
# "- " item of its sections a "*" item; the "Unreleased" section is left out.
#
#   cmake -DINPUT=CHANGELOG.md -DOUTPUT=changelog -DMAINTAINER="Name <mail>"
#         -P FhashDebianChangelog.cmake
foreach(_var INPUT OUTPUT MAINTAINER)
  if(NOT ${_var})
    message(FATAL_ERROR "FhashDebianChangelog.cmake needs ${_var}")
  endif()
endforeach()

# YYYY-MM-DD as RFC 5322 wants it, "Tue, 01 Dec 2026 00:00:00 +0000" (the weekday by
# Sakamoto's method), in CMake alone: no date(1) with GNU options needed.
function(_fhash_rfc5322 out iso)
  if(NOT iso MATCHES "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$")
    message(FATAL_ERROR "'${iso}' is not a YYYY-MM-DD date")
  endif()
  set(_day ${CMAKE_MATCH_3})
  math(EXPR _y "${CMAKE_MATCH_1}")
  math(EXPR _m "${CMAKE_MATCH_2} - 1")
  math(EXPR _d "${_day}")
  set(_offsets 0 3 2 5 0 3 5 1 4 6 2 4)
  set(_months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
  set(_weekdays Sun Mon Tue Wed Thu Fri Sat)
  list(GET _offsets ${_m} _offset)
  list(GET _months ${_m} _month)
  set(_year ${_y})
  if(_m LESS 2)
    math(EXPR _y "${_y} - 1")
  endif()
  math(EXPR _w "(${_y} + ${_y} / 4 - ${_y} / 100 + ${_y} / 400 + ${_offset} + ${_d}) % 7")
  list(GET _weekdays ${_w} _weekday)
  set(${out} "${_weekday}, ${_day} ${_month} ${_year} 00:00:00 +0000" PARENT_SCOPE)
endfunction()

# Appends `text` to `out` as a "  * " item wrapped at 78 columns ("    " on later lines).
function(_fhash_item out text)
  string(REGEX REPLACE "[ \t\n]+" ";" _words "${text}")
  set(_result "${${out}}")
  set(_line "  *")
  foreach(_word IN LISTS _words)
    string(LENGTH "${_line} ${_word}" _length)
    if(_length GREATER 78 AND NOT _line STREQUAL "    ")
      string(APPEND _result "${_line}\n")
      set(_line "   ")
    endif()
    string(APPEND _line " ${_word}")
  endforeach()
  string(APPEND _result "${_line}\n")
  set(${out} "${_result}" PARENT_SCOPE)
endfunction()

function(_fhash_close_entry out version date items)
  if(version STREQUAL "")
    return()
  endif()
  _fhash_rfc5322(_when "${date}")
  set(${out} "${${out}}fhash (${version}) unstable; urgency=medium\n\n${items}\n -- ${MAINTAINER}  ${_when}\n\n"
      PARENT_SCOPE)
endfunction()

# Lines as a CMake list: ';' and brackets, which lists treat specially, are kept as
# one-byte control characters (the wrapping counts them right) until the text is written.
string(ASCII 1 _semicolon)
string(ASCII 2 _lbracket)
string(ASCII 3 _rbracket)
file(READ "${INPUT}" _content)
string(REPLACE ";" "${_semicolon}" _content "${_content}")
string(REPLACE "[" "${_lbracket}" _content "${_content}")
string(REPLACE "]" "${_rbracket}" _content "${_content}")
string(REPLACE "\n" ";" _lines "${_content}")
set(_text "")
set(_version "")
set(_date "")
set(_items "")
set(_item "")
foreach(_line IN LISTS _lines)
  if(_line MATCHES "^## ")
    if(NOT _item STREQUAL "")
      _fhash_item(_items "${_item}")
      set(_item "")
    endif()
    _fhash_close_entry(_text "${_version}" "${_date}" "${_items}")
    set(_items "")
    set(_version "")
    if(_line MATCHES "^## ${_lbracket}([0-9][^${_rbracket}]*)${_rbracket} - ([0-9]+-[0-9]+-[0-9]+)")
      set(_version "${CMAKE_MATCH_1}")
      set(_date "${CMAKE_MATCH_2}")
    endif()
  elseif(_version STREQUAL "")
    continue()
  elseif(_line MATCHES "^- (.*)")
    if(NOT _item STREQUAL "")
      _fhash_item(_items "${_item}")
    endif()
    set(_item "${CMAKE_MATCH_1}")
  elseif(_line MATCHES "^  +(.*)" AND NOT _item STREQUAL "")
    string(APPEND _item " ${CMAKE_MATCH_1}")
  elseif(NOT _item STREQUAL "")
    _fhash_item(_items "${_item}")
    set(_item "")
  endif()
endforeach()
if(NOT _item STREQUAL "")
  _fhash_item(_items "${_item}")
endif()
_fhash_close_entry(_text "${_version}" "${_date}" "${_items}")
if(_text STREQUAL "")
  message(FATAL_ERROR "${INPUT}: no '## [X.Y.Z] - YYYY-MM-DD' section")
endif()
string(REGEX REPLACE "\n+$" "\n" _text "${_text}")
string(REPLACE "${_semicolon}" ";" _text "${_text}")
string(REPLACE "${_lbracket}" "[" _text "${_text}")
string(REPLACE "${_rbracket}" "]" _text "${_text}")
file(WRITE "${OUTPUT}" "${_text}")
