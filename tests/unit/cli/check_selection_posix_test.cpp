// The wording of --only's "not listed" diagnostics: standard error is pointed at a file
// for the test and read back.

#include "support/catch.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cli/check_selection.hpp"
#include "cli/console.hpp"
#include "fhash/verify.hpp"
#include "support/temp_dir.hpp"

using fhash::cli::CheckSelection;
using fhash::cli::Console;

namespace {

/// Collects what is written to standard error (fd 2) while it lives.
class StderrCapture {
public:
    explicit StderrCapture(std::filesystem::path file)
        : m_file(std::move(file)), m_saved(::dup(STDERR_FILENO)) {
        std::fflush(stderr);
        const int fd = ::open(m_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        REQUIRE(fd >= 0);
        REQUIRE(::dup2(fd, STDERR_FILENO) == STDERR_FILENO);
        ::close(fd);
    }
    ~StderrCapture() { restore(); }
    StderrCapture(const StderrCapture&) = delete;
    StderrCapture& operator=(const StderrCapture&) = delete;

    /// Puts standard error back and returns what was written to it.
    std::string text() {
        restore();
        std::ifstream in(m_file, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

private:
    void restore() {
        if (m_saved >= 0) {
            std::fflush(stderr);
            ::dup2(m_saved, STDERR_FILENO);
            ::close(m_saved);
            m_saved = -1;
        }
    }
    std::filesystem::path m_file;
    int m_saved;
};

std::string unlisted_report(const std::vector<std::string>& only,
                            const std::vector<std::string>& manifests,
                            const std::filesystem::path& capture_file) {
    const CheckSelection selection(only);
    Console console;
    StderrCapture capture(capture_file);
    CHECK_FALSE(selection.report_unlisted(console, manifests));
    return capture.text();
}

}  // namespace

TEST_CASE("check selection: the not-listed diagnostic names the file and the manifest",
          "[cli][only]") {
    const fhash::test::TempDir dir;
    const std::filesystem::path err = dir.path() / "stderr";
    CHECK(unlisted_report({"a.iso"}, {"SHA256SUMS"}, err) ==
          "fhash: a.iso: not listed in SHA256SUMS\n");
    CHECK(unlisted_report({"my disk.iso", "b.iso"}, {"my sums"}, err) ==
          "fhash: 'my disk.iso': not listed in 'my sums'\n"
          "fhash: b.iso: not listed in 'my sums'\n");
    CHECK(unlisted_report({"a.iso"}, {"-"}, err) == "fhash: a.iso: not listed in standard input\n");
    CHECK(unlisted_report({"a.iso"}, {"m1", "m2"}, err) ==
          "fhash: a.iso: not listed in any manifest\n");
}
