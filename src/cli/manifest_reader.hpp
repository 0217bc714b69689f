#pragma once
/// @file manifest_reader.hpp
/// Reads one manifest as a stream of entries, whatever its format (detected from the first
/// bytes, and a *.sfv name): GNU/BSD, SFV and hashdeep lines, JSON Lines and CSV records are
/// parsed as they are read, FCIV-XML is parsed whole. Memory is bounded whatever the input: a line
/// may hold at most 4 MiB (LineSplitter::k_default_max_line), a CSV record spanning lines 1 MiB, an
/// XML document 512 MiB; past a cap the manifest is refused (Errc::malformed, the detail says
/// which).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fhash/error.hpp"
#include "fhash/json_csv_format.hpp"
#include "fhash/manifest.hpp"
#include "fhash/sfv_hashdeep_format.hpp"
#include "io/file.hpp"

namespace fhash::cli {

/// How a tool personality reads manifests differently from fhash.
struct ReaderRules {
    /// GNU/BSD lines whatever the first bytes look like (no XML, JSON or CSV detection).
    bool lines_only = false;
    /// Untagged lines are malformed (GNU cksum -c without -a).
    bool tagged_only = false;
    /// How untagged digests map to algorithms, whatever the manifest's name (xxhsum).
    std::optional<UntaggedConvention> convention;
};

class ManifestReader {
public:
    enum class Event { entry, malformed, end };

    /// Opens `arg` ("-" = standard input) and detects its format. `algorithm` is the -a
    /// choice for untagged lines, if any, and `digest_size` the -l length they must have (0:
    /// any the algorithm gives). Without -a, the manifest's file name picks how untagged
    /// digests map to algorithms (untagged_convention_for). Errors carry the manifest's
    /// label as path.
    /// `rules`: what a tool personality changes (Profile).
    static Result<std::unique_ptr<ManifestReader>> open(const std::string& arg,
                                                        std::optional<Algorithm> algorithm,
                                                        std::size_t digest_size = 0,
                                                        const ReaderRules& rules = {});

    /// Reads the manifest from `text` (the signed text of a signed manifest, which alone is
    /// trusted) instead of a file; `label` names it in messages. Otherwise as open().
    static Result<std::unique_ptr<ManifestReader>> open_text(const std::string& label,
                                                             std::string text,
                                                             std::optional<Algorithm> algorithm,
                                                             std::size_t digest_size = 0,
                                                             const ReaderRules& rules = {});

    /// The next entry (entry.line set) or malformed line (`line` set), or the end.
    /// An error ends the manifest: a read failure, or Errc::malformed with the detail
    /// "line N is longer than 4 MiB".
    Result<Event> next(ManifestEntry& entry, std::size_t& line);

    [[nodiscard]] const std::string& label() const noexcept { return m_label; }
    [[nodiscard]] bool is_stdin() const noexcept { return m_is_stdin; }
    [[nodiscard]] ManifestFormat format() const noexcept { return m_format; }

private:
    ManifestReader() = default;
    void apply(const ReaderRules& rules, std::optional<Algorithm> algorithm,
               std::size_t digest_size);         // the parse options open() and open_text() share
    Result<void> start(const std::string& arg);  // opens, sniffs, reads the head
    Result<void> load_document(std::string document);  // the rest of an XML manifest
    [[nodiscard]] Error labelled(Error error) const;   // the error, naming the manifest
    ParsedLine parse_line(std::string& line, bool& incomplete);
    Result<bool> fill();              // feeds the splitter; false at the end of input
    Result<std::size_t> read_some();  // into m_buffer, from the file or m_text

    io::File m_file;
    std::optional<std::string> m_text;  // open_text(): the bytes, read from m_text_at
    std::size_t m_text_at = 0;
    std::string m_label;
    bool m_is_stdin = false;
    ManifestFormat m_format = ManifestFormat::gnu;
    bool m_lines_only = false;
    std::vector<std::uint8_t> m_buffer;
    bool m_eof = false;
    // Line formats
    LineSplitter m_splitter;
    LineParseOptions m_parse_options;
    LineParseState m_state;
    CsvParseState m_csv_state;
    HashdeepParseState m_hashdeep_state;
    std::string m_record;  // CSV: a record spanning lines (quoted line break)
    std::string m_line;
    std::size_t m_line_number = 0;
    // Whole-document formats
    std::vector<ManifestEntry> m_entries;
    std::size_t m_next_entry = 0;
};

/// What a manifest's loop hands out, in manifest order.
struct ManifestHandlers {
    std::function<void(ManifestEntry&& entry)> entry;  ///< a valid entry (line set)
    std::function<void(std::size_t line)> malformed;   ///< an improperly formatted line
};

/// The manifest event loop every mode uses (-c, --audit, --update): reads `reader` to its
/// end, handing each entry and malformed line to `on`. Returns the one-line diagnostic that
/// stopped it early, worded for the console: a read or parse error, or, with `confine`
/// (--confine, enforced here and nowhere else), the first entry whose name is absolute or
/// climbs out of the base folder (nothing after it is handed out). nullopt when the whole
/// manifest was read.
std::optional<std::string> for_each_entry(ManifestReader& reader, bool confine,
                                          const ManifestHandlers& on);

}  // namespace fhash::cli
