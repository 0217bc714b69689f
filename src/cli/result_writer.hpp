#pragma once
/// @file result_writer.hpp
/// Output formats of hash mode: each turns one input's digests into text for the sink.

#include <memory>
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
    /// One input's digests, in the order of `algorithms`.
    virtual void add(OutputSink& sink, const std::string& display, const FileDigests& digests) = 0;
    /// Called once after the last result (formats that need the whole set write it here).
    virtual void end(OutputSink& /*sink*/) {}
};

/// The writer of `format`; the line formats write their lines as `layout` says (tagged
/// for bsd).
std::unique_ptr<ResultWriter> make_result_writer(ManifestFormat format,
                                                 std::vector<Algorithm> algorithms,
                                                 LineLayout layout = {});

/// --raw: the digests' bytes only.
std::unique_ptr<ResultWriter> make_raw_writer();

/// --no-names: only the digests, one line per algorithm per input, in `algorithms` order.
std::unique_ptr<ResultWriter> make_digest_only_writer(std::vector<Algorithm> algorithms);

}  // namespace fhash::cli
