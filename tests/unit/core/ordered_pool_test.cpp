#include "support/catch.hpp"

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "core/ordered_pool.hpp"

using namespace fhash;

TEST_CASE("results come back in submission order whatever the workers' timing", "[pool]") {
    for (const unsigned workers : {1u, 2u, 3u, 8u}) {
        // Windows above 64 grow the slot ring while items are in flight (64 -> 100, and
        // 64 -> 128 -> ... -> 1000).
        for (const std::size_t window : {1u, 2u, 7u, 64u, 100u, 1000u}) {
            std::vector<int> delivered;
            std::atomic<std::size_t> in_flight{0};
            std::size_t max_seen = 0;
            {
                OrderedPool<int, int> pool(
                    workers, window,
                    [&](unsigned /*worker*/, int& job) {
                        if (job % 7 == 0) {
                            std::this_thread::sleep_for(std::chrono::microseconds(200));
                        }
                        return job * 2;
                    },
                    [&](int& out) { delivered.push_back(out); });
                for (int i = 0; i < 500; ++i) {
                    if (i % 50 == 0) {
                        pool.submit_done(-i);
                    } else {
                        pool.submit(int{i});
                    }
                    ++in_flight;
                    max_seen = std::max<std::size_t>(max_seen, in_flight - delivered.size());
                }
                pool.finish();
            }
            REQUIRE(delivered.size() == 500);
            for (int i = 0; i < 500; ++i) {
                CHECK(delivered[static_cast<std::size_t>(i)] == (i % 50 == 0 ? -i : i * 2));
            }
            // The window bounds what is held: never more than `window` (or `workers`) pending.
            CHECK(max_seen <= std::max<std::size_t>(window, workers));
        }
    }
}

TEST_CASE("the slot ring grows with the items in flight, keeping their order", "[pool]") {
    // The workers wait until everything is submitted, so the producer holds all 700 items
    // at once and the ring must grow to hold them (a window of 4096, as the command line).
    std::atomic<bool> all_in{false};
    std::vector<int> delivered;
    OrderedPool<int, int> pool(
        2, 4096,
        [&](unsigned, int& job) {
            while (!all_in.load()) {
                std::this_thread::sleep_for(std::chrono::microseconds(100));
            }
            return job;
        },
        [&](int& out) { delivered.push_back(out); });
    for (int i = 0; i < 700; ++i) {
        if (i % 3 == 0) {
            pool.submit_done(int{i});
        } else {
            pool.submit(int{i});
        }
    }
    all_in = true;
    pool.finish();
    REQUIRE(delivered.size() == 700);
    for (int i = 0; i < 700; ++i) {
        CHECK(delivered[static_cast<std::size_t>(i)] == i);
    }
}

TEST_CASE("a pool destroyed without finish() stops cleanly", "[pool]") {
    std::vector<std::string> delivered;
    {
        OrderedPool<std::string, std::string> pool(
            3, 4, [](unsigned, std::string& job) { return job + "!"; },
            [&](std::string& out) { delivered.push_back(out); });
        pool.submit("a");
        pool.submit("b");
    }
    CHECK(delivered.size() <= 2);
}

TEST_CASE("a result is printed while later jobs still run", "[pool]") {
    // Job 1 runs until job 0's result has been delivered. A producer that only woke up
    // for a whole batch of results (or for the last one) would hold job 0 back until job 1
    // gave up; the pool's periodic look at the due results must deliver it first.
    std::atomic<bool> first_delivered{false};
    std::vector<std::string> delivered;
    {
        OrderedPool<int, std::string> pool(
            2, 4096,
            [&](unsigned, int& job) -> std::string {
                if (job == 0) {
                    return "first";
                }
                const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
                while (!first_delivered.load()) {
                    if (std::chrono::steady_clock::now() > give_up) {
                        return "second, after waiting in vain";
                    }
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
                return "second";
            },
            [&](std::string& out) {
                delivered.push_back(out);
                if (out == "first") {
                    first_delivered = true;
                }
            });
        pool.submit(0);
        pool.submit(1);
        pool.finish();
    }
    REQUIRE(delivered.size() == 2);
    CHECK(delivered[0] == "first");
    CHECK(delivered[1] == "second");
}
