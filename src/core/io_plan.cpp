#include "fhash/io_plan.hpp"

namespace fhash {

IoPlan plan_io(unsigned jobs, unsigned io_threads, unsigned cores, DeviceKind device) noexcept {
    if (cores == 0) {
        cores = 1;
    }
    IoPlan plan;
    plan.workers = jobs != 0 ? jobs : cores;
    if (io_threads != 0) {
        plan.adaptive = false;
        if (io_threads <= plan.workers) {
            plan.workers = io_threads;
            plan.prefetchers = 0;
        } else {
            plan.prefetchers = io_threads - plan.workers;
        }
        return plan;
    }
    if (device == DeviceKind::rotational) {
        if (jobs == 0) {
            plan.workers = 1;
        }
        plan.prefetchers = 0;
        return plan;
    }
    const unsigned reads = k_reads_per_core * cores;
    plan.prefetchers = reads > plan.workers ? reads - plan.workers : 0;
    return plan;
}

}  // namespace fhash
