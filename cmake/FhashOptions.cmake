# Compiler flags as INTERFACE targets, linked PRIVATE by our own targets only. Warnings are
# errors with -DFHASH_WERROR=ON only (CI and scripts/test.sh set it).

add_library(fhash_warnings INTERFACE)
if(MSVC)
  target_compile_options(fhash_warnings INTERFACE /W4 /permissive-)
  if(FHASH_WERROR)
    target_compile_options(fhash_warnings INTERFACE /WX)
  endif()
else()
  target_compile_options(fhash_warnings INTERFACE -Wall -Wextra -Wpedantic -Wconversion
                                                  -Wsign-conversion -Wshadow)
  if(FHASH_WERROR)
    target_compile_options(fhash_warnings INTERFACE -Werror)
  endif()
  if(FHASH_WERROR AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 reports impossible overlaps in std::string's inlined memcpy at -O3
    # (-Wrestrict false positives, GCC bug 105329); keep them visible but not fatal.
    target_compile_options(fhash_warnings INTERFACE -Wno-error=restrict)
  endif()
endif()

add_library(fhash_options INTERFACE)
if(WIN32)
  target_compile_definitions(fhash_options INTERFACE NOMINMAX WIN32_LEAN_AND_MEAN UNICODE _UNICODE)
endif()
if(FHASH_SANITIZE)
  if(MSVC)
    message(FATAL_ERROR "FHASH_SANITIZE is supported with GCC and Clang")
  endif()
  target_compile_options(fhash_options INTERFACE -fsanitize=address,undefined
                                                 -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(fhash_options INTERFACE -fsanitize=address,undefined)
endif()
if(FHASH_BUILD_FUZZERS)
  # Everything, the core library included, carries the fuzzer's coverage instrumentation
  # and ASan + UBSan; only the fuzz executables link libFuzzer itself (tests/fuzz).
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "FHASH_BUILD_FUZZERS needs clang (CC=clang CXX=clang++)")
  endif()
  target_compile_options(fhash_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                                                 -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(fhash_options INTERFACE -fsanitize=address,undefined)
endif()
