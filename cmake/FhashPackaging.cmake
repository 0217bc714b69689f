# Packages made by CPack from the install rules (cmake/FhashInstall.cmake):
#
#   cd BUILD && cpack -G DEB    packages/fhash_<version>_<arch>.deb (Linux)
#   cd BUILD && cpack -G ZIP    packages/fhash-<version>-win64.zip (the MinGW or MSVC build)
#
# The version is project(VERSION), as in --version and the man page. Nothing here is a
# hand-written control file: CPack writes the control data, dpkg-shlibdeps (dpkg-dev)
# finds the Depends line from the libraries the binary links, and the binary is stripped.
#
# The version carries no Debian revision (no CPACK_DEBIAN_PACKAGE_RELEASE), so the package
# is a native one: its Debian changelog is /usr/share/doc/fhash/changelog.gz.
#
# Components: each Debian package is one install component (CPACK_DEB_COMPONENT_INSTALL):
# `fhash` (the program, man page, completions) and `tool_links` (fhash-tool-links: fhash
# under the names md5sum, sha256sum, b3sum, xxhsum... in /usr/lib/fhash/bin, a folder of its
# own that the user puts first in PATH; it owns no path another package has, so it never
# shadows coreutils). The zip takes the program only (CPACK_ARCHIVE_COMPONENT_INSTALL off):
# Windows users make the links themselves (docs/drop-in.md).

set(CPACK_PACKAGE_NAME fhash)
set(CPACK_PACKAGE_VENDOR "The fhash authors")
# Maintainer of the Debian package; a packager sets their own with -DCPACK_PACKAGE_CONTACT=.
if(NOT CPACK_PACKAGE_CONTACT)
  set(CPACK_PACKAGE_CONTACT "The fhash authors <fhash@example.org>")
endif()
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "fast, portable file hashing and checksum verification")
set(CPACK_PACKAGE_DESCRIPTION
    "fhash computes and verifies file digests (MD5, SHA-1, SHA-2, SHA-3,\n"
    "BLAKE2, BLAKE3, xxHash, CRCs, SM3, RIPEMD-160, SHAKE) from one read of\n"
    "each file, on every core. It writes manifests byte-identical to\n"
    "sha256sum, md5sum, b3sum and xxhsum, verifies them with coreutils'\n"
    "semantics and exit codes, reads manifests written on Windows (CRLF,\n"
    "BOM, UTF-16, FCIV XML, Get-FileHash CSV), and speaks Microsoft FCIV's\n"
    "command syntax.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL fhash)
if(NOT WIN32)
  list(APPEND CPACK_COMPONENTS_ALL tool_links)
endif()
set(CPACK_COMPONENT_FHASH_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_COMPONENT_TOOL_LINKS_DESCRIPTION
    "fhash under the names of the checksum tools it stands in for\n"
    "Links named md5sum, sha1sum, sha224sum, sha256sum, sha384sum, sha512sum,\n"
    "b2sum, cksum, sum, b3sum, xxhsum (and its xxh32sum, xxh64sum, xxh128sum,\n"
    "xxh3sum) and fciv, in /usr/lib/fhash/bin. Invoked under one of those names\n"
    "fhash takes that tool's options and gives its output and exit codes.\n"
    "Nothing changes until /usr/lib/fhash/bin is put first in PATH.")
string(REPLACE ";" "" CPACK_COMPONENT_TOOL_LINKS_DESCRIPTION
       "${CPACK_COMPONENT_TOOL_LINKS_DESCRIPTION}")

# --- Debian --------------------------------------------------------------------------------
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FHASH_PACKAGE_NAME fhash)
set(CPACK_DEBIAN_FHASH_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_TOOL_LINKS_PACKAGE_NAME fhash-tool-links)
set(CPACK_DEBIAN_TOOL_LINKS_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_TOOL_LINKS_PACKAGE_DEPENDS "fhash (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_TOOL_LINKS_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# ISA-L is opened at run time for the CRCs (the portable ones serve without it), so the
# dependency scan cannot see it: recommended, not required.
if(ISAL_FOUND AND ISAL_SONAME MATCHES "^libisal\\.so\\.([0-9]+)$")
  set(CPACK_DEBIAN_FHASH_PACKAGE_RECOMMENDS "libisal${CMAKE_MATCH_1}")
endif()

# --- Zip (Windows) -------------------------------------------------------------------------
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)
if(WIN32)
  set(CPACK_GENERATOR ZIP)
  if(CMAKE_SIZEOF_VOID_P EQUAL 8)
    set(CPACK_PACKAGE_FILE_NAME fhash-${PROJECT_VERSION}-win64)
  else()
    set(CPACK_PACKAGE_FILE_NAME fhash-${PROJECT_VERSION}-win32)
  endif()
else()
  set(CPACK_GENERATOR DEB)
endif()

include(CPack)
