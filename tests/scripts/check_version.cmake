# The version is project(VERSION) alone; what repeats it must agree: CHANGELOG.md has a
# "## [VERSION] - DATE" section, and the man page the build installs names it on its .TH
# line (cmake/FhashInstall.cmake rewrites that line of man/fhash.1).
#
#   cmake -DROOT=SOURCE_DIR -DVERSION=X.Y.Z -DMAN_PAGE=BUILD/generated/fhash.1 -P check_version.cmake
file(STRINGS "${ROOT}/CHANGELOG.md" _sections REGEX "^## \\[")
set(_wanted "## [${VERSION}] - ")
set(_found FALSE)
foreach(_section IN LISTS _sections)
  string(FIND "${_section}" "${_wanted}" _at)
  if(_at EQUAL 0)
    set(_found TRUE)
  endif()
endforeach()
if(NOT _found)
  message(SEND_ERROR "CHANGELOG.md has no '${_wanted}YYYY-MM-DD' section for project(VERSION)")
endif()
file(STRINGS "${MAN_PAGE}" _th REGEX "^\\.TH ")
if(NOT _th MATCHES "\"fhash ${VERSION}\"")
  message(SEND_ERROR "${MAN_PAGE}: the .TH line '${_th}' does not name fhash ${VERSION}")
endif()
