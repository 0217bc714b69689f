#include "cli/run_modes.hpp"
namespace fhash::cli {
ExitCode run_update(const Options&, Console& console) { console.error("--update: not yet"); return ExitCode::usage; }
}
