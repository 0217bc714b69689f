#pragma once
/// @file exit_code.hpp
/// The documented exit codes (man page, README "Exit codes"). Nothing else leaves main().

namespace fhash::cli {

enum class ExitCode : int {
    ok = 0,       ///< every input hashed, or every checked file matched
    failure = 1,  ///< a file mismatched, was missing or unreadable; or nothing was verified
    usage = 2,    ///< usage error, or a manifest that cannot be used
};

/// The worse of two outcomes (usage > failure > ok).
constexpr ExitCode worst(ExitCode a, ExitCode b) noexcept {
    return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

}  // namespace fhash::cli
