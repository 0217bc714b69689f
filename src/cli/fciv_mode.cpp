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
            return fciv_list(parsed, console);
        case FcivCommand::verify:
            return fciv_verify(parsed, console);
    }
    return ExitCode::usage;
}

}  // namespace fhash::cli
