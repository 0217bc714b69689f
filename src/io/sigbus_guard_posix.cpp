/// @file sigbus_guard_posix.cpp
/// SIGBUS guard: a process-wide handler installed once, a per-thread jump target.
///
/// Why siglongjmp rather than mapping zero pages over the faulting ones and returning: a
/// zero page would turn later reads of the same pages (by this or another thread) into
/// silently wrong data, while an abandoned read leaves the missing pages faulting for
/// everyone, so every reader finds out. The cost is that the interrupted code cannot run
/// its destructors, which call_with_sigbus_guard's contract rules out.

#include "io/sigbus_guard.hpp"

#include <unistd.h>
#include <csetjmp>
#include <csignal>
#include <mutex>

namespace fhash::io {
namespace {

/// One armed guard; lives in call_with_sigbus_guard's frame.
struct Armed {
    sigjmp_buf jump;
    std::uintptr_t begin;
    std::uintptr_t end;
    Armed* outer;
};

/// This thread's innermost armed guard. A plain pointer: constant-initialised, so the
/// signal handler can read it without any lazy thread_local initialisation.
thread_local Armed* t_armed = nullptr;

/// The handler that was installed before ours (written once, before ours goes live).
struct sigaction g_previous {};

void chain_to_previous(int signal, siginfo_t* info, void* ucontext) {
    if ((g_previous.sa_flags & SA_SIGINFO) != 0 && g_previous.sa_sigaction != nullptr) {
        g_previous.sa_sigaction(signal, info, ucontext);
        return;
    }
    if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN &&
        g_previous.sa_handler != nullptr) {
        g_previous.sa_handler(signal);
        return;
    }
    // Default action (ignoring a fault would spin forever): restore it and let the signal
    // take effect when this handler returns (a fault re-executes and faults again).
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    ::sigaction(signal, &default_action, nullptr);
    if (info == nullptr || info->si_code <= 0) {
        ::raise(signal);  // sent by kill(): there is no faulting instruction to re-execute
    }
}

void on_sigbus(int signal, siginfo_t* info, void* ucontext) {
    Armed* armed = t_armed;
    if (armed != nullptr && info != nullptr && info->si_code > 0) {
        const auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
        if (address >= armed->begin && address < armed->end) {
            siglongjmp(armed->jump, 1);
        }
    }
    chain_to_previous(signal, info, ucontext);
}

void install_handler_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action {};
        action.sa_sigaction = &on_sigbus;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGBUS, &action, &g_previous);
    });
}

/// [begin, end) widened to whole pages: the kernel reports the faulting address, which
/// lies in the guarded range, but widening costs nothing and tolerates reads that touch
/// the range's pages a little outside it.
void page_bounds(std::span<const std::uint8_t> range, std::uintptr_t& begin, std::uintptr_t& end) {
    static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto first = reinterpret_cast<std::uintptr_t>(range.data());
    begin = first - first % page;
    const std::uintptr_t last = first + range.size();
    end = last % page == 0 ? last : last + (page - last % page);
}

}  // namespace

bool call_with_sigbus_guard(std::span<const std::uint8_t> range, void (*body)(void*),
                            void* context) {
    install_handler_once();
    Armed armed;
    page_bounds(range, armed.begin, armed.end);
    armed.outer = t_armed;
    /// Disarms on every way out of this frame: return, exception from body, or the jump
    /// back into it.
    struct Disarm {
        Armed* outer;
        ~Disarm() { t_armed = outer; }
    } disarm{armed.outer};
    // savemask = 1: the handler runs with SIGBUS blocked; jumping out must unblock it again.
    if (sigsetjmp(armed.jump, 1) != 0) {
        return false;
    }
    t_armed = &armed;
    body(context);
    return true;
}

}  // namespace fhash::io
