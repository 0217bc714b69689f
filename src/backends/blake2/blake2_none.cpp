// Built without libb2: BLAKE2b at other lengths only where the classic backend has them.

#include "backends/provider.hpp"

namespace fhash::backends {

const Provider* blake2_length_provider() noexcept {
    return nullptr;
}

}  // namespace fhash::backends
