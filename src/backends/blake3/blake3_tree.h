#pragma once
/* @file blake3_tree.h
 * One BLAKE3 input hashed on several threads with upstream's own code. BLAKE3 is a tree: a
 * whole subtree of 2^k chunks can be hashed anywhere, on any thread, given its position
 * (the number of its first chunk). blake3_hasher_update() hashes the largest whole subtree
 * it can in one go; fhash_blake3_update_split() is the same loop, which hands each subtree
 * of at least `min_split` bytes to a callback that may compute its two halves on two
 * threads (as the Rust crate does with rayon's join).
 *
 * blake3_tree.c defines these with upstream's blake3.c compiled in the same translation
 * unit (so its static helpers are reachable without copying them); that needs the sources
 * (cmake/FindBLAKE3.cmake, BLAKE3_FROM_SOURCES). Against an installed libblake3,
 * blake3_tree_unavailable.cpp defines them without splitting. C linkage, no exceptions. */

#include <stddef.h>
#include <stdint.h>

#include "blake3.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Computes cv_pair: the chaining values of the left and the right half of the subtree of
 * `length` bytes (a power of two, at least two chunks) at `input`, whose first chunk is
 * number `chunk_counter`, through fhash_blake3_subtree_cv(). Returns 0 to abandon the
 * update (the hasher must then be reset before reuse), anything else to go on. */
typedef int (*fhash_blake3_halves_fn)(void* context, const uint8_t* input, size_t length,
                                      uint64_t chunk_counter, uint8_t cv_pair[64]);

/* 1 if fhash_blake3_update_split() splits (this build has the sources), 0 if it is plain
 * blake3_hasher_update(). */
int fhash_blake3_tree_available(void);

/* blake3_hasher_update(self, input, input_len), except that each whole subtree of at least
 * `min_split` bytes goes to halves(). Same digest as blake3_hasher_update(). Returns 0 if
 * halves() abandoned the update, 1 otherwise. */
int fhash_blake3_update_split(blake3_hasher* self, const void* input, size_t input_len,
                              size_t min_split, fhash_blake3_halves_fn halves, void* context);

/* The (non-root) chaining value of the subtree of `length` bytes (a power of two, at least
 * one chunk) at `input`, whose first chunk is number `chunk_counter`, keyed and flagged as
 * `self`. Reads `self` only: several threads may call it at once on the same hasher. */
void fhash_blake3_subtree_cv(const blake3_hasher* self, const uint8_t* input, size_t length,
                             uint64_t chunk_counter, uint8_t cv[32]);

/* The chaining value of the parent node of two sibling subtrees (`children`: the left
 * one's chaining value, then the right one's), keyed and flagged as `self`. */
void fhash_blake3_parent_cv(const blake3_hasher* self, const uint8_t children[64], uint8_t cv[32]);

/* The SIMD kernel blake3_dispatch.c picks on this CPU ("AVX-512", "AVX2", "SSE4.1",
 * "SSE2", "NEON" or "portable"), or NULL if this build cannot tell. */
const char* fhash_blake3_kernel(void);

#ifdef __cplusplus
}
#endif
