#include "support/catch.hpp"

#include "fhash/io_plan.hpp"

using namespace fhash;

TEST_CASE("plan_io: reads in flight by device, -j and --io-threads", "[core][io_plan]") {
    SECTION("a device without seek penalty: 8 reads per core, adaptive prefetchers") {
        const IoPlan plan = plan_io(0, 0, 2, DeviceKind::solid_state);
        CHECK(plan.workers == 2);
        CHECK(plan.prefetchers == 14);
        CHECK(plan.adaptive);
        // Unknown devices (network, overlay, tmpfs) are read the same way.
        const IoPlan unknown = plan_io(0, 0, 4, DeviceKind::unknown);
        CHECK(unknown.workers == 4);
        CHECK(unknown.prefetchers == 28);
    }
    SECTION("-j sets the workers; prefetchers fill up to 8 reads per core") {
        CHECK(plan_io(1, 0, 2, DeviceKind::solid_state).workers == 1);
        CHECK(plan_io(1, 0, 2, DeviceKind::solid_state).prefetchers == 15);
        const IoPlan many = plan_io(32, 0, 2, DeviceKind::solid_state);
        CHECK(many.workers == 32);
        CHECK(many.prefetchers == 0);
    }
    SECTION("a rotational disk: one reader in order, unless -j says otherwise") {
        const IoPlan plan = plan_io(0, 0, 8, DeviceKind::rotational);
        CHECK(plan.workers == 1);
        CHECK(plan.prefetchers == 0);
        CHECK(plan_io(3, 0, 8, DeviceKind::rotational).workers == 3);
        CHECK(plan_io(3, 0, 8, DeviceKind::rotational).prefetchers == 0);
    }
    SECTION("--io-threads N: N files read at once, whatever the device") {
        for (const DeviceKind device :
             {DeviceKind::unknown, DeviceKind::solid_state, DeviceKind::rotational}) {
            const IoPlan plan = plan_io(0, 16, 2, device);
            CHECK(plan.workers == 2);
            CHECK(plan.prefetchers == 14);
            CHECK_FALSE(plan.adaptive);  // asked for: they always work
            const IoPlan one = plan_io(0, 1, 2, device);
            CHECK(one.workers == 1);
            CHECK(one.prefetchers == 0);
        }
        CHECK(plan_io(4, 2, 8, DeviceKind::solid_state).workers == 2);  // fewer than -j
        CHECK(plan_io(4, 4, 8, DeviceKind::solid_state).prefetchers == 0);
    }
    SECTION("no cores reported counts as one") {
        CHECK(plan_io(0, 0, 0, DeviceKind::solid_state).workers == 1);
        CHECK(plan_io(0, 0, 0, DeviceKind::solid_state).prefetchers == 7);
    }
}
