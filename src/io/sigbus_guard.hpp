#pragma once
/// @file sigbus_guard.hpp
/// Survives a file shrinking under a memory map. Reading a mapped page that lies past the
/// file's new end raises SIGBUS on POSIX (EXCEPTION_IN_PAGE_ERROR on Windows), which kills
/// the process by default. Code that reads a mapping runs its reads through
/// call_with_sigbus_guard(): a fault inside the guarded range then abandons the reads and
/// is reported as a value instead.
///
/// Thread safety: the guard state is per thread, and the process-wide handler (installed
/// once, on first use, chaining to whatever handler was there before for faults that are
/// not ours) only ever looks at the faulting thread's state. Every thread that touches a
/// mapping arms its own guard.

#include <cstdint>
#include <span>

namespace fhash::io {

/// Calls body(context) with this thread's guard armed for `range` (the bytes of a mapping
/// that body reads). Returns true if body ran to completion; false if a read inside `range`
/// faulted. In that case body was abandoned mid-way (siglongjmp): no destructor of body's
/// frames ran, so body must not own resources across its reads (plain calls into hashers
/// are fine), and whatever it was updating (a hasher mid-update: an EVP context) is in an
/// unspecified state and must be reset before reuse. Faults outside `range`, and faults on
/// threads without an armed guard, go to the previous handler (by default: the process
/// dies of SIGBUS as it would without the guard). Guards may nest; the innermost wins.
bool call_with_sigbus_guard(std::span<const std::uint8_t> range, void (*body)(void*),
                            void* context);

/// Convenience form for a callable: returns false if a read in `range` faulted.
template <class Body>
bool run_sigbus_guarded(std::span<const std::uint8_t> range, Body& body) {
    return call_with_sigbus_guard(
        range, [](void* context) { (*static_cast<Body*>(context))(); }, &body);
}

}  // namespace fhash::io
