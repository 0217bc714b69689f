// Routes each algorithm to the provider of its family (backends/provider.hpp).

#include <string>
#include <vector>

#include "backends/provider.hpp"
#include "fhash/hasher.hpp"

namespace fhash {
namespace backends {

Error unsupported(Algorithm a, std::size_t size, const std::string& provider) {
    const AlgorithmInfo& info = algorithm_info(a);
    std::string what(info.name);
    if (size != info.digest_size) {
        what += " with a length of " + std::to_string(size * 8) + " bits";
    }
    return make_error(Errc::unsupported_algorithm, {}, what + " is not available in " + provider);
}

}  // namespace backends

namespace {

const backends::Provider& family_provider(Algorithm a) noexcept {
    switch (algorithm_info(a).family) {
        case Family::classic:
            return backends::classic_provider();
        case Family::blake3:
            return backends::blake3_provider();
        case Family::xxhash:
            return backends::xxhash_provider();
        case Family::crc:
            return backends::crc_provider();
    }
    return backends::classic_provider();
}

std::size_t resolved_size(Algorithm a, std::size_t size) noexcept {
    return size == 0 ? algorithm_info(a).digest_size : size;
}

/// The family's provider, except for a BLAKE2b length the classic backend lacks, which
/// libb2 gives where this build has it.
const backends::Provider& provider_for(Algorithm a, std::size_t size = 0) noexcept {
    const backends::Provider& family = family_provider(a);
    const std::size_t resolved = resolved_size(a, size);
    if (a == Algorithm::blake2b && resolved != algorithm_info(a).digest_size &&
        !family.supports(a, resolved)) {
        if (const backends::Provider* libb2 = backends::blake2_length_provider()) {
            return *libb2;
        }
    }
    return family;
}

}  // namespace

Result<std::unique_ptr<Hasher>> make_hasher(Algorithm a, std::size_t digest_size) {
    const std::size_t size = resolved_size(a, digest_size);
    const backends::Provider& provider = provider_for(a, size);
    if (!valid_digest_size(a, size)) {
        return backends::unsupported(a, size, provider.name());
    }
    return provider.make(a, size);  // refuses what it lacks, in its own words
}

bool backend_supports(Algorithm a, std::size_t digest_size) noexcept {
    const std::size_t size = resolved_size(a, digest_size);
    return valid_digest_size(a, size) && provider_for(a, size).supports(a, size);
}

std::string backend_name() {
    return backends::classic_provider().name();
}

std::string provider_name(Algorithm a) {
    const backends::Provider& family = family_provider(a);
    const std::string name = family.name_of != nullptr ? family.name_of(a) : family.name();
    const backends::Provider* libb2 = backends::blake2_length_provider();
    if (a == Algorithm::blake2b && libb2 != nullptr &&
        !family_provider(a).supports(a, algorithm_info(a).min_size)) {
        return name + ", " + libb2->name() + " for other lengths";
    }
    return name;
}

std::vector<std::string> provider_summary() {
    return {
        "classic: " + backends::classic_provider().name(),
        "blake3: " + backends::blake3_provider().name(),
        "xxhash: " + backends::xxhash_provider().name(),
        "crc: " + backends::crc_provider().name(),
    };
}

}  // namespace fhash
