#pragma once
/// @file gcrypt_init.hpp
/// libgcrypt's one-time initialisation, shared by the digest provider and the signature
/// checks of the Windows build.

namespace fhash::backends {

/// The library's version once initialised (on first call, thread-safe), or nullptr when
/// gcry_check_version refused (the library is older than the header fhash was compiled
/// with). No secure memory: digests and public keys hold no secrets.
const char* initialised_version() noexcept;

}  // namespace fhash::backends
