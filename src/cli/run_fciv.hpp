#pragma once
#include <string>
#include <vector>

#include "cli/exit_code.hpp"
#include "cli/report.hpp"
#include "fhash/read_options.hpp"

namespace fhash::cli {

/// `fhash fciv ...`: Microsoft FCIV 2.05's syntax and console output.
/// Returns the process exit code (FCIV's: 0 success, 1 failure; 2 for a usage error or an
/// unusable database).
int run_fciv(const std::vector<std::string>& args, Console& console);

}  // namespace fhash::cli
