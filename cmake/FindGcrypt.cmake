# Finds libgcrypt and libgpg-error, for the classic algorithms Windows CNG lacks
# (backends/gcrypt). Debian: libgcrypt-mingw-w64-dev, which installs under
# /usr/x86_64-w64-mingw32 (the toolchain file's find root, so /usr/include never reaches the
# include path); vcpkg (MSVC): the libgcrypt port of vcpkg.json.
#
# The static archives are preferred (libgcrypt.a, libgpg-error.a; gcrypt.lib and
# gpg-error.lib with MSVC): fhash.exe then needs no DLL beyond the system's. MinGW's default
# suffixes would pick the DLL import libraries (.dll.a) first.
#
# Defines Gcrypt_FOUND, Gcrypt_VERSION and the imported target Gcrypt::Gcrypt (libgcrypt
# with libgpg-error and, on Windows, ws2_32, which libgpg-error's static archive needs).
find_path(Gcrypt_INCLUDE_DIR NAMES gcrypt.h)
find_path(Gcrypt_GPG_ERROR_INCLUDE_DIR NAMES gpg-error.h)
find_library(Gcrypt_LIBRARY NAMES libgcrypt.a gcrypt libgcrypt)
find_library(Gcrypt_GPG_ERROR_LIBRARY NAMES libgpg-error.a gpg-error libgpg-error)

if(Gcrypt_INCLUDE_DIR AND EXISTS "${Gcrypt_INCLUDE_DIR}/gcrypt.h")
  file(STRINGS "${Gcrypt_INCLUDE_DIR}/gcrypt.h" _gcrypt_version_line
       REGEX "^#define GCRYPT_VERSION \"[0-9.]+")
  string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" Gcrypt_VERSION "${_gcrypt_version_line}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Gcrypt
  REQUIRED_VARS Gcrypt_LIBRARY Gcrypt_GPG_ERROR_LIBRARY Gcrypt_INCLUDE_DIR
                Gcrypt_GPG_ERROR_INCLUDE_DIR
  VERSION_VAR Gcrypt_VERSION)

if(Gcrypt_FOUND AND NOT TARGET Gcrypt::Gcrypt)
  add_library(Gcrypt::GpgError UNKNOWN IMPORTED)
  set_target_properties(Gcrypt::GpgError PROPERTIES
    IMPORTED_LOCATION "${Gcrypt_GPG_ERROR_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${Gcrypt_GPG_ERROR_INCLUDE_DIR}")
  if(WIN32)
    set_property(TARGET Gcrypt::GpgError PROPERTY INTERFACE_LINK_LIBRARIES ws2_32)
  endif()
  add_library(Gcrypt::Gcrypt UNKNOWN IMPORTED)
  set_target_properties(Gcrypt::Gcrypt PROPERTIES
    IMPORTED_LOCATION "${Gcrypt_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${Gcrypt_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES Gcrypt::GpgError)
endif()
mark_as_advanced(Gcrypt_INCLUDE_DIR Gcrypt_GPG_ERROR_INCLUDE_DIR Gcrypt_LIBRARY
                 Gcrypt_GPG_ERROR_LIBRARY)
