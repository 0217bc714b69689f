/// @file fciv_xml_reader_unavailable.cpp
/// Builds without an XML parser: FCIV-XML can be written but not read.

#include "fhash/manifest.hpp"

namespace fhash {

Result<std::vector<ManifestEntry>> parse_fciv_xml(std::string_view /*document*/) {
    return make_error(Errc::malformed, {}, "FCIV-XML reading is not available in this build");
}

}  // namespace fhash
