#include "support/catch.hpp"

#include "cli/personality.hpp"

namespace fhash::cli {

TEST_CASE("personalities: POSIX names are exact", "[personality]") {
    CHECK_FALSE(personality_named("SHA256SUM").has_value());
    CHECK_FALSE(personality_named("sha256sum.exe").has_value());
}

}  // namespace fhash::cli
