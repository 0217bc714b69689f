#include "support/catch.hpp"

#include <chrono>
#include <string>
#include <thread>

#include "io/prefetch.hpp"
#include "support/eventually.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;

using fhash::test::eventually;

TEST_CASE("Prefetcher (asked for) looks at every file not yet taken, within its lookahead",
          "[io][prefetch]") {
    test::TempDir dir;
    io::Prefetcher prefetcher(3, false, 2);
    CHECK(prefetcher.threads() == 3);
    for (int i = 0; i < 10; ++i) {
        prefetcher.push(dir.write("f" + std::to_string(i), std::string(100, 'x')));
    }
    // Files 0 and 1 only: 2 is beyond the lookahead while no worker has taken anything.
    REQUIRE(eventually([&] { return prefetcher.looked_at() == 2; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(prefetcher.looked_at() == 2);
    // A worker took file 7: files 2 to 7 are skipped, 8 and 9 looked at.
    prefetcher.taken(7);
    REQUIRE(eventually([&] { return prefetcher.looked_at() == 4; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(prefetcher.looked_at() == 4);
}

TEST_CASE("Prefetcher (adaptive) only samples while the files are cached", "[io][prefetch]") {
    test::TempDir dir;
    io::Prefetcher prefetcher(2, true, 1000);
    for (int i = 0; i < 200; ++i) {  // just written: in the page cache
        prefetcher.push(dir.write("f" + std::to_string(i), std::string(10, 'y')));
    }
    // Files 0, 64, 128 and 192.
    REQUIRE(eventually([&] { return prefetcher.looked_at() == 4; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(prefetcher.looked_at() == 4);
    CHECK(prefetcher.started() == 0);
    CHECK(prefetcher.threads() == 1);  // the second starts only once a file proves cold
}

TEST_CASE("PrefetchPolicy: two samples in a row not cached start the work, 64 cached stop it",
          "[io][prefetch]") {
    using io::Prefetched;
    io::PrefetchPolicy policy(false);
    // One evicted file among cached ones: still sampling.
    CHECK_FALSE(policy.record(Prefetched::started));
    CHECK_FALSE(policy.record(Prefetched::cached));
    CHECK_FALSE(policy.record(Prefetched::started));
    CHECK_FALSE(policy.active());
    // A failed look (a file gone) neither counts nor breaks the run of misses.
    CHECK_FALSE(policy.record(Prefetched::failed));
    CHECK(policy.record(Prefetched::started));  // the second miss in a row
    CHECK(policy.active());
    CHECK_FALSE(policy.record(Prefetched::started));  // already working: not "turned" again
    for (unsigned i = 1; i < io::PrefetchPolicy::k_warm_streak; ++i) {
        CHECK_FALSE(policy.record(Prefetched::cached));
    }
    CHECK(policy.active());
    policy.record(Prefetched::started);  // a miss restarts the count
    for (unsigned i = 0; i < io::PrefetchPolicy::k_warm_streak; ++i) {
        REQUIRE(policy.active());
        policy.record(Prefetched::cached);
    }
    CHECK_FALSE(policy.active());
    CHECK_FALSE(policy.record(Prefetched::started));  // sampling again: one miss is not enough
}

TEST_CASE("Prefetcher: missing files and folders are passed over", "[io][prefetch]") {
    test::TempDir dir;
    {
        io::Prefetcher prefetcher(2, false, 100);
        prefetcher.push(dir.path() / "missing");
        prefetcher.push(dir.path());
        REQUIRE(eventually([&] { return prefetcher.looked_at() == 2; }));
        CHECK(prefetcher.started() == 0);
    }  // stops and joins with nothing left to do
    CHECK(io::prefetch_file(dir.path() / "missing", 1 << 20) == io::Prefetched::failed);
    CHECK(io::prefetch_file(dir.path(), 1 << 20) == io::Prefetched::failed);
    CHECK(io::prefetch_file(dir.write("empty", ""), 1 << 20) == io::Prefetched::cached);
}

TEST_CASE("device_kind never fails", "[io][prefetch]") {
    test::TempDir dir;
    CHECK(io::device_kind(dir.path() / "missing") == DeviceKind::unknown);
    const DeviceKind kind = io::device_kind(dir.path());
    CHECK((kind == DeviceKind::unknown || kind == DeviceKind::solid_state ||
           kind == DeviceKind::rotational));
}
