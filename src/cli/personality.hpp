#pragma once
/// @file personality.hpp
/// The tools fhash can stand in for. Invoked under one of their names (a link or copy named
/// sha256sum, b3sum.exe...) or as `fhash NAME ARGS...`, fhash takes that tool's options and
/// behaves as it does: its output bytes, its messages where scripts read them, its exit
/// codes. Each front end turns the tool's arguments into fhash's Options (with a Profile for
/// what the modes must do differently) and runs fhash's own modes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/console.hpp"
#include "cli/exit_code.hpp"
#include "fhash/algorithm.hpp"

namespace fhash::cli {

/// Which front end takes a tool's arguments.
enum class FrontEnd {
    gnu_digest,  ///< md5sum, sha1sum, sha224sum, sha256sum, sha384sum, sha512sum
    b2sum,       ///< b2sum: the GNU digest tools plus -l
    cksum,       ///< GNU cksum: -a, -l, --untagged, --base64, --raw
    sum,         ///< GNU sum: -r, -s
    b3sum,       ///< the BLAKE3 team's b3sum
    xxhsum,      ///< xxhsum and its xxh32sum, xxh64sum, xxh128sum, xxh3sum links
    fciv,        ///< Microsoft's File Checksum Integrity Verifier
};

struct Personality {
    std::string_view name;  ///< the tool's name, as its messages spell it
    FrontEnd front_end;
    Algorithm algorithm;         ///< the tool's default algorithm
    std::string_view type_name;  ///< GNU's name of the digest type ("MD5", "BLAKE2b")
};

/// The personality `name` selects: a program name ("sha256sum", "B3SUM.EXE", a path to
/// either; ".exe" and the case are ignored on Windows only) or the first word of
/// `fhash NAME ...`. nullopt for every other name, "fhash" included.
std::optional<Personality> personality_named(std::string_view name);

/// Every personality, in the order the documentation lists them.
std::vector<Personality> all_personalities();

/// Runs a personality with its arguments (the program name not included). `program` is
/// the name its diagnostics start with: the tool's name, without the folder and ".exe"
/// argv[0] may carry (the GNU tools print argv[0] as given; a bare name reads the same on
/// every system and in every log).
ExitCode run_personality(const Personality& personality, const std::string& program,
                         const std::vector<std::string>& args, Console& console);

/// The front ends (front_gnu.cpp, front_b3sum.cpp, front_xxhsum.cpp).
ExitCode run_gnu_tool(const Personality& personality, const std::vector<std::string>& args,
                      Console& console);
ExitCode run_b3sum(const std::vector<std::string>& args, Console& console);
ExitCode run_xxhsum(const Personality& personality, const std::vector<std::string>& args,
                    Console& console);

}  // namespace fhash::cli
