// The xxhash provider: XXH32, XXH64, XXH3-64 and XXH3-128 (seed 0) from libxxhash's header,
// compiled inline (XXH_INLINE_ALL: the streaming state is a plain member, no allocation per
// hasher and no library to link, also in the MinGW build). Digests are xxHash's canonical
// form, big-endian, as xxhsum prints them.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#define XXH_STATIC_LINKING_ONLY
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "backends/provider.hpp"

namespace fhash::backends {
namespace {

// One struct per algorithm: its state type and the four calls of xxHash's streaming API.
struct Xxh32 {
    using State = XXH32_state_t;
    static constexpr Algorithm k_id = Algorithm::xxh32;
    static XXH_errorcode reset(State& s) noexcept { return XXH32_reset(&s, 0); }
    static XXH_errorcode update(State& s, const void* p, std::size_t n) noexcept {
        return XXH32_update(&s, p, n);
    }
    static Digest digest(const State& s) noexcept {
        XXH32_canonical_t c;
        XXH32_canonicalFromHash(&c, XXH32_digest(&s));
        return Digest(c.digest);
    }
};

struct Xxh64 {
    using State = XXH64_state_t;
    static constexpr Algorithm k_id = Algorithm::xxh64;
    static XXH_errorcode reset(State& s) noexcept { return XXH64_reset(&s, 0); }
    static XXH_errorcode update(State& s, const void* p, std::size_t n) noexcept {
        return XXH64_update(&s, p, n);
    }
    static Digest digest(const State& s) noexcept {
        XXH64_canonical_t c;
        XXH64_canonicalFromHash(&c, XXH64_digest(&s));
        return Digest(c.digest);
    }
};

struct Xxh3 {
    using State = XXH3_state_t;
    static constexpr Algorithm k_id = Algorithm::xxh3;
    static XXH_errorcode reset(State& s) noexcept { return XXH3_64bits_reset(&s); }
    static XXH_errorcode update(State& s, const void* p, std::size_t n) noexcept {
        return XXH3_64bits_update(&s, p, n);
    }
    static Digest digest(const State& s) noexcept {
        XXH64_canonical_t c;
        XXH64_canonicalFromHash(&c, XXH3_64bits_digest(&s));
        return Digest(c.digest);
    }
};

struct Xxh128 {
    using State = XXH3_state_t;
    static constexpr Algorithm k_id = Algorithm::xxh128;
    static XXH_errorcode reset(State& s) noexcept { return XXH3_128bits_reset(&s); }
    static XXH_errorcode update(State& s, const void* p, std::size_t n) noexcept {
        return XXH3_128bits_update(&s, p, n);
    }
    static Digest digest(const State& s) noexcept {
        XXH128_canonical_t c;
        XXH128_canonicalFromHash(&c, XXH3_128bits_digest(&s));
        return Digest(c.digest);
    }
};

Error xxhash_failure(const char* call) {
    return make_error(Errc::backend_failure, {}, std::string("xxHash: ") + call + " failed");
}

template <class Traits>
class XxhHasher final : public Hasher {
public:
    /// Makes a hasher ready for update(), or backend_failure if xxHash refuses the reset.
    static Result<std::unique_ptr<Hasher>> create() {
        auto hasher = std::make_unique<XxhHasher>();
        Result<void> ready = hasher->reset();
        if (!ready) {
            return std::move(ready).error();
        }
        return std::unique_ptr<Hasher>(std::move(hasher));
    }

    Result<void> update(std::span<const std::uint8_t> data) override {
        if (Traits::update(m_state, data.data(), data.size()) != XXH_OK) {
            return xxhash_failure("update");
        }
        return {};
    }

    Result<Digest> finish() override { return Traits::digest(m_state); }

    Result<void> reset() override {
        if (Traits::reset(m_state) != XXH_OK) {
            return xxhash_failure("reset");
        }
        return {};
    }

    [[nodiscard]] Algorithm algorithm() const noexcept override { return Traits::k_id; }

private:
    typename Traits::State m_state{};
};

std::string xxhash_name() {
    return "libxxhash " + std::to_string(XXH_VERSION_MAJOR) + "." +
           std::to_string(XXH_VERSION_MINOR) + "." + std::to_string(XXH_VERSION_RELEASE);
}

bool xxhash_supports(Algorithm a, std::size_t size) noexcept {
    switch (a) {
        case Algorithm::xxh32:
            return size == sizeof(XXH32_canonical_t);
        case Algorithm::xxh64:
        case Algorithm::xxh3:
            return size == sizeof(XXH64_canonical_t);
        case Algorithm::xxh128:
            return size == sizeof(XXH128_canonical_t);
        default:
            return false;
    }
}

Result<std::unique_ptr<Hasher>> xxhash_make(Algorithm a, std::size_t size) {
    if (!xxhash_supports(a, size)) {
        return unsupported(a, size, xxhash_name());
    }
    switch (a) {
        case Algorithm::xxh32:
            return XxhHasher<Xxh32>::create();
        case Algorithm::xxh64:
            return XxhHasher<Xxh64>::create();
        case Algorithm::xxh3:
            return XxhHasher<Xxh3>::create();
        default:  // xxh128
            return XxhHasher<Xxh128>::create();
    }
}

}  // namespace

const Provider& xxhash_provider() noexcept {
    static const Provider provider{&xxhash_name, &xxhash_supports, &xxhash_make};
    return provider;
}

}  // namespace fhash::backends
