// Minimal stand-in: a handle is a terminal when it is a console (GetConsoleMode succeeds).
#include "platform/console.hpp"

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>

namespace fhash::platform {
namespace {

bool is_console(DWORD which) {
    HANDLE handle = GetStdHandle(which);
    DWORD mode = 0;
    return handle != INVALID_HANDLE_VALUE && handle != nullptr && GetConsoleMode(handle, &mode) != 0;
}

}  // namespace

bool stdout_is_terminal() { return is_console(STD_OUTPUT_HANDLE); }

bool stderr_is_terminal() { return is_console(STD_ERROR_HANDLE); }

}  // namespace fhash::platform
