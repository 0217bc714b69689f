#pragma once
#include "cli/exit_code.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"

namespace fhash::cli {

/// Check mode (-c): verifies every manifest named in options.paths, GNU md5sum semantics.
ExitCode run_check(const Options& options, Console& console);

}  // namespace fhash::cli
