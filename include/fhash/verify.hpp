#pragma once
/// @file verify.hpp
/// Verification of manifest entries against the files they name. Never prints: each entry
/// yields an outcome value that the caller reports.

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"
#include "fhash/error.hpp"
#include "fhash/manifest.hpp"
#include "fhash/read_options.hpp"

namespace fhash {

struct VerifyOptions {
    ReadOptions read;
    /// Relative manifest names resolve against this folder (empty = the current folder).
    std::filesystem::path base_dir;
    /// Folder of the manifest, looked at only when a relative entry is missing under
    /// base_dir: if the name exists in this folder, EntryOutcome::found_in_manifest_dir is set
    /// to it. Empty = not looked at.
    std::filesystem::path manifest_dir;
    /// The manifest itself is standard input, so an entry named "-" cannot be read.
    bool manifest_is_stdin = false;
    /// Bytes per part of the S3 digests (--part-size); 0 = their default.
    std::uint64_t part_size = 0;
};

/// True if the manifest name `name` stays inside the folder it is resolved against: not
/// absolute ("/x", "\\server\x", "C:\x", "C:x"), no NUL byte, not empty, and no ".."
/// component that climbs above the start ("a/../b" is fine, "a/../../b" is not). Both '/'
/// and '\' count as separators, whatever the platform, since names from Windows manifests
/// are read with either. Purely lexical: a symbolic link inside the folder that points out
/// of it is not detected.
bool is_confined(std::string_view name) noexcept;

enum class EntryStatus {
    ok,          ///< every digest of the entry matched
    mismatch,    ///< the file was read and at least one digest differs
    missing,     ///< the file does not exist
    unreadable,  ///< the file exists but could not be read (or is not a regular file), or
                 ///< the entry cannot be checked: an algorithm the backend lacks, or "-"
                 ///< while the manifest itself is standard input
};

struct EntryOutcome {
    EntryStatus status = EntryStatus::ok;
    Error error;  ///< for missing/unreadable: the reason, path = the entry name
    /// For missing: VerifyOptions::manifest_dir (as given) when the file is absent under
    /// base_dir but exists next to the manifest, so the caller can suggest that folder as the
    /// base. Empty otherwise.
    std::filesystem::path found_in_manifest_dir;
    /// Computed digests in the entry's order (empty unless the file was read).
    std::vector<std::pair<Algorithm, Digest>> computed;
    std::uint64_t size = 0;  ///< bytes hashed (when the file was read)
};

/// Checks entries one at a time, reusing hashers across entries. One per thread.
class Verifier {
public:
    /// `counters` (optional, not owned): the run's shared counters, for every FileHasher
    /// this verifier makes.
    explicit Verifier(VerifyOptions options, RunCounters* counters = nullptr);
    Verifier(Verifier&&) noexcept;
    Verifier& operator=(Verifier&&) noexcept;
    ~Verifier();

    /// Re-hashes the file named by `entry` and compares every digest it lists, and its size
    /// when the entry records one (hashdeep, JSON): any difference is a mismatch.
    EntryOutcome verify(const ManifestEntry& entry);

    /// Where `name` points: base_dir applied to relative names. A name holding '\' that
    /// does not exist as written is tried with '\' read as a folder separator (manifests
    /// from Windows tools).
    [[nodiscard]] std::filesystem::path resolve(const std::string& name) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace fhash
