#include "support/catch.hpp"

#include "platform/paths.hpp"

using namespace fhash;

TEST_CASE("UTF-8 round trip and forward-slash display", "[platform][paths]") {
    const std::string name = "dir/caf\xc3\xa9 \xe6\x97\xa5.txt";
    const std::filesystem::path p = platform::path_from_utf8(name);
    CHECK(platform::path_to_utf8(p) == name);
    CHECK(platform::generic_display(p) == name);
    CHECK(platform::generic_display(std::filesystem::path("a") / "b" / "c") == "a/b/c");
}
