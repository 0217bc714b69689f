#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <system_error>

#include "cli/fciv.hpp"
#include "cli/output_sink.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {

Result<std::vector<ManifestEntry>> load_fciv_database(const std::string& name, bool must_exist) {
    const std::filesystem::path path = platform::path_from_utf8(name);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::error_code ec;
        if (!must_exist && !std::filesystem::exists(path, ec)) {
            return std::vector<ManifestEntry>{};
        }
        return errno_error(ENOENT, name);
    }
    const std::string document((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
    Result<std::vector<ManifestEntry>> entries = parse_fciv_xml(document);
    if (!entries) {
        Error e = std::move(entries).error();
        e.path = name;
        return e;
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
    std::ifstream in(platform::path_from_utf8(name), std::ios::binary);
    if (!in) {
        return errno_error(ENOENT, name);
    }
    const std::string content((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    LineSplitter splitter;
    splitter.feed(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(content.data()), content.size()));
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
    return exclusions;
}

}  // namespace fhash::cli
