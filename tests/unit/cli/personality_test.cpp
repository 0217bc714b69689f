#include "support/catch.hpp"

#include <string>

#include "cli/personality.hpp"

namespace fhash::cli {

TEST_CASE("personalities: the tools' names select them, fhash's does not", "[personality]") {
    CHECK(personality_named("sha256sum")->algorithm == Algorithm::sha256);
    CHECK(personality_named("/usr/lib/fhash/bin/md5sum")->algorithm == Algorithm::md5);
    CHECK(personality_named("b3sum")->front_end == FrontEnd::b3sum);
    CHECK(personality_named("xxh128sum")->algorithm == Algorithm::xxh128);
    CHECK(personality_named("sum")->algorithm == Algorithm::sum_bsd);
    CHECK(personality_named("cksum")->front_end == FrontEnd::cksum);
    CHECK(personality_named("fciv")->front_end == FrontEnd::fciv);
    CHECK_FALSE(personality_named("fhash").has_value());
    CHECK_FALSE(personality_named("sha256").has_value());
    CHECK_FALSE(personality_named("").has_value());
    for (const Personality& p : all_personalities()) {
        CHECK(personality_named(p.name)->name == p.name);
    }
}

}  // namespace fhash::cli
