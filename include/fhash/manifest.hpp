#pragma once
/// @file manifest.hpp
/// Checksum manifests as data: reading (lenient: GNU, BSD tag, OpenSSL, RHash, CRLF, BOM,
/// UTF-16, FCIV-XML) and writing (canonical, byte-exact). Pure text transforms: no file
/// access, no printing, so every rule is tested on strings.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"
#include "fhash/error.hpp"

namespace fhash {

/// One record of a manifest: a name and one or more digests of it.
struct ManifestEntry {
    /// The path exactly as stored, after unescaping (bytes; usually UTF-8). Separators are
    /// kept as written ('\' from Windows tools included); the verifier maps them.
    std::string name;
    std::vector<std::pair<Algorithm, Digest>> digests;
    bool binary = false;  ///< GNU '*' marker seen
    /// An untagged line read without -a: the algorithm was inferred from the digest length.
    bool algorithm_implied = false;
    std::optional<std::uint64_t> size;  ///< file size, when the format records it (JSON, hashdeep)
    std::size_t line = 0;               ///< 1-based line (or entry) number in the manifest
};

/// Manifest syntaxes fhash reads and writes.
enum class ManifestFormat {
    gnu,            ///< "<hex>  <name>" (also "<hex> *<name>", "<hex> <name>")
    bsd,            ///< "TAG (<name>) = <hex>" (also OpenSSL "TAG(<name>)= <hex>")
    fciv_xml,       ///< <FCIV><FILE_ENTRY><name/><MD5/>... base64 digests
    json,           ///< one JSON object per line (fhash -f json)
    csv,            ///< "Algorithm","Hash","Path" (Get-FileHash | Export-Csv)
    sfv,            ///< "<name> <CRC-32>" with ';' comments (cksfv, rhash --sfv)
    hashdeep,       ///< "%%%% HASHDEEP-1.0" header, "size,<hex>...,<name>" rows
    intoto,         ///< in-toto Statement(s), plain or in DSSE envelopes (intoto_format.hpp)
    slsa_subjects,  ///< written only: base64 of a GNU sha256 manifest (SLSA base64-subjects)
};

/// Guesses the format of a manifest from its first bytes (a BOM and leading blanks skipped;
/// UTF-16 with a BOM is recognised too). '<' -> fciv_xml, '{' -> intoto when
/// looks_like_intoto(), else json, a CSV header
/// ("Algorithm", "Hash" or "Path" as first column, quoted or not, or a "#TYPE" line) -> csv,
/// "%%%% HASHDEEP-1.0" -> hashdeep. Otherwise the first entry line decides (blank lines and
/// lines starting with '#' skipped; only the first 64 KiB are looked at): bsd if it
/// is_tagged_checksum_line(), sfv if looks_like_sfv_line() (a ';' comment, or "name CRC32"),
/// else gnu. A manifest named *.sfv is read as SFV when its content says gnu (the reader
/// decides that, knowing the name).
/// gnu and bsd manifests are read alike (parse_checksum_line takes both kinds of line,
/// mixed); the difference matters to whoever writes the manifest back (--update).
ManifestFormat sniff_manifest_format(std::span<const std::uint8_t> head) noexcept;

// ---------------------------------------------------------------------------------------
// Text decoding and line splitting (streaming, for manifests and file lists)
// ---------------------------------------------------------------------------------------

enum class TextEncoding { utf8, utf8_bom, utf16le, utf16be };

/// Splits a byte stream into lines, decoding it first. The encoding is detected from a BOM
/// at the very start (UTF-8, UTF-16LE, UTF-16BE; none = UTF-8/bytes passed through
/// unchanged). UTF-16 is converted to UTF-8. Lines end at LF; exactly one trailing CR is
/// removed. With a NUL separator (file lists with -0) lines end at NUL and nothing is
/// stripped. UTF-8 input (with or without a BOM) is not validated: its bytes, the BOM
/// excepted, reach the lines unchanged. An empty input yields no line; "a\n" yields one line
/// "a"; a last line without terminator is returned once finish() was called (with one
/// trailing CR removed, as other lines).
///
/// Lines are capped (untrusted input: a manifest or list may be /dev/zero): a line longer
/// than `max_line` bytes (decoded UTF-8, as next_line() would return it) is never returned.
/// Once one is met, too_long() becomes true, next_line() returns false from then on and
/// later input is discarded. Memory use is bounded by `max_line` plus what one feed() adds,
/// provided next_line() is called until it returns false after every feed().
class LineSplitter {
public:
    /// The default cap on one line: 4 MiB. No real checksum line, JSON record or file name
    /// comes near it (Windows' longest path is 32767 UTF-16 units), yet a hostile manifest
    /// with a 1 MiB name is still read line by line (its entry fails, the next lines count).
    static constexpr std::size_t k_default_max_line = std::size_t{4} << 20;

    explicit LineSplitter(char separator = '\n',
                          std::size_t max_line = k_default_max_line) noexcept;

    /// Appends raw bytes (ignored once finish() was called or a line was too long).
    void feed(std::span<const std::uint8_t> bytes);
    /// Marks the end of input (a last line without terminator becomes available).
    void finish();
    /// Takes the next complete line (without terminator) into `line`; false if none is ready,
    /// or if the next line is longer than max_line() (then too_long() is true).
    bool next_line(std::string& line);
    /// The encoding detected (valid once at least 3 bytes or the end were fed).
    [[nodiscard]] TextEncoding encoding() const noexcept;
    /// True if a UTF-16 stream held an invalid surrogate sequence (replaced by U+FFFD).
    [[nodiscard]] bool had_decoding_errors() const noexcept;
    /// True once a line longer than max_line() was met: the input cannot be read further.
    [[nodiscard]] bool too_long() const noexcept { return m_too_long; }
    /// The 1-based number of the line that was too long (valid when too_long()); lines are
    /// counted as next_line() returns them, empty ones included.
    [[nodiscard]] std::size_t too_long_line() const noexcept { return m_lines + 1; }
    /// The cap given to the constructor, in bytes.
    [[nodiscard]] std::size_t max_line() const noexcept { return m_max_line; }

private:
    void detect_encoding(bool at_end);
    void decode_pending(bool at_end);
    void decode_utf16(bool at_end);
    void compact();
    void give_up();
    char m_separator;
    std::size_t m_max_line;
    bool m_finished = false;
    bool m_detected = false;
    bool m_errors = false;
    bool m_too_long = false;
    TextEncoding m_encoding = TextEncoding::utf8;
    std::string m_raw;        // undecoded bytes (BOM detection, partial UTF-16 units)
    std::string m_text;       // decoded UTF-8 not yet split
    std::size_t m_scan = 0;   // position in m_text already scanned for the separator
    std::size_t m_start = 0;  // start of the first line not yet returned
    std::size_t m_lines = 0;  // lines returned so far
};

// ---------------------------------------------------------------------------------------
// GNU / BSD checksum lines
// ---------------------------------------------------------------------------------------

/// Options for reading checksum lines.
struct LineParseOptions {
    /// The algorithm named with -a: untagged digests are taken as this algorithm (and must
    /// have its length). Without it, the length decides (default_algorithm_for_size).
    std::optional<Algorithm> algorithm;
    /// With a variable-length algorithm (-l): the size untagged digests must have; 0 = any
    /// size the algorithm gives.
    std::size_t digest_size = 0;
    /// Without -a: how untagged digests map to algorithms (from the manifest's file name:
    /// "B3SUMS" is BLAKE3, "XXH64SUMS" xxhsum's lengths).
    UntaggedConvention convention = UntaggedConvention::gnu;
    /// Only tagged lines are entries; untagged ones are malformed (GNU cksum -c without -a).
    bool tagged_only = false;
};

/// State carried across the lines of one manifest: as coreutils does, the first untagged
/// line decides between "hex  name" (GNU) and "hex name" (BSD reversed, md5 -r).
struct LineParseState {
    enum class UntaggedMode { undecided, gnu, reversed };
    UntaggedMode mode = UntaggedMode::undecided;
};

enum class LineKind { entry, skip, malformed };

struct ParsedLine {
    LineKind kind = LineKind::skip;  ///< skip: blank line or '#' comment
    ManifestEntry entry;             ///< valid when kind == entry (line number not set)
};

/// Parses one line (terminator and one trailing CR already removed). Accepts:
/// "hex  name", "hex *name", "hex name" / "hex<TAB>name" (reversed mode), "TAG (name) = hex",
/// RHash's padded "MD5   (name) = hex", OpenSSL "SHA2-256(name)= hex", a leading '\' with
/// the GNU escapes \\ \n \r, leading blanks, upper-case hex. A NUL byte in the name, an
/// empty name, an unknown escape or a digest of the wrong length makes the line malformed.
/// Details: a line is a comment only if its first byte is '#'. Tags are matched with
/// algorithm_from_tag (case-insensitive); the name of a tagged line ends at its last ')'.
/// Tagged digests may be hex or base64 (coreutils 9.2+ --base64) of exactly the algorithm's
/// size; untagged digests are hex only. With options.algorithm set, untagged digests must
/// have its size and lines tagged with another algorithm are malformed (as md5sum -c does).
/// `state` is updated only by a valid untagged line. ParsedLine::entry.binary is set only by
/// the GNU '*' marker.
ParsedLine parse_checksum_line(std::string_view line, const LineParseOptions& options,
                               LineParseState& state);

/// True if `line` has the shape of a tagged line: optional blanks and '\', a tag that
/// algorithm_from_tag knows, optional spaces, '(' and, after the last ')', "= " or "="
/// (with an optional space before it). The name and digest are not validated.
bool is_tagged_checksum_line(std::string_view line) noexcept;

/// GNU name escaping: returns true and the escaped name if `name` holds '\', LF or CR
/// (the caller then prefixes the line with '\'); false and the name unchanged otherwise.
bool escape_gnu_name(std::string_view name, std::string& out);

/// A name as b3sum shows it: ill-formed UTF-8 replaced by U+FFFD, then '\\' and LF escaped
/// (CR is not). Returns true if anything was escaped (b3sum then starts the line with '\').
bool escape_b3sum_name(std::string_view name, std::string& out);

/// Reverses escape_gnu_name; nullopt on an unknown escape or a trailing lone '\'.
std::optional<std::string> unescape_gnu_name(std::string_view escaped);

/// "<hex>  <name>\n", byte-identical to coreutils 9.1 sha256sum (leading '\' when escaped).
std::string format_gnu_line(const Digest& digest, std::string_view name);
/// "<TAG> (<name>) = <hex>\n", byte-identical to coreutils 9.1 --tag.
std::string format_bsd_line(Algorithm algorithm, const Digest& digest, std::string_view name);
/// The line `fhash -f gnu` writes for `algorithm`: format_gnu_line(digest, name) for most;
/// the tagged line for XXH3 (as xxhsum); POSIX cksum's "CRC SIZE NAME\n" for cksum, where
/// `size` is the file's size in bytes and the name is written as it is.
std::string format_gnu_line(Algorithm algorithm, const Digest& digest, std::string_view name,
                            std::uint64_t size);

/// Every way the peers write one checksum line: md5sum's -b/-t/-z/--tag, cksum's
/// --untagged/--base64 and legacy layouts, sum's, xxhsum's --little-endian.
struct LineLayout {
    bool tagged = false;  ///< "TAG (name) = digest" (always for XXH3, as xxhsum)
    bool binary = false;  ///< untagged: '*' before the name (md5sum -b)
    bool zero = false;    ///< NUL ends the line and the name is not escaped (md5sum -z)
    bool base64 = false;  ///< the digest in base64 (cksum --base64)
    bool name = true;     ///< false: no name (sum and cksum reading standard input unnamed)
    /// The digest's bytes reversed, and "_LE" after the tag (xxhsum --little-endian).
    bool little_endian = false;
    /// CRC-32 written as cksum -a crc32b does: "DECIMAL SIZE NAME", like POSIX cksum.
    bool crc32_decimal = false;
    /// Names as b3sum writes them: only '\\' and LF escaped (CR left as it is), and bytes
    /// that are not UTF-8 replaced by U+FFFD.
    bool b3sum_names = false;
    /// Names written as they are, nothing escaped (xxhsum).
    bool plain_names = false;
};

/// One line as `layout` says. Untagged, the legacy algorithms have their own layouts:
/// POSIX cksum "CRC SIZE NAME", BSD sum "%05u %5u NAME" and System V sum "%u %u NAME"
/// (sizes in 1024- and 512-byte blocks), names never escaped. `size`: the input's bytes.
std::string format_checksum_line(Algorithm algorithm, const Digest& digest, std::string_view name,
                                 std::uint64_t size, const LineLayout& layout);

// ---------------------------------------------------------------------------------------
// FCIV-XML
// ---------------------------------------------------------------------------------------

/// Parses an FCIV-XML database (FCIV 2.05's own files, the KB841290 pretty-printed form with
/// the upper-case <?XML ...?> declaration, PsFCIV's extra elements). Digests are base64.
/// Refuses DOCTYPE/entity declarations (anywhere, comments included), NUL characters and
/// nesting deeper than 64 elements. Errc::malformed on bad input, with Error::detail
/// "line N: <parser message>" for ill-formed XML or "entry K (<name>): ..." for a bad
/// FILE_ENTRY (no <name>, no digest, a digest that is not base64 of the algorithm's size, a
/// digest element given twice). Digest elements are matched case-insensitively against
/// AlgorithmInfo::fciv_element; other elements (Size, TimeStamp, ...) are ignored. An
/// <FCIV> without entries gives an empty vector. ManifestEntry::line is the 1-based entry
/// index. Input must be UTF-8 (a BOM is skipped). The parser is chosen at configure time
/// (FHASH_XML_READER): pugixml where it is found, else Windows' own XmlLite; a build with
/// neither always returns Errc::malformed "FCIV-XML reading is not available in this build".
Result<std::vector<ManifestEntry>> parse_fciv_xml(std::string_view document);

/// Writes entries in FCIV 2.05's exact byte layout (CRLF, TAB, entries on one line, base64,
/// MD5 before SHA1 before the rest, in all_algorithms() order). Names should already use
/// '\' separators. Names are XML-escaped (& < > " ' and control characters as character
/// references); other bytes are written unchanged. Without entries the result is the
/// declaration line followed by "<FCIV>\r\n\t</FCIV>\r\n".
std::string format_fciv_xml(std::span<const ManifestEntry> entries);

}  // namespace fhash
