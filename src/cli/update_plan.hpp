#pragma once
/// @file update_plan.hpp
/// --update's one decision per file: write the old entry's digests again, or re-read it.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "fhash/algorithm.hpp"
#include "fhash/engine.hpp"
#include "fhash/manifest.hpp"

namespace fhash::cli {

/// What one stat of a file said.
struct FileFacts {
    std::filesystem::file_time_type modified;
    std::uint64_t size = 0;
};

/// The file's modification time and size; nullopt if either could not be read (each call
/// with its own error code: a failed first call must never read as "not newer").
std::optional<FileFacts> file_facts(const std::filesystem::path& path);

/// The old entry's digests, in the order of `algorithms`, when they may be written again
/// without reading the file: its facts are known, it is not newer than the manifest,
/// its size is the recorded one (where the manifest records sizes, as JSON does) and the
/// entry holds every algorithm. nullopt means: re-read the file.
std::optional<FileDigests> reusable_digests(const ManifestEntry& old,
                                            const std::optional<FileFacts>& facts,
                                            std::filesystem::file_time_type manifest_time,
                                            const std::vector<Algorithm>& algorithms);

}  // namespace fhash::cli
