// Signed manifests, before anything is hashed: the manifest and its signature are read
// once, whole and capped; the signature is checked (signed_manifest.hpp); only the signed
// text goes on to the manifest reader. Whatever fails here ends the manifest's check with
// nothing hashed and nothing reported OK.

#include "cli/signature_check.hpp"

#include <array>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "cli/names.hpp"
#include "fhash/intoto_format.hpp"
#include "fhash/signed_manifest.hpp"
#include "io/file.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

namespace fs = std::filesystem;

/// Where --verify-signature looks, in this order, next to MANIFEST.
constexpr std::array<const char*, 5> k_suffixes = {".gpg", ".asc", ".sig", ".sign", ".minisig"};

/// The bytes of `name` ("-" = standard input), refused past `cap`.
Result<std::string> read_capped(const std::string& name, std::size_t cap) {
    io::File file;
    if (name == "-") {
        file = io::File::standard_input();
    } else {
        Result<io::File> opened = io::File::open_read(platform::path_from_utf8(name));
        if (!opened) {
            return with_path(std::move(opened).error(), name);
        }
        file = std::move(*opened);
    }
    std::string bytes;
    std::array<std::uint8_t, 64 * 1024> buffer{};
    for (;;) {
        Result<std::size_t> got = file.read(buffer);
        if (!got) {
            return with_path(std::move(got).error(), name);
        }
        if (*got == 0) {
            return bytes;
        }
        if (bytes.size() + *got > cap) {
            return make_error(Errc::malformed, name,
                              fmt::format("larger than {} KiB, refused", cap >> 10));
        }
        bytes.append(reinterpret_cast<const char*>(buffer.data()), *got);
    }
}

bool exists(const std::string& name) {
    std::error_code ec;
    return fs::is_regular_file(platform::path_from_utf8(name), ec);
}

/// The signature a manifest carries: clearsigned (the signed block may come after other
/// lines, which gpgv ignores and fhash reports), signify's embedded form, DSSE envelopes.
SignatureFormat embedded_format(std::string_view text) {
    const SignatureFormat own = sniff_signature(text.substr(0, 4096));
    if (own == SignatureFormat::signify || own == SignatureFormat::clearsigned) {
        return own;
    }
    if (clearsigned_layout(text).blocks > 0) {
        return SignatureFormat::clearsigned;
    }
    return looks_like_intoto(text.substr(0, 64 * 1024)) ? SignatureFormat::dsse
                                                        : SignatureFormat::unknown;
}

/// Where the signature is: a file of its own, or the manifest itself.
struct Located {
    std::string path;
    bool embedded = false;
};

std::optional<Located> locate(const Options& options, const std::string& manifest,
                              std::string_view text) {
    if (options.signature) {
        return Located{*options.signature, *options.signature == manifest};
    }
    if (manifest != "-") {
        for (const char* suffix : k_suffixes) {
            if (exists(manifest + suffix)) {
                return Located{manifest + suffix, false};
            }
        }
    }
    if (embedded_format(text) != SignatureFormat::unknown) {
        return Located{manifest, true};
    }
    return std::nullopt;
}

/// --pubkey: a key file when one exists by that name, else the base64 key itself.
Result<Ed25519PublicKey> load_pubkey(const std::string& arg) {
    std::string text = arg;
    if (exists(arg)) {
        Result<std::string> read = read_capped(arg, k_max_key_file);
        if (!read) {
            return std::move(read).error();
        }
        text = std::move(*read);
    }
    Result<Ed25519PublicKey> key = parse_ed25519_public_key(text);
    if (!key) {
        return make_error(Errc::malformed, "--pubkey",
                          "not a signify or minisign public key: " + key.error().detail);
    }
    return key;
}

const char* format_name(SignatureFormat format) {
    switch (format) {
        case SignatureFormat::openpgp:
        case SignatureFormat::clearsigned:
            return "OpenPGP";
        case SignatureFormat::signify:
            return "signify";
        case SignatureFormat::minisign:
            return "minisign";
        case SignatureFormat::dsse:
            return "DSSE";
        case SignatureFormat::unknown:
            break;
    }
    return "unknown";
}

/// One manifest's check: the steps, and the messages of each outcome.
class SignatureCheck {
public:
    SignatureCheck(const Options& options, Console& console, const std::string& manifest)
        : m_options(options), m_console(console), m_manifest(manifest) {}

    SignedText run() {
        Result<std::string> text = read_capped(m_manifest, k_max_signed_manifest);
        if (!text) {
            m_console.file_error(text.error());
            return {std::nullopt, ExitCode::usage};
        }
        const std::optional<Located> where = locate(m_options, m_manifest, *text);
        if (!where) {
            return refuse(fmt::format("no signature found (looked for {}.{{{}}})",
                                      quote_name(m_manifest), "gpg,asc,sig,sign,minisig"));
        }
        m_signature = where->path;
        if (where->embedded) {
            return judge(*text, std::nullopt);
        }
        Result<std::string> signature = read_capped(where->path, k_max_signature_file);
        if (!signature) {
            return refuse(error_text(signature.error()));
        }
        return judge(*signature, std::move(*text));
    }

private:
    SignedText judge(const std::string& signature, std::optional<std::string> data) {
        const SignatureFormat format =
            data ? sniff_signature(signature) : embedded_format(signature);
        if (format == SignatureFormat::unknown) {
            return refuse("not an OpenPGP, signify or minisign signature");
        }
        if (const char* option = missing_key_option(format)) {
            m_console.error(fmt::format("{}: {} signature: give the signer's key with {}",
                                        quote_name(m_signature), format_name(format), option));
            return {std::nullopt, ExitCode::usage};
        }
        Result<TrustedManifest> trusted = check(format, signature, std::move(data));
        if (!trusted) {
            return refuse(reason(trusted.error()));
        }
        return accept(*trusted);
    }

    /// Why a check failed, for the refusal line.
    static std::string reason(const Error& e) {
        if (e.code == Errc::bad_signature) {
            return e.detail;
        }
        if (e.code == Errc::malformed && e.path.empty()) {
            return "the signature cannot be read: " + e.detail;
        }
        if (e.code == Errc::malformed) {
            return fmt::format("{}: {}", quote_name(e.path), e.detail);
        }
        return error_text(e);
    }

    /// The option that must name the key for `format`, when it was not given.
    const char* missing_key_option(SignatureFormat format) const {
        const bool openpgp =
            format == SignatureFormat::openpgp || format == SignatureFormat::clearsigned;
        if (openpgp) {
            return m_options.keyring ? nullptr : "--keyring FILE";
        }
        return m_options.pubkey ? nullptr : "--pubkey KEY";
    }

    Result<TrustedManifest> check(SignatureFormat format, const std::string& signature,
                                  std::optional<std::string> data) {
        if (format == SignatureFormat::openpgp || format == SignatureFormat::clearsigned) {
            return check_openpgp(format, signature, std::move(data));
        }
        if (format == SignatureFormat::dsse) {
            return check_dsse(signature);
        }
        Result<Ed25519PublicKey> key = load_pubkey(*m_options.pubkey);
        if (!key) {
            return std::move(key).error();
        }
        if (format == SignatureFormat::minisign) {
            if (!data) {
                return make_error(Errc::malformed, m_signature, "a minisign signature is detached");
            }
            return verify_minisign(signature, std::move(*data), *key);
        }
        return verify_signify(signature, std::move(data), *key);
    }

    Result<TrustedManifest> check_dsse(const std::string& document) {
        Result<std::string> pem = read_capped(*m_options.pubkey, k_max_key_file);
        if (!pem) {
            return std::move(pem).error();
        }
        Result<DssePublicKey> key = parse_pem_public_key(*pem);
        if (!key) {
            return with_path(std::move(key).error(), *m_options.pubkey);
        }
        return verify_dsse(document, *key);
    }

    Result<TrustedManifest> check_openpgp(SignatureFormat format, const std::string& signature,
                                          std::optional<std::string> data) {
        if (format == SignatureFormat::clearsigned && data) {
            return make_error(Errc::malformed, m_signature,
                              "a clearsigned file is a manifest, not a detached signature");
        }
        GpgvRequest request;
        if (const char* program = std::getenv("FHASH_GPGV"); program != nullptr && *program) {
            request.program = program;  // gpgv elsewhere than in PATH
        }
        Result<std::string> keyring = read_capped(*m_options.keyring, k_max_key_file);
        if (!keyring) {
            return std::move(keyring).error();
        }
        request.keyring = std::move(*keyring);
        request.signature = signature;
        request.data = std::move(data);
        Result<TrustedManifest> trusted = verify_openpgp(request);
        if (!trusted && trusted.error().path == "keyring") {
            return with_path(std::move(trusted).error(), *m_options.keyring);
        }
        if (!trusted && trusted.error().path == request.program) {
            return make_error(Errc::bad_signature, {},
                              fmt::format("{} (GnuPG) could not be run: {}", request.program,
                                          trusted.error().reason()));
        }
        return trusted;
    }

    SignedText refuse(const std::string& why) {
        m_console.error(fmt::format("{}: signature NOT verified{}: {}; no file was checked",
                                    quote_name(m_manifest), source(), why));
        return {std::nullopt, ExitCode::failure};
    }

    SignedText accept(TrustedManifest& trusted) {
        ExitCode code = ExitCode::ok;
        if (!m_options.status) {
            std::string line = fmt::format("{}: good {} signature{} by {}", quote_name(m_manifest),
                                           format_name(trusted.format), source(), trusted.signer);
            if (!trusted.trusted_comment.empty()) {
                line += fmt::format(", trusted comment: {}", trusted.trusted_comment);
            }
            m_console.error(line);
        }
        const std::size_t outside = trusted.unsigned_lines_before + trusted.unsigned_lines_after;
        if (outside > 0 && !m_options.status) {
            m_console.error(fmt::format(
                "WARNING: {}: {} line{} outside the signed block {} not signed and not checked",
                quote_name(m_manifest), outside, outside == 1 ? "" : "s",
                outside == 1 ? "is" : "are"));
        }
        if (outside > 0 && m_options.strict) {
            code = ExitCode::failure;
        }
        return {std::move(trusted.text), code};
    }

    /// " (SIGNATURE FILE)" when the signature is not the manifest itself.
    std::string source() const {
        return m_signature.empty() || m_signature == m_manifest
                   ? std::string()
                   : fmt::format(" ({})", quote_name(m_signature));
    }

    const Options& m_options;
    Console& m_console;
    const std::string& m_manifest;
    std::string m_signature;
};

}  // namespace

bool wants_signature(const Options& options) {
    return options.signature || options.verify_signature || options.keyring || options.pubkey;
}

SignedText check_manifest_signature(const Options& options, Console& console,
                                    const std::string& manifest) {
    return SignatureCheck(options, console, manifest).run();
}

}  // namespace fhash::cli
