#include <algorithm>
#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "cli/fciv.hpp"
#include "platform/calendar.hpp"

namespace fhash::cli {
namespace {

constexpr std::string_view k_header = "//\n// File Checksum Integrity Verifier version 2.05.\n//\n";

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
    "        -sha256 -sha384 -sha512 -sha3-256 ... : fhash extensions (see fhash "
    "--list-algorithms).\n"
    "        -xml db                 : Specify database format and name.\n"
    "        -j N                    : fhash extension: hash on N threads (default: one per "
    "core).\n"
    "\n"
    "To display the MD5 hash of a file, type fhash fciv filename\n";

}  // namespace

std::string_view fciv_header() {
    return k_header;
}

std::string_view fciv_help() {
    return k_help;
}

std::string fciv_column_header(const std::vector<Algorithm>& algorithms) {
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

std::string fciv_digest_line(const std::vector<Digest>& digests, const std::string& name) {
    std::string line;
    for (const Digest& d : digests) {
        line += to_hex(d);
        line += ' ';
    }
    return line + name + "\n";
}

std::string fciv_timestamp() {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    const bool reproducible = epoch != nullptr && *epoch != '\0';
    const std::time_t now = reproducible
                                ? static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10))
                                : std::time(nullptr);
    const std::tm tm = platform::calendar_time(now, reproducible);
    return fmt::format("{:02}/{:02}/{:04} at {:02}h{:02}'{:02}", tm.tm_mon + 1, tm.tm_mday,
                       tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void FcivVerifyReport::add_modified(const std::string& name, const Digest& stored,
                                    const Digest& computed) {
    // FCIV 2.05 labels the stored value "Hash is" and the computed one "It should be"; kept
    // for scripts that parse its report.
    m_modified += fmt::format("{}\n        Hash is         : {}\n        It should be    : {}\n\n",
                              name, to_hex(stored), to_hex(computed));
}

void FcivVerifyReport::add_missing(const std::string& name) {
    m_missing += name + "\n";
}

std::string FcivVerifyReport::text(bool ok) const {
    if (ok) {
        return "All files verified successfully\n\n";
    }
    std::string text;
    if (!m_modified.empty()) {
        text += "List of modified files:\n-----------------------\n" + m_modified + "\n";
    }
    if (!m_missing.empty()) {
        text += "List of missing files:\n----------------------\n" + m_missing + "\n";
    }
    return text;
}

}  // namespace fhash::cli
