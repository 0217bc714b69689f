#include "cli/run_hash.hpp"

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/inputs.hpp"
#include "cli/output_sink.hpp"
#include "cli/progress.hpp"
#include "cli/result_writer.hpp"
#include "fhash/engine.hpp"

namespace fhash::cli {

ExitCode run_hash(const Options& options, Console& console) {
    std::vector<Input> inputs;
    bool ok = collect_inputs(options, console, inputs);

    // Progress hook: a counter fed by the hashers, sampled by its own thread.
    Progress progress(options.progress, console, progress_total(inputs, options.progress));
    ReadOptions read = options.read;
    read.bytes_done = progress.counter();

    Result<FileHasher> hasher = FileHasher::create(options.algorithms, read);
    if (!hasher) {
        console.file_error(hasher.error());
        return ExitCode::usage;
    }

    std::unique_ptr<OutputSink> sink;
    if (options.output) {
        Result<std::unique_ptr<OutputSink>> file_sink = make_file_sink(*options.output);
        if (!file_sink) {
            console.file_error(file_sink.error());
            return ExitCode::failure;
        }
        sink = std::move(*file_sink);
    } else {
        sink = make_stdout_sink(console);
    }

    std::unique_ptr<ResultWriter> writer = make_result_writer(options.format, options.algorithms);
    writer->begin(*sink);
    for (const Input& input : inputs) {
        if (console.out_failed()) {
            break;  // nobody reads the rest (a closed pipe, a full disk)
        }
        progress.set_current(input.display);
        Result<FileDigests> digests =
            input.is_stdin ? hasher->hash_stdin() : hasher->hash_file(input.path);
        if (!digests) {
            Error e = std::move(digests).error();
            e.path = input.display;
            console.file_error(e);
            ok = false;
            continue;
        }
        writer->add(*sink, input.display, *digests);
    }
    writer->end(*sink);
    progress.stop();

    const bool write_file = ok || !options.output;
    Result<void> finished = sink->finish(write_file);
    if (!finished) {
        console.file_error(finished.error());
        return ExitCode::failure;
    }
    if (!ok && options.output) {
        console.error(fmt::format("{}: not written, because some inputs failed",
                                  quote_name(*options.output)));
    }
    return ok ? ExitCode::ok : ExitCode::failure;
}

}  // namespace fhash::cli
