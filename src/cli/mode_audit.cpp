// -c --audit: the manifests against the tree under --base-dir. Every file is reported as
// OK, CHANGED, MISSING, NEW (on disk, not in a manifest) or MOVED (a missing entry whose
// digests a new file has), sorted by path, then a count per category. Anything but all-OK
// fails. Known files are verified on the workers, and new files hashed there too when a
// missing entry could have moved.

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "cli/hash_pool.hpp"
#include "cli/hints.hpp"
#include "cli/jobs.hpp"
#include "cli/manifest_reader.hpp"
#include "cli/modes.hpp"
#include "cli/names.hpp"
#include "cli/notes.hpp"
#include "cli/own_files.hpp"
#include "cli/path_filter.hpp"
#include "cli/progress.hpp"
#include "cli/status.hpp"
#include "cli/verify_workers.hpp"
#include "core/ordered_pool.hpp"
#include "fhash/verify.hpp"
#include "io/walk.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

namespace fs = std::filesystem;

struct Known {
    std::string key;  ///< relative to the base, '/' separators
    ManifestEntry entry;
    bool seen = false;
    bool missing = false;
    bool moved = false;
};

struct Line {
    std::string path;
    std::string text;  ///< "NAME: WORD...\n"
};

struct Counts {
    std::size_t ok = 0;
    std::size_t changed = 0;
    std::size_t missing = 0;
    std::size_t added = 0;
    std::size_t moved = 0;
    std::size_t unreadable = 0;
    std::size_t malformed = 0;
};

/// The entry key, with an absolute name inside the base made relative to it.
std::string audit_key(const std::string& name, const fs::path& base) {
    std::string key = entry_key(name);
    const fs::path path = platform::path_from_utf8(key);
    if (path.is_absolute()) {
        const fs::path relative = path.lexically_normal().lexically_relative(base);
        const std::string shown = platform::generic_display(relative);
        if (!relative.empty() && !shown.starts_with("..")) {
            return shown;
        }
    }
    return key;
}

std::string summary(const Counts& c) {
    std::string text = fmt::format("audit: {} OK, {} CHANGED, {} MISSING, {} NEW, {} MOVED", c.ok,
                                   c.changed, c.missing, c.added, c.moved);
    if (c.unreadable != 0) {
        text += fmt::format(", {} unreadable", c.unreadable);
    }
    if (c.malformed != 0) {
        text += fmt::format(", {} improperly formatted",
                            c.malformed == 1 ? "1 line" : fmt::format("{} lines", c.malformed));
    }
    return text;
}

class AuditRun {
public:
    AuditRun(const Options& options, Console& console) : m_options(options), m_console(console) {
        std::error_code ec;
        m_base = fs::absolute(platform::path_from_utf8(options.base_dir.value_or(".")), ec)
                     .lexically_normal();
    }

    ExitCode run() {
        if (const std::optional<ExitCode> failed = read_manifests()) {
            return *failed;
        }
        const std::vector<std::string> new_files = verify_tree(walk());
        find_moved(new_files);
        return report();
    }

private:
    /// Every manifest entry, by key (the first entry of a name wins).
    std::optional<ExitCode> read_manifests() {
        std::optional<Algorithm> forced;
        if (m_options.algorithm_given && m_options.algorithms.size() == 1) {
            forced = m_options.algorithms.front();
        }
        for (const std::string& arg : m_options.paths) {
            Result<std::unique_ptr<ManifestReader>> opened =
                ManifestReader::open(arg, forced, m_options.length_bits / 8);
            if (!opened) {
                m_console.file_error(opened.error());
                return ExitCode::usage;
            }
            m_own.add(arg);
            if (const std::optional<std::string> stopped = read_one(**opened)) {
                m_console.error(*stopped);
                return ExitCode::usage;
            }
        }
        if (m_known.empty()) {
            m_console.error("audit: no properly formatted checksum lines found");
            return ExitCode::usage;
        }
        return std::nullopt;
    }

    std::optional<std::string> read_one(ManifestReader& reader) {
        auto on_entry = [this](ManifestEntry&& entry) {
            std::string key = audit_key(entry.name, m_base);
            if (m_by_key.emplace(key, m_known.size()).second) {
                m_known.push_back(Known{std::move(key), std::move(entry)});
            }
        };
        auto on_malformed = [&](std::size_t line) {
            ++m_counts.malformed;
            if (m_options.warn) {
                m_console.error(fmt::format("{}: {}: improperly formatted checksum line",
                                            quote_name(reader.label()), line));
            }
        };
        return for_each_entry(reader, m_options.confine, {on_entry, on_malformed});
    }

    /// The files under the base, the manifests themselves left out; notes reported.
    std::vector<fs::path> walk() {
        const PathFilter filter(m_options.include, m_options.exclude);
        io::WalkResult walked =
            io::walk_tree(m_base, walk_options_for(m_options.follow_symlinks, filter));
        for (const io::WalkNote& note : walked.notes) {
            m_walk_failed = report_note(m_console, note) || m_walk_failed;
        }
        std::erase_if(walked.files, [this](const fs::path& file) { return m_own.contains(file); });
        return std::move(walked.files);
    }

    /// Verifies the known files met on disk, then the entries the walk did not meet
    /// (filtered out, outside the base, or gone). Returns the files no manifest lists.
    std::vector<std::string> verify_tree(const std::vector<fs::path>& files) {
        std::vector<std::string> new_files;
        std::vector<std::size_t> order;
        for (const fs::path& file : files) {
            std::string key = platform::generic_display(file.lexically_relative(m_base));
            const auto found = m_by_key.find(key);
            if (found == m_by_key.end()) {
                new_files.push_back(std::move(key));
            } else {
                m_known[found->second].seen = true;
                order.push_back(found->second);
            }
        }
        for (std::size_t i = 0; i < m_known.size(); ++i) {
            if (!m_known[i].seen) {
                order.push_back(i);
            }
        }
        verify_all(order);
        return new_files;
    }

    void verify_all(const std::vector<std::size_t>& order) {
        VerifyOptions verify_options;
        verify_options.read = m_options.read;
        verify_options.base_dir = m_base;
        Progress progress(m_options.progress, m_console, 0);
        VerifyWorkers workers(verify_options, m_options.jobs, progress, m_options.io_threads);
        using Done = std::pair<std::size_t, EntryOutcome>;
        OrderedPool<std::size_t, Done> pool(
            workers.jobs(), k_reorder_window,
            [&](unsigned worker, std::size_t& index) {
                ManifestEntry probe = m_known[index].entry;
                probe.name = m_known[index].key;
                return Done{index, workers.verify(worker, probe)};
            },
            [this](Done& done) { record(m_known[done.first], done.second); });
        for (const std::size_t index : order) {
            pool.submit(index);
        }
        pool.finish();
        progress.stop();
    }

    void record(Known& k, const EntryOutcome& outcome) {
        switch (outcome.status) {
            case EntryStatus::ok:
                ++m_counts.ok;
                if (!m_options.quiet) {
                    add_line(k.key, Status::ok);
                }
                break;
            case EntryStatus::mismatch:
                ++m_counts.changed;
                add_line(k.key, Status::changed);
                break;
            case EntryStatus::missing:
                k.missing = true;
                break;
            case EntryStatus::unreadable:
                ++m_counts.unreadable;
                m_console.file_error(worded(outcome));
                add_line(k.key, Status::unreadable);
                break;
        }
    }

    void add_line(const std::string& key, Status status, std::string_view suffix = {}) {
        m_lines.push_back({key, status_line(m_console, key, status, suffix)});
    }

    /// MOVED: a new file holding the digest of a missing entry; the other new files are NEW.
    void find_moved(const std::vector<std::string>& new_files) {
        std::set<Algorithm> wanted;
        for (const Known& k : m_known) {
            if (k.missing) {
                wanted.insert(k.entry.digests.front().first);
            }
        }
        const std::vector<Algorithm> algorithms(wanted.begin(), wanted.end());
        std::unique_ptr<HashPool> pool;
        if (!algorithms.empty() && !new_files.empty()) {
            Result<std::unique_ptr<HashPool>> created =
                HashPool::create(algorithms, run_settings(m_options), m_console,
                                 [&](Hashed&& hashed) { classify_new(hashed, algorithms); });
            if (created) {
                pool = std::move(*created);
            }
        }
        for (const std::string& key : new_files) {
            if (pool) {
                pool->submit(Input{m_base / platform::path_from_utf8(key), key, false});
            } else {
                ++m_counts.added;
                add_line(key, Status::added);
            }
        }
        if (pool) {
            pool->finish();
        }
        for (const Known& k : m_known) {
            if (k.missing && !k.moved) {
                ++m_counts.missing;
                add_line(k.key, Status::missing);
            }
        }
    }

    void classify_new(const Hashed& hashed, const std::vector<Algorithm>& algorithms) {
        if (Known* source = moved_from(hashed, algorithms)) {
            source->moved = true;
            ++m_counts.moved;
            add_line(hashed.display, Status::moved, " from " + status_name(source->key));
            return;
        }
        ++m_counts.added;
        add_line(hashed.display, Status::added);
    }

    /// The first missing entry (in manifest order) whose first digest the file has.
    Known* moved_from(const Hashed& hashed, const std::vector<Algorithm>& algorithms) {
        if (!hashed.digests) {
            return nullptr;
        }
        for (Known& k : m_known) {
            if (!k.missing || k.moved) {
                continue;
            }
            const auto& [algorithm, digest] = k.entry.digests.front();
            const auto at = std::find(algorithms.begin(), algorithms.end(), algorithm);
            const auto index = static_cast<std::size_t>(at - algorithms.begin());
            if (at != algorithms.end() && hashed.digests->digests[index] == digest) {
                return &k;
            }
        }
        return nullptr;
    }

    ExitCode report() {
        std::stable_sort(m_lines.begin(), m_lines.end(),
                         [](const Line& a, const Line& b) { return a.path < b.path; });
        if (!m_options.status) {
            for (const Line& line : m_lines) {
                m_console.out(line.text);
            }
            m_console.error(summary(m_counts));
        }
        const Counts& c = m_counts;
        const bool all_ok = c.changed == 0 && c.missing == 0 && c.added == 0 && c.moved == 0 &&
                            c.unreadable == 0 && !m_walk_failed &&
                            (!m_options.strict || c.malformed == 0);
        return all_ok ? ExitCode::ok : ExitCode::failure;
    }

    const Options& m_options;
    Console& m_console;
    fs::path m_base;
    OwnFiles m_own;
    Counts m_counts;
    bool m_walk_failed = false;
    std::vector<Known> m_known;                   ///< every manifest entry, first of a name wins
    std::map<std::string, std::size_t> m_by_key;  ///< key -> index in m_known
    std::vector<Line> m_lines;                    ///< the report, sorted at the end
};

}  // namespace

ExitCode run_audit(const Options& options, Console& console) {
    return AuditRun(options, console).run();
}

}  // namespace fhash::cli
