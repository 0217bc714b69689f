#include <fstream>
#include <string>

#include "cli/journal.hpp"
#include "support/catch.hpp"
#include "support/temp_dir.hpp"

using fhash::cli::FileStamp;
using fhash::cli::Journal;

TEST_CASE("a journal keeps its entries across openings and refuses another run's", "[journal]") {
    fhash::test::TempDir dir;
    const auto path = dir.path() / "out.fhash-journal";
    {
        auto journal = Journal::open(path, "run-a");
        REQUIRE(journal);
        (*journal)->add("x", FileStamp{1, 2}, "hex  x\n");
        (*journal)->add("y", FileStamp{3, 4}, "hex  y\n");
        REQUIRE((*journal)->flush());
    }
    {
        std::ofstream torn(path, std::ios::binary | std::ios::app);
        torn << "5\t6\tz\thex  z\\n\t00";  // a line cut short by a crash
    }
    {
        auto again = Journal::open(path, "run-a");
        REQUIRE(again);
        CHECK((*again)->loaded() == 2);
        CHECK((*again)->take("x", FileStamp{1, 2}) == "hex  x\n");
        CHECK_FALSE((*again)->take("x", FileStamp{1, 2}));   // handed out once
        CHECK_FALSE((*again)->take("y", FileStamp{3, 99}));  // changed since: hash it again
        CHECK_FALSE((*again)->take("z", FileStamp{5, 6}));
    }
    auto other = Journal::open(path, "run-b");
    REQUIRE_FALSE(other);
    CHECK(other.error().detail.find("other arguments") != std::string::npos);
}
