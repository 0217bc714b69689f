#include <algorithm>

#include <fmt/format.h>

#include "cli/fciv.hpp"

namespace fhash::cli {
namespace {

/// The columns of the listing: the algorithms asked for, else those of the first entry,
/// else MD5.
std::vector<Algorithm> list_columns(const FcivArgs& args,
                                    const std::vector<ManifestEntry>& database) {
    std::vector<Algorithm> columns = args.algorithms;
    if (columns.empty() && !database.empty()) {
        for (const auto& pair : database.front().digests) {
            columns.push_back(pair.first);
        }
    }
    if (columns.empty()) {
        columns.push_back(Algorithm::md5);
    }
    return columns;
}

/// One entry's line: its digest per column ("-" where it has none), then its name.
std::string list_line(const ManifestEntry& entry, const std::vector<Algorithm>& columns) {
    std::string line;
    for (const Algorithm a : columns) {
        auto it = std::find_if(entry.digests.begin(), entry.digests.end(),
                               [a](const auto& pair) { return pair.first == a; });
        line += it == entry.digests.end() ? std::string("-") : to_hex(it->second);
        line += ' ';
    }
    return line + entry.name + "\n";
}

}  // namespace

ExitCode fciv_list(const FcivArgs& args, const std::vector<ManifestEntry>& database,
                   Console& console) {
    console.out("Listing entries in database:\n");
    const std::vector<Algorithm> columns = list_columns(args, database);
    std::string header;
    for (const Algorithm a : columns) {
        header += std::string(algorithm_info(a).display_name) + " ";
    }
    console.out(header + "Filename\n");
    for (const ManifestEntry& entry : database) {
        console.out(list_line(entry, columns));
    }
    console.out(fmt::format("Number of entries found: {}\n", database.size()));
    return ExitCode::ok;
}

}  // namespace fhash::cli
