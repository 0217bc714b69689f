// -c --audit: the manifests against the tree under --base-dir. Every file is reported as
// OK, CHANGED, MISSING, NEW (on disk, not in a manifest) or MOVED (a missing entry whose
// digests a new file has), then a count per category. Anything but all-OK fails.

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "cli/hints.hpp"
#include "cli/manifest_reader.hpp"
#include "cli/path_filter.hpp"
#include "cli/modes.hpp"
#include "fhash/engine.hpp"
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
    std::string text;
};

/// The manifest name as a path relative to the base: '\' read as a separator, "./" dropped,
/// absolute names inside the base made relative.
std::string audit_key(std::string name, const fs::path& base) {
    std::replace(name.begin(), name.end(), '\\', '/');
    while (name.starts_with("./")) {
        name.erase(0, 2);
    }
    const fs::path path = platform::path_from_utf8(name);
    if (path.is_absolute()) {
        const fs::path relative = path.lexically_normal().lexically_relative(base);
        const std::string shown = platform::generic_display(relative);
        if (!relative.empty() && !shown.starts_with("..")) {
            return shown;
        }
    }
    return name;
}

std::string absolute_key(const fs::path& path) {
    std::error_code ec;
    return platform::generic_display(fs::absolute(path, ec).lexically_normal());
}

}  // namespace

ExitCode run_audit(const Options& options, Console& console) {
    std::error_code ec;
    const fs::path base_given = platform::path_from_utf8(options.base_dir.value_or("."));
    const fs::path base = fs::absolute(base_given, ec).lexically_normal();
    std::optional<Algorithm> forced;
    if (options.algorithm_given && options.algorithms.size() == 1) {
        forced = options.algorithms.front();
    }

    // 1. Every manifest entry, by key (the first entry of a name wins).
    std::vector<Known> known;
    std::map<std::string, std::size_t> by_key;
    std::set<std::string> manifest_files;
    std::size_t malformed = 0;
    for (const std::string& arg : options.paths) {
        Result<std::unique_ptr<ManifestReader>> opened = ManifestReader::open(arg, forced);
        if (!opened) {
            console.file_error(opened.error());
            return ExitCode::usage;
        }
        if (!(*opened)->is_stdin()) {
            manifest_files.insert(absolute_key(platform::path_from_utf8(arg)));
        }
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
                ++malformed;
                if (options.warn) {
                    console.error(fmt::format("{}: {}: improperly formatted checksum line",
                                              quote_name((*opened)->label()), line));
                }
                continue;
            }
            std::string key = audit_key(entry.name, base);
            if (by_key.emplace(key, known.size()).second) {
                known.push_back(Known{std::move(key), std::move(entry)});
            }
        }
    }
    if (known.empty()) {
        console.error("audit: no properly formatted checksum lines found");
        return ExitCode::usage;
    }

    // 2. The tree.
    const PathFilter filter(options.include, options.exclude);
    const io::WalkOptions walk_options = walk_options_for(options.follow_symlinks, filter);
    io::WalkResult walked = io::walk_tree(base, walk_options);
    bool walk_failed = false;
    for (const io::WalkNote& note : walked.notes) {
        if (note.kind == io::WalkNote::Kind::error) {
            console.file_error(worded(note));
            walk_failed = true;
        }
    }

    VerifyOptions verify_options;
    verify_options.read = options.read;
    verify_options.base_dir = base;
    Verifier verifier(verify_options);

    std::vector<Line> lines;
    std::size_t ok = 0;
    std::size_t changed = 0;
    std::size_t unreadable = 0;
    auto check = [&](Known& k) {
        ManifestEntry probe = k.entry;
        probe.name = k.key;
        const EntryOutcome outcome = verifier.verify(probe);
        switch (outcome.status) {
            case EntryStatus::ok:
                ++ok;
                if (!options.quiet) {
                    lines.push_back({k.key, console.paint("OK", Tone::good)});
                }
                break;
            case EntryStatus::mismatch:
                ++changed;
                lines.push_back({k.key, console.paint("CHANGED", Tone::bad)});
                break;
            case EntryStatus::missing: k.missing = true; break;
            case EntryStatus::unreadable:
                ++unreadable;
                console.file_error(worded(outcome));
                lines.push_back({k.key, console.paint("FAILED open or read", Tone::bad)});
                break;
        }
    };

    // 3. Files on disk: known ones are verified, the others are new.
    std::vector<std::string> new_files;
    for (const fs::path& file : walked.files) {
        if (manifest_files.contains(absolute_key(file))) {
            continue;  // the manifest itself is not NEW
        }
        const std::string key = platform::generic_display(file.lexically_relative(base));
        const auto found = by_key.find(key);
        if (found == by_key.end()) {
            new_files.push_back(key);
            continue;
        }
        known[found->second].seen = true;
        check(known[found->second]);
    }
    // 4. Entries the walk did not meet (filtered out, outside the base, or gone).
    std::set<Algorithm> wanted;
    for (Known& k : known) {
        if (!k.seen) {
            check(k);
            if (k.missing) {
                wanted.insert(k.entry.digests.front().first);
            }
        }
    }
    // 5. MOVED: a new file holding the digest of a missing entry.
    std::size_t moved = 0;
    std::size_t fresh = 0;
    std::vector<Algorithm> algorithms(wanted.begin(), wanted.end());
    std::optional<FileHasher> hasher;
    if (!algorithms.empty()) {
        Result<FileHasher> created = FileHasher::create(algorithms, options.read);
        if (created) {
            hasher.emplace(std::move(*created));
        }
    }
    for (const std::string& key : new_files) {
        const Known* source = nullptr;
        if (hasher) {
            Result<FileDigests> digests = hasher->hash_file(base / platform::path_from_utf8(key));
            for (Known& k : known) {
                if (!digests || !k.missing || k.moved) {
                    continue;
                }
                const auto& [algorithm, digest] = k.entry.digests.front();
                const auto at = std::find(algorithms.begin(), algorithms.end(), algorithm);
                if (at != algorithms.end() && digests->digests[static_cast<std::size_t>(at - algorithms.begin())] == digest) {
                    k.moved = true;
                    source = &k;
                    break;
                }
            }
        }
        if (source != nullptr) {
            ++moved;
            lines.push_back({key, console.paint("MOVED", Tone::warn) + " from " + status_name(source->key)});
        } else {
            ++fresh;
            lines.push_back({key, console.paint("NEW", Tone::warn)});
        }
    }
    std::size_t missing = 0;
    for (const Known& k : known) {
        if (k.missing && !k.moved) {
            ++missing;
            lines.push_back({k.key, console.paint("MISSING", Tone::bad)});
        }
    }

    // 6. Report, sorted by path.
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.path < b.path; });
    if (!options.status) {
        for (const Line& l : lines) {
            console.out(fmt::format("{}: {}\n", status_name(l.path), l.text));
        }
        std::string summary = fmt::format("audit: {} OK, {} CHANGED, {} MISSING, {} NEW, {} MOVED", ok,
                                          changed, missing, fresh, moved);
        if (unreadable != 0) {
            summary += fmt::format(", {} unreadable", unreadable);
        }
        if (malformed != 0) {
            summary += fmt::format(", {} improperly formatted", malformed == 1 ? "1 line" : fmt::format("{} lines", malformed));
        }
        console.error(summary);
    }
    const bool all_ok = changed == 0 && missing == 0 && fresh == 0 && moved == 0 && unreadable == 0 &&
                        !walk_failed && (!options.strict || malformed == 0);
    return all_ok ? ExitCode::ok : ExitCode::failure;
}

}  // namespace fhash::cli
