#pragma once
/// @file openssl_handles.hpp
/// Owning pointers for OpenSSL objects, with zero-size function deleters. The names keep an
/// algorithm (EvpMdPtr) and a context (EvpMdCtxPtr) from being confused.

#include <memory>

#include <openssl/evp.h>

namespace fhash::backends::openssl {

template <class T, void (*Free)(T*)>
struct FunctionDeleter {
    void operator()(T* p) const noexcept { Free(p); }
};

using EvpMdPtr = std::unique_ptr<EVP_MD, FunctionDeleter<EVP_MD, EVP_MD_free>>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, FunctionDeleter<EVP_MD_CTX, EVP_MD_CTX_free>>;

}  // namespace fhash::backends::openssl
