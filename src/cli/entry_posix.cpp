// POSIX entry point: arguments are bytes already (UTF-8 in practice); pass them through.
#include <string>
#include <vector>

#include "cli/main.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv, argv + argc);
    return fhash::cli::fhash_main(std::move(args));
}
