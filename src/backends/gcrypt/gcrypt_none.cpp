// Built without libgcrypt: the classic backend serves every classic algorithm it has, and
// nothing fills the gaps.

#include "backends/provider.hpp"

namespace fhash::backends {

const Provider* classic_gap_provider() noexcept {
    return nullptr;
}

}  // namespace fhash::backends
