// The manifest reader on standard input: fd 0 is pointed at a file for the test.

#include "support/catch.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/manifest_reader.hpp"
#include "support/temp_dir.hpp"

using fhash::ManifestEntry;
using fhash::Result;
using fhash::cli::for_each_entry;
using fhash::cli::ManifestHandlers;
using fhash::cli::ManifestReader;

namespace {

constexpr const char* k_md5_abc = "900150983cd24fb0d6963f7d28e17f72";

/// Standard input reads `path` while this lives; the old one is put back after.
class StdinFrom {
public:
    explicit StdinFrom(const std::string& path) : m_saved(::dup(STDIN_FILENO)) {
        const int fd = ::open(path.c_str(), O_RDONLY);
        REQUIRE(fd >= 0);
        REQUIRE(::dup2(fd, STDIN_FILENO) == STDIN_FILENO);
        ::close(fd);
    }
    ~StdinFrom() {
        if (m_saved >= 0) {
            ::dup2(m_saved, STDIN_FILENO);
            ::close(m_saved);
        } else {
            ::close(STDIN_FILENO);
        }
    }
    StdinFrom(const StdinFrom&) = delete;
    StdinFrom& operator=(const StdinFrom&) = delete;

private:
    int m_saved;
};

}  // namespace

TEST_CASE("manifest reader: a dash reads standard input, labelled so", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const StdinFrom redirect(
        dir.write("m", std::string(k_md5_abc) + "  a\n" + k_md5_abc + "  /abs\n").string());
    Result<std::unique_ptr<ManifestReader>> opened = ManifestReader::open("-", std::nullopt);
    REQUIRE(opened);
    ManifestReader& reader = **opened;
    CHECK(reader.is_stdin());
    CHECK(reader.label() == "standard input");

    std::vector<std::string> names;
    const ManifestHandlers handlers{
        [&names](ManifestEntry&& entry) { names.push_back(entry.name); }, [](std::size_t) {}};
    const std::optional<std::string> stopped = for_each_entry(reader, true, handlers);
    REQUIRE(stopped);
    CHECK(*stopped ==
          "'standard input': 2: /abs refused by --confine: absolute, or outside the base folder");
    CHECK(names == std::vector<std::string>{"a"});
}
