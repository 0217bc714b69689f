#include "cli/result_writer.hpp"

#include <fmt/format.h>

#include "cli/names.hpp"
#include "fhash/base64.hpp"
#include "fhash/digest.hpp"
#include "fhash/intoto_format.hpp"
#include "fhash/json_csv_format.hpp"
#include "fhash/manifest.hpp"
#include "fhash/sfv_hashdeep_format.hpp"

namespace fhash::cli {
namespace {

class LineWriter final : public ResultWriter {
public:
    LineWriter(const LineLayout& layout, std::vector<Algorithm> algorithms)
        : m_layout(layout), m_algorithms(std::move(algorithms)) {}

    void add(OutputSink& sink, const std::string& display, const FileDigests& digests) override {
        m_text.clear();
        for (std::size_t i = 0; i < m_algorithms.size(); ++i) {
            m_text += format_checksum_line(m_algorithms[i], digests.digests[i], display,
                                           digests.size, m_layout);
        }
        sink.write(m_text);
    }

private:
    LineLayout m_layout;
    std::vector<Algorithm> m_algorithms;
    std::string m_text;
};

/// --raw (b3sum, cksum): the digests' bytes, nothing else.
class RawWriter final : public ResultWriter {
public:
    void add(OutputSink& sink, const std::string& /*display*/,
             const FileDigests& digests) override {
        for (const Digest& digest : digests.digests) {
            const std::span<const std::uint8_t> bytes = digest.bytes();
            sink.write(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
        }
    }
};

/// --no-names: each digest on a line of its own, as digest_text() writes it (hex; decimal
/// for cksum), with nothing else: `h=$(fhash --no-names FILE)`.
class DigestOnlyWriter final : public ResultWriter {
public:
    explicit DigestOnlyWriter(std::vector<Algorithm> algorithms)
        : m_algorithms(std::move(algorithms)) {}

    void add(OutputSink& sink, const std::string& /*display*/,
             const FileDigests& digests) override {
        m_text.clear();
        for (std::size_t i = 0; i < m_algorithms.size(); ++i) {
            m_text += digest_text(m_algorithms[i], digests.digests[i]);
            m_text += '\n';
        }
        sink.write(m_text);
    }

private:
    std::vector<Algorithm> m_algorithms;
    std::string m_text;
};

/// FCIV-XML holds every entry on one line between a fixed head and tail; entries are
/// written as they come, so memory does not grow with the number of files.
class FcivXmlWriter final : public ResultWriter {
public:
    explicit FcivXmlWriter(std::vector<Algorithm> algorithms)
        : m_algorithms(std::move(algorithms)) {}

    void begin(OutputSink& sink) override {
        const std::string empty = format_fciv_xml({});
        m_tail_at = empty.find("</FCIV>");
        sink.write(std::string_view(empty).substr(0, m_tail_at));
        m_tail = empty.substr(m_tail_at);
    }

    void add(OutputSink& sink, const std::string& display, const FileDigests& digests) override {
        ManifestEntry entry;
        entry.name = display;
        for (char& c : entry.name) {
            if (c == '/') {
                c = '\\';  // FCIV stores Windows separators
            }
        }
        for (std::size_t i = 0; i < m_algorithms.size(); ++i) {
            entry.digests.emplace_back(m_algorithms[i], digests.digests[i]);
        }
        const std::string one = format_fciv_xml(std::span<const ManifestEntry>(&entry, 1));
        const std::size_t start = one.find("<FILE_ENTRY>");
        const std::size_t stop = one.find("</FCIV>");
        sink.write(std::string_view(one).substr(start, stop - start));
    }

    void end(OutputSink& sink) override { sink.write(m_tail); }

private:
    std::vector<Algorithm> m_algorithms;
    std::size_t m_tail_at = 0;
    std::string m_tail;
};

/// JSON Lines (json_csv_format.hpp): one object per file.
class JsonWriter final : public ResultWriter {
public:
    explicit JsonWriter(std::vector<Algorithm> algorithms) : m_algorithms(std::move(algorithms)) {}

    void add(OutputSink& sink, const std::string& display, const FileDigests& digests) override {
        m_pairs.clear();
        for (std::size_t i = 0; i < m_algorithms.size(); ++i) {
            m_pairs.emplace_back(m_algorithms[i], digests.digests[i]);
        }
        sink.write(format_json_line(display, digests.size, m_pairs));
    }

private:
    std::vector<Algorithm> m_algorithms;
    std::vector<std::pair<Algorithm, Digest>> m_pairs;
};

/// Get-FileHash | Export-Csv layout: a header, then one row per algorithm per file.
class CsvWriter final : public ResultWriter {
public:
    explicit CsvWriter(std::vector<Algorithm> algorithms) : m_algorithms(std::move(algorithms)) {}

    void begin(OutputSink& sink) override { sink.write(format_csv_header()); }

    void add(OutputSink& sink, const std::string& display, const FileDigests& digests) override {
        m_text.clear();
        for (std::size_t i = 0; i < m_algorithms.size(); ++i) {
            m_text += format_csv_row(m_algorithms[i], digests.digests[i], display);
        }
        sink.write(m_text);
    }

private:
    std::vector<Algorithm> m_algorithms;
    std::string m_text;
};

/// SFV (cksfv, rhash --sfv): a comment line, then "name CRC32" per file.
class SfvWriter final : public ResultWriter {
public:
    void begin(OutputSink& sink) override { sink.write(format_sfv_header()); }

    [[nodiscard]] bool can_store(const std::string& display) const override {
        return sfv_can_store(display);
    }

    void add(OutputSink& sink, const std::string& display, const FileDigests& digests) override {
        sink.write(format_sfv_line(digests.digests.front(), display));
    }
};

/// hashdeep's file format: the header, then "size,hex...,name" per file, the columns in
/// hashdeep's order whatever order -a named them in.
class HashdeepWriter final : public ResultWriter {
public:
    explicit HashdeepWriter(std::vector<Algorithm> algorithms)
        : m_algorithms(std::move(algorithms)), m_order(hashdeep_column_order(m_algorithms)) {}

    void begin(OutputSink& sink) override {
        std::vector<Algorithm> columns;
        for (const std::size_t i : m_order) {
            columns.push_back(m_algorithms[i]);
        }
        sink.write(format_hashdeep_header(columns));
    }

    [[nodiscard]] bool can_store(const std::string& display) const override {
        return sfv_can_store(display);
    }

    void add(OutputSink& sink, const std::string& display, const FileDigests& digests) override {
        m_pairs.clear();
        for (const std::size_t i : m_order) {
            m_pairs.emplace_back(m_algorithms[i], digests.digests[i]);
        }
        sink.write(format_hashdeep_row(digests.size, m_pairs, display));
    }

private:
    std::vector<Algorithm> m_algorithms;
    std::vector<std::size_t> m_order;  ///< hashdeep's column order, as indexes into m_algorithms
    std::vector<std::pair<Algorithm, Digest>> m_pairs;
};

/// An in-toto Statement v1 (-f intoto): one document naming every file, written once all
/// are hashed.
class IntotoWriter final : public ResultWriter {
public:
    explicit IntotoWriter(std::vector<Algorithm> algorithms)
        : m_algorithms(std::move(algorithms)) {}

    void add(OutputSink& /*sink*/, const std::string& display,
             const FileDigests& digests) override {
        ManifestEntry entry;
        entry.name = display;
        for (std::size_t i = 0; i < m_algorithms.size(); ++i) {
            entry.digests.emplace_back(m_algorithms[i], digests.digests[i]);
        }
        m_entries.push_back(std::move(entry));
    }

    void end(OutputSink& sink) override {
        sink.write(format_intoto_statement(m_entries, k_intoto_predicate_type));
    }

private:
    std::vector<Algorithm> m_algorithms;
    std::vector<ManifestEntry> m_entries;
};

/// SLSA's base64-subjects (-f slsa-subjects): the GNU sha256 manifest, base64-encoded on one
/// line, as `sha256sum FILES | base64 -w0` gives it to the generic generator.
class SlsaSubjectsWriter final : public ResultWriter {
public:
    explicit SlsaSubjectsWriter(std::vector<Algorithm> algorithms)
        : m_algorithms(std::move(algorithms)) {}

    void add(OutputSink& /*sink*/, const std::string& display,
             const FileDigests& digests) override {
        for (std::size_t i = 0; i < m_algorithms.size(); ++i) {
            m_manifest +=
                format_gnu_line(m_algorithms[i], digests.digests[i], display, digests.size);
        }
    }

    void end(OutputSink& sink) override { sink.write(base64_encode(m_manifest) + "\n"); }

private:
    std::vector<Algorithm> m_algorithms;
    std::string m_manifest;
};

}  // namespace

std::unique_ptr<ResultWriter> make_result_writer(ManifestFormat format,
                                                 std::vector<Algorithm> algorithms,
                                                 LineLayout layout) {
    switch (format) {
        case ManifestFormat::fciv_xml:
            return std::make_unique<FcivXmlWriter>(std::move(algorithms));
        case ManifestFormat::bsd:
            layout.tagged = true;
            return std::make_unique<LineWriter>(layout, std::move(algorithms));
        case ManifestFormat::json:
            return std::make_unique<JsonWriter>(std::move(algorithms));
        case ManifestFormat::csv:
            return std::make_unique<CsvWriter>(std::move(algorithms));
        case ManifestFormat::sfv:
            return std::make_unique<SfvWriter>();
        case ManifestFormat::hashdeep:
            return std::make_unique<HashdeepWriter>(std::move(algorithms));
        case ManifestFormat::intoto:
            return std::make_unique<IntotoWriter>(std::move(algorithms));
        case ManifestFormat::slsa_subjects:
            return std::make_unique<SlsaSubjectsWriter>(std::move(algorithms));
        case ManifestFormat::gnu:
            break;
    }
    return std::make_unique<LineWriter>(layout, std::move(algorithms));
}

std::unique_ptr<ResultWriter> make_raw_writer() {
    return std::make_unique<RawWriter>();
}

std::optional<std::vector<Algorithm>> format_default_algorithms(ManifestFormat format) {
    if (format == ManifestFormat::sfv) {
        return std::vector<Algorithm>{Algorithm::crc32};
    }
    if (format == ManifestFormat::hashdeep) {
        return std::vector<Algorithm>{Algorithm::md5, Algorithm::sha256};
    }
    return std::nullopt;
}

std::optional<std::string> format_refuses(ManifestFormat format,
                                          std::span<const Algorithm> algorithms) {
    for (const Algorithm algorithm : algorithms) {
        if (format == ManifestFormat::sfv && algorithm != Algorithm::crc32) {
            return fmt::format("the sfv format holds CRC-32 only (-a crc32), not {}",
                               algorithm_info(algorithm).name);
        }
        if (format == ManifestFormat::hashdeep && !hashdeep_column(algorithm)) {
            return fmt::format("the hashdeep format holds md5, sha1 and sha256 only, not {}",
                               algorithm_info(algorithm).name);
        }
    }
    return std::nullopt;
}

std::string unstorable_name_message(const std::string& display) {
    return fmt::format("{}: the name holds a line break, which this format cannot store",
                       quote_name(display));
}

std::unique_ptr<ResultWriter> make_digest_only_writer(std::vector<Algorithm> algorithms) {
    return std::make_unique<DigestOnlyWriter>(std::move(algorithms));
}

}  // namespace fhash::cli
