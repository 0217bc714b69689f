#pragma once
/// @file check_selection.hpp
/// -c --only FILE: verify only the named files, and fail for each one no manifest lists
/// (the fail-closed counterpart of --ignore-missing, for release downloads).

#include <string>
#include <vector>

#include "cli/console.hpp"
#include "fhash/verify.hpp"

namespace fhash::cli {

class CheckSelection {
public:
    /// `only`: the files as named on the command line (relative to the current folder).
    explicit CheckSelection(const std::vector<std::string>& only);

    /// False when no --only was given (every entry is checked).
    [[nodiscard]] bool active() const noexcept { return !m_files.empty(); }

    /// True if the entry names one of the files, compared as absolute, lexically normal
    /// paths after the verifier's resolution (--base-dir, '\' separators). Marks it listed.
    bool wants(const std::string& entry_name, const Verifier& verifier);

    /// Reports every named file that no manifest listed; false if there was one.
    /// `manifests`: the manifest labels, for the message.
    bool report_unlisted(Console& console, const std::vector<std::string>& manifests) const;

private:
    struct File {
        std::string given;
        std::string key;
        bool listed = false;
    };
    std::vector<File> m_files;
};

}  // namespace fhash::cli
