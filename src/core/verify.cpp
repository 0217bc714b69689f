#include "fhash/verify.hpp"

#include <map>
#include <system_error>

#include "fhash/engine.hpp"
#include "platform/paths.hpp"

namespace fhash {

namespace fs = std::filesystem;

struct Verifier::Impl {
    VerifyOptions options;
    RunCounters* counters = nullptr;
    /// One FileHasher per distinct list of algorithms met in the manifest.
    std::map<std::vector<HashSpec>, FileHasher> hashers;
};

Verifier::Verifier(VerifyOptions options, RunCounters* counters)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->options = std::move(options);
    m_impl->counters = counters;
}
Verifier::Verifier(Verifier&&) noexcept = default;
Verifier& Verifier::operator=(Verifier&&) noexcept = default;
Verifier::~Verifier() = default;

fs::path Verifier::resolve(const std::string& name) const {
    const fs::path& base = m_impl->options.base_dir;
    auto place = [&base](const fs::path& p) {
        return (p.is_absolute() || base.empty()) ? p : base / p;
    };
    const fs::path literal = place(platform::path_from_utf8(name));
    if (name.find('\\') == std::string::npos) {
        return literal;
    }
    std::error_code ec;
    if (fs::symlink_status(literal, ec).type() != fs::file_type::not_found) {
        return literal;
    }
    std::string converted = name;
    for (char& c : converted) {
        if (c == '\\') {
            c = '/';
        }
    }
    return place(platform::path_from_utf8(converted));
}

EntryOutcome Verifier::verify(const ManifestEntry& entry) {
    EntryOutcome outcome;
    std::vector<HashSpec> algorithms;  // the entry's digest sizes: b2sum -l, b3sum -l
    algorithms.reserve(entry.digests.size());
    for (const auto& [algorithm, digest] : entry.digests) {
        algorithms.push_back(HashSpec{algorithm, digest.size(),
                                      takes_part_size(algorithm) ? m_impl->options.part_size : 0});
    }

    auto found = m_impl->hashers.find(algorithms);
    if (found == m_impl->hashers.end()) {
        Result<FileHasher> created =
            FileHasher::create(algorithms, m_impl->options.read, m_impl->counters);
        if (!created) {
            outcome.status = EntryStatus::unreadable;
            outcome.error = std::move(created).error();
            outcome.error.path = entry.name;
            return outcome;
        }
        found = m_impl->hashers.emplace(algorithms, std::move(*created)).first;
    }
    FileHasher& hasher = found->second;

    Result<FileDigests> digests = [&]() -> Result<FileDigests> {
        if (entry.name == "-") {
            if (m_impl->options.manifest_is_stdin) {
                return make_error(Errc::malformed, "-", "standard input is the manifest itself");
            }
            return hasher.hash_stdin();
        }
        return hasher.hash_file(resolve(entry.name));
    }();

    if (!digests) {
        outcome.error = std::move(digests).error();
        outcome.error.path = entry.name;
        const bool missing = outcome.error.code == std::errc::no_such_file_or_directory;
        outcome.status = missing ? EntryStatus::missing : EntryStatus::unreadable;
        if (missing && !m_impl->options.manifest_dir.empty()) {
            const fs::path beside =
                m_impl->options.manifest_dir / platform::path_from_utf8(entry.name);
            std::error_code ec;
            if (!platform::path_from_utf8(entry.name).is_absolute() && fs::exists(beside, ec)) {
                outcome.found_in_manifest_dir = m_impl->options.manifest_dir;
            }
        }
        return outcome;
    }

    outcome.size = digests->size;
    // hashdeep and JSON manifests record the size: a file of another size differs, whatever
    // its digests say.
    bool all_match = !entry.size || *entry.size == digests->size;
    for (std::size_t i = 0; i < algorithms.size(); ++i) {
        outcome.computed.emplace_back(algorithms[i].algorithm, digests->digests[i]);
        all_match = all_match && digests->digests[i] == entry.digests[i].second;
    }
    outcome.status = all_match ? EntryStatus::ok : EntryStatus::mismatch;
    return outcome;
}

}  // namespace fhash
