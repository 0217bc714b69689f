#pragma once
/// @file openssl_handles.hpp
/// Owning pointers for OpenSSL objects, with zero-size function deleters. The names keep an
/// algorithm (EvpMdPtr) and a context (EvpMdCtxPtr) from being confused.

#include <memory>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace fhash::backends::openssl {

/// Initialises OpenSSL as its first implicit use would (the configuration file is read),
/// except that no exit handler is registered: tearing its tables down at exit took 8% of
/// the instructions of a one-file run, for memory the process gives back as it ends. Call
/// before any other OpenSSL function; later calls do nothing.
inline void init_openssl() noexcept {
    static const bool done =
        OPENSSL_init_crypto(OPENSSL_INIT_LOAD_CONFIG | OPENSSL_INIT_NO_ATEXIT, nullptr) == 1;
    (void)done;
}

template <class T, void (*Free)(T*)>
struct FunctionDeleter {
    void operator()(T* p) const noexcept { Free(p); }
};

using EvpMdPtr = std::unique_ptr<EVP_MD, FunctionDeleter<EVP_MD, EVP_MD_free>>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, FunctionDeleter<EVP_MD_CTX, EVP_MD_CTX_free>>;

}  // namespace fhash::backends::openssl
