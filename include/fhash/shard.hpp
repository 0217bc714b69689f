#pragma once
/// @file shard.hpp
/// Splitting one run over several processes or machines: which shard a name belongs to,
/// and the comment lines that say which shard of which run a manifest is.
///
/// A name belongs to shard `shard_of(name, count)`: a stable 64-bit hash of the name's
/// bytes (FNV-1a, then the SplitMix64 finaliser to spread FNV's low bits) modulo `count`.
/// It depends on the name alone, never on its position in the input, so adding a file moves
/// no other file to another shard, and every machine computes the same split without talking
/// to the others. Pure functions: nothing here prints, reads the environment or the disk.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fhash {

/// Shard `index` of `count` (0 <= index < count).
struct ShardSpec {
    std::uint32_t index = 0;
    std::uint32_t count = 1;

    /// True if `name` belongs to this shard.
    [[nodiscard]] bool contains(std::string_view name) const noexcept;
    /// contains() of the name `prefix` followed by `rest`, without joining them (a walk
    /// decides a file's shard from its folder's prefix and its relative name).
    [[nodiscard]] bool contains(std::string_view prefix, std::string_view rest) const noexcept;
};

/// The stable 64-bit hash of `name` that decides its shard (see the file comment).
std::uint64_t shard_hash(std::string_view name) noexcept;
/// shard_hash() of `prefix` followed by `rest`: the same value as of the joined name.
std::uint64_t shard_hash(std::string_view prefix, std::string_view rest) noexcept;

/// The shard (0 .. count-1) of `name`; `count` must not be 0.
std::uint32_t shard_of(std::string_view name, std::uint32_t count) noexcept;

/// Parses "K/N" (decimal, 0 <= K < N, 1 <= N <= 1,000,000); nullopt otherwise.
std::optional<ShardSpec> parse_shard_spec(std::string_view text) noexcept;

/// What the first line of a shard manifest says:
///   "# fhash shard K/N run RUN format FORMAT"
/// and its last line:
///   "# fhash shard K/N end FILES"
/// Both begin with '#', so GNU `sha256sum -c` (and fhash -c) skip them as comments.
struct ShardHeader {
    ShardSpec shard;
    std::string run;     ///< the run's identity: lower-case hex, the same in every shard
    std::string format;  ///< the output format's name (gnu, bsd)
};

/// The header line, newline included. `run` and `format` must not hold blanks.
std::string format_shard_header(const ShardHeader& header);
/// The trailer line, newline included: `files` is the number of inputs written.
std::string format_shard_trailer(ShardSpec shard, std::uint64_t files);

/// Parses a header line (without its newline); nullopt if `line` is not one.
std::optional<ShardHeader> parse_shard_header(std::string_view line);
/// Parses a trailer line of `shard` (without its newline): the number of files, or nullopt
/// if `line` is not the trailer of that shard.
std::optional<std::uint64_t> parse_shard_trailer(std::string_view line, ShardSpec shard);

/// True if `line` starts like a header or a trailer ("# fhash shard ").
bool is_shard_comment(std::string_view line) noexcept;

/// The name a checksum line of a shard is about (unescaped), which `fhash merge` orders and
/// matches by; nullopt if the line is none of those `fhash -f gnu` or `-f bsd` writes:
/// "hex  name", "hex *name", "TAG (name) = hex", cksum's "CRC SIZE name", each with GNU's
/// leading '\' for escaped names. The digest itself is not decoded.
std::optional<std::string> checksum_line_name(std::string_view line);
/// The same into `name` (its buffer reused: a merge reads millions of lines); false, and
/// `name` unspecified, if the line is none of those.
bool checksum_line_name(std::string_view line, std::string& name);

/// One entry of --resume's journal: an input's name, its size and modification time when it
/// was hashed, and the exact output bytes written for it.
struct JournalEntry {
    std::string name;
    std::uint64_t size = 0;
    std::int64_t mtime = 0;
    std::string record;
};

/// The journal line of `entry`, newline included: "J" TAB SIZE TAB MTIME TAB NAME TAB RECORD
/// TAB CHECK, with NAME and RECORD escaped (\\ \t \n \r) and CHECK 16 hex digits of
/// shard_hash() over everything before its tab. Never a checksum line of any format (it
/// starts with "J", which is neither a digest nor a tag), so no manifest reader takes a
/// journal for a manifest.
std::string format_journal_line(const JournalEntry& entry);

/// Parses a journal line (without its newline): false if it is damaged in any way (a line cut
/// short, a changed byte: the check fails).
bool parse_journal_line(std::string_view line, JournalEntry& entry);

}  // namespace fhash
