#include "cli/modes.hpp"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "cli/inputs.hpp"
#include "cli/jobs.hpp"
#include "cli/output_sink.hpp"
#include "cli/progress.hpp"
#include "cli/result_writer.hpp"
#include "core/ordered_pool.hpp"
#include "fhash/engine.hpp"
#include "platform/console.hpp"

namespace fhash::cli {
namespace {

/// One item of the output stream: an input's digests, or its error, or a walk problem.
struct HashOutcome {
    std::string display;
    std::optional<Result<FileDigests>> digests;  ///< empty for a walk problem
    std::optional<Error> problem;
    bool problem_fails = false;
};

/// A walk problem, kept in order with the inputs when they are listed before hashing.
struct Problem {
    Error error;
    bool failure = false;
};

}  // namespace

ExitCode run_hash(const Options& options, Console& console) {
    const unsigned jobs = effective_jobs(options.jobs);

    // A progress line with a total and an ETA needs the inputs' sizes first: list them
    // before hashing when one can be shown; otherwise the walk streams into the pool.
    const bool progress_possible =
        options.progress == ProgressMode::always ||
        (options.progress == ProgressMode::automatic && platform::stderr_is_terminal());
    std::vector<std::variant<Input, Problem>> listed;
    std::vector<Input> sized;
    bool listed_ok = true;
    if (progress_possible) {
        listed_ok = for_each_input(
            options,
            [&](Input&& input) {
                sized.push_back(input);
                listed.emplace_back(std::move(input));
            },
            [&](const Error& error, bool failure) {
                listed.emplace_back(Problem{error, failure});
            });
    }
    Progress progress(options.progress, console, progress_total(sized, options.progress));
    const ReadOptions& read = options.read;

    // One FileHasher per worker (each reuses its hashers and buffer), plus one on this
    // thread for standard input, which is read in argument order by the producer.
    std::vector<FileHasher> hashers;
    for (unsigned i = 0; i < jobs + 1; ++i) {
        Result<FileHasher> hasher = FileHasher::create(options.algorithms, read, progress.counters());
        if (!hasher) {
            console.file_error(hasher.error());
            return ExitCode::usage;
        }
        hashers.push_back(std::move(*hasher));
    }
    FileHasher& own_hasher = hashers.back();

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
    bool ok = listed_ok;
    auto deliver = [&](HashOutcome& outcome) {
        if (outcome.problem) {
            console.file_error(*outcome.problem);
            ok = ok && !outcome.problem_fails;
            return;
        }
        Result<FileDigests>& digests = *outcome.digests;
        if (!digests) {
            Error e = std::move(digests).error();
            e.path = outcome.display;
            console.file_error(e);
            ok = false;
            return;
        }
        if (!console.out_failed()) {  // nobody reads the rest (a closed pipe, a full disk)
            writer->add(*sink, outcome.display, *digests);
        }
    };
    auto work = [&hashers, &progress](unsigned worker, Input& input) {
        HashOutcome outcome;
        progress.set_current(input.display);
        outcome.digests = hashers[worker].hash_file(input.path);
        outcome.display = std::move(input.display);
        return outcome;
    };
    {
        OrderedPool<Input, HashOutcome> pool(jobs, k_reorder_window, work, deliver);
        auto on_input = [&](Input&& input) {
            if (input.is_stdin) {
                HashOutcome outcome;
                progress.set_current(input.display);
                outcome.digests = own_hasher.hash_stdin();
                outcome.display = std::move(input.display);
                pool.submit_done(std::move(outcome));
            } else {
                pool.submit(std::move(input));
            }
        };
        auto on_problem = [&](const Error& error, bool failure) {
            HashOutcome outcome;
            outcome.problem = error;
            outcome.problem_fails = failure;
            pool.submit_done(std::move(outcome));
        };
        if (progress_possible) {
            for (auto& item : listed) {
                if (Input* input = std::get_if<Input>(&item)) {
                    on_input(std::move(*input));
                } else {
                    const Problem& problem = std::get<Problem>(item);
                    on_problem(problem.error, problem.failure);
                }
            }
        } else {
            for_each_input(options, on_input, on_problem);
        }
        pool.finish();
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
