#include "cli/update_plan.hpp"

#include <algorithm>
#include <system_error>

namespace fhash::cli {

std::optional<FileFacts> file_facts(const std::filesystem::path& path) {
    std::error_code time_error;
    const std::filesystem::file_time_type modified =
        std::filesystem::last_write_time(path, time_error);
    std::error_code size_error;
    const std::uintmax_t size = std::filesystem::file_size(path, size_error);
    if (time_error || size_error) {
        return std::nullopt;
    }
    return FileFacts{modified, static_cast<std::uint64_t>(size)};
}

std::optional<FileDigests> reusable_digests(const ManifestEntry& old,
                                            const std::optional<FileFacts>& facts,
                                            std::filesystem::file_time_type manifest_time,
                                            const std::vector<Algorithm>& algorithms) {
    if (!facts || facts->modified > manifest_time || (old.size && *old.size != facts->size)) {
        return std::nullopt;
    }
    FileDigests reuse;
    reuse.size = facts->size;
    for (const Algorithm a : algorithms) {
        const auto found = std::find_if(old.digests.begin(), old.digests.end(),
                                        [a](const auto& d) { return d.first == a; });
        if (found == old.digests.end()) {
            return std::nullopt;
        }
        reuse.digests.push_back(found->second);
    }
    return reuse;
}

}  // namespace fhash::cli
