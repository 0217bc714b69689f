#pragma once
#include "cli/exit_code.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"

namespace fhash::cli {

/// Hash mode: hashes every input and writes one line per algorithm per input.
ExitCode run_hash(const Options& options, Console& console);

}  // namespace fhash::cli
