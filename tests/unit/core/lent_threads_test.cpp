#include "support/catch.hpp"

#include <atomic>
#include <cstddef>
#include <vector>

#include "core/lent_threads.hpp"

using namespace fhash;

namespace {

struct Counts {
    std::vector<std::atomic<int>> runs;
    explicit Counts(std::size_t n) : runs(n) {}
};

void count_task(void* context, std::size_t index) {
    static_cast<Counts*>(context)->runs[index].fetch_add(1);
}

}  // namespace

TEST_CASE("lent threads run every task once per run, run after run", "[engine][threads]") {
    for (const unsigned count : {0u, 1u, 2u, 4u}) {
        detail::LentThreads threads(count);
        CHECK(threads.count() == (count == 0 ? 1 : count));
        for (const std::size_t tasks : {0u, 1u, 2u, 3u, 5u, 64u}) {
            Counts counts(tasks);
            for (int round = 0; round < 50; ++round) {
                REQUIRE(threads.run(tasks, &count_task, &counts));
            }
            for (std::size_t i = 0; i < tasks; ++i) {
                INFO("count " << count << ", tasks " << tasks << ", task " << i);
                CHECK(counts.runs[i].load() == 50);
            }
        }
    }
}
