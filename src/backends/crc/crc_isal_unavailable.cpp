// A build without ISA-L (the MinGW cross build, or a system without libisal-dev): the
// portable kernels serve every CRC.

#include "backends/crc/crc_kernels.hpp"

namespace fhash::backends::crc {

const CrcKernels* isal_kernels() noexcept {
    return nullptr;
}

const char* isal_name() noexcept {
    return "";
}

}  // namespace fhash::backends::crc
