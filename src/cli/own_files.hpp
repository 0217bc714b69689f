#pragma once
/// @file own_files.hpp
/// The manifests a run reads or writes, so that a walk of their folder leaves them out:
/// a manifest is neither NEW in --audit nor an entry of itself in --update.

#include <filesystem>
#include <set>
#include <string>

namespace fhash::cli {

class OwnFiles {
public:
    /// Records a manifest as named on the command line ("-" is ignored).
    void add(const std::string& arg);
    /// True if `file` (as a walk yields it) is one of the recorded manifests.
    [[nodiscard]] bool contains(const std::filesystem::path& file) const;

private:
    std::set<std::string> m_keys;  // absolute, lexically normal, '/' separators
};

}  // namespace fhash::cli
