// The blake3 provider: the official BLAKE3 C implementation (cmake/FindBLAKE3.cmake), at any
// output length from 1 to 128 bytes, and with updates spread over the threads the engine
// lends (blake3_tree.h) when this build has the sources.

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "backends/blake3/blake3_hasher.hpp"
#include "backends/blake3/blake3_tree.h"
#include "backends/provider.hpp"

namespace fhash::backends {
namespace {

constexpr std::size_t k_cv_size = 32;
/// At most this many pieces per subtree: more threads than that gain nothing measurable.
constexpr std::size_t k_max_pieces = 64;
/// Pieces per thread: the threads take pieces as they come free, so one that was held up
/// (the cores are shared) leaves the others less to wait for at the end of the subtree.
constexpr std::size_t k_pieces_per_thread = 4;

class Blake3Hasher final : public Hasher {
public:
    Blake3Hasher(std::size_t size, std::size_t min_split, KeyUse key_use = KeyUse::none,
                 std::string key = {})
        : m_size(size), m_min_split(min_split), m_key_use(key_use), m_key(std::move(key)) {
        init();
    }

    Result<void> update(std::span<const std::uint8_t> data) override {
        blake3_hasher_update(&m_state, data.data(), data.size());
        return {};
    }

    Result<void> update_parallel(std::span<const std::uint8_t> data,
                                 UpdateThreads& threads) override {
        if (threads.count() < 2 || data.size() < m_min_split || !blake3_splits_updates()) {
            return update(data);
        }
        Split split{&m_state, &threads, std::nullopt};
        if (fhash_blake3_update_split(&m_state, data.data(), data.size(), m_min_split, &halves,
                                      &split) == 0) {
            return std::move(*split.error);
        }
        return {};
    }

    Result<Digest> finish() override {
        std::array<std::uint8_t, Digest::k_max_size> out{};
        blake3_hasher_finalize(&m_state, out.data(), m_size);
        return Digest(std::span<const std::uint8_t>(out.data(), m_size));
    }

    Result<void> reset() override {
        init();
        return {};
    }

    [[nodiscard]] Algorithm algorithm() const noexcept override { return Algorithm::blake3; }

    [[nodiscard]] std::size_t parallel_update_min() const noexcept override {
        return blake3_splits_updates() ? m_min_split : 0;
    }

private:
    /// The state at the start, in the mode asked for (the key is checked by blake3_make).
    void init() noexcept {
        switch (m_key_use) {
            case KeyUse::keyed:
                blake3_hasher_init_keyed(&m_state,
                                         reinterpret_cast<const std::uint8_t*>(m_key.data()));
                break;
            case KeyUse::derive_key:
                blake3_hasher_init_derive_key_raw(&m_state, m_key.data(), m_key.size());
                break;
            case KeyUse::none:
                blake3_hasher_init(&m_state);
                break;
        }
    }

    /// One subtree cut into `pieces` equal subtrees, each hashed by a task.
    struct Pieces {
        const blake3_hasher* state;
        const std::uint8_t* input;
        std::size_t length;  ///< of one piece
        std::uint64_t first_chunk;
        std::array<std::uint8_t, k_max_pieces * k_cv_size> cvs;
    };

    struct Split {
        const blake3_hasher* state;
        UpdateThreads* threads;
        std::optional<Error> error;
    };

    static void hash_piece(void* context, std::size_t index) {
        Pieces& p = *static_cast<Pieces*>(context);
        fhash_blake3_subtree_cv(p.state, p.input + index * p.length, p.length,
                                p.first_chunk + index * (p.length / BLAKE3_CHUNK_LEN),
                                &p.cvs[index * k_cv_size]);
    }

    /// fhash_blake3_halves_fn: the subtree in as many pieces as there are threads (a power
    /// of two, so that each piece is a subtree), hashed at once, then merged up to the two
    /// halves.
    static int halves(void* context, const std::uint8_t* input, std::size_t length,
                      std::uint64_t chunk_counter, std::uint8_t cv_pair[64]) {
        Split& split = *static_cast<Split*>(context);
        std::size_t pieces =
            std::bit_ceil(std::size_t{split.threads->count()}) * k_pieces_per_thread;
        pieces = std::clamp<std::size_t>(pieces, 2, k_max_pieces);
        pieces = std::min(pieces, length / BLAKE3_CHUNK_LEN);
        Pieces work{split.state, input, length / pieces, chunk_counter, {}};
        if (Result<void> ran = split.threads->run(pieces, &hash_piece, &work); !ran) {
            split.error = std::move(ran).error();
            return 0;
        }
        for (; pieces > 2; pieces /= 2) {
            for (std::size_t i = 0; i < pieces / 2; ++i) {
                std::array<std::uint8_t, 2 * k_cv_size> children{};
                std::copy_n(&work.cvs[2 * i * k_cv_size], children.size(), children.begin());
                fhash_blake3_parent_cv(split.state, children.data(), &work.cvs[i * k_cv_size]);
            }
        }
        std::copy_n(work.cvs.begin(), 2 * k_cv_size, cv_pair);
        return 1;
    }

    blake3_hasher m_state{};
    std::size_t m_size;
    std::size_t m_min_split;
    KeyUse m_key_use;
    std::string m_key;
};

std::string blake3_name() {
    static const std::string name = [] {
        std::string text = std::string("BLAKE3 ") + blake3_version();
        if (const char* kernel = fhash_blake3_kernel(); kernel != nullptr) {
            text += std::string(" (") + kernel + ")";
        }
        return text;
    }();
    return name;
}

bool blake3_supports(Algorithm a, std::size_t size) noexcept {
    return a == Algorithm::blake3 && size >= 1 && size <= Digest::k_max_size;
}

Result<std::unique_ptr<Hasher>> blake3_make(Algorithm a, std::size_t size) {
    if (!blake3_supports(a, size)) {
        return unsupported(a, size, blake3_name());
    }
    return make_blake3_hasher(size);
}

/// With b3sum's --keyed (a 32-byte key) or --derive-key (a context string).
Result<std::unique_ptr<Hasher>> blake3_make_spec(const HashSpec& spec) {
    const std::size_t size =
        spec.size == 0 ? algorithm_info(Algorithm::blake3).digest_size : spec.size;
    if (!blake3_supports(spec.algorithm, size)) {
        return unsupported(spec.algorithm, size, blake3_name());
    }
    if (spec.key_use == KeyUse::keyed && spec.key.size() != BLAKE3_KEY_LEN) {
        return make_error(Errc::malformed, {}, "a BLAKE3 key is exactly 32 bytes");
    }
    return std::unique_ptr<Hasher>(
        std::make_unique<Blake3Hasher>(size, k_blake3_min_split, spec.key_use, spec.key));
}

}  // namespace

std::unique_ptr<Hasher> make_blake3_hasher(std::size_t size, std::size_t min_split) {
    return std::make_unique<Blake3Hasher>(size, min_split);
}

bool blake3_splits_updates() noexcept {
    return fhash_blake3_tree_available() != 0;
}

const Provider& blake3_provider() noexcept {
    static const Provider provider{&blake3_name, &blake3_supports, &blake3_make, nullptr,
                                   &blake3_make_spec};
    return provider;
}

}  // namespace fhash::backends
