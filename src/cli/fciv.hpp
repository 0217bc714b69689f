#pragma once
/// @file fciv.hpp
/// The pieces of `fhash fciv` (Microsoft FCIV 2.05's front end), shared by its files:
/// fciv_mode.cpp dispatches to the commands (fciv_add.cpp, fciv_list.cpp, fciv_verify.cpp),
/// which use the targets (fciv_targets.cpp), the XML database (fciv_database.cpp) and the
/// texts FCIV prints (fciv_report.cpp). Internal to src/cli.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <optional>
#include <string_view>

#include "cli/console.hpp"
#include "cli/exit_code.hpp"
#include "cli/fciv_args.hpp"
#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"
#include "fhash/error.hpp"
#include "fhash/manifest.hpp"

namespace fhash::cli {

// --- Commands (each returns the exit code; FCIV's header is printed first) ---

/// -add: hashes the targets on -j workers and prints one line per file (in target order),
/// or merges them into the -xml database. Exit 1 if a file could not be hashed, 2 if the database
/// cannot be used.
ExitCode fciv_add(const FcivArgs& args, Console& console);
/// -list: prints the entries of the -xml `database` (after FCIV's header).
ExitCode fciv_list(const FcivArgs& args, const std::vector<ManifestEntry>& database,
                   Console& console);
/// -v: re-hashes the files of the -xml `database` on -j workers and prints FCIV's report
/// (after FCIV's header). Exit 1 if a file is modified or missing.
ExitCode fciv_verify(const FcivArgs& args, const std::vector<ManifestEntry>& database,
                     Console& console);

// --- Names ---

/// `name` with every '/' turned into '\' (FCIV stores and prints Windows names).
std::string fciv_backslashes(std::string name);
/// Comparable form of a name: '/' separators, ASCII lower case (FCIV is a Windows tool:
/// names compare case-insensitively), no trailing separator.
std::string fciv_comparable(std::string name);

// --- Targets (fciv_targets.cpp) ---

/// A file to hash and the name FCIV stores and prints for it ('\' separators).
struct FcivTarget {
    std::filesystem::path path;
    std::string name;
};

/// The files named by args.targets: files as given, folders listed (recursively with -r),
/// filtered by -type and the -exc list `exclusions` (comparable forms). Listing errors are
/// reported on `console`; `ok` is false if any happened.
struct FcivTargets {
    std::vector<FcivTarget> files;
    bool ok = true;
};
FcivTargets collect_fciv_targets(const FcivArgs& args, const std::vector<std::string>& exclusions,
                                 Console& console);

// --- Database and lists (fciv_database.cpp) ---

/// The whole content of the regular file `name` (UTF-8, as typed), read through io::File
/// and never past `max_size` bytes. Errors, with `name` as path: the open failure with its
/// real reason (errno), Errc::is_a_directory for a folder, Errc::not_a_regular_file for a
/// device, pipe or socket (never opened or read: /dev/zero would not end, a pipe would
/// wait for a writer), std::errc::file_too_large past `max_size`.
Result<std::string> read_fciv_file(const std::string& name, std::size_t max_size);

/// The entries of the database `name`. A missing file is an empty database unless
/// `must_exist`; every other failure (see read_fciv_file, or Errc::malformed for a file that
/// is not FCIV-XML) is an error naming it.
Result<std::vector<ManifestEntry>> load_fciv_database(const std::string& name, bool must_exist);
/// The -xml database that -list and -v (`command`) need: nullopt after printing the usage
/// error when -xml is missing or the database cannot be read.
std::optional<std::vector<ManifestEntry>> required_fciv_database(const FcivArgs& args,
                                                                 Console& console,
                                                                 std::string_view command);

/// Adds `entry` to `database`: an entry of the same name (compared case-insensitively, as on
/// Windows) is replaced, a new name is appended.
void merge_fciv_entry(std::vector<ManifestEntry>& database, ManifestEntry entry);

/// Writes `database` to `name` atomically (a temporary file renamed over it).
Result<void> save_fciv_database(const std::string& name,
                                const std::vector<ManifestEntry>& database);

/// The -exc list `name`: one folder or file per line (UTF-8/UTF-16, any line ending),
/// trailing blanks dropped, in comparable form. Errors as read_fciv_file's.
Result<std::vector<std::string>> load_fciv_exclusions(const std::string& name);

// --- Texts FCIV prints (fciv_report.cpp) ---

/// "//\n// File Checksum Integrity Verifier version 2.05.\n//\n".
std::string_view fciv_header();
/// The usage text of -h (with fhash's extensions).
std::string_view fciv_help();
/// The column header printed above the digests of -add with several algorithms.
std::string fciv_column_header(const std::vector<Algorithm>& algorithms);
/// One -add line: the digests in hex, each followed by a space, then the name.
std::string fciv_digest_line(const std::vector<Digest>& digests, const std::string& name);
/// "MM/DD/YYYY at HHhMM'SS" as FCIV prints it, local time; SOURCE_DATE_EPOCH (UTC) when
/// set, for reproducible output.
std::string fciv_timestamp();

/// The two lists at the end of FCIV's verification report.
class FcivVerifyReport {
public:
    /// Records a digest that differs: the stored one (`stored`) and the one computed now.
    void add_modified(const std::string& name, const Digest& stored, const Digest& computed);
    /// Records a file that is missing or cannot be read.
    void add_missing(const std::string& name);
    /// The report's text: "All files verified successfully" when `ok`, else the lists.
    [[nodiscard]] std::string text(bool ok) const;

private:
    std::string m_modified;
    std::string m_missing;
};

}  // namespace fhash::cli
