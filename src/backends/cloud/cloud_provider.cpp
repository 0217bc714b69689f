// The cloud provider: digests that object stores show, made of the hashers of the other
// providers. S3's multipart ETag and composite checksums hash each part of `part_size`
// bytes, then hash the parts' raw digests one after the other ("-N" counts the parts); an
// object smaller than one part is uploaded whole and shows its plain digest. Dropbox's
// content_hash is SHA-256 over the SHA-256s of 4 MiB blocks, whatever the size. GCS's
// crc32c, Azure's Content-MD5 and S3's full-object CRC-64/NVME are plain digests written in
// base64 (digest_text()). Parts are cut without copying: update() hands each part's share of
// the caller's span to the part hasher, so one read of the file feeds it like any other.

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "backends/provider.hpp"

namespace fhash::backends {
namespace {

bool is_cloud(Algorithm a) noexcept {
    return algorithm_info(a).family == Family::cloud;
}

/// A hasher of parts: `part` hashes each part, `combine` the parts' digests.
class PartsHasher final : public Hasher {
public:
    PartsHasher(Algorithm a, std::uint64_t part_size, std::unique_ptr<Hasher> part,
                std::unique_ptr<Hasher> combine) noexcept
        : m_algorithm(a),
          m_part_size(part_size),
          m_counted(algorithm_info(a).text != DigestText::hex),
          m_part(std::move(part)),
          m_combine(std::move(combine)) {}

    Result<void> update(std::span<const std::uint8_t> data) override {
        while (!data.empty()) {
            // A full part is closed only when more bytes come: an object of exactly N parts
            // has N parts, not an empty one after them.
            if (m_in_part == m_part_size) {
                if (Result<void> closed = close_part(); !closed) {
                    return closed;
                }
            }
            const std::size_t take = static_cast<std::size_t>(
                std::min<std::uint64_t>(m_part_size - m_in_part, data.size()));
            if (Result<void> fed = m_part->update(data.first(take)); !fed) {
                return fed;
            }
            m_in_part += take;
            m_total += take;
            data = data.subspan(take);
        }
        return {};
    }

    Result<Digest> finish() override {
        if (m_counted && m_total < m_part_size) {
            return with_count(m_part->finish(), 0);  // uploaded whole: the plain digest
        }
        if (m_in_part > 0) {
            if (Result<void> closed = close_part(); !closed) {
                return std::move(closed).error();
            }
        }
        return with_count(m_combine->finish(), m_parts);
    }

    Result<void> reset() override {
        m_in_part = 0;
        m_total = 0;
        m_parts = 0;
        if (Result<void> reset = m_part->reset(); !reset) {
            return reset;
        }
        return m_combine->reset();
    }

    [[nodiscard]] Algorithm algorithm() const noexcept override { return m_algorithm; }

private:
    Result<void> close_part() {
        Result<Digest> digest = m_part->finish();
        if (!digest) {
            return std::move(digest).error();
        }
        if (Result<void> fed = m_combine->update(digest->bytes()); !fed) {
            return fed;
        }
        m_in_part = 0;
        ++m_parts;
        return m_part->reset();
    }

    /// The value followed by the part count (4 bytes, big-endian) where the text shows it.
    [[nodiscard]] Result<Digest> with_count(Result<Digest> value, std::uint32_t count) const {
        if (!value || !m_counted) {
            return value;
        }
        std::array<std::uint8_t, Digest::k_max_size> bytes{};
        const std::size_t size = value->size();
        std::copy_n(value->bytes().begin(), size, bytes.begin());
        for (std::size_t i = 0; i < 4; ++i) {
            bytes[size + i] = static_cast<std::uint8_t>(count >> (8 * (3 - i)));
        }
        return Digest(std::span<const std::uint8_t>(bytes.data(), size + 4));
    }

    Algorithm m_algorithm;
    std::uint64_t m_part_size;
    bool m_counted;  ///< S3's digests count their parts; Dropbox's does not
    std::unique_ptr<Hasher> m_part;
    std::unique_ptr<Hasher> m_combine;
    std::uint64_t m_in_part = 0;
    std::uint64_t m_total = 0;
    std::uint32_t m_parts = 0;
};

/// A plain digest under the cloud algorithm's name (its text is the cloud's: base64).
class RenamedHasher final : public Hasher {
public:
    RenamedHasher(Algorithm a, std::unique_ptr<Hasher> inner) noexcept
        : m_algorithm(a), m_inner(std::move(inner)) {}
    Result<void> update(std::span<const std::uint8_t> data) override {
        return m_inner->update(data);
    }
    Result<Digest> finish() override { return m_inner->finish(); }
    Result<void> reset() override { return m_inner->reset(); }
    [[nodiscard]] Algorithm algorithm() const noexcept override { return m_algorithm; }

private:
    Algorithm m_algorithm;
    std::unique_ptr<Hasher> m_inner;
};

std::string cloud_name() {
    return "fhash parts over the providers above";
}

std::string cloud_name_of(Algorithm a) {
    return provider_name(base_algorithm(a));
}

bool cloud_supports(Algorithm a, std::size_t size) noexcept {
    return is_cloud(a) && size == algorithm_info(a).digest_size &&
           backend_supports(base_algorithm(a));
}

Result<std::unique_ptr<Hasher>> cloud_make_spec(const HashSpec& spec) {
    const Algorithm a = spec.algorithm;
    const std::size_t size = spec.size == 0 ? algorithm_info(a).digest_size : spec.size;
    if (!cloud_supports(a, size)) {
        return unsupported(a, size, cloud_name_of(a));
    }
    Result<std::unique_ptr<Hasher>> part = make_hasher(base_algorithm(a));
    if (!part) {
        return std::move(part).error();
    }
    const std::uint64_t part_size = default_part_size(a);
    if (part_size == 0) {
        return std::unique_ptr<Hasher>(std::make_unique<RenamedHasher>(a, std::move(*part)));
    }
    // S3's ETag is the MD5 of the parts' MD5s; every other combines with its own algorithm.
    Result<std::unique_ptr<Hasher>> combine = make_hasher(base_algorithm(a));
    if (!combine) {
        return std::move(combine).error();
    }
    const std::uint64_t chosen =
        takes_part_size(a) && spec.part_size != 0 ? spec.part_size : part_size;
    return std::unique_ptr<Hasher>(
        std::make_unique<PartsHasher>(a, chosen, std::move(*part), std::move(*combine)));
}

Result<std::unique_ptr<Hasher>> cloud_make(Algorithm a, std::size_t size) {
    return cloud_make_spec(HashSpec{a, size, 0});
}

}  // namespace

const Provider& cloud_provider() noexcept {
    static const Provider provider{&cloud_name, &cloud_supports, &cloud_make, &cloud_name_of,
                                   &cloud_make_spec};
    return provider;
}

}  // namespace fhash::backends
