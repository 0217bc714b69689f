#include "cli/run_hash.hpp"

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "cli/output_sink.hpp"
#include "fhash/engine.hpp"
#include "fhash/manifest.hpp"
#include "io/walk.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

namespace fs = std::filesystem;

/// One thing to hash: a path (or standard input) and the name written for it.
struct Input {
    fs::path path;
    std::string display;
    bool is_stdin = false;
};

/// The name written in the output: as given, or relative to --base-dir.
std::string display_name(const fs::path& path, const std::string& as_given,
                         const std::optional<fs::path>& base) {
    if (!base) {
        return as_given;
    }
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec).lexically_normal();
    if (ec) {
        return as_given;
    }
    const fs::path relative = absolute.lexically_relative(*base);
    if (relative.empty()) {
        return as_given;
    }
    return platform::generic_display(relative);
}

/// Expands the command-line paths into inputs (walking directories with -r), reporting
/// walk problems as it goes. Returns false if any problem counts as a failure.
bool collect_inputs(const Options& options, Console& console, std::vector<Input>& inputs) {
    bool ok = true;
    std::optional<fs::path> base;
    if (options.base_dir) {
        std::error_code ec;
        base = fs::absolute(platform::path_from_utf8(*options.base_dir), ec).lexically_normal();
    }
    for (const std::string& arg : options.paths) {
        if (arg == "-") {
            inputs.push_back(Input{{}, "-", true});
            continue;
        }
        const fs::path path = platform::path_from_utf8(arg);
        std::error_code ec;
        if (options.recursive && fs::is_directory(path, ec)) {
            io::WalkOptions walk_options;
            io::WalkResult walked = io::walk_tree(path, walk_options);
            for (const io::WalkNote& note : walked.notes) {
                console.file_error(note.error);
                ok = ok && note.kind != io::WalkNote::Kind::error;
            }
            // "fhash -r ." names files "a/b", not "./a/b", as rhash does: the manifest is
            // then the same as one made with --base-dir.
            const bool dot = arg == "." || arg == "./";
            for (const fs::path& file : walked.files) {
                std::string shown = platform::generic_display(file);
                if (dot && shown.starts_with("./")) {
                    shown.erase(0, 2);
                }
                inputs.push_back(Input{file, display_name(file, shown, base), false});
            }
            continue;
        }
        inputs.push_back(Input{path, display_name(path, arg, base), false});
    }
    return ok;
}

/// FCIV-XML stores Windows separators.
std::string to_backslashes(std::string name) {
    for (char& c : name) {
        if (c == '/') {
            c = '\\';
        }
    }
    return name;
}

}  // namespace

ExitCode run_hash(const Options& options, Console& console) {
    std::vector<Input> inputs;
    bool ok = collect_inputs(options, console, inputs);

    Result<FileHasher> hasher = FileHasher::create(options.algorithms, options.read);
    if (!hasher) {
        console.file_error(hasher.error());
        return ExitCode::usage;
    }

    std::unique_ptr<OutputSink> sink;
    if (options.output) {
        Result<std::unique_ptr<OutputSink>> file_sink = make_file_sink(*options.output);
        if (!file_sink) {
            console.file_error(file_sink.error());
            return ExitCode::failure;
        }
        sink = std::move(*file_sink);
    } else {
        sink = make_stdout_sink(console);
    }

    std::vector<ManifestEntry> xml_entries;
    std::string text;
    for (const Input& input : inputs) {
        Result<FileDigests> digests =
            input.is_stdin ? hasher->hash_stdin() : hasher->hash_file(input.path);
        if (!digests) {
            Error e = std::move(digests).error();
            e.path = input.display;
            console.file_error(e);
            ok = false;
            continue;
        }
        const std::vector<Algorithm>& algorithms = hasher->algorithms();
        if (options.format == OutputFormat::fciv_xml) {
            ManifestEntry entry;
            entry.name = to_backslashes(input.display);
            for (std::size_t i = 0; i < algorithms.size(); ++i) {
                entry.digests.emplace_back(algorithms[i], digests->digests[i]);
            }
            xml_entries.push_back(std::move(entry));
            continue;
        }
        text.clear();
        for (std::size_t i = 0; i < algorithms.size(); ++i) {
            if (options.format == OutputFormat::bsd) {
                text += format_bsd_line(algorithms[i], digests->digests[i], input.display);
            } else {
                text += format_gnu_line(digests->digests[i], input.display);
            }
        }
        sink->write(text);
    }
    if (options.format == OutputFormat::fciv_xml) {
        sink->write(format_fciv_xml(xml_entries));
    }

    const bool write_file = ok || !options.output;
    Result<void> finished = sink->finish(write_file);
    if (!finished) {
        console.file_error(finished.error());
        return ExitCode::failure;
    }
    if (!ok && options.output) {
        console.error(fmt::format("{}: not written, because some inputs failed",
                                  quote_name(*options.output)));
    }
    return ok ? ExitCode::ok : ExitCode::failure;
}

}  // namespace fhash::cli
