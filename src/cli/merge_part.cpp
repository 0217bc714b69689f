#include "cli/merge_part.hpp"

#include <cstring>

#include <fmt/format.h>

#include "cli/names.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

constexpr std::size_t k_read_size = 256 * 1024;
constexpr std::size_t k_max_line = 4 * 1024 * 1024;  // as LineSplitter's cap
constexpr std::size_t k_max_preamble_lines = 16;     // hashdeep's are 4

}  // namespace

Result<std::unique_ptr<MergePart>> MergePart::open(const std::string& arg) {
    std::unique_ptr<MergePart> part(new MergePart());
    part->m_label = arg;
    Result<io::File> file = io::File::open_read(platform::path_from_utf8(arg));
    if (!file) {
        return with_path(std::move(file).error(), arg);
    }
    part->m_file = std::move(*file);
    part->m_buffer.resize(k_read_size);
    // The header is the first line, or follows the few lines a format must start with.
    std::optional<ShardHeader> header;
    for (std::size_t i = 0; i < k_max_preamble_lines && !header; ++i) {
        std::string_view line;
        Result<bool> read = part->read_line(line);
        if (!read) {
            return std::move(read).error();
        }
        if (!*read) {
            break;
        }
        header = parse_shard_header(line);
        if (!header) {
            part->m_preamble.append(line);
            part->m_preamble += '\n';
        }
    }
    if (!header) {
        return part->malformed(
            "not a shard manifest: it does not start with a '# fhash shard K/N run ID format F' "
            "line (fhash --shard writes it; ';' in SFV, '##' in hashdeep after its header, "
            "after the header row in CSV, a {\"fhash_shard\":...} object in JSON)");
    }
    part->m_names = ShardRecordNames::make(header->format, part->m_preamble);
    if (!part->m_names) {
        return part->malformed(fmt::format(
            "the lines before its shard header are not those fhash -f {} writes", header->format));
    }
    part->m_header = std::move(*header);
    return part;
}

Error MergePart::malformed(std::string detail) const {
    return make_error(Errc::malformed, m_label, std::move(detail));
}

Result<bool> MergePart::read_line(std::string_view& line) {
    for (;;) {
        const char* start = m_buffer.data() + m_begin;
        const void* nl = std::memchr(start, '\n', m_end - m_begin);
        if (nl != nullptr) {
            const std::size_t length =
                static_cast<std::size_t>(static_cast<const char*>(nl) - start);
            line = std::string_view(start, length);
            m_begin += length + 1;
            ++m_line_number;
            return true;
        }
        if (m_eof) {
            if (m_begin == m_end) {
                return false;
            }
            return malformed(
                fmt::format("truncated: line {} has no end of line", m_line_number + 1));
        }
        if (m_begin > 0) {  // keep the partial line, read more after it
            std::memmove(m_buffer.data(), start, m_end - m_begin);
            m_end -= m_begin;
            m_begin = 0;
        }
        if (m_buffer.size() - m_end < k_read_size / 2) {
            if (m_buffer.size() >= k_max_line) {
                return malformed(fmt::format("line {} is longer than 4 MiB", m_line_number + 1));
            }
            m_buffer.resize(m_buffer.size() * 2);
        }
        Result<std::size_t> got = m_file.read(std::span<std::uint8_t>(
            reinterpret_cast<std::uint8_t*>(m_buffer.data() + m_end), m_buffer.size() - m_end));
        if (!got) {
            return with_path(std::move(got).error(), m_label);
        }
        m_end += *got;
        m_eof = *got == 0;
    }
}

Result<bool> MergePart::peek() {
    std::string_view line;
    Result<bool> read = read_line(line);
    if (!read || !*read) {
        return read;
    }
    m_peek_line.assign(line);
    m_have_peek = true;
    if (is_shard_comment(line)) {
        m_peek_key.clear();
        return true;
    }
    const std::size_t first_line = m_line_number;
    while (!m_names->complete(m_peek_line)) {  // a CSV name holding line breaks
        Result<bool> more = read_line(line);
        if (!more || !*more) {
            return more ? Result<bool>(malformed(fmt::format(
                              "truncated: the record of line {} has no end", first_line)))
                        : more;
        }
        if (m_peek_line.size() + line.size() >= k_max_line) {
            return malformed(fmt::format("the record of line {} is longer than 4 MiB", first_line));
        }
        m_peek_line += '\n';
        m_peek_line += line;
    }
    if (!m_names->name(m_peek_line, m_peek_key)) {
        return malformed(
            fmt::format("line {} is not a record of a {} manifest", first_line, m_header.format));
    }
    return true;
}

Result<bool> MergePart::next() {
    if (!m_have_peek) {
        if (Result<bool> more = peek(); !more || !*more) {
            return more ? Result<bool>(malformed(fmt::format(
                              "truncated: no end line of shard {}/{} (fhash --shard writes it "
                              "after the last record, with the count of files)",
                              m_header.shard.index, m_header.shard.count)))
                        : more;
        }
    }
    if (is_shard_comment(m_peek_line)) {
        return finish_at_trailer();
    }
    if (m_records > 0 && m_peek_key <= m_key) {
        return malformed(fmt::format(
            "not sorted: line {} names {} after {} (shards must be in the order fhash -r "
            "writes)",
            m_line_number, quote_name(m_peek_key), quote_name(m_key)));
    }
    m_key.swap(m_peek_key);
    m_record.assign(m_peek_line);
    m_record += '\n';
    m_have_peek = false;
    for (;;) {  // the other lines of this name (one per algorithm)
        Result<bool> more = peek();
        if (!more || !*more) {
            return more ? Result<bool>(malformed("truncated: no end line")) : more;
        }
        if (is_shard_comment(m_peek_line) || m_peek_key != m_key) {
            break;
        }
        m_record += m_peek_line;
        m_record += '\n';
        m_have_peek = false;
    }
    ++m_records;
    return true;
}

Result<bool> MergePart::finish_at_trailer() {
    const std::optional<std::uint64_t> files =
        parse_shard_trailer(m_peek_line, m_header.shard, m_header.format);
    if (!files) {
        return malformed(fmt::format("line {} is not the end line of shard {}/{}", m_line_number,
                                     m_header.shard.index, m_header.shard.count));
    }
    if (*files != m_records) {
        return malformed(
            fmt::format("its end line counts {} files, but it holds {}", *files, m_records));
    }
    std::string_view after;
    Result<bool> more = read_line(after);
    if (!more) {
        return std::move(more).error();
    }
    if (*more) {
        return malformed(fmt::format("line {} follows the end line", m_line_number));
    }
    return false;
}

}  // namespace fhash::cli
