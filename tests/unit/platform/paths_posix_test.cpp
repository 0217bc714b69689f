#include "support/catch.hpp"

#include "platform/paths.hpp"

using namespace fhash;

TEST_CASE("POSIX paths are bytes: invalid UTF-8 passes through unchanged", "[platform][paths]") {
    const std::string name = "dir/\xff\xfe-not-utf8\\name";
    const std::filesystem::path p = platform::path_from_utf8(name);
    CHECK(p.native() == name);
    CHECK(platform::path_to_utf8(p) == name);
    CHECK(platform::generic_display(p) == name);
}
