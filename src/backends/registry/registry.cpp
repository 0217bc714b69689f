// Routes each algorithm to the provider of its family (backends/provider.hpp).

#include <array>
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
        case Family::cloud:
            return backends::cloud_provider();
    }
    return backends::classic_provider();
}

std::size_t resolved_size(Algorithm a, std::size_t size) noexcept {
    return size == 0 ? algorithm_info(a).digest_size : size;
}

/// The providers that fill the classic backend's gaps in this build: libb2 for BLAKE2b
/// lengths OpenSSL lacks, libgcrypt for the algorithms Windows CNG lacks (either may be
/// absent).
std::array<const backends::Provider*, 2> gap_providers() noexcept {
    return {backends::blake2_length_provider(), backends::classic_gap_provider()};
}

bool serves(const backends::Provider* provider, Algorithm a, std::size_t size) noexcept {
    return provider != nullptr && provider->supports(a, size);
}

/// The family's provider where it has `a` at `size` (resolved); else the gap provider that
/// has it; else, for a length no provider has, the one that has `a` at its default length,
/// so that the refusal comes in the words of the library that serves the algorithm.
const backends::Provider& provider_for(Algorithm a, std::size_t size) noexcept {
    const backends::Provider& family = family_provider(a);
    if (algorithm_info(a).family != Family::classic || !valid_digest_size(a, size) ||
        family.supports(a, size)) {
        return family;
    }
    const std::size_t standard = algorithm_info(a).digest_size;
    for (const backends::Provider* gap : gap_providers()) {
        if (serves(gap, a, size)) {
            return *gap;
        }
    }
    if (!family.supports(a, standard)) {
        for (const backends::Provider* gap : gap_providers()) {
            if (serves(gap, a, standard)) {
                return *gap;
            }
        }
    }
    return family;
}

std::string name_in(const backends::Provider& provider, Algorithm a) {
    return provider.name_of != nullptr ? provider.name_of(a) : provider.name();
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

Result<std::unique_ptr<Hasher>> make_hasher(const HashSpec& spec) {
    const backends::Provider& provider = family_provider(spec.algorithm);
    if (provider.make_spec == nullptr) {
        return make_hasher(spec.algorithm, spec.size);
    }
    return provider.make_spec(spec);
}

bool backend_supports(Algorithm a, std::size_t digest_size) noexcept {
    const std::size_t size = resolved_size(a, digest_size);
    return valid_digest_size(a, size) && provider_for(a, size).supports(a, size);
}

std::string backend_name() {
    return backends::classic_provider().name();
}

std::string provider_name(Algorithm a) {
    const AlgorithmInfo& info = algorithm_info(a);
    const backends::Provider& main = provider_for(a, info.digest_size);
    const std::string name = name_in(main, a);
    if (has_variable_length(info) && !main.supports(a, info.min_size)) {
        const backends::Provider& others = provider_for(a, info.min_size);
        if (&others != &main && others.supports(a, info.min_size)) {
            return name + ", " + name_in(others, a) + " for other lengths";
        }
    }
    return name;
}

std::vector<std::string> provider_summary() {
    std::string classic = backends::classic_provider().name();
    if (const backends::Provider* gap = backends::classic_gap_provider()) {
        classic += ", " + gap->name() + " for the algorithms it lacks";
    }
    return {
        "classic: " + classic,
        "blake3: " + backends::blake3_provider().name(),
        "xxhash: " + backends::xxhash_provider().name(),
        "crc: " + backends::crc_provider().name(),
    };
}

}  // namespace fhash
