#include "fhash/manifest.hpp"

namespace fhash {

ManifestFormat sniff_manifest_format(std::span<const std::uint8_t> head) noexcept {
    std::size_t i = 0;
    std::size_t step = 1;
    std::size_t offset = 0;  // where the low byte of a UTF-16 unit sits
    if (head.size() >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) {
        i = 3;
    } else if (head.size() >= 2 && head[0] == 0xFF && head[1] == 0xFE) {
        i = 2;
        step = 2;
    } else if (head.size() >= 2 && head[0] == 0xFE && head[1] == 0xFF) {
        i = 2;
        step = 2;
        offset = 1;
    }
    auto at = [&](std::size_t k) -> int {
        const std::size_t pos = k + offset;
        return pos < head.size() ? head[pos] : -1;
    };
    while (i < head.size()) {
        const int c = at(i);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            i += step;
            continue;
        }
        if (c == '<') {
            return ManifestFormat::fciv_xml;
        }
        if (c == '{') {
            return ManifestFormat::json;
        }
        // A CSV header as Export-Csv writes it: "Algorithm","Hash","Path" or #TYPE ...; the
        // columns may come in another order and unquoted (ConvertTo-Csv -UseQuotes Never).
        static constexpr std::string_view k_markers[] = {
            "\"Algorithm\",", "\"Hash\",", "\"Path\",", "Algorithm,", "Hash,", "Path,", "#TYPE "};
        for (const std::string_view marker : k_markers) {
            bool match = true;
            for (std::size_t k = 0; k < marker.size() && match; ++k) {
                match = at(i + k * step) == static_cast<unsigned char>(marker[k]);
            }
            if (match) {
                return ManifestFormat::csv;
            }
        }
        return ManifestFormat::gnu;
    }
    return ManifestFormat::gnu;
}

}  // namespace fhash
