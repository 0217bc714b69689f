#pragma once
/// @file signature_check.hpp
/// -c with --signature, --verify-signature, --keyring or --pubkey: the manifest's signature
/// is checked before anything is hashed, and only the signed text is handed on.

#include <optional>
#include <string>

#include "cli/console.hpp"
#include "cli/exit_code.hpp"
#include "cli/options.hpp"

namespace fhash::cli {

/// True if the options ask for the manifests' signatures to be checked.
bool wants_signature(const Options& options);

/// The outcome of checking one manifest's signature.
struct SignedText {
    std::optional<std::string> text;  ///< the signed text; empty when the check failed
    ExitCode code = ExitCode::ok;     ///< failure (bad, missing signature) or usage
};

/// Reads `manifest` ("-" = standard input) once, finds its signature (--signature, or next
/// to it: MANIFEST.gpg, .asc, .sig, .sign, .minisig, or the manifest itself when it is
/// clearsigned or carries a signify signature), checks it with the key of --keyring or
/// --pubkey, and reports on standard error: who signed, minisign's trusted comment, lines
/// outside a clearsigned block (a failure with --strict). On failure the message says why
/// and that nothing was checked.
SignedText check_manifest_signature(const Options& options, Console& console,
                                    const std::string& manifest);

}  // namespace fhash::cli
