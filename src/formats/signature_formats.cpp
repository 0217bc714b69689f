// The files of signed manifests (signature_formats.hpp): signify and minisign keys and
// signatures (base64 of "Ed"/"ED" || key id || key or signature, after an "untrusted
// comment:" line), OpenPGP armour and the clearsigned layout by their armour lines, and
// gpgv's status lines. Every parser takes untrusted bytes: lengths are checked before use
// and lines are capped.

#include <algorithm>

#include "fhash/base64.hpp"
#include "fhash/signature_formats.hpp"

namespace fhash {
namespace {

constexpr std::string_view k_untrusted = "untrusted comment: ";
constexpr std::string_view k_trusted = "trusted comment: ";
constexpr std::size_t k_max_signify_comment = 1024;  // signify's COMMENTMAXLEN
constexpr std::size_t k_max_minisign_comment = 8192;

/// Reads lines one by one from a text, each without its LF and one trailing CR.
class Lines {
public:
    explicit Lines(std::string_view text) noexcept : m_text(text) {}
    /// The next line, or nullopt at the end of the text.
    std::optional<std::string_view> next() noexcept {
        if (m_at >= m_text.size()) {
            return std::nullopt;
        }
        const std::size_t end = std::min(m_text.find('\n', m_at), m_text.size());
        std::string_view line = m_text.substr(m_at, end - m_at);
        m_at = end < m_text.size() ? end + 1 : end;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        return line;
    }
    /// Where the next line starts.
    [[nodiscard]] std::size_t offset() const noexcept { return m_at; }

private:
    std::string_view m_text;
    std::size_t m_at = 0;
};

Error malformed(std::string detail) {
    return make_error(Errc::malformed, {}, std::move(detail));
}

bool starts_with(std::string_view text, std::string_view prefix) noexcept {
    return text.substr(0, prefix.size()) == prefix;
}

template <std::size_t N>
void copy_bytes(std::string_view from, std::array<std::uint8_t, N>& to) noexcept {
    std::copy_n(reinterpret_cast<const std::uint8_t*>(from.data()), N, to.begin());
}

/// "untrusted comment: ..." (capped), then the base64 line decoded to `size` bytes whose
/// first two are "Ed" (or "ED" when `prehashed_ok`).
Result<std::string> comment_and_blob(Lines& lines, std::size_t size, bool prehashed_ok,
                                     std::size_t max_comment) {
    const std::optional<std::string_view> comment = lines.next();
    if (!comment || !starts_with(*comment, k_untrusted)) {
        return malformed("no 'untrusted comment:' line");
    }
    if (comment->size() > max_comment + k_untrusted.size()) {
        return malformed("comment longer than the format allows");
    }
    const std::optional<std::string_view> line = lines.next();
    const std::optional<std::string> blob =
        line && line->size() <= 4 * (size + 2) / 3 + 4 ? base64_decode(*line) : std::nullopt;
    if (!blob) {
        return malformed("the key or signature line is not base64");
    }
    if (blob->size() != size) {
        return malformed("the key or signature has the wrong length");
    }
    if (!starts_with(*blob, "Ed") && !(prehashed_ok && starts_with(*blob, "ED"))) {
        return malformed("not an Ed25519 key or signature");
    }
    return *blob;
}

Result<Ed25519Signature> parse_signature_lines(Lines& lines, bool minisign) {
    Result<std::string> blob = comment_and_blob(
        lines, 2 + 8 + 64, minisign, minisign ? k_max_minisign_comment : k_max_signify_comment);
    if (!blob) {
        return std::move(blob).error();
    }
    Ed25519Signature sig;
    sig.prehashed = (*blob)[1] == 'D';
    copy_bytes(std::string_view(*blob).substr(2, 8), sig.key_id);
    copy_bytes(std::string_view(*blob).substr(10, 64), sig.signature);
    sig.message_offset = lines.offset();
    return sig;
}

/// minisign's last two lines: the trusted comment and the global signature.
Result<void> parse_trusted_part(Lines& lines, Ed25519Signature& sig) {
    const std::optional<std::string_view> comment = lines.next();
    if (!comment || !starts_with(*comment, k_trusted)) {
        return malformed("no 'trusted comment:' line");
    }
    if (comment->size() > k_max_minisign_comment + k_trusted.size()) {
        return malformed("trusted comment longer than 8 KiB");
    }
    sig.trusted_comment = std::string(comment->substr(k_trusted.size()));
    const std::optional<std::string_view> line = lines.next();
    const std::optional<std::string> global =
        line && line->size() <= 100 ? base64_decode(*line) : std::nullopt;
    if (!global || global->size() != 64) {
        return malformed("the global signature is not 64 bytes of base64");
    }
    copy_bytes(*global, sig.global_signature);
    while (const std::optional<std::string_view> rest = lines.next()) {
        if (!rest->empty()) {
            return malformed("text after the global signature");
        }
    }
    return {};
}

std::string_view skip_blank_lines(std::string_view text) noexcept {
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    return start == std::string_view::npos ? std::string_view() : text.substr(start);
}

}  // namespace

SignatureFormat sniff_signature(std::string_view head) noexcept {
    if (!head.empty()) {
        const auto first = static_cast<unsigned char>(head.front());
        const unsigned tag = (first & 0x40) != 0 ? (first & 0x3F) : ((first >> 2) & 0x0F);
        if ((first & 0x80) != 0) {
            return tag == 2 ? SignatureFormat::openpgp : SignatureFormat::unknown;
        }
    }
    const std::string_view text = skip_blank_lines(head);
    if (starts_with(text, "-----BEGIN PGP SIGNED MESSAGE-----")) {
        return SignatureFormat::clearsigned;
    }
    if (starts_with(text, "-----BEGIN PGP SIGNATURE-----")) {
        return SignatureFormat::openpgp;
    }
    if (!starts_with(text, k_untrusted)) {
        return SignatureFormat::unknown;
    }
    Lines lines(text);
    (void)lines.next();
    (void)lines.next();
    const std::optional<std::string_view> third = lines.next();
    return third && starts_with(*third, k_trusted) ? SignatureFormat::minisign
                                                   : SignatureFormat::signify;
}

std::string key_id_text(const std::array<std::uint8_t, 8>& key_id) {
    constexpr std::string_view k_digits = "0123456789ABCDEF";
    std::string text;
    for (auto it = key_id.rbegin(); it != key_id.rend(); ++it) {
        text += k_digits[*it >> 4];
        text += k_digits[*it & 0x0F];
    }
    const std::size_t first = std::min(text.find_first_not_of('0'), text.size() - 1);
    return text.substr(first);  // as minisign's printf("%" PRIX64) writes it
}

Result<Ed25519PublicKey> parse_ed25519_public_key(std::string_view text) {
    std::string owned;
    text = skip_blank_lines(text);
    if (!starts_with(text, k_untrusted)) {  // the base64 alone: make it a key file
        const std::size_t end = text.find_last_not_of(" \t\r\n");
        owned = std::string(k_untrusted) + "\n" + std::string(text.substr(0, end + 1)) + "\n";
        text = owned;
    }
    Lines lines(text);
    Result<std::string> blob = comment_and_blob(lines, 2 + 8 + 32, false, k_max_minisign_comment);
    if (!blob) {
        return std::move(blob).error();
    }
    Ed25519PublicKey key;
    copy_bytes(std::string_view(*blob).substr(2, 8), key.key_id);
    copy_bytes(std::string_view(*blob).substr(10, 32), key.key);
    return key;
}

Result<Ed25519Signature> parse_signify_signature(std::string_view text) {
    Lines lines(text);
    return parse_signature_lines(lines, false);
}

Result<Ed25519Signature> parse_minisign_signature(std::string_view text) {
    Lines lines(text);
    Result<Ed25519Signature> sig = parse_signature_lines(lines, true);
    if (!sig) {
        return sig;
    }
    if (Result<void> trusted = parse_trusted_part(lines, *sig); !trusted) {
        return std::move(trusted).error();
    }
    return sig;
}

std::string dsse_pae(std::string_view payload_type, std::string_view payload) {
    std::string pae = "DSSEv1 " + std::to_string(payload_type.size()) + ' ';
    pae += payload_type;
    pae += ' ' + std::to_string(payload.size()) + ' ';
    pae += payload;
    return pae;
}

}  // namespace fhash
