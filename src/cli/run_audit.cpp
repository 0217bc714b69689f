#include "cli/run_modes.hpp"
namespace fhash::cli {
ExitCode run_audit(const Options&, Console& console) { console.error("--audit: not yet"); return ExitCode::usage; }
}
