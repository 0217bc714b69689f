#include <fstream>
#include <string>

#include "cli/journal.hpp"
#include "support/catch.hpp"
#include "support/temp_dir.hpp"

using fhash::cli::FileStamp;
using fhash::cli::format_journal_line;
using fhash::cli::Journal;
using fhash::cli::parse_journal_line;

TEST_CASE("journal lines round-trip any name and record", "[journal]") {
    const std::string name = "dir/tab\there\\new\nline\r";
    const std::string record = "\\abc  dir/x\\ny\nabc  second line\n";
    const std::string line = format_journal_line(name, FileStamp{42, -7}, record);
    REQUIRE(line.back() == '\n');
    CHECK(line.find('\n') == line.size() - 1);  // one line, whatever the name holds
    std::string got_name;
    std::string got_record;
    FileStamp stamp;
    REQUIRE(parse_journal_line(std::string_view(line).substr(0, line.size() - 1), got_name, stamp,
                               got_record));
    CHECK(got_name == name);
    CHECK(got_record == record);
    CHECK(stamp == FileStamp{42, -7});
    // Any damaged byte fails the check; a line cut short too.
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        std::string damaged = line.substr(0, line.size() - 1);
        damaged[i] = damaged[i] == 'x' ? 'y' : 'x';
        CAPTURE(i);
        CHECK_FALSE(parse_journal_line(damaged, got_name, stamp, got_record));
    }
    CHECK_FALSE(parse_journal_line(line.substr(0, line.size() / 2), got_name, stamp, got_record));
}

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
