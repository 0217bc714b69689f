#include "platform/utf16_win32.hpp"

#include <windows.h>

#include <cstddef>
#include <limits>

namespace fhash::platform {
namespace {

// The conversion functions take int lengths: longer text is converted in pieces, cut where
// no character is split.
constexpr std::size_t k_max_piece = std::size_t{1} << 30;
static_assert(k_max_piece <= static_cast<std::size_t>(std::numeric_limits<int>::max()));

bool is_high_surrogate(wchar_t c) noexcept {
    return c >= 0xD800 && c <= 0xDBFF;
}
bool is_continuation(char c) noexcept {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

void append_utf8(std::wstring_view piece, std::string& out) {
    const int in_size = static_cast<int>(piece.size());
    const int needed =
        WideCharToMultiByte(CP_UTF8, 0, piece.data(), in_size, nullptr, 0, nullptr, nullptr);
    if (needed <= 0) {
        return;
    }
    const std::size_t old_size = out.size();
    out.resize(old_size + static_cast<std::size_t>(needed));
    WideCharToMultiByte(CP_UTF8, 0, piece.data(), in_size, out.data() + old_size, needed, nullptr,
                        nullptr);
}

void append_utf16(std::string_view piece, std::wstring& out) {
    const int in_size = static_cast<int>(piece.size());
    const int needed = MultiByteToWideChar(CP_UTF8, 0, piece.data(), in_size, nullptr, 0);
    if (needed <= 0) {
        return;
    }
    const std::size_t old_size = out.size();
    out.resize(old_size + static_cast<std::size_t>(needed));
    MultiByteToWideChar(CP_UTF8, 0, piece.data(), in_size, out.data() + old_size, needed);
}

}  // namespace

std::string utf16_to_utf8(std::wstring_view utf16) {
    std::string out;
    while (!utf16.empty()) {
        std::size_t size = utf16.size();
        if (size > k_max_piece) {
            size = k_max_piece;
            if (is_high_surrogate(utf16[size - 1])) {
                --size;  // keep the pair together
            }
        }
        append_utf8(utf16.substr(0, size), out);
        utf16.remove_prefix(size);
    }
    return out;
}

std::wstring utf8_to_utf16(std::string_view utf8) {
    std::wstring out;
    while (!utf8.empty()) {
        std::size_t size = utf8.size();
        if (size > k_max_piece) {
            size = k_max_piece;
            // Back up to the start of the sequence the cut falls in (at most 3 bytes).
            for (int i = 0; i < 3 && is_continuation(utf8[size]); ++i) {
                --size;
            }
        }
        append_utf16(utf8.substr(0, size), out);
        utf8.remove_prefix(size);
    }
    return out;
}

}  // namespace fhash::platform
