// blake3_tree.h against an installed libblake3, whose internals are out of reach: updates
// are never split (the provider then reports no parallel updates).

#include "backends/blake3/blake3_tree.h"

extern "C" {

int fhash_blake3_tree_available(void) {
    return 0;
}

int fhash_blake3_update_split(blake3_hasher* self, const void* input, size_t input_len,
                              size_t /*min_split*/, fhash_blake3_halves_fn /*halves*/,
                              void* /*context*/) {
    blake3_hasher_update(self, input, input_len);
    return 1;
}

void fhash_blake3_subtree_cv(const blake3_hasher* /*self*/, const uint8_t* /*input*/,
                             size_t /*length*/, uint64_t /*chunk_counter*/, uint8_t cv[32]) {
    for (std::size_t i = 0; i < 32; ++i) {
        cv[i] = 0;
    }
}

void fhash_blake3_parent_cv(const blake3_hasher* /*self*/, const uint8_t* /*children*/,
                            uint8_t cv[32]) {
    for (std::size_t i = 0; i < 32; ++i) {
        cv[i] = 0;
    }
}

const char* fhash_blake3_kernel(void) {
    return nullptr;
}

}  // extern "C"
