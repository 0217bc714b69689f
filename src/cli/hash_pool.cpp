#include "cli/hash_pool.hpp"

#include <optional>
#include <utility>

#include "cli/jobs.hpp"
#include "cli/progress.hpp"
#include "core/ordered_pool.hpp"
#include "io/prefetch.hpp"

namespace fhash::cli {
namespace {

struct Job {
    Input input;
    std::size_t tag = 0;
    std::uint64_t seq = 0;  ///< submission order among the jobs (the prefetcher's numbering)
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
    settings.io_threads = options.io_threads;
    settings.read = options.read;
    settings.progress = options.progress;
    settings.length = options.length_bits / 8;
    settings.part_size = options.part_size;
    settings.key_use = options.key_use;
    settings.key = options.key;
    if (!options.paths.empty() && options.paths.front() != "-") {
        settings.device_probe = options.paths.front();
    }
    return settings;
}

IoPlan run_plan(const RunSettings& settings) {
    const DeviceKind device =
        settings.io_threads != 0
            ? DeviceKind::unknown
            : io::device_kind(settings.device_probe.empty() ? std::filesystem::path(".")
                                                            : settings.device_probe);
    IoPlan plan = plan_io(settings.jobs, settings.io_threads, effective_jobs(0), device);
    if (plan.adaptive && !io::prefetch_tells_cached()) {
        plan.prefetchers = 0;
    }
    return plan;
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
    Impl(const RunSettings& settings_in, Console& console, Deliver deliver_to)
        : settings(settings_in),
          progress(settings.progress, console, settings.progress_total),
          deliver(std::move(deliver_to)) {}

    RunSettings settings;
    Progress progress;  // owns the run's counters: made before the hashers that feed them
    std::vector<HashSpec> specs;
    std::optional<FileHasher> own;  // the calling thread's: standard input, a lone file
    std::vector<std::optional<FileHasher>> hashers;  // one per worker, made on first use
    Deliver deliver;
    std::optional<Job> pending;  // the first input, held until a second one comes
    std::uint64_t jobs_submitted = 0;
    // The prefetcher outlives the pool: the workers tell it what they take.
    std::unique_ptr<io::Prefetcher> prefetcher;
    std::unique_ptr<OrderedPool<Job, Item>> pool;
    bool finished = false;

    Item hash_with(FileHasher& hasher, Job& job) {
        progress.set_current(job.input.display);
        Item item;
        item.hashed =
            Hashed{std::move(job.input.display), hasher.hash_file(job.input.path), job.tag};
        return item;
    }

    Item work(unsigned worker, Job& job) {
        if (prefetcher) {
            prefetcher->taken(job.seq);
        }
        std::optional<FileHasher>& hasher = hashers[worker];
        if (!hasher) {
            Result<FileHasher> made = FileHasher::create(specs, settings.read, progress.counters());
            if (!made) {  // the same specs as `own`: not expected
                Item item;
                item.hashed =
                    Hashed{std::move(job.input.display), std::move(made).error(), job.tag};
                return item;
            }
            hasher.emplace(std::move(*made));
        }
        return hash_with(*hasher, job);
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

    /// A second input: start the workers (and prefetchers), and give them the first.
    void start_pool() {
        const IoPlan plan = run_plan(settings);
        if (plan.prefetchers > 0) {
            prefetcher = std::make_unique<io::Prefetcher>(plan.prefetchers, plan.adaptive,
                                                          k_prefetch_lookahead);
        }
        hashers.resize(plan.workers);
        pool = std::make_unique<OrderedPool<Job, Item>>(
            plan.workers, k_reorder_window,
            [this](unsigned worker, Job& job) { return work(worker, job); },
            [this](Item& item) { hand_over(item); }, plan.prefetchers == 0);
        if (pending) {
            Job first = std::move(*pending);
            pending.reset();
            submit_job(std::move(first));
        }
    }

    void submit_job(Job job) {
        job.seq = jobs_submitted++;
        if (prefetcher) {
            prefetcher->push(job.input.path);
        }
        pool->submit(std::move(job));
    }

    /// Before the pool exists: hashes the held input on this thread and delivers it.
    void run_pending() {
        if (pending) {
            Item item = hash_with(*own, *pending);
            pending.reset();
            hand_over(item);
        }
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
    impl->specs =
        hash_specs(algorithms, settings.length, settings.part_size, settings.key_use, settings.key);
    // One hasher now, which also proves the backend has every algorithm; the workers' come
    // when they are first needed.
    Result<FileHasher> own =
        FileHasher::create(impl->specs, settings.read, impl->progress.counters());
    if (!own) {
        return std::move(own).error();
    }
    impl->own.emplace(std::move(*own));
    return std::unique_ptr<HashPool>(new HashPool(std::move(impl)));
}

void HashPool::submit(Input input, std::size_t tag) {
    Impl& impl = *m_impl;
    if (!input.is_stdin) {
        if (impl.pool) {
            impl.submit_job(Job{std::move(input), tag, 0});
        } else if (!impl.pending) {
            impl.pending = Job{std::move(input), tag, 0};
        } else {
            impl.start_pool();
            impl.submit_job(Job{std::move(input), tag, 0});
        }
        return;
    }
    // Standard input is read here, in argument order, by the thread's own hasher.
    impl.run_pending();
    impl.progress.set_current(input.display);
    Item item;
    item.hashed = Hashed{std::move(input.display), impl.own->hash_stdin(), tag};
    if (impl.pool) {
        impl.pool->submit_done(std::move(item));
    } else {
        impl.hand_over(item);
    }
}

void HashPool::submit_action(std::function<void()> action) {
    Impl& impl = *m_impl;
    if (impl.pool) {
        Item item;
        item.action = std::move(action);
        impl.pool->submit_done(std::move(item));
        return;
    }
    impl.run_pending();
    action();
}

void HashPool::finish() {
    Impl& impl = *m_impl;
    impl.finished = true;
    if (impl.pool) {
        impl.pool->finish();
    } else {
        impl.run_pending();
    }
    impl.progress.stop();
}

}  // namespace fhash::cli
