// -c: every manifest is streamed through the manifest event loop; its entries are verified
// on the workers (one Verifier each, reusing their hashers) and reported in manifest order,
// so only the reorder window's entries are held at any time.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "cli/algorithm_hint.hpp"
#include "cli/check_report.hpp"
#include "cli/check_selection.hpp"
#include "cli/jobs.hpp"
#include "cli/manifest_reader.hpp"
#include "cli/modes.hpp"
#include "cli/progress.hpp"
#include "cli/signature_check.hpp"
#include "cli/verify_workers.hpp"
#include "core/ordered_pool.hpp"
#include "fhash/verify.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

namespace fs = std::filesystem;

/// One manifest line on its way through the pool.
struct CheckItem {
    enum class Kind { entry, skipped, malformed };
    Kind kind = Kind::entry;
    ManifestEntry entry;
    EntryOutcome outcome;
    std::size_t line = 0;
    std::uint64_t seq = VerifyWorkers::k_not_ahead;  ///< the prefetcher's number for it
};

/// The -a choice that untagged lines are read as, if exactly one was given.
std::optional<Algorithm> forced_algorithm(const Options& options) {
    if (options.algorithm_given && options.algorithms.size() == 1) {
        return options.algorithms.front();
    }
    return std::nullopt;
}

/// The folder of a manifest given in another folder than the current one, as given: a
/// missing entry found there gets a --base-dir hint. Empty otherwise.
fs::path manifest_dir_for_hint(const std::string& arg) {
    const fs::path given_dir = platform::path_from_utf8(arg).parent_path();
    std::error_code ec;
    const fs::path dir = fs::absolute(platform::path_from_utf8(arg), ec).parent_path();
    const fs::path cwd = fs::current_path(ec);
    if (ec || given_dir.empty() || dir.lexically_normal() == cwd.lexically_normal()) {
        return {};
    }
    return given_dir;
}

VerifyOptions verify_options_for(const Options& options, const std::string& arg, bool is_stdin) {
    VerifyOptions verify;
    verify.read = options.read;
    verify.manifest_is_stdin = is_stdin;
    verify.part_size = options.part_size;
    if (options.base_dir) {
        verify.base_dir = platform::path_from_utf8(*options.base_dir);
    } else if (!is_stdin && options.profile.hints) {
        verify.manifest_dir = manifest_dir_for_hint(arg);
    }
    return verify;
}

/// Checks one manifest: the loop hands its entries to the pool, the pool's deliveries go
/// to the report.
class ManifestCheck {
public:
    ManifestCheck(const Options& options, Console& console, CheckSelection& selection,
                  Progress& progress)
        : m_options(options), m_console(console), m_selection(selection), m_progress(progress) {}

    /// A signed manifest's signature is checked first (nothing is hashed when it fails),
    /// and then only its signed text is read.
    ExitCode run(const std::string& arg) {
        std::optional<std::string> text;
        ExitCode signature_code = ExitCode::ok;
        if (wants_signature(m_options)) {
            SignedText signed_text = check_manifest_signature(m_options, m_console, arg);
            if (!signed_text.text) {
                return signed_text.code;
            }
            text = std::move(signed_text.text);
            signature_code = signed_text.code;
        }
        const std::optional<Algorithm> forced = forced_algorithm(m_options);
        const std::size_t size = m_options.length_bits / 8;
        const ReaderRules rules{m_options.profile.lines_only, m_options.profile.tagged_only,
                                m_options.profile.convention};
        Result<std::unique_ptr<ManifestReader>> opened =
            text ? ManifestReader::open_text(arg, std::move(*text), forced, size, rules)
                 : ManifestReader::open(arg, forced, size, rules);
        if (!opened) {
            m_console.file_error(opened.error());
            return ExitCode::usage;
        }
        return worst(signature_code, check(**opened, arg));
    }

private:
    ExitCode check(ManifestReader& reader, const std::string& arg) {
        VerifyWorkers workers(
            verify_options_for(m_options, arg, reader.is_stdin()), m_options.jobs, m_progress,
            m_options.io_threads,
            reader.is_stdin() ? std::filesystem::path() : std::filesystem::path(arg));
        CheckReport report(m_options, m_console, reader.label());
        AlgorithmHint hint;
        OrderedPool<CheckItem, CheckItem> pool(
            workers.jobs(), k_reorder_window,
            [&workers](unsigned worker, CheckItem& item) {
                item.outcome = workers.verify(worker, item.entry, item.seq);
                return std::move(item);
            },
            [&report, &hint](CheckItem& item) {
                if (item.kind == CheckItem::Kind::entry) {
                    hint.observe(item.entry, item.outcome);
                }
                deliver(report, item);
            },
            workers.allow_inline());
        const std::optional<std::string> stopped = for_each_entry(
            reader, m_options.confine,
            {[&](ManifestEntry&& entry) { submit(pool, workers, std::move(entry)); },
             [&](std::size_t line) {
                 pool.submit_done(CheckItem{CheckItem::Kind::malformed, {}, {}, line});
             }});
        pool.finish();  // the entries before a stop are reported first
        if (stopped) {
            m_console.error(*stopped);
            return report.stopped();
        }
        const ExitCode code = report.finish();
        const std::optional<std::string> advice =
            m_options.profile.hints ? hint.advice(workers.own(), m_options.read) : std::nullopt;
        if (advice) {
            m_console.error(fmt::format("{}: {}", reader.label(), *advice));
        }
        return code;
    }

    static void deliver(CheckReport& report, CheckItem& item) {
        switch (item.kind) {
            case CheckItem::Kind::entry:
                report.entry(item.entry, item.outcome);
                break;
            case CheckItem::Kind::skipped:
                report.skipped();
                break;
            case CheckItem::Kind::malformed:
                report.malformed(item.line);
                break;
        }
    }

    /// The calling thread's own Verifier serves --only's names and standard input.
    void submit(OrderedPool<CheckItem, CheckItem>& pool, VerifyWorkers& workers,
                ManifestEntry&& entry) {
        Verifier& own = workers.own();
        CheckItem item;
        item.line = entry.line;
        item.entry = std::move(entry);
        const bool other_shard = m_options.shard && !m_options.shard->contains(item.entry.name);
        if (other_shard || (m_selection.active() && !m_selection.wants(item.entry.name, own))) {
            item.kind = CheckItem::Kind::skipped;
            pool.submit_done(std::move(item));
        } else if (item.entry.name == "-") {
            item.outcome = own.verify(item.entry);  // standard input, read in order
            pool.submit_done(std::move(item));
        } else {
            item.seq = workers.ahead(item.entry);
            pool.submit(std::move(item));
        }
    }

    const Options& m_options;
    Console& m_console;
    CheckSelection& m_selection;
    Progress& m_progress;
};

}  // namespace

ExitCode run_check(const Options& options, Console& console) {
    ExitCode result = ExitCode::ok;
    CheckSelection selection(options.only);
    Progress progress(options.progress, console, 0);  // total unknown: manifests are streamed
    if (options.shard && !options.shard_source.empty()) {
        console.error(fmt::format("shard {}/{} from {}", options.shard->index, options.shard->count,
                                  options.shard_source));
    }
    for (const std::string& manifest : options.paths) {
        ManifestCheck check(options, console, selection, progress);
        result = worst(result, check.run(manifest));
    }
    progress.stop();
    if (selection.active() && !selection.report_unlisted(console, options.paths)) {
        result = worst(result, ExitCode::failure);
    }
    return result;
}

}  // namespace fhash::cli
