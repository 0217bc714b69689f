#include "support/catch.hpp"

#include <filesystem>
#include <string>

#include "io/file.hpp"
#include "io/mapped_region.hpp"
#include "io/sources.hpp"
#include "support/drain.hpp"
#include "support/read_options.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;
using test::drain;
using test::window_options;

// POSIX only: Windows refuses to shrink a file while a view of it is mapped.

TEST_CASE("MappedSource reports a file that shrank or grew while read", "[io][mmap]") {
    test::TempDir dir;
    const std::size_t page = io::MappedRegion::allocation_granularity();
    const std::string content(4 * page, 'q');

    SECTION("shrunk before the next window is mapped") {
        const auto path = dir.write("shrink", content);
        Result<io::File> file = io::File::open_read(path);
        REQUIRE(file);
        io::MappedSource source(*file, window_options(page, page));
        REQUIRE(source.next());  // the first window, fully handed out
        std::filesystem::resize_file(path, page);
        Result<std::string> rest = drain(source);
        REQUIRE_FALSE(rest);
        CHECK(rest.error().code == make_error_code(Errc::changed_while_reading));
    }
    SECTION("grown before the end") {
        const auto path = dir.write("grow", content);
        Result<io::File> file = io::File::open_read(path);
        REQUIRE(file);
        io::MappedSource source(*file, window_options(page, page));
        std::filesystem::resize_file(path, 5 * page);
        Result<std::string> rest = drain(source);
        REQUIRE_FALSE(rest);
        CHECK(rest.error().code == make_error_code(Errc::changed_while_reading));
    }
}
