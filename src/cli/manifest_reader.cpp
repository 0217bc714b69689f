#include "cli/manifest_reader.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include <fmt/format.h>

#include "cli/console.hpp"
#include "fhash/intoto_format.hpp"
#include "fhash/text.hpp"
#include "fhash/verify.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

constexpr std::size_t k_read_size = 256 * 1024;
constexpr std::size_t k_max_document = std::size_t{512} << 20;
constexpr std::size_t k_max_record = std::size_t{1} << 20;  // CSV record over several lines

/// The subjects of every Statement of an in-toto document, in order.
Result<std::vector<ManifestEntry>> intoto_entries(std::string_view document) {
    Result<std::vector<IntotoRecord>> records = parse_intoto(document);
    if (!records) {
        return std::move(records).error();
    }
    std::vector<ManifestEntry> entries;
    for (IntotoRecord& record : *records) {
        std::move(record.subjects.begin(), record.subjects.end(), std::back_inserter(entries));
    }
    return entries;
}

/// "x.sfv", "X.SFV": cksfv, RHash and QuickSFV name their files so.
bool has_sfv_name(std::string_view arg) noexcept {
    constexpr std::string_view k_extension = ".sfv";
    return arg.size() > k_extension.size() &&
           iequals_ascii(arg.substr(arg.size() - k_extension.size()), k_extension);
}

}  // namespace

Result<std::unique_ptr<ManifestReader>> ManifestReader::open(const std::string& arg,
                                                             std::optional<Algorithm> algorithm,
                                                             std::size_t digest_size,
                                                             const ReaderRules& rules) {
    std::unique_ptr<ManifestReader> reader(new ManifestReader());
    reader->m_is_stdin = arg == "-";
    reader->m_label = reader->m_is_stdin ? "standard input" : arg;
    reader->apply(rules, algorithm, digest_size);
    if (Result<void> started = reader->start(arg); !started) {
        return std::move(started).error();
    }
    return reader;
}

void ManifestReader::apply(const ReaderRules& rules, std::optional<Algorithm> algorithm,
                           std::size_t digest_size) {
    m_parse_options.algorithm = algorithm;
    m_parse_options.digest_size = digest_size;
    m_parse_options.tagged_only = rules.tagged_only;
    m_lines_only = rules.lines_only;
    // "B3SUMS", "x.xxh64": untagged digests follow b3sum's or xxhsum's conventions.
    if (!m_is_stdin) {
        m_parse_options.convention = untagged_convention_for(m_label);
    }
    if (rules.convention) {
        m_parse_options.convention = *rules.convention;
    }
}

Result<std::unique_ptr<ManifestReader>> ManifestReader::open_text(
    const std::string& label, std::string text, std::optional<Algorithm> algorithm,
    std::size_t digest_size, const ReaderRules& rules) {
    std::unique_ptr<ManifestReader> reader(new ManifestReader());
    reader->m_is_stdin = label == "-";
    reader->m_label = reader->m_is_stdin ? "standard input" : label;
    reader->m_text = std::move(text);
    reader->apply(rules, algorithm, digest_size);
    if (Result<void> started = reader->start(label); !started) {
        return std::move(started).error();
    }
    return reader;
}

Result<std::size_t> ManifestReader::read_some() {
    if (!m_text) {
        return m_file.read(m_buffer);
    }
    const std::size_t n = std::min(m_buffer.size(), m_text->size() - m_text_at);
    std::copy_n(m_text->data() + m_text_at, n, reinterpret_cast<char*>(m_buffer.data()));
    m_text_at += n;
    return n;
}

Result<void> ManifestReader::start(const std::string& arg) {
    if (m_text) {
        // read from memory: nothing to open
    } else if (m_is_stdin) {
        m_file = io::File::standard_input();
    } else {
        Result<io::File> opened = io::File::open_read(platform::path_from_utf8(arg));
        if (!opened) {
            return labelled(std::move(opened).error());
        }
        m_file = std::move(*opened);
    }
    m_buffer.resize(k_read_size);
    // The first bytes decide the format.
    Result<std::size_t> got = read_some();
    if (!got) {
        return labelled(std::move(got).error());
    }
    const std::span<const std::uint8_t> head(m_buffer.data(), *got);
    m_format = sniff_manifest_format(head);
    if (m_format == ManifestFormat::gnu && !m_is_stdin && has_sfv_name(arg)) {
        m_format = ManifestFormat::sfv;
    }
    if (m_lines_only && m_format != ManifestFormat::bsd) {
        m_format = ManifestFormat::gnu;
    }
    m_eof = *got == 0;
    if (m_format == ManifestFormat::fciv_xml || m_format == ManifestFormat::intoto) {
        return load_document(std::string(reinterpret_cast<const char*>(head.data()), head.size()));
    }
    m_splitter.feed(head);
    if (m_eof) {
        m_splitter.finish();
    }
    return {};
}

Result<void> ManifestReader::load_document(std::string document) {
    while (!m_eof) {
        Result<std::size_t> more = read_some();
        if (!more) {
            return labelled(std::move(more).error());
        }
        m_eof = *more == 0;
        const bool xml = m_format == ManifestFormat::fciv_xml;
        if (document.size() + *more > (xml ? k_max_document : k_max_intoto_document)) {
            return make_error(
                Errc::malformed, m_label,
                xml ? "XML manifest larger than 512 MiB" : "in-toto document larger than 64 MiB");
        }
        document.append(reinterpret_cast<const char*>(m_buffer.data()), *more);
    }
    Result<std::vector<ManifestEntry>> entries =
        m_format == ManifestFormat::intoto ? intoto_entries(document) : parse_fciv_xml(document);
    if (!entries) {
        return labelled(std::move(entries).error());
    }
    m_entries = std::move(*entries);
    return {};
}

Error ManifestReader::labelled(Error error) const {
    return with_path(std::move(error), m_label);
}

Result<bool> ManifestReader::fill() {
    if (m_eof) {
        return false;
    }
    Result<std::size_t> got = read_some();
    if (!got) {
        return labelled(std::move(got).error());
    }
    if (*got == 0) {
        m_eof = true;
        m_splitter.finish();
        return true;  // finishing may release a last line without terminator
    }
    m_splitter.feed(std::span<const std::uint8_t>(m_buffer.data(), *got));
    return true;
}

ParsedLine ManifestReader::parse_line(std::string& line, bool& incomplete) {
    switch (m_format) {
        case ManifestFormat::json:
            return parse_json_line(line);
        case ManifestFormat::csv: {
            // A quoted field may hold a line break: gather lines until the quotes balance.
            if (!m_record.empty()) {
                m_record += '\n';
            }
            m_record += line;
            if (!csv_record_complete(m_record) && m_record.size() < k_max_record) {
                incomplete = true;
                return {};
            }
            ParsedLine parsed = parse_csv_record(m_record, m_csv_state);
            m_record.clear();
            return parsed;
        }
        case ManifestFormat::sfv:
            return parse_sfv_line(line);
        case ManifestFormat::hashdeep:
            return parse_hashdeep_line(line, m_hashdeep_state);
        // gnu and bsd: one parser reads both kinds of line, even mixed.
        default:
            return parse_checksum_line(line, m_parse_options, m_state);
    }
}

Result<ManifestReader::Event> ManifestReader::next(ManifestEntry& entry, std::size_t& line) {
    if (m_format == ManifestFormat::fciv_xml || m_format == ManifestFormat::intoto) {
        if (m_next_entry >= m_entries.size()) {
            return Event::end;
        }
        entry = std::move(m_entries[m_next_entry++]);
        line = entry.line;
        return Event::entry;
    }
    for (;;) {
        while (m_splitter.next_line(m_line)) {
            ++m_line_number;
            bool incomplete = false;
            ParsedLine parsed = parse_line(m_line, incomplete);
            if (incomplete) {
                continue;
            }
            if (parsed.kind == LineKind::entry) {
                entry = std::move(parsed.entry);
                entry.line = m_line_number;
                line = m_line_number;
                return Event::entry;
            }
            if (parsed.kind == LineKind::malformed) {
                line = m_line_number;
                return Event::malformed;
            }
        }
        if (m_splitter.too_long()) {
            return make_error(Errc::malformed, m_label,
                              fmt::format("line {} is longer than {} MiB",
                                          m_splitter.too_long_line(), m_splitter.max_line() >> 20));
        }
        Result<bool> more = fill();
        if (!more) {
            return std::move(more).error();
        }
        if (!*more) {
            if (!m_record.empty()) {  // an unterminated quoted CSV field
                m_record.clear();
                line = m_line_number;
                return Event::malformed;
            }
            return Event::end;
        }
    }
}

std::optional<std::string> for_each_entry(ManifestReader& reader, bool confine,
                                          const ManifestHandlers& on) {
    ManifestEntry entry;
    std::size_t line = 0;
    for (;;) {
        Result<ManifestReader::Event> event = reader.next(entry, line);
        if (!event) {
            return error_text(event.error());
        }
        switch (*event) {
            case ManifestReader::Event::end:
                return std::nullopt;
            case ManifestReader::Event::malformed:
                on.malformed(line);
                break;
            case ManifestReader::Event::entry:
                if (confine && !is_confined(entry.name)) {
                    return fmt::format(
                        "{}: {}: {} refused by --confine: absolute, or outside the base folder",
                        quote_name(reader.label()), line, quote_name(entry.name));
                }
                on.entry(std::exchange(entry, ManifestEntry{}));
                break;
        }
    }
}

}  // namespace fhash::cli
