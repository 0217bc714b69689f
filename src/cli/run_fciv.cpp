#include "cli/modes.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include <fmt/format.h>

#include "cli/fciv_args.hpp"
#include "cli/modes.hpp"
#include "cli/output_sink.hpp"
#include "fhash/engine.hpp"
#include "fhash/glob.hpp"
#include "fhash/manifest.hpp"
#include "fhash/verify.hpp"
#include "io/walk.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_header =
    "//\n// File Checksum Integrity Verifier version 2.05.\n//\n";

constexpr std::string_view k_help =
    "Usage:  fhash fciv [Commands] <Options>\n"
    "\n"
    "Commands: ( Default -add )\n"
    "\n"
    "        -add    <file | dir> : Compute hash and send to output (default screen).\n"
    "\n"
    "                dir options:\n"
    "                -r       : recursive.\n"
    "                -type    : ex: -type *.exe.\n"
    "                -exc file: list of directories that should not be computed.\n"
    "                -wp      : Without full path name. ( Default store full path)\n"
    "                -bp      : specify base path to remove from full path name\n"
    "\n"
    "        -list            : List entries in the database.\n"
    "\n"
    "        -v               : Verify hashes.\n"
    "                         : Option: -bp basepath.\n"
    "\n"
    "        -? -h -help      : Extended Help.\n"
    "\n"
    "Options:\n"
    "        -md5 | -sha1 | -both    : Specify hashtype, default md5.\n"
    "        -sha256 -sha384 -sha512 -sha3-256 ... : fhash extensions (see fhash --list-algorithms).\n"
    "        -xml db                 : Specify database format and name.\n"
    "\n"
    "To display the MD5 hash of a file, type fhash fciv filename\n";

std::string backslashes(std::string s) {
    std::replace(s.begin(), s.end(), '/', '\\');
    return s;
}

std::string ascii_lower(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return s;
}

/// Comparable form of a path: '/' separators, ASCII lower-case (FCIV is a Windows tool:
/// names compare case-insensitively), no trailing separator.
std::string comparable(std::string s) {
    std::replace(s.begin(), s.end(), '\\', '/');
    s = ascii_lower(std::move(s));
    while (s.size() > 1 && s.back() == '/') {
        s.pop_back();
    }
    return s;
}

/// "MM/DD/YYYY at HHhMM'SS" as FCIV prints it, local time; SOURCE_DATE_EPOCH (UTC) when set,
/// for reproducible output.
std::string fciv_timestamp() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (epoch != nullptr && *epoch != '\0') {
        now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
#ifdef _WIN32
        gmtime_s(&tm, &now);
#else
        gmtime_r(&now, &tm);
#endif
    } else {
#ifdef _WIN32
        localtime_s(&tm, &now);
#else
        localtime_r(&now, &tm);
#endif
    }
    return fmt::format("{:02}/{:02}/{:04} at {:02}h{:02}'{:02}", tm.tm_mon + 1, tm.tm_mday,
                       tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

struct Target {
    fs::path path;
    std::string name;  ///< the name FCIV stores and prints ('\' separators)
};

class Fciv {
public:
    Fciv(FcivArgs args, Console& console) : m_args(std::move(args)), m_console(console) {}

    int run() {
        switch (m_args.command) {
            case FcivCommand::help:
                m_console.out(k_header);
                m_console.out(k_help);
                return 0;
            case FcivCommand::add: return add();
            case FcivCommand::list: return list();
            case FcivCommand::verify: return verify();
        }
        return 2;
    }

private:
    std::vector<Algorithm> hash_algorithms() const {
        return m_args.algorithms.empty() ? std::vector<Algorithm>{Algorithm::md5} : m_args.algorithms;
    }

    bool excluded(const std::string& name, const fs::path& path) const {
        if (m_exclusions.empty()) {
            return false;
        }
        std::error_code ec;
        const std::string forms[] = {comparable(name),
                                     comparable(platform::generic_display(fs::absolute(path, ec)))};
        for (const std::string& ex : m_exclusions) {
            for (const std::string& form : forms) {
                if (form == ex || (form.size() > ex.size() && form.starts_with(ex) &&
                                   form[ex.size()] == '/')) {
                    return true;
                }
            }
        }
        return false;
    }

    bool mask_matches(const fs::path& path) const {
        if (m_args.masks.empty()) {
            return true;
        }
        const std::string file_name = platform::path_to_utf8(path.filename());
        GlobOptions options;
        options.case_insensitive = true;
        return std::any_of(m_args.masks.begin(), m_args.masks.end(),
                           [&](const std::string& mask) { return glob_match(mask, file_name, options); });
    }

    /// The stored name of a file: as typed (+ enumerated sub-path), or only its file name
    /// with -wp, or with the -bp prefix removed.
    std::string stored_name(const fs::path& path, const std::string& as_typed) const {
        std::string name = backslashes(as_typed);
        if (m_args.without_path) {
            return backslashes(platform::path_to_utf8(path.filename()));
        }
        if (m_args.base_path) {
            std::string base = backslashes(*m_args.base_path);
            std::error_code ec;
            std::string absolute = backslashes(platform::generic_display(fs::absolute(path, ec)));
            for (const std::string* candidate : {&name, &absolute}) {
                const std::string& c = *candidate;
                if (c.size() > base.size() && comparable(c).starts_with(comparable(base))) {
                    std::string rest = c.substr(base.size());
                    while (!rest.empty() && rest.front() == '\\') {
                        rest.erase(0, 1);
                    }
                    if (!rest.empty()) {
                        return rest;
                    }
                }
            }
        }
        return name;
    }

    bool collect(std::vector<Target>& targets) {
        bool ok = true;
        for (const std::string& typed : m_args.targets) {
            const fs::path root = platform::path_from_utf8(typed);
            std::error_code ec;
            if (!fs::is_directory(root, ec)) {
                targets.push_back({root, stored_name(root, typed)});
                continue;
            }
            std::vector<fs::path> files;
            if (m_args.recursive) {
                io::WalkResult walked = io::walk_tree(root, io::WalkOptions{});
                for (const io::WalkNote& note : walked.notes) {
                    m_console.file_error(note.error);
                    ok = ok && note.kind != io::WalkNote::Kind::error;
                }
                files = std::move(walked.files);
            } else {
                for (const fs::directory_entry& entry : fs::directory_iterator(root, ec)) {
                    std::error_code type_ec;
                    if (entry.is_regular_file(type_ec)) {
                        files.push_back(entry.path());
                    }
                }
                if (ec) {
                    m_console.file_error(errno_error(ec.value(), typed));
                    ok = false;
                }
                std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
                    return platform::path_to_utf8(a) < platform::path_to_utf8(b);
                });
            }
            for (const fs::path& file : files) {
                const std::string shown = platform::generic_display(file);
                if (mask_matches(file) && !excluded(shown, file)) {
                    targets.push_back({file, stored_name(file, shown)});
                }
            }
        }
        return ok;
    }

    bool load_exclusions() {
        if (!m_args.exclusions) {
            return true;
        }
        std::ifstream in(platform::path_from_utf8(*m_args.exclusions), std::ios::binary);
        if (!in) {
            m_console.file_error(errno_error(ENOENT, *m_args.exclusions));
            return false;
        }
        const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        LineSplitter splitter;
        splitter.feed(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(content.data()),
                                                    content.size()));
        splitter.finish();
        std::string line;
        while (splitter.next_line(line)) {
            while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
                line.pop_back();
            }
            if (!line.empty()) {
                m_exclusions.push_back(comparable(line));
            }
        }
        return true;
    }

    std::string column_header(const std::vector<Algorithm>& algorithms) const {
        if (algorithms == std::vector<Algorithm>{Algorithm::md5, Algorithm::sha1}) {
            // FCIV's own header: "\t\tMD5\t\t\t\tSHA-1" rendered with 8-column tabs.
            return std::string(16, ' ') + "MD5" + std::string(29, ' ') + "SHA-1\n" +
                   std::string(73, '-') + "\n";
        }
        std::string line;
        std::size_t width = 0;
        for (const Algorithm a : algorithms) {
            const AlgorithmInfo& info = algorithm_info(a);
            const std::size_t column = info.digest_size * 2 + 1;
            line += fmt::format("{:^{}}", info.display_name, column);
            width += column;
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        return line + "\n" + std::string(std::max<std::size_t>(width, 73), '-') + "\n";
    }

    Result<std::vector<ManifestEntry>> load_database(bool must_exist) {
        const fs::path path = platform::path_from_utf8(*m_args.xml);
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::error_code ec;
            if (!must_exist && !fs::exists(path, ec)) {
                return std::vector<ManifestEntry>{};
            }
            return errno_error(ENOENT, *m_args.xml);
        }
        const std::string document((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        Result<std::vector<ManifestEntry>> entries = parse_fciv_xml(document);
        if (!entries) {
            Error e = std::move(entries).error();
            e.path = *m_args.xml;
            return e;
        }
        return entries;
    }

    int add() {
        if (m_args.targets.empty()) {
            m_console.out(k_header);
            m_console.out(k_help);
            return 1;  // FCIV exits 1 when run without a file
        }
        m_console.out(k_header);
        if (!load_exclusions()) {
            return 2;
        }
        const std::vector<Algorithm> algorithms = hash_algorithms();
        Result<FileHasher> hasher = FileHasher::create(algorithms, ReadOptions{});
        if (!hasher) {
            m_console.file_error(hasher.error());
            return 2;
        }
        std::vector<ManifestEntry> database;
        if (m_args.xml) {
            Result<std::vector<ManifestEntry>> loaded = load_database(false);
            if (!loaded) {
                m_console.file_error(loaded.error());
                m_console.error("the database was left unchanged");
                return 2;
            }
            database = std::move(*loaded);
        }
        std::vector<Target> targets;
        bool ok = collect(targets);
        if (!m_args.xml && algorithms.size() > 1 && !targets.empty()) {
            m_console.out(column_header(algorithms));
        }
        for (const Target& target : targets) {
            Result<FileDigests> digests = hasher->hash_file(target.path);
            if (!digests) {
                Error e = std::move(digests).error();
                e.path = target.name;
                m_console.file_error(e);
                ok = false;
                continue;
            }
            if (!m_args.xml) {
                std::string line;
                for (const Digest& d : digests->digests) {
                    line += to_hex(d);
                    line += ' ';
                }
                m_console.out(line + target.name + "\n");
                continue;
            }
            ManifestEntry entry;
            entry.name = target.name;
            for (std::size_t i = 0; i < algorithms.size(); ++i) {
                entry.digests.emplace_back(algorithms[i], digests->digests[i]);
            }
            merge(database, std::move(entry));
        }
        if (m_args.xml) {
            Result<std::unique_ptr<OutputSink>> sink = make_file_sink(*m_args.xml);
            if (!sink) {
                m_console.file_error(sink.error());
                return 2;
            }
            (*sink)->write(format_fciv_xml(database));
            Result<void> done = (*sink)->finish(true);
            if (!done) {
                m_console.file_error(done.error());
                return 2;
            }
        }
        return ok ? 0 : 1;
    }

    /// Adding to a database keeps its entries, replaces an entry of the same name (compared
    /// case-insensitively, as on Windows) and appends new names.
    static void merge(std::vector<ManifestEntry>& database, ManifestEntry entry) {
        const std::string key = comparable(entry.name);
        for (ManifestEntry& existing : database) {
            if (comparable(existing.name) == key) {
                existing = std::move(entry);
                return;
            }
        }
        database.push_back(std::move(entry));
    }

    /// Algorithms to show or verify for an entry: those asked for, else all it holds.
    std::vector<std::pair<Algorithm, Digest>> selected(const ManifestEntry& entry) const {
        if (m_args.algorithms.empty()) {
            return entry.digests;
        }
        std::vector<std::pair<Algorithm, Digest>> out;
        for (const Algorithm a : m_args.algorithms) {
            for (const auto& pair : entry.digests) {
                if (pair.first == a) {
                    out.push_back(pair);
                }
            }
        }
        return out;
    }

    int list() {
        m_console.out(k_header);
        if (!m_args.xml) {
            m_console.error("-list needs -xml DB");
            return 2;
        }
        Result<std::vector<ManifestEntry>> database = load_database(true);
        if (!database) {
            m_console.file_error(database.error());
            return 2;
        }
        m_console.out("Listing entries in database:\n");
        std::vector<Algorithm> columns = m_args.algorithms;
        if (columns.empty() && !database->empty()) {
            for (const auto& pair : database->front().digests) {
                columns.push_back(pair.first);
            }
        }
        if (columns.empty()) {
            columns.push_back(Algorithm::md5);
        }
        std::string header;
        for (const Algorithm a : columns) {
            header += std::string(algorithm_info(a).display_name) + " ";
        }
        m_console.out(header + "Filename\n");
        for (const ManifestEntry& entry : *database) {
            std::string line;
            for (const Algorithm a : columns) {
                auto it = std::find_if(entry.digests.begin(), entry.digests.end(),
                                       [a](const auto& pair) { return pair.first == a; });
                line += it == entry.digests.end() ? std::string("-") : to_hex(it->second);
                line += ' ';
            }
            m_console.out(line + entry.name + "\n");
        }
        m_console.out(fmt::format("Number of entries found: {}\n", database->size()));
        return 0;
    }

    int verify() {
        m_console.out(k_header);
        if (!m_args.xml) {
            m_console.error("-v needs -xml DB");
            return 2;
        }
        Result<std::vector<ManifestEntry>> database = load_database(true);
        if (!database) {
            m_console.file_error(database.error());
            return 2;
        }
        m_console.out(fmt::format("Starting checksums verification : {}\n\n", fciv_timestamp()));
        VerifyOptions options;
        if (m_args.base_path) {
            options.base_dir = platform::path_from_utf8(*m_args.base_path);
        }
        Verifier verifier(options);
        std::string modified;
        std::string missing;
        bool ok = true;
        for (const ManifestEntry& stored : *database) {
            ManifestEntry entry = stored;
            entry.digests = selected(stored);
            if (entry.digests.empty()) {
                m_console.error(fmt::format("{}: no digest of the selected algorithm in the database",
                                            quote_name(stored.name)));
                ok = false;
                continue;
            }
            const EntryOutcome outcome = verifier.verify(entry);
            switch (outcome.status) {
                case EntryStatus::ok: break;
                case EntryStatus::mismatch:
                    ok = false;
                    for (std::size_t i = 0; i < entry.digests.size(); ++i) {
                        if (entry.digests[i].second == outcome.computed[i].second) {
                            continue;
                        }
                        // FCIV 2.05 labels the stored value "Hash is" and the computed one
                        // "It should be"; kept for scripts that parse its report.
                        modified += fmt::format("{}\n        Hash is         : {}\n        It should be    : {}\n\n",
                                                entry.name, to_hex(entry.digests[i].second),
                                                to_hex(outcome.computed[i].second));
                    }
                    break;
                case EntryStatus::missing:
                    ok = false;
                    missing += entry.name + "\n";
                    break;
                case EntryStatus::unreadable:
                    ok = false;
                    m_console.file_error(outcome.error);
                    missing += entry.name + "\n";
                    break;
            }
        }
        if (ok) {
            m_console.out("All files verified successfully\n\n");
        } else {
            if (!modified.empty()) {
                m_console.out("List of modified files:\n-----------------------\n" + modified + "\n");
            }
            if (!missing.empty()) {
                m_console.out("List of missing files:\n----------------------\n" + missing + "\n");
            }
        }
        m_console.out(fmt::format("End Verification : {}\n\n", fciv_timestamp()));
        return ok ? 0 : 1;
    }

    FcivArgs m_args;
    Console& m_console;
    std::vector<std::string> m_exclusions;
};

}  // namespace

ExitCode run_fciv(const std::vector<std::string>& args, Console& console) {
    FcivArgs parsed;
    std::string error;
    if (!parse_fciv_args(args, parsed, error)) {
        console.error(error);
        console.error_line("Try 'fhash fciv -h' for more information.");
        return ExitCode::usage;
    }
    if (parsed.command == FcivCommand::add && parsed.targets.empty() && args.empty()) {
        console.out(k_header);
        console.out(k_help);
        return ExitCode::failure;
    }
    return static_cast<ExitCode>(Fciv(std::move(parsed), console).run());
}

}  // namespace fhash::cli
