#include "core/fan_out.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include <utility>
#include "io/sigbus_guard.hpp"

namespace fhash::detail {
namespace {

class Ring {
public:
    Ring(std::size_t depth, std::size_t consumers)
        : m_blocks(depth), m_remaining(depth, 0), m_consumers(consumers) {}

    /// Producer: waits until `slot` is free (or the run is aborted). False if aborted.
    bool wait_free(std::size_t slot) {
        std::unique_lock lock(m_mutex);
        m_free_cv.wait(lock, [&] { return m_remaining[slot] == 0 || m_aborted; });
        return !m_aborted;
    }

    /// Producer: publishes the next block (into the slot it waited for).
    void publish(std::size_t slot, SharedBlock block) {
        {
            std::lock_guard lock(m_mutex);
            m_blocks[slot] = std::move(block);
            m_remaining[slot] = m_consumers;
            ++m_published;
        }
        m_ready_cv.notify_all();
    }

    /// Producer: no more blocks.
    void close() {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_ready_cv.notify_all();
    }

    /// Consumer: the bytes of block `seq`, or nothing at the end.
    std::optional<std::span<const std::uint8_t>> wait_block(std::size_t seq) {
        std::unique_lock lock(m_mutex);
        m_ready_cv.wait(lock, [&] { return m_published > seq || m_closed; });
        if (m_published <= seq) {
            return std::nullopt;
        }
        return m_blocks[seq % m_blocks.size()].bytes;
    }

    /// Consumer: done with block `seq`; the last one out frees the slot.
    void release(std::size_t seq) {
        std::shared_ptr<const void> keep;  // released outside the lock (may unmap)
        bool freed = false;
        {
            std::lock_guard lock(m_mutex);
            const std::size_t slot = seq % m_blocks.size();
            if (--m_remaining[slot] == 0) {
                keep = std::move(m_blocks[slot].keep);
                m_blocks[slot].bytes = {};
                freed = true;
            }
        }
        if (freed) {
            m_free_cv.notify_one();
        }
    }

    void abort(Error error) {
        {
            std::lock_guard lock(m_mutex);
            if (!m_error) {
                m_error = std::move(error);
            }
            m_aborted = true;
        }
        m_free_cv.notify_all();
    }

    std::optional<Error> take_error() {
        std::lock_guard lock(m_mutex);
        return std::move(m_error);
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready_cv;
    std::condition_variable m_free_cv;
    std::vector<SharedBlock> m_blocks;
    std::vector<std::size_t> m_remaining;
    std::size_t m_consumers;
    std::size_t m_published = 0;
    bool m_closed = false;
    bool m_aborted = false;
    std::optional<Error> m_error;
};

/// Rough single-core cost in picoseconds per byte, as measured here (x86-64, AVX-512, no
/// SHA extensions; docs/ARCHITECTURE.md): only which algorithms share a thread depends on
/// it, never a digest. Orders of magnitude matter, not the digits.
unsigned cost_per_byte(Algorithm a) noexcept {
    switch (algorithm_info(a).family) {
        case Family::blake3:
            return 150;
        case Family::xxhash:
            return 80;
        case Family::crc:
            return a == Algorithm::crc64nvme ? 700 : 60;
        case Family::cloud:
            return cost_per_byte(base_algorithm(a));  // the parts' hashing dominates
        case Family::classic:
            break;
    }
    switch (a) {
        case Algorithm::sha384:
        case Algorithm::sha512:
        case Algorithm::sha512_224:
        case Algorithm::sha512_256:
        case Algorithm::blake2b:
            return 550;
        case Algorithm::sha224:
        case Algorithm::sha256:
        case Algorithm::sha3_224:
        case Algorithm::sha3_256:
        case Algorithm::shake128:
        case Algorithm::shake256:
            return 800;
        default:
            return 1200;  // MD5, SHA-1, SHA3-384/512, BLAKE2s, SM3, RIPEMD-160
    }
}

}  // namespace

std::vector<std::vector<std::size_t>> group_by_cost(const std::vector<Algorithm>& algorithms,
                                                    std::size_t threads) {
    const std::size_t count =
        std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(algorithms.size(), 1));
    std::vector<std::size_t> order(algorithms.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return cost_per_byte(algorithms[x]) > cost_per_byte(algorithms[y]);
    });
    std::vector<std::vector<std::size_t>> groups(count);
    std::vector<unsigned long long> load(count, 0);
    for (const std::size_t i : order) {
        const auto least =
            static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
        groups[least].push_back(i);
        load[least] += cost_per_byte(algorithms[i]);
    }
    return groups;
}

namespace {

/// One algorithm thread: hashes every block with its hashers, in order, until the ring
/// closes. After a failure it keeps releasing blocks, so the other threads go on.
void hash_blocks(Ring& ring, const std::vector<Hasher*>& mine, bool guard_reads) {
    bool failed = false;
    for (std::size_t seq = 0;; ++seq) {
        const std::optional<std::span<const std::uint8_t>> bytes = ring.wait_block(seq);
        if (!bytes) {
            return;
        }
        if (!failed) {
            Result<void> updated;
            auto update = [&] {
                for (Hasher* h : mine) {
                    updated = h->update(*bytes);
                    if (!updated) {
                        return;
                    }
                }
            };
            if (!guard_reads) {
                update();
            } else if (!io::run_sigbus_guarded(*bytes, update)) {
                updated = make_error(Errc::changed_while_reading);
            }
            if (!updated) {
                failed = true;
                ring.abort(std::move(updated).error());
            }
        }
        ring.release(seq);
    }
}

/// The reading side: fills the ring from `produce` until it ends, fails or is aborted.
std::uint64_t produce_blocks(Ring& ring, std::size_t slots, const BlockProducer& produce) {
    std::uint64_t total = 0;
    for (std::size_t seq = 0;; ++seq) {
        const std::size_t slot = seq % slots;
        if (!ring.wait_free(slot)) {
            break;
        }
        Result<SharedBlock> block = produce(slot);
        if (!block) {
            ring.abort(std::move(block).error());
            break;
        }
        if (block->bytes.empty()) {
            break;
        }
        total += block->bytes.size();
        ring.publish(slot, std::move(*block));
    }
    ring.close();
    return total;
}

}  // namespace

Result<std::uint64_t> fan_out(std::vector<std::unique_ptr<Hasher>>& hashers, std::size_t depth,
                              const BlockProducer& produce, bool guard_reads,
                              std::size_t thread_count) {
    std::vector<Algorithm> algorithms;
    for (const auto& hasher : hashers) {
        algorithms.push_back(hasher->algorithm());
    }
    const std::vector<std::vector<std::size_t>> groups =
        group_by_cost(algorithms, thread_count == 0 ? hashers.size() : thread_count);
    const std::size_t slots = depth == 0 ? 1 : depth;
    Ring ring(slots, groups.size());
    std::vector<std::thread> threads;
    threads.reserve(groups.size());
    for (const std::vector<std::size_t>& group : groups) {
        std::vector<Hasher*> mine;
        for (const std::size_t i : group) {
            mine.push_back(hashers[i].get());
        }
        threads.emplace_back(
            [&ring, mine = std::move(mine), guard_reads] { hash_blocks(ring, mine, guard_reads); });
    }
    const std::uint64_t total = produce_blocks(ring, slots, produce);
    for (std::thread& t : threads) {
        t.join();
    }
    if (std::optional<Error> error = ring.take_error()) {
        return std::move(*error);
    }
    return total;
}

}  // namespace fhash::detail
