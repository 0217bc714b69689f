// JSON Lines results (fhash -f json) and their reader, on nlohmann-json (ordered objects so
// that members keep the documented order).

#include <nlohmann/json.hpp>

#include "fhash/base64.hpp"
#include "fhash/json_csv_format.hpp"
#include "fhash/text.hpp"

namespace fhash {
namespace {

using OrderedJson = nlohmann::ordered_json;

/// The name with every invalid byte replaced by U+FFFD; sets `valid` to whether none was.
std::string lossy_utf8(std::string_view name, bool& valid) {
    std::string out;
    valid = true;
    for (std::size_t i = 0; i < name.size();) {
        const std::size_t n = utf8_sequence(name, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            valid = false;
            ++i;
        } else {
            out.append(name.substr(i, n));
            i += n;
        }
    }
    return out;
}

/// A record's name: "path_b64" decoded when it has one, else "path"; nullopt when it has
/// neither, either is not a string (or not base64), or the name is empty or holds a NUL.
std::optional<std::string> record_name(const OrderedJson& record) {
    std::optional<std::string> name;
    if (const auto b64 = record.find("path_b64"); b64 != record.end()) {
        if (b64->is_string()) {
            name = base64_decode(b64->get_ref<const std::string&>());
        }
    } else if (const auto path = record.find("path"); path != record.end() && path->is_string()) {
        name = path->get<std::string>();
    }
    if (!name || name->empty() || name->find('\0') != std::string::npos) {
        return std::nullopt;
    }
    return name;
}

}  // namespace

std::string format_json_line(std::string_view name, std::uint64_t size,
                             std::span<const std::pair<Algorithm, Digest>> digests) {
    OrderedJson record = OrderedJson::object();
    bool valid = true;
    record["path"] = lossy_utf8(name, valid);
    if (!valid) {
        record["path_b64"] = base64_encode(name);
    }
    record["size"] = size;
    for (const auto& [algorithm, digest] : digests) {
        record[std::string(algorithm_info(algorithm).name)] = digest_text(algorithm, digest);
    }
    std::string line = record.dump();
    line += '\n';
    return line;
}

ParsedLine parse_json_line(std::string_view line) {
    ParsedLine parsed;
    std::size_t start = 0;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) {
        ++start;
    }
    if (start == line.size()) {
        return parsed;  // blank
    }
    parsed.kind = LineKind::malformed;
    const OrderedJson record = OrderedJson::parse(line.substr(start), nullptr, false);
    if (record.is_discarded() || !record.is_object()) {
        return parsed;
    }
    if (record.size() == 1 && record.contains("fhash_shard")) {
        parsed.kind = LineKind::skip;  // a shard's header or trailer (fhash/shard.hpp)
        return parsed;
    }
    ManifestEntry& entry = parsed.entry;
    std::optional<std::string> name = record_name(record);
    if (!name) {
        return parsed;
    }
    entry.name = std::move(*name);
    if (const auto size = record.find("size"); size != record.end() && size->is_number_unsigned()) {
        entry.size = size->get<std::uint64_t>();
    }
    for (const auto& [key, value] : record.items()) {
        const std::optional<Algorithm> algorithm = parse_algorithm(key);
        if (!algorithm) {
            continue;
        }
        if (!value.is_string()) {
            return parsed;
        }
        const std::optional<Digest> digest =
            digest_from_text(*algorithm, value.get_ref<const std::string&>());
        if (!digest || !valid_digest_size(*algorithm, digest->size())) {
            return parsed;
        }
        entry.digests.emplace_back(*algorithm, *digest);
    }
    if (entry.digests.empty()) {
        return parsed;
    }
    parsed.kind = LineKind::entry;
    return parsed;
}

}  // namespace fhash
