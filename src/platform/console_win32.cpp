// A console handle is a character device that answers GetConsoleMode; NUL is a character
// device too, but not a console (_isatty would say yes to it).

#include "platform/console.hpp"

#include <windows.h>

namespace fhash::platform {
namespace {

bool is_console(DWORD which) {
    HANDLE handle = GetStdHandle(which);
    if (handle == nullptr || handle == INVALID_HANDLE_VALUE ||
        GetFileType(handle) != FILE_TYPE_CHAR) {
        return false;
    }
    DWORD mode = 0;
    return GetConsoleMode(handle, &mode) != 0;
}

}  // namespace

bool stdout_is_terminal() {
    return is_console(STD_OUTPUT_HANDLE);
}

bool stderr_is_terminal() {
    return is_console(STD_ERROR_HANDLE);
}

}  // namespace fhash::platform
