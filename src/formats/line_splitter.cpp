#include <cstring>

#include "fhash/manifest.hpp"

namespace fhash {
namespace {

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

constexpr char32_t k_replacement = 0xFFFD;

}  // namespace

LineSplitter::LineSplitter(char separator) noexcept : m_separator(separator) {}

TextEncoding LineSplitter::encoding() const noexcept { return m_encoding; }
bool LineSplitter::had_decoding_errors() const noexcept { return m_errors; }

void LineSplitter::feed(std::span<const std::uint8_t> bytes) {
    m_raw.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    decode_pending(false);
}

void LineSplitter::finish() {
    m_finished = true;
    decode_pending(true);
}

void LineSplitter::decode_pending(bool at_end) {
    if (!m_detected) {
        if (m_raw.size() < 3 && !at_end) {
            return;
        }
        m_detected = true;
        const auto u = [this](std::size_t i) { return static_cast<unsigned char>(m_raw[i]); };
        if (m_raw.size() >= 3 && u(0) == 0xEF && u(1) == 0xBB && u(2) == 0xBF) {
            m_encoding = TextEncoding::utf8_bom;
            m_raw.erase(0, 3);
        } else if (m_raw.size() >= 2 && u(0) == 0xFF && u(1) == 0xFE) {
            m_encoding = TextEncoding::utf16le;
            m_raw.erase(0, 2);
        } else if (m_raw.size() >= 2 && u(0) == 0xFE && u(1) == 0xFF) {
            m_encoding = TextEncoding::utf16be;
            m_raw.erase(0, 2);
        }
    }
    if (m_encoding == TextEncoding::utf8 || m_encoding == TextEncoding::utf8_bom) {
        m_text.append(m_raw);
        m_raw.clear();
        return;
    }
    const bool little = m_encoding == TextEncoding::utf16le;
    std::size_t i = 0;
    auto unit_at = [&](std::size_t k) -> char32_t {
        const auto b0 = static_cast<unsigned char>(m_raw[k]);
        const auto b1 = static_cast<unsigned char>(m_raw[k + 1]);
        return little ? static_cast<char32_t>(b0 | (b1 << 8)) : static_cast<char32_t>((b0 << 8) | b1);
    };
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
                append_utf8(m_text, k_replacement);
                m_errors = true;
                i += 2;
            }
            continue;
        }
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            append_utf8(m_text, k_replacement);
            m_errors = true;
        } else {
            append_utf8(m_text, unit);
        }
        i += 2;
    }
    m_raw.erase(0, i);
    if (at_end && !m_raw.empty()) {
        append_utf8(m_text, k_replacement);  // an odd trailing byte
        m_errors = true;
        m_raw.clear();
    }
}

bool LineSplitter::next_line(std::string& line) {
    const std::size_t end = m_text.find(m_separator, m_scan);
    if (end == std::string::npos) {
        if (!m_finished || m_scan >= m_text.size()) {
            // Drop consumed text so memory stays bounded by the longest line.
            if (m_scan > 0) {
                m_text.erase(0, m_scan);
                m_scan = 0;
            }
            return false;
        }
        line.assign(m_text, m_scan, std::string::npos);
        m_scan = m_text.size();
    } else {
        line.assign(m_text, m_scan, end - m_scan);
        m_scan = end + 1;
    }
    if (m_separator == '\n' && !line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    if (m_scan > (1u << 20) && m_scan * 2 > m_text.size()) {
        m_text.erase(0, m_scan);
        m_scan = 0;
    }
    return true;
}

}  // namespace fhash
