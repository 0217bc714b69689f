#pragma once
/// @file merge_part.hpp
/// One shard manifest read by `fhash merge`: its header, then its records in order, with
/// the checks that make a merge safe (a header and a matching trailer, sorted names, whole
/// lines). A record is the consecutive lines of one name (one line per algorithm).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/error.hpp"
#include "fhash/shard.hpp"
#include "io/file.hpp"

namespace fhash::cli {

class MergePart {
public:
    /// Opens `arg` and reads up to its header line. Errc::malformed (detail worded for the
    /// user) if it does not start with a shard header (after the format's preamble), or its
    /// format cannot be merged.
    static Result<std::unique_ptr<MergePart>> open(const std::string& arg);

    [[nodiscard]] const ShardHeader& header() const noexcept { return m_header; }
    [[nodiscard]] const std::string& label() const noexcept { return m_label; }
    /// The lines before the header (those the format starts with), newlines included.
    [[nodiscard]] const std::string& preamble() const noexcept { return m_preamble; }

    /// Reads the next record: true if there is one (key() and record() set), false at the
    /// verified end. Errc::malformed (a line cut short, a line that is not a checksum line,
    /// names out of order, a missing or wrong trailer) or a read error.
    Result<bool> next();
    [[nodiscard]] const std::string& key() const noexcept { return m_key; }
    [[nodiscard]] std::string& record() noexcept { return m_record; }

private:
    MergePart() = default;
    Result<bool> read_line(std::string_view& line);  // false at the end of the file
    Result<bool> peek();                             // fills m_peek_line/m_peek_key
    Error malformed(std::string detail) const;
    Result<bool> finish_at_trailer();

    io::File m_file;
    std::string m_label;
    ShardHeader m_header;
    std::string m_preamble;
    std::optional<ShardRecordNames> m_names;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0;  // the first byte not yet returned
    std::size_t m_end = 0;    // the end of the bytes read
    bool m_eof = false;
    std::size_t m_line_number = 0;
    std::uint64_t m_records = 0;
    bool m_have_peek = false;
    std::string m_peek_line;
    std::string m_peek_key;
    std::string m_key;
    std::string m_record;
};

}  // namespace fhash::cli
