#include "cli/personality.hpp"

#include <array>

#include "cli/modes.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

using A = Algorithm;
using E = FrontEnd;

constexpr std::array<Personality, 17> k_personalities{{
    {"md5sum", E::gnu_digest, A::md5, "MD5"},
    {"sha1sum", E::gnu_digest, A::sha1, "SHA1"},
    {"sha224sum", E::gnu_digest, A::sha224, "SHA224"},
    {"sha256sum", E::gnu_digest, A::sha256, "SHA256"},
    {"sha384sum", E::gnu_digest, A::sha384, "SHA384"},
    {"sha512sum", E::gnu_digest, A::sha512, "SHA512"},
    {"b2sum", E::b2sum, A::blake2b, "BLAKE2b"},
    {"cksum", E::cksum, A::cksum, "CRC"},
    {"sum", E::sum, A::sum_bsd, "BSD"},
    {"b3sum", E::b3sum, A::blake3, "BLAKE3"},
    {"xxhsum", E::xxhsum, A::xxh64, "XXH64"},
    {"xxh32sum", E::xxhsum, A::xxh32, "XXH32"},
    {"xxh64sum", E::xxhsum, A::xxh64, "XXH64"},
    {"xxh128sum", E::xxhsum, A::xxh128, "XXH128"},
    {"xxh3sum", E::xxhsum, A::xxh3, "XXH3"},
    {"fciv", E::fciv, A::md5, "MD5"},
    {"fciv.exe", E::fciv, A::md5, "MD5"},  // `fhash fciv.exe ...` from a pasted FCIV line
}};

}  // namespace

std::optional<Personality> personality_named(std::string_view name) {
    const std::string key = platform::program_key(name);
    for (const Personality& p : k_personalities) {
        if (p.name == key) {
            return p;
        }
    }
    return std::nullopt;
}

std::vector<Personality> all_personalities() {
    std::vector<Personality> out;
    for (const Personality& p : k_personalities) {
        if (p.name != "fciv.exe") {
            out.push_back(p);
        }
    }
    return out;
}

ExitCode run_personality(const Personality& personality, const std::string& program,
                         const std::vector<std::string>& args, Console& console) {
    if (personality.front_end == FrontEnd::fciv) {
        return run_fciv(args, console);
    }
    console.set_program(program);
    switch (personality.front_end) {
        case FrontEnd::b3sum:
            return run_b3sum(args, console);
        case FrontEnd::xxhsum:
            return run_xxhsum(personality, args, console);
        default:
            return run_gnu_tool(personality, args, console);
    }
}

}  // namespace fhash::cli
