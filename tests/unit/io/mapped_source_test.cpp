#include "support/catch.hpp"

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

TEST_CASE("MappedFile refuses zero bytes and unaligned offsets", "[io][mmap]") {
    test::TempDir dir;
    Result<io::File> file = io::File::open_read(dir.write("f", std::string(10, 'x')));
    REQUIRE(file);
    Result<io::MappedRegion> zero = io::MappedRegion::map(*file, 0, 0);
    REQUIRE_FALSE(zero);
    CHECK(zero.error().code == std::errc::invalid_argument);
    Result<io::MappedRegion> unaligned = io::MappedRegion::map(*file, 1, 5);
    REQUIRE_FALSE(unaligned);
    Result<io::MappedRegion> ok = io::MappedRegion::map(*file, 0, 10);
    REQUIRE(ok);
    CHECK(ok->bytes().size() == 10);
    CHECK(ok->bytes()[9] == 'x');
    io::MappedRegion moved = std::move(*ok);
    CHECK(ok->bytes().empty());
    CHECK(moved.bytes().size() == 10);
}

TEST_CASE("MappedSource yields every byte in bounded pieces across windows", "[io][mmap]") {
    test::TempDir dir;
    const std::size_t page = io::MappedRegion::allocation_granularity();
    for (const std::size_t size : {std::size_t{1}, page - 1, page, page + 1, 3 * page + 17}) {
        INFO("size " << size);
        std::string content(size, '\0');
        for (std::size_t i = 0; i < size; ++i) {
            content[i] = static_cast<char>('a' + i % 26);
        }
        Result<io::File> file =
            io::File::open_read(dir.write(test::numbered_name("f", size), content));
        REQUIRE(file);
        io::MappedSource source(*file, window_options(page, 1000));
        Result<std::string> seen = drain(source, 1000);
        REQUIRE(seen);
        CHECK(*seen == content);
        CHECK(source.bytes_produced() == size);
    }
}
