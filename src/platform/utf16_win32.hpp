#pragma once
/// @file utf16_win32.hpp
/// UTF-8 <-> UTF-16 conversion for the Win32 API (WideCharToMultiByte and
/// MultiByteToWideChar with CP_UTF8). Windows only.

#include <string>
#include <string_view>

namespace fhash::platform {

/// UTF-16 to UTF-8. A lone surrogate becomes U+FFFD.
std::string utf16_to_utf8(std::wstring_view utf16);

/// UTF-8 to UTF-16. Bytes that are not valid UTF-8 become U+FFFD.
std::wstring utf8_to_utf16(std::string_view utf8);

}  // namespace fhash::platform
