# Cross-compiling fhash for 64-bit Windows from Linux with MinGW-w64 (Debian 12:
# g++-mingw-w64-x86-64-posix), with the tests run under Wine.
#
#   cmake -S . -B build-win -G Ninja -DCMAKE_BUILD_TYPE=Release \
#         -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake
#
# scripts/test-windows.sh does this and prepares a private Wine prefix first.

set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(_fhash_mingw x86_64-w64-mingw32)

# The posix thread model: GCC 12's std::thread and std::mutex need it.
set(CMAKE_C_COMPILER ${_fhash_mingw}-gcc-posix)
set(CMAKE_CXX_COMPILER ${_fhash_mingw}-g++-posix)
set(CMAKE_RC_COMPILER ${_fhash_mingw}-windres)

set(CMAKE_FIND_ROOT_PATH /usr/${_fhash_mingw})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Static runtime: the .exe files then import only system DLLs (KERNEL32, bcrypt, msvcrt).
# Without it Wine cannot find libstdc++-6.dll and the program exits 53 without a word.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")

# How CTest (and Catch2's test discovery at build time) runs the .exe files: through
# cmake/wine-run.sh, which sends Wine's output through files so that Wine's helper
# processes (services.exe, winedevice.exe, ...) never hold CTest's pipes open.
# FHASH_WINE_EMULATOR in the environment overrides it, e.g. with /usr/lib/wine/wine64
# (Debian 12 has no wine64 on PATH; that is the real program).
if(DEFINED ENV{FHASH_WINE_EMULATOR} AND NOT "$ENV{FHASH_WINE_EMULATOR}" STREQUAL "")
  set(CMAKE_CROSSCOMPILING_EMULATOR "$ENV{FHASH_WINE_EMULATOR}")
else()
  set(CMAKE_CROSSCOMPILING_EMULATOR "${CMAKE_CURRENT_LIST_DIR}/wine-run.sh")
endif()
