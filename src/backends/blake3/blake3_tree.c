/* Upstream's blake3.c, compiled here as part of this translation unit (a unity build, see
 * blake3_tree.h), and the few functions that give fhash's threads its static helpers.
 *
 * The library (cmake/FindBLAKE3.cmake) already defines blake3.c's public functions; the
 * copies compiled here are renamed so that the two never clash. Everything else blake3.c
 * needs (blake3_hash_many, blake3_compress_in_place, blake3_simd_degree: the kernels and
 * their dispatch) comes from the library, built from the same sources with the same
 * definitions. */

#define blake3_version fhash_blake3_tree_version
#define blake3_hasher_init fhash_blake3_tree_hasher_init
#define blake3_hasher_init_keyed fhash_blake3_tree_hasher_init_keyed
#define blake3_hasher_init_derive_key fhash_blake3_tree_hasher_init_derive_key
#define blake3_hasher_init_derive_key_raw fhash_blake3_tree_hasher_init_derive_key_raw
#define blake3_hasher_update fhash_blake3_tree_hasher_update
#define blake3_hasher_finalize fhash_blake3_tree_hasher_finalize
#define blake3_hasher_finalize_seek fhash_blake3_tree_hasher_finalize_seek
#define blake3_hasher_reset fhash_blake3_tree_hasher_reset

#include "blake3.c"

#include "backends/blake3/blake3_tree.h"

#if defined(IS_X86) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>

/* Asked here with CPUID, only when the name is wanted: __builtin_cpu_supports would link
 * libgcc's CPU-model constructor, which runs CPUID at every start (a trap to the
 * hypervisor on a virtual machine) for a name almost no run prints. */
static int fhash_has_sse41(void) {
  unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
  return __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & bit_SSE4_1) != 0;
}
#endif

int fhash_blake3_tree_available(void) {
  return 1;
}

/* blake3_dispatch.c keeps its CPU features to itself; its degree tells the kernel apart
 * but for SSE2 and SSE4.1, which both hash 4 chunks at once. */
const char *fhash_blake3_kernel(void) {
  switch (blake3_simd_degree()) {
  case 16:
    return "AVX-512";
  case 8:
    return "AVX2";
  case 4:
#if BLAKE3_USE_NEON == 1
    return "NEON";
#elif defined(IS_X86) && (defined(__GNUC__) || defined(__clang__))
    return fhash_has_sse41() ? "SSE4.1" : "SSE2";
#else
    return "SSE";
#endif
  case 1:
    return "portable";
  default:
    return NULL;
  }
}

void fhash_blake3_subtree_cv(const blake3_hasher *self, const uint8_t *input, size_t length,
                             uint64_t chunk_counter, uint8_t cv[32]) {
  if (length <= BLAKE3_CHUNK_LEN) {
    blake3_chunk_state chunk_state;
    chunk_state_init(&chunk_state, self->key, self->chunk.flags);
    chunk_state.chunk_counter = chunk_counter;
    chunk_state_update(&chunk_state, input, length);
    output_t output = chunk_state_output(&chunk_state);
    output_chaining_value(&output, cv);
    return;
  }
  uint8_t cv_pair[2 * BLAKE3_OUT_LEN];
  compress_subtree_to_parent_node(input, length, self->key, chunk_counter, self->chunk.flags,
                                  cv_pair);
  output_t output = parent_output(cv_pair, self->key, self->chunk.flags);
  output_chaining_value(&output, cv);
}

void fhash_blake3_parent_cv(const blake3_hasher *self, const uint8_t children[64],
                            uint8_t cv[32]) {
  output_t output = parent_output(children, self->key, self->chunk.flags);
  output_chaining_value(&output, cv);
}

/* blake3_hasher_update()'s loop (upstream 1.3.1), line for line, but for the one branch
 * marked below. */
int fhash_blake3_update_split(blake3_hasher *self, const void *input, size_t input_len,
                              size_t min_split, fhash_blake3_halves_fn halves, void *context) {
  if (input_len == 0) {
    return 1;
  }
  const uint8_t *input_bytes = (const uint8_t *)input;

  /* Finish the partial chunk first. */
  if (chunk_state_len(&self->chunk) > 0) {
    size_t take = BLAKE3_CHUNK_LEN - chunk_state_len(&self->chunk);
    if (take > input_len) {
      take = input_len;
    }
    chunk_state_update(&self->chunk, input_bytes, take);
    input_bytes += take;
    input_len -= take;
    if (input_len == 0) {
      return 1;
    }
    output_t output = chunk_state_output(&self->chunk);
    uint8_t chunk_cv[BLAKE3_OUT_LEN];
    output_chaining_value(&output, chunk_cv);
    hasher_push_cv(self, chunk_cv, self->chunk.chunk_counter);
    chunk_state_reset(&self->chunk, self->key, self->chunk.chunk_counter + 1);
  }

  /* The largest whole subtrees, as upstream. */
  while (input_len > BLAKE3_CHUNK_LEN) {
    size_t subtree_len = round_down_to_power_of_2(input_len);
    uint64_t count_so_far = self->chunk.chunk_counter * BLAKE3_CHUNK_LEN;
    while ((((uint64_t)(subtree_len - 1)) & count_so_far) != 0) {
      subtree_len /= 2;
    }
    uint64_t subtree_chunks = subtree_len / BLAKE3_CHUNK_LEN;
    if (subtree_len <= BLAKE3_CHUNK_LEN) {
      uint8_t cv[BLAKE3_OUT_LEN];
      fhash_blake3_subtree_cv(self, input_bytes, subtree_len, self->chunk.chunk_counter, cv);
      hasher_push_cv(self, cv, self->chunk.chunk_counter);
    } else {
      uint8_t cv_pair[2 * BLAKE3_OUT_LEN];
      if (subtree_len >= min_split) {
        /* The one change: the two halves may be hashed on two threads. */
        if (!halves(context, input_bytes, subtree_len, self->chunk.chunk_counter, cv_pair)) {
          return 0;
        }
      } else {
        compress_subtree_to_parent_node(input_bytes, subtree_len, self->key,
                                        self->chunk.chunk_counter, self->chunk.flags, cv_pair);
      }
      hasher_push_cv(self, cv_pair, self->chunk.chunk_counter);
      hasher_push_cv(self, &cv_pair[BLAKE3_OUT_LEN],
                     self->chunk.chunk_counter + (subtree_chunks / 2));
    }
    self->chunk.chunk_counter += subtree_chunks;
    input_bytes += subtree_len;
    input_len -= subtree_len;
  }

  if (input_len > 0) {
    chunk_state_update(&self->chunk, input_bytes, input_len);
    hasher_merge_cv_stack(self, self->chunk.chunk_counter);
  }
  return 1;
}
