// Placeholder: this family has no provider yet.

#include "backends/provider.hpp"

namespace fhash::backends {
namespace {

std::string none_name() {
    return "none";
}

bool none_supports(Algorithm, std::size_t) noexcept {
    return false;
}

Result<std::unique_ptr<Hasher>> none_make(Algorithm a, std::size_t size) {
    return unsupported(a, size, "this build");
}

}  // namespace

const Provider& blake3_provider() noexcept {
    static const Provider provider{&none_name, &none_supports, &none_make};
    return provider;
}

}  // namespace fhash::backends
