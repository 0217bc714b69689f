#include "cli/part_size.hpp"

#include <algorithm>

#include "fhash/text.hpp"

namespace fhash::cli {
namespace {

constexpr std::uint64_t k_mib = std::uint64_t{1} << 20;
constexpr std::uint64_t k_max_part = 5 * 1024 * k_mib;  // S3's largest part

std::optional<std::uint64_t> unit_of(std::string_view suffix) noexcept {
    const std::string lower = ascii_lower(suffix);
    if (lower.empty() || lower == "b") {
        return 1;
    }
    if (lower == "k" || lower == "kib" || lower == "kb") {
        return std::uint64_t{1} << 10;
    }
    if (lower == "m" || lower == "mib" || lower == "mb") {
        return k_mib;
    }
    if (lower == "g" || lower == "gib" || lower == "gb") {
        return std::uint64_t{1} << 30;
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::uint64_t> parse_part_size(std::string_view text) noexcept {
    std::size_t digits = 0;
    std::uint64_t number = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
        if (digits >= 12) {
            return std::nullopt;
        }
        number = number * 10 + static_cast<std::uint64_t>(text[digits] - '0');
        ++digits;
    }
    const std::optional<std::uint64_t> unit = unit_of(text.substr(digits));
    if (digits == 0 || !unit || number == 0 || number > k_max_part / *unit) {
        return std::nullopt;
    }
    return number * *unit;
}

std::string part_size_text(std::uint64_t bytes) {
    if (bytes % (1024 * k_mib) == 0) {
        return std::to_string(bytes / (1024 * k_mib)) + " GiB";
    }
    if (bytes % k_mib == 0) {
        return std::to_string(bytes / k_mib) + " MiB";
    }
    return std::to_string(bytes) + " bytes";
}

std::vector<std::uint64_t> candidate_part_sizes(std::uint64_t file_size, std::uint32_t parts) {
    std::vector<std::uint64_t> mib{5,   6,   8,    10,   12,   15,   16,  20,  25,
                                   32,  40,  50,   64,   100,  128,  200, 250, 256,
                                   500, 512, 1000, 1024, 2048, 4096, 5120};
    for (std::uint64_t doubled = 8; doubled <= 5120; doubled *= 2) {  // the AWS CLI's growth
        mib.push_back(doubled);
    }
    std::sort(mib.begin(), mib.end());
    mib.erase(std::unique(mib.begin(), mib.end()), mib.end());
    std::vector<std::uint64_t> out;
    if (parts == 1) {
        // One part of any size at least the file's gives the same ETag: name the smallest.
        if (file_size > 0 && file_size <= k_max_part) {
            out.push_back(file_size);
        }
        return out;
    }
    for (const std::uint64_t m : mib) {
        const std::uint64_t size = m * k_mib;
        if (parts != 0 && file_size >= size && (file_size + size - 1) / size == parts) {
            out.push_back(size);
        }
    }
    return out;
}

}  // namespace fhash::cli
