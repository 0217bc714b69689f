#pragma once
/// @file output_sink.hpp
/// Where results go: standard output, or a file written atomically (-o).

#include <memory>
#include <string>
#include <string_view>

#include "cli/console.hpp"
#include "fhash/error.hpp"

namespace fhash::cli {

class OutputSink {
public:
    virtual ~OutputSink() = default;
    virtual void write(std::string_view text) = 0;
    /// Completes the output. With success == false a file target is left untouched.
    virtual Result<void> finish(bool success) = 0;
};

/// Results to standard output through the console.
std::unique_ptr<OutputSink> make_stdout_sink(Console& console);
/// Results to `path`, written to a temporary file and renamed over `path` on success.
Result<std::unique_ptr<OutputSink>> make_file_sink(const std::string& path);

}  // namespace fhash::cli
