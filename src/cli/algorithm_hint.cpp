#include "cli/algorithm_hint.hpp"

#include <vector>

#include <fmt/format.h>

#include "fhash/engine.hpp"
#include "fhash/hasher.hpp"

namespace fhash::cli {

void AlgorithmHint::observe(const ManifestEntry& entry, const EntryOutcome& outcome) {
    if (outcome.status == EntryStatus::missing || outcome.status == EntryStatus::unreadable) {
        return;  // says nothing about the algorithm
    }
    const bool implied_mismatch = outcome.status == EntryStatus::mismatch &&
                                  entry.algorithm_implied && entry.digests.size() == 1;
    if (!implied_mismatch) {
        m_all_mismatched_implied = false;
        return;
    }
    ++m_mismatched;
    if (!m_first) {
        m_first = entry;
    }
}

std::optional<std::string> AlgorithmHint::advice(const Verifier& verifier,
                                                 const ReadOptions& read) const {
    if (!m_all_mismatched_implied || m_mismatched == 0 || !m_first) {
        return std::nullopt;
    }
    const auto& [used, digest] = m_first->digests.front();
    std::vector<HashSpec> candidates;
    for (const AlgorithmInfo& info : all_algorithms()) {
        if (info.id != used && info.text == DigestText::hex &&
            valid_digest_size(info.id, digest.size()) && backend_supports(info.id, digest.size())) {
            candidates.push_back(HashSpec{info.id, digest.size()});
        }
    }
    if (candidates.empty() || m_first->name == "-") {
        return std::nullopt;
    }
    Result<FileHasher> hasher = FileHasher::create(candidates, read);
    if (!hasher) {
        return std::nullopt;
    }
    const Result<FileDigests> digests = hasher->hash_file(verifier.resolve(m_first->name));
    if (!digests) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (digests->digests[i] == digest) {
            const AlgorithmInfo& info = algorithm_info(candidates[i].algorithm);
            const bool sized = digest.size() != info.digest_size;
            return fmt::format("these look like {} digests: use -a {}{}",
                               sized ? fmt::format("{}-{}", info.display_name, digest.size() * 8)
                                     : std::string(info.display_name),
                               info.name,
                               sized ? fmt::format(" -l {}", digest.size() * 8) : std::string());
        }
    }
    return std::nullopt;
}

}  // namespace fhash::cli
