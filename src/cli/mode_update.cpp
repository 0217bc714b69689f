// --update MANIFEST: bring a manifest up to date with the tree under --base-dir (default:
// the current folder), in the manifest's own format. New files are added, entries of
// vanished files dropped, and an entry is kept without re-reading its file when
// reusable_digests() allows it; --rehash re-reads every file. Entries of files that still
// exist but were not walked (filtered out, outside the base) are kept the same way, never
// dropped. The manifest is replaced atomically, and not at all if a file cannot be read.

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "cli/hash_pool.hpp"
#include "cli/manifest_reader.hpp"
#include "cli/modes.hpp"
#include "cli/names.hpp"
#include "cli/notes.hpp"
#include "cli/output_sink.hpp"
#include "cli/own_files.hpp"
#include "cli/path_filter.hpp"
#include "cli/result_writer.hpp"
#include "cli/update_plan.hpp"
#include "io/walk.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

namespace fs = std::filesystem;

enum Tag : std::size_t { k_added, k_rehashed };

struct Counts {
    std::size_t kept = 0;
    std::size_t rehashed = 0;
    std::size_t added = 0;
    std::size_t dropped = 0;
};

class UpdateRun {
public:
    UpdateRun(const Options& options, Console& console)
        : m_options(options),
          m_console(console),
          m_manifest(*options.update),
          m_base(platform::path_from_utf8(options.base_dir.value_or("."))) {}

    ExitCode run() {
        if (const std::optional<ExitCode> failed = read_old()) {
            return *failed;
        }
        const std::map<std::string, fs::path> files = files_to_write();
        Result<std::unique_ptr<OutputSink>> sink = make_file_sink(m_manifest);
        if (!sink) {
            m_console.file_error(sink.error());
            return ExitCode::failure;
        }
        m_sink = std::move(*sink);
        if (const std::optional<ExitCode> failed = write(files)) {
            return *failed;
        }
        return commit();
    }

private:
    /// The old entries by key, the algorithms in the order first met, the format.
    std::optional<ExitCode> read_old() {
        std::error_code ec;
        m_manifest_time = fs::last_write_time(platform::path_from_utf8(m_manifest), ec);
        if (ec) {
            m_console.file_error(errno_error(ec.value(), m_manifest));
            m_console.error("to create a manifest, use -r with -o");
            return ExitCode::usage;
        }
        Result<std::unique_ptr<ManifestReader>> opened =
            ManifestReader::open(m_manifest, std::nullopt);
        if (!opened) {
            m_console.file_error(opened.error());
            return ExitCode::usage;
        }
        m_format = (*opened)->format();
        m_own.add(m_manifest);
        std::size_t first_malformed = 0;
        const std::optional<std::string> stopped =
            for_each_entry(**opened, m_options.confine,
                           {[this](ManifestEntry&& entry) { remember(std::move(entry)); },
                            [&](std::size_t line) {
                                first_malformed = first_malformed == 0 ? line : first_malformed;
                            }});
        if (stopped) {
            m_console.error(*stopped);
            return ExitCode::usage;
        }
        if (first_malformed != 0) {
            m_console.error(fmt::format("{}: {}: improperly formatted line, not updated",
                                        quote_name(m_manifest), first_malformed));
            return ExitCode::usage;
        }
        if (m_options.algorithm_given || m_algorithms.empty()) {
            m_algorithms = m_options.algorithm_given
                               ? m_options.algorithms
                               : format_default_algorithms(m_format).value_or(m_options.algorithms);
        }
        if (const std::optional<std::string> refused = format_refuses(m_format, m_algorithms)) {
            m_console.error(fmt::format("{}: {}", quote_name(m_manifest), *refused));
            return ExitCode::usage;
        }
        return std::nullopt;
    }

    void remember(ManifestEntry&& entry) {
        for (const auto& [algorithm, digest] : entry.digests) {
            if (std::find(m_algorithms.begin(), m_algorithms.end(), algorithm) ==
                m_algorithms.end()) {
                m_algorithms.push_back(algorithm);
            }
        }
        auto [at, inserted] = m_old.emplace(entry_key(entry.name), entry);
        if (!inserted) {  // CSV: one row per algorithm; merge the rows of one file
            at->second.digests.insert(at->second.digests.end(), entry.digests.begin(),
                                      entry.digests.end());
        }
    }

    /// The walk of the base (the manifest left out), plus entries not walked whose files
    /// still exist; by key, so the manifest comes out sorted.
    std::map<std::string, fs::path> files_to_write() {
        const PathFilter filter(m_options.include, m_options.exclude);
        io::WalkResult walked =
            io::walk_tree(m_base, walk_options_for(m_options.follow_symlinks, filter));
        for (const io::WalkNote& note : walked.notes) {
            m_ok = !report_note(m_console, note) && m_ok;
        }
        std::map<std::string, fs::path> files;
        for (const fs::path& file : walked.files) {
            if (!m_own.contains(file)) {
                files.emplace(platform::generic_display(file.lexically_relative(m_base)), file);
            }
        }
        for (const auto& [key, old] : m_old) {
            std::error_code ec;
            const fs::path path = m_base / platform::path_from_utf8(key);
            if (files.contains(key)) {
                continue;
            }
            if (fs::is_regular_file(path, ec)) {
                files.emplace(key, path);
            } else {
                ++m_counts.dropped;
            }
        }
        return files;
    }

    /// Every file in key order: kept entries written in their turn, the others hashed.
    std::optional<ExitCode> write(const std::map<std::string, fs::path>& files) {
        m_writer = make_result_writer(m_format, m_algorithms);
        Result<std::unique_ptr<HashPool>> pool =
            HashPool::create(m_algorithms, run_settings(m_options), m_console,
                             [this](Hashed&& hashed) { add(hashed); });
        if (!pool) {
            m_console.file_error(pool.error());
            return ExitCode::usage;
        }
        m_writer->begin(*m_sink);
        for (const auto& [key, path] : files) {
            const auto old = m_old.find(key);
            if (old == m_old.end()) {
                (*pool)->submit(Input{path, key, false}, k_added);
                continue;
            }
            std::optional<FileDigests> reuse;
            if (!m_options.rehash) {
                reuse =
                    reusable_digests(old->second, file_facts(path), m_manifest_time, m_algorithms);
            }
            if (reuse) {
                (*pool)->submit_action(
                    [this, name = key, digests = std::move(*reuse)] { keep(name, digests); });
            } else {
                (*pool)->submit(Input{path, key, false}, k_rehashed);
            }
        }
        (*pool)->finish();
        m_writer->end(*m_sink);
        return std::nullopt;
    }

    void keep(const std::string& key, const FileDigests& digests) {
        m_writer->add(*m_sink, key, digests);
        ++m_counts.kept;
    }

    void add(const Hashed& hashed) {
        if (!hashed.digests) {
            m_console.file_error(hashed.digests.error());
            m_ok = false;
            return;
        }
        if (!m_writer->can_store(hashed.display)) {
            m_console.error(unstorable_name_message(hashed.display));
            m_ok = false;
            return;
        }
        m_writer->add(*m_sink, hashed.display, *hashed.digests);
        ++(hashed.tag == k_added ? m_counts.added : m_counts.rehashed);
    }

    ExitCode commit() {
        Result<void> finished = m_sink->finish(m_ok);
        if (!finished) {
            m_console.file_error(finished.error());
            return ExitCode::failure;
        }
        if (!m_ok) {
            m_console.error(
                fmt::format("{}: not updated, because some files failed", quote_name(m_manifest)));
            return ExitCode::failure;
        }
        if (!m_options.quiet) {
            m_console.error(fmt::format("{}: {} kept, {} re-hashed, {} added, {} dropped",
                                        quote_name(m_manifest), m_counts.kept, m_counts.rehashed,
                                        m_counts.added, m_counts.dropped));
        }
        return ExitCode::ok;
    }

    const Options& m_options;
    Console& m_console;
    const std::string& m_manifest;
    fs::path m_base;
    fs::file_time_type m_manifest_time;
    ManifestFormat m_format = ManifestFormat::gnu;
    OwnFiles m_own;
    std::map<std::string, ManifestEntry> m_old;
    std::vector<Algorithm> m_algorithms;
    std::unique_ptr<OutputSink> m_sink;
    std::unique_ptr<ResultWriter> m_writer;
    Counts m_counts;
    bool m_ok = true;
};

}  // namespace

ExitCode run_update(const Options& options, Console& console) {
    return UpdateRun(options, console).run();
}

}  // namespace fhash::cli
