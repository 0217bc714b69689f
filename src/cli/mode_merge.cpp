// fhash merge PART... [-o MANIFEST]: a streaming k-way merge of shard manifests into the
// bytes one `fhash -r` run writes. Only one record per part is held (plus each part's read
// buffer), so memory does not grow with the number of lines. The parts must make one
// whole run: the same run identity and shard count in every header, each shard once, every
// part ending in its trailer; names sorted within each part; a name met in two parts must
// have the same record in both. Any refusal leaves -o MANIFEST untouched.

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/merge_part.hpp"
#include "cli/modes.hpp"
#include "cli/names.hpp"
#include "cli/output_sink.hpp"
#include "cli/subcommand.hpp"

namespace fhash::cli {
namespace {

using Parts = std::vector<std::unique_ptr<MergePart>>;

/// The first shard of 0 .. count-1 that no part holds, as text; empty if none is missing.
std::string missing_shards(const std::set<std::uint32_t>& given, std::uint32_t count) {
    std::string missing;
    for (std::uint32_t k = 0; k < count; ++k) {
        if (!given.contains(k)) {
            missing += fmt::format("{}{}/{}", missing.empty() ? "" : ", ", k, count);
        }
    }
    return missing;
}

/// The parts make one whole run; otherwise the refusal's message.
std::optional<std::string> check_set(const Parts& parts) {
    const ShardHeader& first = parts.front()->header();
    std::set<std::uint32_t> given;
    std::vector<const MergePart*> by_index(first.shard.count, nullptr);
    for (const auto& part : parts) {
        const ShardHeader& header = part->header();
        if (header.run != first.run || header.shard.count != first.shard.count ||
            header.format != first.format) {
            return fmt::format(
                "{} and {} are shards of different runs (run {} of {} shards, run {} of {}); "
                "merge the shards of one run",
                quote_name(parts.front()->label()), quote_name(part->label()), first.run,
                first.shard.count, header.run, header.shard.count);
        }
        if (part->preamble() != parts.front()->preamble()) {
            return fmt::format("{} and {} start with different lines before their shard headers",
                               quote_name(parts.front()->label()), quote_name(part->label()));
        }
        if (const MergePart* twice = by_index[header.shard.index]) {
            return fmt::format("shard {}/{} is given twice: {} and {}", header.shard.index,
                               header.shard.count, quote_name(twice->label()),
                               quote_name(part->label()));
        }
        by_index[header.shard.index] = part.get();
        given.insert(header.shard.index);
    }
    const std::string missing = missing_shards(given, first.shard.count);
    if (!missing.empty()) {
        return fmt::format("shard {} of run {} is missing: a merge needs every shard", missing,
                           first.run);
    }
    return std::nullopt;
}

/// The k-way merge proper, into `sink`; the refusal's message, if any.
class Merger {
public:
    Merger(Parts& parts, OutputSink& sink) : m_parts(parts), m_sink(sink) {}

    std::optional<std::string> run() {
        m_sink.write(m_parts.front()->preamble());  // the format's first lines, as one run
        m_leaves = 1;
        while (m_leaves < m_parts.size()) {
            m_leaves *= 2;
        }
        m_tree.assign(2 * m_leaves, k_none);
        for (std::size_t i = 0; i < m_parts.size(); ++i) {
            if (std::optional<std::string> failed = advance(i)) {
                return failed;
            }
        }
        for (std::size_t node = m_leaves - 1; node >= 1; --node) {
            m_tree[node] = earlier(m_tree[2 * node], m_tree[2 * node + 1]);
        }
        while (m_tree[1] != k_none) {
            const std::size_t i = m_tree[1];
            if (std::optional<std::string> failed = take(*m_parts[i])) {
                return failed;
            }
            if (std::optional<std::string> failed = advance(i)) {
                return failed;
            }
            for (std::size_t node = (m_leaves + i) / 2; node >= 1; node /= 2) {
                m_tree[node] = earlier(m_tree[2 * node], m_tree[2 * node + 1]);
            }
        }
        return std::nullopt;
    }

private:
    /// The next record of part `i` into its leaf (none at its end).
    std::optional<std::string> advance(std::size_t i) {
        Result<bool> more = m_parts[i]->next();
        if (!more) {
            const Error& error = more.error();
            return fmt::format("{}: {}", quote_name(m_parts[i]->label()),
                               error.detail.empty() ? error.reason() : error.detail);
        }
        m_tree[m_leaves + i] = *more ? i : k_none;
        return std::nullopt;
    }

    /// Writes the record at the top, once: a name met again must have the same record.
    std::optional<std::string> take(MergePart& part) {
        if (m_have_last && part.key() == m_last_key) {
            if (part.record() != m_last_record) {
                return fmt::format("{}: different digests in {} and {}", quote_name(part.key()),
                                   quote_name(m_last_part->label()), quote_name(part.label()));
            }
            return std::nullopt;
        }
        m_sink.write(part.record());
        m_last_key = part.key();
        m_last_record.swap(part.record());  // the part reads its next record over it
        m_last_part = &part;
        m_have_last = true;
        return std::nullopt;
    }

    /// Of two parts (or none), the one whose current name comes first; the lower index on a
    /// tie, so a name met in several parts is taken from them in order.
    [[nodiscard]] std::size_t earlier(std::size_t a, std::size_t b) const {
        if (a == k_none || b == k_none) {
            return a == k_none ? b : a;
        }
        const int order = m_parts[a]->key().compare(m_parts[b]->key());
        return order < 0 || (order == 0 && a < b) ? a : b;
    }

    static constexpr std::size_t k_none = static_cast<std::size_t>(-1);
    Parts& m_parts;
    OutputSink& m_sink;
    /// A tournament tree over the parts: leaf m_leaves + i holds part i (or none at its end),
    /// each inner node the earlier of its two children, the root (node 1) the next record.
    /// Taking a record replays one leaf-to-root path: log2(parts) comparisons of names, half
    /// of what a binary heap's pop and push make (names compared are most of a merge's work).
    std::vector<std::size_t> m_tree;
    std::size_t m_leaves = 1;
    bool m_have_last = false;
    std::string m_last_key;
    std::string m_last_record;
    const MergePart* m_last_part = nullptr;
};

/// Opens every part (its header read); an exit code if one cannot be used.
std::optional<ExitCode> open_parts(const std::vector<std::string>& args, Parts& parts,
                                   Console& console) {
    for (const std::string& arg : args) {
        Result<std::unique_ptr<MergePart>> part = MergePart::open(arg);
        if (!part) {
            const Error& error = part.error();
            if (error.detail.empty()) {
                console.file_error(error);
            } else {
                console.error(fmt::format("{}: {}", quote_name(arg), error.detail));
            }
            return ExitCode::usage;
        }
        parts.push_back(std::move(*part));
    }
    if (std::optional<std::string> refused = check_set(parts)) {
        console.error(*refused);
        return ExitCode::usage;
    }
    return std::nullopt;
}

ExitCode merge(const std::vector<std::string>& args, const std::string& output, Console& console) {
    Parts parts;
    if (const std::optional<ExitCode> failed = open_parts(args, parts, console)) {
        return *failed;
    }
    std::unique_ptr<OutputSink> sink;
    if (output.empty() || output == "-") {
        sink = make_stdout_sink(console);
    } else {
        Result<std::unique_ptr<OutputSink>> file = make_file_sink(output);
        if (!file) {
            console.file_error(file.error());
            return ExitCode::failure;
        }
        sink = std::move(*file);
    }
    const std::optional<std::string> refused = Merger(parts, *sink).run();
    if (refused) {
        console.error(*refused);
    }
    if (Result<void> finished = sink->finish(!refused); !finished) {
        console.file_error(finished.error());
        return ExitCode::failure;
    }
    if (refused && !output.empty() && output != "-") {
        console.error(fmt::format("{}: not written", quote_name(output)));
    }
    return refused ? ExitCode::usage : ExitCode::ok;
}

}  // namespace

ExitCode run_merge(const std::vector<std::string>& args, Console& console) {
    CLI::App app{
        "Merge the shard manifests of one run (fhash --shard K/N) into the bytes the "
        "single run writes.",
        "fhash merge"};
    std::vector<std::string> parts;
    std::string output;
    app.add_option("parts", parts, "Shard manifests, every shard of the run once")
        ->type_name("PART")
        ->required();
    app.add_option("-o,--output", output, "Write to MANIFEST atomically (default: standard output)")
        ->type_name("MANIFEST");
    if (const std::optional<ExitCode> done = parse_subcommand(app, args, "merge", console)) {
        return *done;
    }
    return merge(parts, output, console);
}

}  // namespace fhash::cli
