#include "cli/hash_pool.hpp"

#include <optional>
#include <utility>

#include "cli/jobs.hpp"
#include "cli/progress.hpp"
#include "core/ordered_pool.hpp"

namespace fhash::cli {
namespace {

struct Job {
    Input input;
    std::size_t tag = 0;
};

/// What travels through the pool: a result, or an action to run in order.
struct Item {
    std::optional<Hashed> hashed;
    std::function<void()> action;
};

}  // namespace

RunSettings run_settings(const Options& options) {
    RunSettings settings;
    settings.jobs = options.jobs;
    settings.read = options.read;
    settings.progress = options.progress;
    settings.length = options.length_bits / 8;
    settings.part_size = options.part_size;
    settings.key_use = options.key_use;
    settings.key = options.key;
    return settings;
}

std::vector<HashSpec> hash_specs(const std::vector<Algorithm>& algorithms, std::size_t length,
                                 std::uint64_t part_size, KeyUse key_use, const std::string& key) {
    std::vector<HashSpec> specs;
    specs.reserve(algorithms.size());
    for (const Algorithm a : algorithms) {
        const bool variable = has_variable_length(algorithm_info(a));
        HashSpec spec{a, variable ? length : 0, takes_part_size(a) ? part_size : 0};
        if (a == Algorithm::blake3) {
            spec.key_use = key_use;
            spec.key = key;
        }
        specs.push_back(std::move(spec));
    }
    return specs;
}

struct HashPool::Impl {
    Impl(const RunSettings& settings, Console& console, Deliver deliver_to)
        : progress(settings.progress, console, settings.progress_total),
          deliver(std::move(deliver_to)) {}

    Progress progress;  // owns the run's counters: made before the hashers that feed them
    std::vector<FileHasher> hashers;  // one per worker, and the last for standard input
    Deliver deliver;
    std::unique_ptr<OrderedPool<Job, Item>> pool;
    bool finished = false;

    Item work(unsigned worker, Job& job) {
        progress.set_current(job.input.display);
        Item item;
        item.hashed = Hashed{std::move(job.input.display),
                             hashers[worker].hash_file(job.input.path), job.tag};
        return item;
    }

    void hand_over(Item& item) {
        if (item.action) {
            item.action();
            return;
        }
        Hashed& hashed = *item.hashed;
        if (!hashed.digests) {
            hashed.digests = with_path(std::move(hashed.digests).error(), hashed.display);
        }
        deliver(std::move(hashed));
    }
};

HashPool::HashPool(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

HashPool::~HashPool() {
    if (m_impl && !m_impl->finished) {
        finish();
    }
}

Result<std::unique_ptr<HashPool>> HashPool::create(const std::vector<Algorithm>& algorithms,
                                                   const RunSettings& settings, Console& console,
                                                   Deliver deliver) {
    auto impl = std::make_unique<Impl>(settings, console, std::move(deliver));
    const unsigned jobs = effective_jobs(settings.jobs);
    const std::vector<HashSpec> specs =
        hash_specs(algorithms, settings.length, settings.part_size, settings.key_use, settings.key);
    for (unsigned i = 0; i < jobs + 1; ++i) {
        Result<FileHasher> hasher =
            FileHasher::create(specs, settings.read, impl->progress.counters());
        if (!hasher) {
            return std::move(hasher).error();
        }
        impl->hashers.push_back(std::move(*hasher));
    }
    Impl* raw = impl.get();
    impl->pool = std::make_unique<OrderedPool<Job, Item>>(
        jobs, k_reorder_window, [raw](unsigned worker, Job& job) { return raw->work(worker, job); },
        [raw](Item& item) { raw->hand_over(item); });
    return std::unique_ptr<HashPool>(new HashPool(std::move(impl)));
}

void HashPool::submit(Input input, std::size_t tag) {
    if (!input.is_stdin) {
        m_impl->pool->submit(Job{std::move(input), tag});
        return;
    }
    // Standard input is read here, in argument order, by the thread's own hasher.
    m_impl->progress.set_current(input.display);
    Item item;
    item.hashed = Hashed{std::move(input.display), m_impl->hashers.back().hash_stdin(), tag};
    m_impl->pool->submit_done(std::move(item));
}

void HashPool::submit_action(std::function<void()> action) {
    Item item;
    item.action = std::move(action);
    m_impl->pool->submit_done(std::move(item));
}

void HashPool::finish() {
    m_impl->finished = true;
    m_impl->pool->finish();
    m_impl->progress.stop();
}

}  // namespace fhash::cli
