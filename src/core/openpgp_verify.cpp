// OpenPGP signatures through GnuPG's gpgv (signed_manifest.hpp), as apt checks its
// archives: gpgv is the one GnuPG tool made to verify against a given keyring and nothing
// else. It runs in a private scratch folder that is also its --homedir, so neither the
// user's keyrings nor gpg.conf take part, on copies of the exact bytes fhash will parse.
// Its status lines go to a file of their own (--status-fd 1 with standard output
// redirected), apart from its human messages, and decide; its exit code must agree.

#include <array>
#include <string>
#include <vector>

#include "fhash/signed_manifest.hpp"
#include "io/file.hpp"
#include "io/process.hpp"
#include "platform/paths.hpp"

namespace fhash {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t k_max_status = std::size_t{1} << 20;

/// The file's bytes, at most `cap` (more is refused).
Result<std::string> read_file(const fs::path& path, std::size_t cap) {
    Result<io::File> file = io::File::open_read(path);
    if (!file) {
        return std::move(file).error();
    }
    std::string bytes;
    std::array<std::uint8_t, 64 * 1024> buffer{};
    for (;;) {
        Result<std::size_t> got = file->read(buffer);
        if (!got) {
            return std::move(got).error();
        }
        if (*got == 0) {
            return bytes;
        }
        if (bytes.size() + *got > cap) {
            return make_error(Errc::malformed, {}, "gpgv wrote more than fhash reads");
        }
        bytes.append(reinterpret_cast<const char*>(buffer.data()), *got);
    }
}

/// The first line gpgv wrote to standard error, as a hint when it failed without status.
std::string first_line(std::string_view text) {
    std::string line(text.substr(0, text.find('\n')));
    return line.size() > 200 ? line.substr(0, 200) : line;
}

/// The scratch files of one run.
struct Scratch {
    io::TempDir dir;
    fs::path keyring, signature, data, output, status, log;
};

Result<Scratch> prepare(const GpgvRequest& request) {
    Result<io::TempDir> dir = io::TempDir::create();
    if (!dir) {
        return std::move(dir).error();
    }
    Scratch s{std::move(*dir), {}, {}, {}, {}, {}, {}};
    const fs::path& root = s.dir.path();
    s.keyring = root / "keyring.gpg";
    s.signature = root / "signature";
    s.data = root / "data";
    s.output = root / "signed";
    s.status = root / "status";
    s.log = root / "log";
    std::string keyring = request.keyring;
    if (is_armoured_openpgp(keyring)) {
        Result<std::string> binary = dearmor_openpgp(keyring);
        if (!binary) {
            return make_error(Errc::malformed, "keyring", binary.error().detail);
        }
        keyring = std::move(*binary);
    }
    const std::string_view data = request.data ? std::string_view(*request.data) : "";
    for (const auto& [path, bytes] :
         {std::pair{&s.keyring, std::string_view(keyring)},
          std::pair{&s.signature, std::string_view(request.signature)}, std::pair{&s.data, data}}) {
        if (Result<fs::path> wrote = s.dir.write(path->filename().string(), bytes); !wrote) {
            return std::move(wrote).error();
        }
    }
    return s;
}

std::vector<std::string> gpgv_arguments(const Scratch& s, bool detached) {
    using platform::path_to_utf8;
    std::vector<std::string> args = {"--homedir", path_to_utf8(s.dir.path()), "--status-fd", "1",
                                     "--keyring", path_to_utf8(s.keyring)};
    if (!detached) {
        args.insert(args.end(), {"--output", path_to_utf8(s.output)});
    }
    args.push_back(path_to_utf8(s.signature));
    if (detached) {
        args.push_back(path_to_utf8(s.data));
    }
    return args;
}

/// Runs gpgv; its exit status.
Result<int> run_gpgv(const GpgvRequest& request, const Scratch& s) {
    Result<io::ChildProcess> child = io::ChildProcess::spawn(
        request.program, gpgv_arguments(s, request.data.has_value()), {s.status, s.log});
    if (!child) {
        return std::move(child).error();
    }
    return child->wait();
}

/// Fingerprints of the signers, for the report.
std::string signers(const GpgvVerdict& verdict) {
    std::string text = "key ";
    for (std::size_t i = 0; i < verdict.valid_fingerprints.size(); ++i) {
        text += (i == 0 ? "" : ", ") + verdict.valid_fingerprints[i];
    }
    if (!verdict.unknown_keys.empty()) {
        text += " (not checked: the signature";
        text += verdict.unknown_keys.size() == 1 ? " by key " : "s by keys ";
        for (std::size_t i = 0; i < verdict.unknown_keys.size(); ++i) {
            text += (i == 0 ? "" : ", ") + verdict.unknown_keys[i];
        }
        text += ", not in the keyring)";
    }
    return text;
}

Result<TrustedManifest> judge(const GpgvRequest& request, const Scratch& s, int exit_status) {
    Result<std::string> status = read_file(s.status, k_max_status);
    if (!status) {
        return std::move(status).error();
    }
    const GpgvVerdict verdict = parse_gpgv_status(*status);
    // gpgv exits 2 when a signature cannot be checked (a signer not in the keyring): that
    // is accepted when the status lines trust the rest, as apt does; any other failure not.
    const bool exit_ok = exit_status == 0 || (exit_status == 2 && !verdict.unknown_keys.empty());
    if (!verdict.trusted() || !exit_ok) {
        std::string why = verdict.problem;
        if (why.empty()) {
            Result<std::string> log = read_file(s.log, k_max_status);
            why = "gpgv failed (exit " + std::to_string(exit_status) + ")" +
                  (log && !log->empty() ? ": " + first_line(*log) : std::string());
        }
        return make_error(Errc::bad_signature, {}, why);
    }
    TrustedManifest trusted;
    trusted.format = request.data ? SignatureFormat::openpgp : SignatureFormat::clearsigned;
    trusted.signer = signers(verdict);
    if (request.data) {
        trusted.text = *request.data;
        return trusted;
    }
    Result<std::string> text = read_file(s.output, k_max_signed_manifest);
    if (!text) {
        return std::move(text).error();
    }
    trusted.text = std::move(*text);
    return trusted;
}

}  // namespace

Result<TrustedManifest> verify_openpgp(const GpgvRequest& request) {
    ClearsignedLayout layout;
    if (!request.data) {
        layout = clearsigned_layout(request.signature);
        if (layout.blocks != 1) {
            return make_error(Errc::bad_signature, {},
                              layout.blocks == 0 ? "no clearsigned block found"
                                                 : "more than one clearsigned block");
        }
    }
    Result<Scratch> scratch = prepare(request);
    if (!scratch) {
        return std::move(scratch).error();
    }
    Result<int> exit_status = run_gpgv(request, *scratch);
    if (!exit_status) {
        return std::move(exit_status).error();
    }
    Result<TrustedManifest> trusted = judge(request, *scratch, *exit_status);
    if (trusted) {
        trusted->unsigned_lines_before = layout.lines_before;
        trusted->unsigned_lines_after = layout.lines_after;
    }
    return trusted;
}

}  // namespace fhash
