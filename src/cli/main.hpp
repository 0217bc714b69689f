#pragma once
#include <string>
#include <vector>

namespace fhash::cli {

/// The whole program, with UTF-8 arguments (argv[0] included). Returns the exit code.
/// Platform entry points (entry_posix.cpp, entry_win32.cpp) convert argv and call it.
int fhash_main(std::vector<std::string> args);

}  // namespace fhash::cli
