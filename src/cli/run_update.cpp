// --update MANIFEST: bring a manifest up to date with the tree under --base-dir (default:
// the current folder), in the manifest's own format. New files are added, entries of
// vanished files dropped, and an entry is kept without re-reading its file when the file
// is not newer than the manifest (mtime) and, where the manifest records sizes (JSON), has
// the same size; --rehash re-reads every file. Entries of files that still exist but were
// not walked (filtered out, outside the base) are kept the same way, never dropped.
// The manifest is replaced atomically, and not at all if a file cannot be read.

#include <algorithm>
#include <filesystem>
#include <map>
#include <span>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "cli/manifest_reader.hpp"
#include "cli/output_sink.hpp"
#include "cli/path_filter.hpp"
#include "cli/result_writer.hpp"
#include "cli/modes.hpp"
#include "fhash/engine.hpp"
#include "io/file.hpp"
#include "io/walk.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

namespace fs = std::filesystem;

/// GNU and BSD lines both sniff as "gnu": the first entry line decides (a tagged line is
/// "TAG (name) = hex" or "TAG(name)= hex").
bool first_line_is_tagged(const std::string& path) {
    Result<io::File> file = io::File::open_read(platform::path_from_utf8(path));
    if (!file) {
        return false;
    }
    std::vector<std::uint8_t> buffer(64 * 1024);
    Result<std::size_t> got = file->read(buffer);
    if (!got) {
        return false;
    }
    LineSplitter splitter;
    splitter.feed(std::span<const std::uint8_t>(buffer.data(), *got));
    splitter.finish();
    std::string line;
    while (splitter.next_line(line)) {
        const std::size_t start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#') {
            continue;
        }
        const std::size_t open = line.find('(', start);
        const std::size_t blank = line.find_first_of(" \t", start);
        return open != std::string::npos && (blank == std::string::npos || blank >= open - 1) &&
               (line.find(") = ") != std::string::npos || line.find(")= ") != std::string::npos);
    }
    return false;
}

}  // namespace

ExitCode run_update(const Options& options, Console& console) {
    const std::string& manifest = *options.update;
    std::error_code ec;
    const fs::path manifest_path = platform::path_from_utf8(manifest);
    const fs::file_time_type manifest_time = fs::last_write_time(manifest_path, ec);
    if (ec) {
        console.file_error(errno_error(ec.value(), manifest));
        console.error("to create a manifest, use -r with -o");
        return ExitCode::usage;
    }
    Result<std::unique_ptr<ManifestReader>> opened = ManifestReader::open(manifest, std::nullopt);
    if (!opened) {
        console.file_error(opened.error());
        return ExitCode::usage;
    }
    OutputFormat format = OutputFormat::gnu;
    switch ((*opened)->format()) {
        case ManifestFormat::fciv_xml: format = OutputFormat::fciv_xml; break;
        case ManifestFormat::json: format = OutputFormat::json; break;
        case ManifestFormat::csv: format = OutputFormat::csv; break;
        default: format = first_line_is_tagged(manifest) ? OutputFormat::bsd : OutputFormat::gnu; break;
    }

    // Old entries by name; the algorithms in the order first met.
    std::map<std::string, ManifestEntry> old_entries;
    std::vector<Algorithm> algorithms;
    ManifestEntry entry;
    std::size_t line = 0;
    for (;;) {
        Result<ManifestReader::Event> event = (*opened)->next(entry, line);
        if (!event) {
            console.file_error(event.error());
            return ExitCode::usage;
        }
        if (*event == ManifestReader::Event::end) {
            break;
        }
        if (*event == ManifestReader::Event::malformed) {
            console.error(fmt::format("{}: {}: improperly formatted line, not updated",
                                      quote_name(manifest), line));
            return ExitCode::usage;
        }
        for (const auto& [algorithm, digest] : entry.digests) {
            if (std::find(algorithms.begin(), algorithms.end(), algorithm) == algorithms.end()) {
                algorithms.push_back(algorithm);
            }
        }
        std::string key = entry_key(entry.name);
        auto [at, inserted] = old_entries.emplace(key, entry);
        if (!inserted) {  // CSV: one row per algorithm; merge the rows of one file
            for (const auto& d : entry.digests) {
                at->second.digests.push_back(d);
            }
        }
    }
    // Close the manifest now: Windows cannot rename a file over one that is still open.
    opened->reset();
    if (options.algorithm_given) {
        algorithms = options.algorithms;
    } else if (algorithms.empty()) {
        algorithms = options.algorithms;
    }

    // The files: the walk of the base, plus entries not walked whose files still exist.
    const fs::path base = platform::path_from_utf8(options.base_dir.value_or("."));
    const std::string manifest_key = platform::generic_display(fs::absolute(manifest_path, ec).lexically_normal());
    const PathFilter filter(options.include, options.exclude);
    const io::WalkOptions walk_options = walk_options_for(options.follow_symlinks, filter);
    io::WalkResult walked = io::walk_tree(base, walk_options);
    bool ok = true;
    for (const io::WalkNote& note : walked.notes) {
        console.file_error(note.error);
        ok = ok && note.kind != io::WalkNote::Kind::error;
    }
    std::map<std::string, fs::path> files;
    for (const fs::path& file : walked.files) {
        if (platform::generic_display(fs::absolute(file, ec).lexically_normal()) == manifest_key) {
            continue;
        }
        files.emplace(platform::generic_display(file.lexically_relative(base)), file);
    }
    std::size_t dropped = 0;
    for (const auto& [key, old] : old_entries) {
        if (files.contains(key)) {
            continue;
        }
        const fs::path path = base / platform::path_from_utf8(key);
        if (fs::is_regular_file(path, ec)) {
            files.emplace(key, path);
        } else {
            ++dropped;
        }
    }

    Result<FileHasher> hasher = FileHasher::create(algorithms, options.read);
    if (!hasher) {
        console.file_error(hasher.error());
        return ExitCode::usage;
    }
    Result<std::unique_ptr<OutputSink>> sink = make_file_sink(manifest);
    if (!sink) {
        console.file_error(sink.error());
        return ExitCode::failure;
    }
    std::unique_ptr<ResultWriter> writer = make_result_writer(format, algorithms);
    writer->begin(**sink);
    std::size_t kept = 0;
    std::size_t rehashed = 0;
    std::size_t added = 0;
    for (const auto& [key, path] : files) {
        const auto old = old_entries.find(key);
        if (old != old_entries.end() && !options.rehash) {
            const fs::file_time_type when = fs::last_write_time(path, ec);
            const std::uintmax_t size = fs::file_size(path, ec);
            FileDigests reuse;
            reuse.size = static_cast<std::uint64_t>(size);
            bool usable = !ec && when <= manifest_time &&
                          (!old->second.size || *old->second.size == reuse.size);
            for (const Algorithm a : algorithms) {
                const auto& digests = old->second.digests;
                const auto found = std::find_if(digests.begin(), digests.end(),
                                                [a](const auto& d) { return d.first == a; });
                usable = usable && found != digests.end();
                if (usable) {
                    reuse.digests.push_back(found->second);
                }
            }
            if (usable) {
                writer->add(**sink, key, reuse);
                ++kept;
                continue;
            }
        }
        Result<FileDigests> digests = hasher->hash_file(path);
        if (!digests) {
            Error e = std::move(digests).error();
            e.path = key;
            console.file_error(e);
            ok = false;
            continue;
        }
        writer->add(**sink, key, *digests);
        ++(old == old_entries.end() ? added : rehashed);
    }
    writer->end(**sink);
    Result<void> finished = (*sink)->finish(ok);
    if (!finished) {
        console.file_error(finished.error());
        return ExitCode::failure;
    }
    if (!ok) {
        console.error(fmt::format("{}: not updated, because some files failed", quote_name(manifest)));
        return ExitCode::failure;
    }
    if (!options.quiet) {
        console.error(fmt::format("{}: {} kept, {} re-hashed, {} added, {} dropped", quote_name(manifest),
                                  kept, rehashed, added, dropped));
    }
    return ExitCode::ok;
}

}  // namespace fhash::cli
