// Hash mode: every input through the hash pool, one result line (or record) per input in
// input order, to standard output or atomically to -o FILE.

#include <deque>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "cli/hash_pool.hpp"
#include "cli/inputs.hpp"
#include "cli/journal.hpp"
#include "cli/modes.hpp"
#include "cli/names.hpp"
#include "cli/notes.hpp"
#include "cli/output_sink.hpp"
#include "cli/own_files.hpp"
#include "cli/progress.hpp"
#include "cli/result_writer.hpp"
#include "cli/shard_select.hpp"
#include "fhash/shard.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

/// The inputs and notes in output order, listed ahead of hashing when the progress line
/// needs their total size.
using Listed = std::vector<std::variant<Input, io::WalkNote>>;

/// Collects what a writer writes for one input (the record --resume journals).
class CaptureSink final : public OutputSink {
public:
    void write(std::string_view text) override { m_text.append(text); }
    Result<void> finish(bool /*success*/) override { return {}; }
    std::string take() { return std::exchange(m_text, {}); }

private:
    std::string m_text;
};

class HashRun {
public:
    HashRun(const Options& options, Console& console) : m_options(options), m_console(console) {
        if (options.output && *options.output != "-") {
            // A walk of the output's folder leaves out the output, its journal and its
            // temporary file: the manifest must not list itself, nor bytes that change.
            m_own.add(*options.output);
            m_own.add(*options.output + ".fhash-journal");
            const std::filesystem::path out = platform::path_from_utf8(*options.output);
            m_temp_prefix =
                path_key(out.parent_path() / ("." + platform::path_to_utf8(out.filename()))) +
                ".tmp-";
        }
    }

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
        if (const std::optional<ExitCode> failed = open_journal()) {
            return *failed;
        }
        Result<std::unique_ptr<HashPool>> pool =
            HashPool::create(m_options.algorithms, settings, m_console,
                             [this](Hashed&& hashed) { deliver(std::move(hashed)); });
        if (!pool) {
            m_console.file_error(pool.error());
            return ExitCode::usage;
        }
        m_writer->begin(*m_sink);  // the lines the format starts with come first
        write_shard_header();
        feed(**pool, listed);
        (*pool)->finish();
        m_writer->end(*m_sink);
        if (m_options.shard) {
            m_sink->write(format_shard_trailer(*m_options.shard, m_files, shard_format()));
        }
        return close_output();
    }

private:
    Listed list_inputs() const {
        Listed listed;
        for_each_input(
            m_options,
            [&](Input&& input) {
                if (wanted(input)) {
                    listed.emplace_back(std::move(input));
                }
            },
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
        auto on_input = [&](Input&& input) {
            if (wanted(input)) {
                submit(pool, std::move(input));
            }
        };
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
        std::optional<FileStamp> stamp;
        if (m_journal) {  // the stamp of this input, taken when it was submitted
            stamp = m_stamps.front();
            m_stamps.pop_front();
        }
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
        ++m_files;
        if (m_console.out_failed()) {  // nobody reads the rest (a closed pipe, a full disk)
            return;
        }
        if (!m_journal) {
            m_writer->add(*m_sink, hashed.display, *hashed.digests);
            return;
        }
        CaptureSink capture;
        m_writer->add(capture, hashed.display, *hashed.digests);
        const std::string record = capture.take();
        m_sink->write(record);
        if (stamp) {
            m_journal->add(hashed.display, *stamp, record);
        }
    }

    /// False for -o's own files (for_each_input leaves out other shards' inputs).
    [[nodiscard]] bool wanted(const Input& input) const {
        return m_temp_prefix.empty() || input.is_stdin ||
               !(m_own.contains(input.path) || path_key(input.path).starts_with(m_temp_prefix));
    }

    /// Hands an input to the pool, or, when the journal holds it unchanged, its journaled
    /// record to the output in its turn.
    void submit(HashPool& pool, Input&& input) {
        if (!m_journal) {
            pool.submit(std::move(input));
            return;
        }
        const std::optional<FileStamp> stamp = input.is_stdin ? std::nullopt : stamp_of(input.path);
        if (stamp) {
            if (std::optional<std::string> record = m_journal->take(input.display, *stamp)) {
                pool.submit_action([this, record = std::move(*record)] {
                    ++m_files;
                    m_sink->write(record);
                });
                return;
            }
        }
        m_stamps.push_back(stamp);
        pool.submit(std::move(input));
    }

    /// --resume: opens -o FILE's journal; an exit code if that failed.
    std::optional<ExitCode> open_journal() {
        if (!m_options.resume) {
            return std::nullopt;
        }
        std::string identity = run_identity(m_options);
        if (m_options.shard) {
            identity += fmt::format(" shard {}/{}", m_options.shard->index, m_options.shard->count);
        }
        Result<std::unique_ptr<Journal>> journal =
            Journal::open(Journal::path_for(*m_options.output), identity);
        if (!journal) {
            m_console.file_error(journal.error());
            return ExitCode::usage;
        }
        m_journal = std::move(*journal);
        if (m_journal->loaded() != 0) {
            m_console.error(fmt::format("resuming: {} files hashed before are taken from {}",
                                        m_journal->loaded(),
                                        quote_name(*m_options.output + ".fhash-journal")));
        }
        return std::nullopt;
    }

    /// --shard: the header comment line, and where the shard came from (on standard error).
    void write_shard_header() {
        if (!m_options.shard) {
            return;
        }
        const ShardSpec shard = *m_options.shard;
        if (!m_options.shard_source.empty()) {
            m_console.error(fmt::format("shard {}/{} from {}", shard.index, shard.count,
                                        m_options.shard_source));
        }
        m_sink->write(format_shard_header(
            ShardHeader{shard, run_identity(m_options), std::string(shard_format())}));
    }

    /// The format named in --shard's header and trailer (take_scale_out allows no other).
    [[nodiscard]] std::string_view shard_format() const {
        switch (m_options.format) {
            case ManifestFormat::bsd:
                return "bsd";
            case ManifestFormat::sfv:
                return "sfv";
            case ManifestFormat::hashdeep:
                return "hashdeep";
            case ManifestFormat::csv:
                return "csv";
            case ManifestFormat::json:
                return "json";
            default:
                return "gnu";
        }
    }

    /// Commits -o FILE when every input was hashed (a failed run leaves it untouched).
    /// --resume's journal goes before the output is committed, so a finished output never
    /// stands next to a journal: a kill between the two leaves neither, and the next run
    /// hashes from the start.
    ExitCode close_output() {
        const bool keep = m_ok || !m_options.output;
        if (m_journal && !m_ok) {
            (void)m_journal->flush();  // a failed run keeps what it hashed for the next one
        }
        if (m_journal && m_ok) {
            if (Result<void> removed = m_journal->remove(); !removed) {
                m_console.file_error(removed.error());
            }
        }
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
    std::uint64_t m_files = 0;           ///< inputs written (a shard's trailer counts them)
    OwnFiles m_own;                      ///< -o FILE and its journal
    std::string m_temp_prefix;           ///< path_key() prefix of -o's temporary file
    std::unique_ptr<Journal> m_journal;  ///< --resume
    /// --resume: the stamps of the inputs in the pool, in submission order.
    std::deque<std::optional<FileStamp>> m_stamps;
};

}  // namespace

ExitCode run_hash(const Options& options, Console& console) {
    return HashRun(options, console).run();
}

}  // namespace fhash::cli
