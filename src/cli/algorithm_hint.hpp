#pragma once
/// @file algorithm_hint.hpp
/// "These look like BLAKE3 digests": when every entry of a manifest whose algorithm was
/// inferred from the digest length mismatches, the length probably meant another algorithm
/// (64 hex digits are SHA-256, SHA3-256, BLAKE2s, BLAKE3, ...). The first such entry's file
/// is hashed once with every other algorithm of that length to name the one that matches.

#include <optional>
#include <string>

#include "fhash/manifest.hpp"
#include "fhash/verify.hpp"

namespace fhash::cli {

class AlgorithmHint {
public:
    /// Records one verified entry (in manifest order).
    void observe(const ManifestEntry& entry, const EntryOutcome& outcome);

    /// The advice, if every entry read mismatched, all with implied algorithms, and another
    /// algorithm gives the first entry's digest: "these look like BLAKE3 digests: use -a
    /// blake3". `verifier` resolves the entry's name (and reads nothing itself).
    [[nodiscard]] std::optional<std::string> advice(const Verifier& verifier,
                                                    const ReadOptions& read) const;

private:
    bool m_all_mismatched_implied = true;
    std::size_t m_mismatched = 0;
    std::optional<ManifestEntry> m_first;
};

}  // namespace fhash::cli
