// OpenPGP as far as fhash needs it without a crypto library of its own: ASCII armour taken
// off keyrings for gpgv (RFC 4880 §6), the clearsigned layout by its armour lines, and the
// verdict of gpgv's status lines (GnuPG's doc/DETAILS, "Format of the --status-fd output").

#include <algorithm>
#include <cstdint>

#include "fhash/base64.hpp"
#include "fhash/signature_formats.hpp"

namespace fhash {
namespace {

constexpr std::string_view k_begin_signed = "-----BEGIN PGP SIGNED MESSAGE-----";
constexpr std::string_view k_end_signature = "-----END PGP SIGNATURE-----";
constexpr std::string_view k_status_prefix = "[GNUPG:] ";

bool starts_with(std::string_view text, std::string_view prefix) noexcept {
    return text.substr(0, prefix.size()) == prefix;
}

/// Calls `line(text)` for every line of `text`, without its LF and one trailing CR.
template <class F>
void for_each_line(std::string_view text, F&& line) {
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        std::string_view one = text.substr(at, end - at);
        if (!one.empty() && one.back() == '\r') {
            one.remove_suffix(1);
        }
        line(one);
        at = end + 1;
    }
}

bool is_blank(std::string_view line) noexcept {
    return line.find_first_not_of(" \t") == std::string_view::npos;
}

/// RFC 4880 §6.1 CRC-24 of `bytes`.
std::uint32_t crc24(std::string_view bytes) noexcept {
    std::uint32_t crc = 0xB704CEU;
    for (const char c : bytes) {
        crc ^= static_cast<std::uint32_t>(static_cast<unsigned char>(c)) << 16;
        for (int i = 0; i < 8; ++i) {
            crc <<= 1;
            if ((crc & 0x1000000U) != 0) {
                crc ^= 0x1864CFBU;
            }
        }
    }
    return crc & 0xFFFFFFU;
}

/// One armour block being read: where it is, its base64 and its checksum line.
struct ArmourBlock {
    enum class Part { outside, headers, body, done } part = Part::outside;
    std::string base64;
    std::string checksum;
};

/// Feeds one line to the block; false on a malformed line.
bool armour_line(ArmourBlock& block, std::string_view line) {
    switch (block.part) {
        case ArmourBlock::Part::outside:
            if (starts_with(line, "-----BEGIN PGP ")) {
                block.part = ArmourBlock::Part::headers;
            }
            return true;
        case ArmourBlock::Part::headers:
            if (is_blank(line)) {
                block.part = ArmourBlock::Part::body;
            } else if (line.find(": ") == std::string_view::npos) {
                block.part = ArmourBlock::Part::body;  // no header and no blank line
                return armour_line(block, line);
            }
            return true;
        case ArmourBlock::Part::body:
            if (starts_with(line, "-----END PGP ")) {
                block.part = ArmourBlock::Part::done;
            } else if (starts_with(line, "=")) {
                block.checksum = std::string(line.substr(1));
            } else {
                block.base64.append(line.substr(0, line.find_last_not_of(" \t") + 1));
            }
            return true;
        case ArmourBlock::Part::done:
            return true;
    }
    return false;
}

/// The packets of one finished block, with its checksum checked.
Result<std::string> block_bytes(const ArmourBlock& block) {
    std::optional<std::string> bytes = base64_decode(block.base64);
    if (!bytes) {
        return make_error(Errc::malformed, {}, "armour body is not base64");
    }
    if (!block.checksum.empty()) {
        const std::optional<std::string> sum = base64_decode(block.checksum);
        if (!sum || sum->size() != 3) {
            return make_error(Errc::malformed, {}, "armour checksum is not base64");
        }
        const auto byte = [&sum](std::size_t i) {
            return static_cast<std::uint32_t>(static_cast<unsigned char>((*sum)[i]));
        };
        const std::uint32_t expected = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        if (crc24(*bytes) != expected) {
            return make_error(Errc::malformed, {}, "armour checksum mismatch");
        }
    }
    return std::move(*bytes);
}

/// The words of a status line after its keyword.
std::vector<std::string_view> words(std::string_view rest) {
    std::vector<std::string_view> out;
    std::size_t at = 0;
    while (at < rest.size()) {
        const std::size_t end = std::min(rest.find(' ', at), rest.size());
        if (end > at) {
            out.push_back(rest.substr(at, end - at));
        }
        at = end + 1;
    }
    return out;
}

/// A problem status keyword worded for a person, or empty for other keywords.
std::string problem_text(std::string_view keyword, const std::vector<std::string_view>& args) {
    const std::string key = args.empty() ? std::string("?") : std::string(args.front());
    if (keyword == "BADSIG") {
        return "BAD signature by key " + key;
    }
    if (keyword == "EXPKEYSIG") {
        return "the signing key " + key + " has expired";
    }
    if (keyword == "REVKEYSIG") {
        return "the signing key " + key + " is revoked";
    }
    if (keyword == "EXPSIG") {
        return "the signature by key " + key + " has expired";
    }
    if (keyword == "NO_PUBKEY") {
        return "the signing key " + key + " is not in the keyring";
    }
    if (keyword == "ERRSIG") {  // code 9 (no public key) is set aside by the caller
        return "the signature by key " + key + " cannot be checked";
    }
    if (keyword == "NODATA") {
        return "no OpenPGP signature found";
    }
    return {};
}

}  // namespace

bool is_armoured_openpgp(std::string_view text) noexcept {
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    return start != std::string_view::npos && starts_with(text.substr(start), "-----BEGIN PGP ");
}

Result<std::string> dearmor_openpgp(std::string_view armoured) {
    std::string packets;
    ArmourBlock block;
    bool any = false;
    std::optional<Error> failure;
    for_each_line(armoured, [&](std::string_view line) {
        if (failure || !armour_line(block, line) || block.part != ArmourBlock::Part::done) {
            return;
        }
        Result<std::string> bytes = block_bytes(block);
        if (!bytes) {
            failure = std::move(bytes).error();
            return;
        }
        packets += *bytes;
        any = true;
        block = ArmourBlock{};  // keyrings concatenate several armoured keys
    });
    if (failure) {
        return std::move(*failure);
    }
    if (!any || block.part != ArmourBlock::Part::outside) {
        return make_error(Errc::malformed, {}, "no complete OpenPGP armour block");
    }
    return packets;
}

ClearsignedLayout clearsigned_layout(std::string_view text) noexcept {
    ClearsignedLayout layout;
    bool inside = false;
    std::size_t after = 0;
    for_each_line(text, [&](std::string_view line) {
        if (starts_with(line, k_begin_signed)) {
            ++layout.blocks;
            inside = true;
            layout.lines_after += after;
            after = 0;
        } else if (inside && starts_with(line, k_end_signature)) {
            inside = false;
        } else if (!inside && !is_blank(line)) {
            ++(layout.blocks == 0 ? layout.lines_before : after);
        }
    });
    layout.lines_after += after;
    return layout;
}

GpgvVerdict parse_gpgv_status(std::string_view status) {
    GpgvVerdict verdict;
    std::size_t newsig = 0;
    std::size_t results = 0;  // GOODSIG, BADSIG, EXPSIG, EXPKEYSIG, REVKEYSIG, ERRSIG
    for_each_line(status, [&](std::string_view line) {
        if (!starts_with(line, k_status_prefix)) {
            return;
        }
        line.remove_prefix(k_status_prefix.size());
        const std::string_view keyword = line.substr(0, line.find(' '));
        const std::vector<std::string_view> args =
            words(keyword.size() < line.size() ? line.substr(keyword.size() + 1) : "");
        if (keyword == "NEWSIG") {
            ++newsig;
        } else if (keyword == "GOODSIG") {
            ++verdict.good;
            ++results;
        } else if (keyword == "VALIDSIG" && !args.empty()) {
            verdict.valid_fingerprints.emplace_back(args.size() >= 10 ? args[9] : args[0]);
        } else if (keyword == "ERRSIG" && args.size() >= 6 && args[5] == "9") {
            verdict.unknown_keys.emplace_back(args[0]);  // NO_PUBKEY follows: not counted
            ++results;
        } else if (const std::string problem = problem_text(keyword, args); !problem.empty()) {
            if (keyword != "NO_PUBKEY" && keyword != "NODATA") {
                ++results;  // NODATA is no signature at all
            }
            if (verdict.problem.empty() && keyword != "NO_PUBKEY") {
                verdict.problem = problem;
            }
        }
    });
    verdict.signatures = std::max(newsig, results);
    if (verdict.problem.empty() && verdict.good == 0 && !verdict.unknown_keys.empty()) {
        verdict.problem =
            "the signing key " + verdict.unknown_keys.front() + " is not in the keyring";
    }
    if (verdict.problem.empty() &&
        verdict.good + verdict.unknown_keys.size() != verdict.signatures) {
        verdict.problem = "not every signature is good";
    }
    return verdict;
}

}  // namespace fhash
