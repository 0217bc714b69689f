// Hash mode: every input through the hash pool, one result line (or record) per input in
// input order, to standard output or atomically to -o FILE.

#include <memory>
#include <optional>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "cli/hash_pool.hpp"
#include "cli/inputs.hpp"
#include "cli/modes.hpp"
#include "cli/notes.hpp"
#include "cli/output_sink.hpp"
#include "cli/progress.hpp"
#include "cli/result_writer.hpp"

namespace fhash::cli {
namespace {

/// The inputs and notes in output order, listed ahead of hashing when the progress line
/// needs their total size.
using Listed = std::vector<std::variant<Input, io::WalkNote>>;

class HashRun {
public:
    HashRun(const Options& options, Console& console) : m_options(options), m_console(console) {}

    ExitCode run() {
        RunSettings settings = run_settings(m_options);
        // One named input (the common `fhash FILE` of scripts): one inline worker, no worker
        // threads or per-worker hashers to set up; a big file still gets the spare cores.
        if (m_options.jobs == 0 && m_options.paths.size() == 1 && !m_options.recursive &&
            !m_options.files_from) {
            settings.jobs = 1;
        }
        std::optional<Listed> listed;
        if (progress_possible(m_options.progress)) {
            listed = list_inputs();
            settings.progress_total = total_size(*listed);
        }
        if (const std::optional<ExitCode> failed = open_output()) {
            return *failed;
        }
        Result<std::unique_ptr<HashPool>> pool =
            HashPool::create(m_options.algorithms, settings, m_console,
                             [this](Hashed&& hashed) { deliver(std::move(hashed)); });
        if (!pool) {
            m_console.file_error(pool.error());
            return ExitCode::usage;
        }
        m_writer->begin(*m_sink);
        feed(**pool, listed);
        (*pool)->finish();
        m_writer->end(*m_sink);
        return close_output();
    }

private:
    Listed list_inputs() const {
        Listed listed;
        for_each_input(
            m_options, [&](Input&& input) { listed.emplace_back(std::move(input)); },
            [&](io::WalkNote&& note) { listed.emplace_back(std::move(note)); });
        return listed;
    }

    static std::uint64_t total_size(const Listed& listed) {
        std::vector<Input> inputs;
        for (const auto& item : listed) {
            if (const Input* input = std::get_if<Input>(&item)) {
                inputs.push_back(*input);
            }
        }
        return progress_total(inputs);
    }

    /// Sends the inputs (listed already, or walked now) and the notes into the pool.
    void feed(HashPool& pool, std::optional<Listed>& listed) {
        auto on_input = [&pool](Input&& input) { pool.submit(std::move(input)); };
        auto on_note = [&](io::WalkNote&& note) {
            pool.submit_action(
                [this, note = std::move(note)] { m_ok = !report_note(m_console, note) && m_ok; });
        };
        if (!listed) {
            for_each_input(m_options, on_input, on_note);
            return;
        }
        for (auto& item : *listed) {
            if (Input* input = std::get_if<Input>(&item)) {
                on_input(std::move(*input));
            } else {
                on_note(std::get<io::WalkNote>(std::move(item)));
            }
        }
    }

    /// Opens -o FILE (or standard output); an exit code if that failed.
    std::optional<ExitCode> open_output() {
        LineLayout layout = m_options.layout;
        layout.name = !m_options.unnamed_stdin;
        m_writer = m_options.raw ? make_raw_writer()
                   : m_options.no_names
                       ? make_digest_only_writer(m_options.algorithms)
                       : make_result_writer(m_options.format, m_options.algorithms, layout);
        if (!m_options.output) {
            m_sink = make_stdout_sink(m_console);
            return std::nullopt;
        }
        Result<std::unique_ptr<OutputSink>> file = make_file_sink(*m_options.output);
        if (!file) {
            m_console.file_error(file.error());
            return ExitCode::failure;
        }
        m_sink = std::move(*file);
        return std::nullopt;
    }

    void deliver(Hashed&& hashed) {
        if (!hashed.digests) {
            m_console.file_error(hashed.digests.error());
            m_ok = false;
            return;
        }
        if (!m_writer->can_store(hashed.display)) {
            m_console.error(unstorable_name_message(hashed.display));
            m_ok = false;
            return;
        }
        if (!m_console.out_failed()) {  // nobody reads the rest (a closed pipe, a full disk)
            m_writer->add(*m_sink, hashed.display, *hashed.digests);
        }
    }

    /// Commits -o FILE when every input was hashed (a failed run leaves it untouched).
    ExitCode close_output() {
        const bool keep = m_ok || !m_options.output;
        Result<void> finished = m_sink->finish(keep);
        if (!finished) {
            m_console.file_error(finished.error());
            return ExitCode::failure;
        }
        if (!m_ok && m_options.output) {
            m_console.error(fmt::format("{}: not written, because some inputs failed",
                                        quote_name(*m_options.output)));
        }
        return m_ok ? ExitCode::ok : ExitCode::failure;
    }

    const Options& m_options;
    Console& m_console;
    bool m_ok = true;  ///< every input hashed and every note harmless
    std::unique_ptr<OutputSink> m_sink;
    std::unique_ptr<ResultWriter> m_writer;
};

}  // namespace

ExitCode run_hash(const Options& options, Console& console) {
    return HashRun(options, console).run();
}

}  // namespace fhash::cli
