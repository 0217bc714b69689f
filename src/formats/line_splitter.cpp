/// @file line_splitter.cpp
/// Streaming BOM detection, UTF-16 to UTF-8 conversion and line splitting for manifests and
/// file lists.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "fhash/manifest.hpp"

namespace fhash {
namespace {

constexpr std::string_view k_bom_utf8 = "\xEF\xBB\xBF";
constexpr std::string_view k_bom_utf16le = "\xFF\xFE";
constexpr std::string_view k_bom_utf16be = "\xFE\xFF";
constexpr char32_t k_replacement = 0xFFFD;

/// Consumed text is erased from the buffer once it is at least this large and at least half
/// of the buffer, so memory stays bounded by the longest line without quadratic copying.
constexpr std::size_t k_compact_threshold = 64 * 1024;

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// True if `data` (shorter than `bom`) could still become `bom` with more bytes.
bool could_become(std::string_view data, std::string_view bom) noexcept {
    return data.size() < bom.size() && bom.starts_with(data);
}

}  // namespace

LineSplitter::LineSplitter(char separator, std::size_t max_line) noexcept
    : m_separator(separator), m_max_line(max_line) {}

void LineSplitter::feed(std::span<const std::uint8_t> bytes) {
    if (m_finished || m_too_long || bytes.empty()) {
        return;
    }
    compact();
    m_raw.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    decode_pending(false);
}

void LineSplitter::finish() {
    if (m_finished) {
        return;
    }
    if (!m_too_long) {
        decode_pending(true);
    }
    m_finished = true;
}

bool LineSplitter::next_line(std::string& line) {
    if (m_too_long) {
        return false;
    }
    const std::size_t from = m_scan > m_start ? m_scan : m_start;
    const std::size_t end = m_text.find(m_separator, from);
    if (end == std::string::npos) {
        m_scan = m_text.size();
        // Without a terminator yet, one more byte may still be a CR that is removed.
        const std::size_t slack = m_separator == '\n' ? 1 : 0;
        if (m_text.size() - m_start > m_max_line + slack) {
            give_up();
            return false;
        }
        if (!m_finished || m_start >= m_text.size()) {
            return false;
        }
    }
    const std::size_t stop = end == std::string::npos ? m_text.size() : end;
    std::size_t length = stop - m_start;
    if (m_separator == '\n' && length > 0 && m_text[stop - 1] == '\r') {
        --length;
    }
    if (length > m_max_line) {
        give_up();
        return false;
    }
    line.assign(m_text, m_start, length);
    m_start = end == std::string::npos ? m_text.size() : end + 1;
    m_scan = m_start;
    ++m_lines;
    return true;
}

TextEncoding LineSplitter::encoding() const noexcept {
    return m_encoding;
}

bool LineSplitter::had_decoding_errors() const noexcept {
    return m_errors;
}

void LineSplitter::give_up() {
    m_too_long = true;
    m_text = std::string();  // release the memory: nothing more is returned
    m_raw = std::string();
    m_start = 0;
    m_scan = 0;
}

void LineSplitter::compact() {
    if (m_start >= k_compact_threshold && m_start * 2 >= m_text.size()) {
        m_text.erase(0, m_start);
        m_scan -= m_start;
        m_start = 0;
    }
}

void LineSplitter::detect_encoding(bool at_end) {
    const std::string_view raw = m_raw;
    if (raw.starts_with(k_bom_utf8)) {
        m_encoding = TextEncoding::utf8_bom;
        m_raw.erase(0, k_bom_utf8.size());
    } else if (raw.starts_with(k_bom_utf16le)) {
        m_encoding = TextEncoding::utf16le;
        m_raw.erase(0, k_bom_utf16le.size());
    } else if (raw.starts_with(k_bom_utf16be)) {
        m_encoding = TextEncoding::utf16be;
        m_raw.erase(0, k_bom_utf16be.size());
    } else if (!at_end && (could_become(raw, k_bom_utf8) || could_become(raw, k_bom_utf16le) ||
                           could_become(raw, k_bom_utf16be))) {
        return;  // too few bytes to decide yet
    } else {
        m_encoding = TextEncoding::utf8;
    }
    m_detected = true;
}

void LineSplitter::decode_pending(bool at_end) {
    if (!m_detected) {
        detect_encoding(at_end);
        if (!m_detected) {
            return;
        }
    }
    if (m_encoding == TextEncoding::utf8 || m_encoding == TextEncoding::utf8_bom) {
        // Bytes pass through unchanged: names that are not valid UTF-8 must survive.
        m_text += m_raw;
        m_raw.clear();
        return;
    }
    decode_utf16(at_end);
}

void LineSplitter::decode_utf16(bool at_end) {
    const bool little = m_encoding == TextEncoding::utf16le;
    const auto unit_at = [&](std::size_t i) -> char32_t {
        const auto b0 = static_cast<std::uint8_t>(m_raw[i]);
        const auto b1 = static_cast<std::uint8_t>(m_raw[i + 1]);
        return little ? static_cast<char32_t>(b0 | (b1 << 8))
                      : static_cast<char32_t>((b0 << 8) | b1);
    };
    std::size_t i = 0;
    while (i + 2 <= m_raw.size()) {
        const char32_t unit = unit_at(i);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            if (i + 4 > m_raw.size()) {
                if (!at_end) {
                    break;  // wait for the low surrogate
                }
                append_utf8(m_text, k_replacement);
                m_errors = true;
                i += 2;
                continue;
            }
            const char32_t low = unit_at(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                append_utf8(m_text, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                i += 4;
            } else {
                // The next unit is decoded on its own in the next round.
                append_utf8(m_text, k_replacement);
                m_errors = true;
                i += 2;
            }
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            append_utf8(m_text, k_replacement);
            m_errors = true;
            i += 2;
        } else {
            append_utf8(m_text, unit);
            i += 2;
        }
    }
    m_raw.erase(0, i);
    if (at_end && !m_raw.empty()) {
        // An odd byte count leaves half a code unit.
        append_utf8(m_text, k_replacement);
        m_errors = true;
        m_raw.clear();
    }
}

}  // namespace fhash
