#pragma once
/// @file cng_handles.hpp
/// Move-only owners of Windows CNG handles. Copying is deleted, moves are noexcept and leave
/// the source empty, and destruction never throws (std::unique_ptr semantics). The deleters
/// are empty structs, so each owner is exactly one pointer wide.

#include <windows.h>

#include <bcrypt.h>

#include <memory>
#include <type_traits>

namespace fhash::backends::cng {

/// Closes an algorithm provider opened by BCryptOpenAlgorithmProvider.
struct AlgorithmProviderCloser {
    void operator()(BCRYPT_ALG_HANDLE handle) const noexcept {
        BCryptCloseAlgorithmProvider(handle, 0);
    }
};

/// Destroys a hash object made by BCryptCreateHash. The object's memory, when the caller
/// supplied it, must outlive the handle.
struct HashDestroyer {
    void operator()(BCRYPT_HASH_HANDLE handle) const noexcept { BCryptDestroyHash(handle); }
};

// Both handle types are plain void pointers; the deleter is what keeps the two owners
// distinct types, so a hash handle cannot be handed to a function expecting a provider.
static_assert(std::is_same_v<BCRYPT_ALG_HANDLE, void*>);
static_assert(std::is_same_v<BCRYPT_HASH_HANDLE, void*>);

/// Owns a BCRYPT_ALG_HANDLE.
using AlgorithmHandle = std::unique_ptr<void, AlgorithmProviderCloser>;
/// Owns a BCRYPT_HASH_HANDLE.
using HashHandle = std::unique_ptr<void, HashDestroyer>;

static_assert(sizeof(AlgorithmHandle) == sizeof(void*));
static_assert(sizeof(HashHandle) == sizeof(void*));
static_assert(!std::is_copy_constructible_v<AlgorithmHandle>);
static_assert(std::is_nothrow_move_constructible_v<HashHandle>);

}  // namespace fhash::backends::cng
