#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <system_error>

#include <fmt/format.h>

#include "cli/fciv.hpp"
#include "cli/output_sink.hpp"
#include "io/file.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

namespace fs = std::filesystem;

/// Databases and -exc lists are read whole. 512 MiB, the cap on FCIV-XML manifests of
/// cli/manifest_reader.cpp, is far beyond any real database (about 200 bytes an entry) and
/// keeps a wrong name from filling the memory.
constexpr std::size_t k_max_document = std::size_t{512} << 20;

Error too_large(const std::string& name, std::size_t max_size) {
    return Error{std::make_error_code(std::errc::file_too_large), name,
                 fmt::format("over the {} MiB limit", max_size >> 20)};
}

/// Refuses what is not a regular file, from its type before opening (opening a FIFO waits
/// for a writer) or after (it may have changed in between).
Result<void> require_regular(const std::string& name, FileKind kind) {
    if (kind == FileKind::regular) {
        return {};
    }
    return make_error(kind == FileKind::directory ? Errc::is_a_directory : Errc::not_a_regular_file,
                      name);
}

FileKind kind_of(fs::file_type type) {
    switch (type) {
        case fs::file_type::regular:
            return FileKind::regular;
        case fs::file_type::directory:
            return FileKind::directory;
        default:
            return FileKind::other;
    }
}

/// Appends the rest of `file` to `content`, failing once it would exceed `max_size`.
Result<void> read_rest(io::File& file, const std::string& name, std::size_t max_size,
                       std::string& content) {
    std::array<std::uint8_t, 64 * 1024> buffer{};
    for (;;) {
        Result<std::size_t> got = file.read(buffer);
        if (!got) {
            return with_path(std::move(got).error(), name);
        }
        if (*got == 0) {
            return {};
        }
        if (content.size() + *got > max_size) {
            return too_large(name, max_size);
        }
        content.append(reinterpret_cast<const char*>(buffer.data()), *got);
    }
}

}  // namespace

Result<std::string> read_fciv_file(const std::string& name, std::size_t max_size) {
    const fs::path path = platform::path_from_utf8(name);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!ec && status.type() != fs::file_type::not_found) {
        if (Result<void> regular = require_regular(name, kind_of(status.type())); !regular) {
            return std::move(regular).error();
        }
    }
    // Any failure to look (missing, not a folder, no permission) is reported by the open.
    Result<io::File> opened = io::File::open_read(path);
    if (!opened) {
        return with_path(std::move(opened).error(), name);
    }
    if (Result<void> regular = require_regular(name, opened->kind()); !regular) {
        return std::move(regular).error();
    }
    if (opened->size() > max_size) {
        return too_large(name, max_size);
    }
    std::string content;
    content.reserve(static_cast<std::size_t>(opened->size()));
    if (Result<void> read = read_rest(*opened, name, max_size, content); !read) {
        return std::move(read).error();
    }
    return content;
}

Result<std::vector<ManifestEntry>> load_fciv_database(const std::string& name, bool must_exist) {
    Result<std::string> document = read_fciv_file(name, k_max_document);
    if (!document) {
        if (!must_exist && document.error().code == std::errc::no_such_file_or_directory) {
            return std::vector<ManifestEntry>{};  // -add creates it
        }
        return std::move(document).error();
    }
    Result<std::vector<ManifestEntry>> entries = parse_fciv_xml(*document);
    if (!entries) {
        return with_path(std::move(entries).error(), name);
    }
    return entries;
}

void merge_fciv_entry(std::vector<ManifestEntry>& database, ManifestEntry entry) {
    const std::string key = fciv_comparable(entry.name);
    for (ManifestEntry& existing : database) {
        if (fciv_comparable(existing.name) == key) {
            existing = std::move(entry);
            return;
        }
    }
    database.push_back(std::move(entry));
}

std::optional<std::vector<ManifestEntry>> required_fciv_database(const FcivArgs& args,
                                                                 Console& console,
                                                                 std::string_view command) {
    if (!args.xml) {
        console.error(fmt::format("{} needs -xml DB", command));
        return std::nullopt;
    }
    Result<std::vector<ManifestEntry>> database = load_fciv_database(*args.xml, true);
    if (!database) {
        console.file_error(database.error());
        return std::nullopt;
    }
    return std::move(*database);
}

Result<void> save_fciv_database(const std::string& name,
                                const std::vector<ManifestEntry>& database) {
    Result<std::unique_ptr<OutputSink>> sink = make_file_sink(name);
    if (!sink) {
        return std::move(sink).error();
    }
    (*sink)->write(format_fciv_xml(database));
    return (*sink)->finish(true);
}

Result<std::vector<std::string>> load_fciv_exclusions(const std::string& name) {
    Result<std::string> content = read_fciv_file(name, k_max_document);
    if (!content) {
        return std::move(content).error();
    }
    LineSplitter splitter;
    splitter.feed(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(content->data()), content->size()));
    splitter.finish();
    std::vector<std::string> exclusions;
    std::string line;
    while (splitter.next_line(line)) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
            line.pop_back();
        }
        if (!line.empty()) {
            exclusions.push_back(fciv_comparable(line));
        }
    }
    if (splitter.too_long()) {
        return make_error(Errc::malformed, name,
                          fmt::format("line {} is longer than {} MiB", splitter.too_long_line(),
                                      splitter.max_line() >> 20));
    }
    return exclusions;
}

}  // namespace fhash::cli
