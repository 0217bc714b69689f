#pragma once
/// @file error_win32.hpp
/// Win32 error codes (GetLastError()) as fhash Errors. Windows only.

#include <string>

#include "fhash/error.hpp"

namespace fhash::platform {

/// The category of Win32 error codes: message() is the system's text (FormatMessageW, in
/// UTF-8, without the final period and line break), and the codes that have a POSIX
/// equivalent compare equal to it (ERROR_FILE_NOT_FOUND == std::errc::no_such_file_or_directory).
const std::error_category& win32_category() noexcept;

/// An Error from a Win32 error code. Codes with a POSIX equivalent (a missing file, access
/// denied, a full disk, ...) become std::generic_category() errors, so that the text users
/// and scripts see is the same as on POSIX ("No such file or directory"); other codes keep
/// the Win32 code and the system's message.
Error win32_error(unsigned long code, std::string path = {});

/// win32_error(GetLastError(), path).
Error last_win32_error(std::string path = {});

}  // namespace fhash::platform
