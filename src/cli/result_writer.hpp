#pragma once
/// @file result_writer.hpp
/// Output formats of hash mode: each turns one input's digests into text for the sink.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "cli/output_sink.hpp"
#include "fhash/algorithm.hpp"
#include "fhash/engine.hpp"

namespace fhash::cli {

class ResultWriter {
public:
    virtual ~ResultWriter() = default;
    /// Called once before the first result.
    virtual void begin(OutputSink& /*sink*/) {}
    /// False when the format cannot hold the name `display` (SFV and hashdeep have no escape
    /// for a line break): the caller then reports that input as failed and does not add it.
    [[nodiscard]] virtual bool can_store(const std::string& /*display*/) const { return true; }
    /// One input's digests, in the order of `algorithms`.
    virtual void add(OutputSink& sink, const std::string& display, const FileDigests& digests) = 0;
    /// Called once after the last result (formats that need the whole set write it here).
    virtual void end(OutputSink& /*sink*/) {}
};

/// The writer of `format`; the line formats write their lines as `layout` says (tagged
/// for bsd). For sfv, `algorithms` must be {crc32}; for hashdeep, each must have a
/// hashdeep_column (options validation refuses the rest).
std::unique_ptr<ResultWriter> make_result_writer(ManifestFormat format,
                                                 std::vector<Algorithm> algorithms,
                                                 LineLayout layout = {});

/// --raw: the digests' bytes only.
std::unique_ptr<ResultWriter> make_raw_writer();

/// The algorithms `format` holds when -a names none: CRC-32 for sfv (as cksfv), md5 and sha256
/// for hashdeep (as hashdeep); nullopt for the formats that take fhash's default.
std::optional<std::vector<Algorithm>> format_default_algorithms(ManifestFormat format);

/// Why `format` cannot hold digests of `algorithms` (sfv: CRC-32 alone; hashdeep: md5, sha1
/// and sha256), worded for the console; nullopt when it can.
std::optional<std::string> format_refuses(ManifestFormat format,
                                          std::span<const Algorithm> algorithms);

/// The diagnostic for an input whose name `writer.can_store()` refused (no "fhash: " prefix).
std::string unstorable_name_message(const std::string& display);

/// --no-names: only the digests, one line per algorithm per input, in `algorithms` order.
std::unique_ptr<ResultWriter> make_digest_only_writer(std::vector<Algorithm> algorithms);

}  // namespace fhash::cli
