#include "cli/fciv.hpp"
#include "cli/modes.hpp"

namespace fhash::cli {

ExitCode run_fciv(const std::vector<std::string>& args, Console& console) {
    FcivArgs parsed;
    std::string error;
    if (!parse_fciv_args(args, parsed, error)) {
        console.error(error);
        console.error_line("Try 'fhash fciv -h' for more information.");
        return ExitCode::usage;
    }
    switch (parsed.command) {
        case FcivCommand::help:
            console.out(fciv_header());
            console.out(fciv_help());
            return ExitCode::ok;
        case FcivCommand::add:
            return fciv_add(parsed, console);
        case FcivCommand::list:
        case FcivCommand::verify:
            break;
    }
    // -list and -v read the -xml database; FCIV prints its header even when that fails.
    console.out(fciv_header());
    const bool list = parsed.command == FcivCommand::list;
    std::optional<std::vector<ManifestEntry>> database =
        required_fciv_database(parsed, console, list ? "-list" : "-v");
    if (!database) {
        return ExitCode::usage;
    }
    return list ? fciv_list(parsed, *database, console) : fciv_verify(parsed, *database, console);
}

}  // namespace fhash::cli
