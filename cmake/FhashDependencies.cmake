# Every dependency comes from the system (Debian: libssl-dev libcli11-dev libfmt-dev catch2
# libpugixml-dev nlohmann-json3-dev). Nothing is downloaded at build time.
#
# The header-only libraries (CLI11, fmt in header-only mode, nlohmann-json, Catch2 v2) are
# also used by the MinGW cross build. There, /usr/include must never reach the include path
# (glibc's headers would shadow MinGW's), so only their own folders are staged, as symlinks,
# into one directory exposed through the fhash_third_party INTERFACE target.

add_library(fhash_third_party INTERFACE)

if(CMAKE_CROSSCOMPILING)
  set(_stage "${CMAKE_BINARY_DIR}/third_party_include")
  file(MAKE_DIRECTORY "${_stage}")
  foreach(_dir CLI fmt nlohmann catch2)
    if(EXISTS "/usr/include/${_dir}" AND NOT EXISTS "${_stage}/${_dir}")
      file(CREATE_LINK "/usr/include/${_dir}" "${_stage}/${_dir}" SYMBOLIC)
    endif()
  endforeach()
  target_include_directories(fhash_third_party SYSTEM INTERFACE "${_stage}")
  target_compile_definitions(fhash_third_party INTERFACE FMT_HEADER_ONLY)
  set(FHASH_CATCH2_MAJOR 2)
  set(FHASH_CATCH_CMAKE "/usr/lib/cmake/Catch2/Catch.cmake")
else()
  find_package(CLI11 CONFIG REQUIRED)
  find_package(fmt REQUIRED)
  find_package(nlohmann_json 3 REQUIRED)
  target_link_libraries(fhash_third_party INTERFACE CLI11::CLI11 fmt::fmt nlohmann_json::nlohmann_json)
  if(FHASH_BUILD_TESTS)
    find_package(Catch2 REQUIRED)
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

# XML: pugixml (libpugixml-dev). The MinGW cross build has no pugixml for Windows.
find_package(pugixml QUIET)
