#include "support/catch.hpp"

#include "cli/personality.hpp"

namespace fhash::cli {

TEST_CASE("personalities: Windows ignores .exe and case", "[personality]") {
    CHECK(personality_named("C:\\tools\\SHA256SUM.EXE")->algorithm == Algorithm::sha256);
    CHECK(personality_named("B3Sum.exe")->front_end == FrontEnd::b3sum);
}

}  // namespace fhash::cli
