#include "cli/file_list.hpp"

#include <cstdint>
#include <span>

#include <fmt/format.h>

#include "fhash/manifest.hpp"
#include "io/file.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

constexpr std::size_t k_read_size = 64 * 1024;

void take(std::string& line, ListKind kind, bool null_separated, std::vector<std::string>& out) {
    if (!null_separated) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
            line.pop_back();
        }
        if (kind == ListKind::patterns) {
            std::size_t start = 0;
            while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) {
                ++start;
            }
            if (start == line.size() || line[start] == '#') {
                return;
            }
            line.erase(0, start);
        }
    }
    if (!line.empty()) {
        out.push_back(std::move(line));
    }
}

}  // namespace

Result<std::vector<std::string>> read_name_list(const std::string& arg, ListKind kind,
                                                bool null_separated) {
    io::File file;
    if (arg == "-") {
        file = io::File::standard_input();
    } else {
        Result<io::File> opened = io::File::open_read(platform::path_from_utf8(arg));
        if (!opened) {
            return with_path(std::move(opened).error(), arg);
        }
        file = std::move(*opened);
    }
    const std::string label = arg == "-" ? "standard input" : arg;
    const char* const unit = null_separated ? "name" : "line";
    LineSplitter splitter(null_separated ? '\0' : '\n');
    std::vector<std::uint8_t> buffer(k_read_size);
    std::vector<std::string> names;
    std::string line;
    std::uint64_t total = 0;
    std::size_t lines = 0;
    for (;;) {
        Result<std::size_t> got = file.read(buffer);
        if (!got) {
            return with_path(std::move(got).error(), label);
        }
        total += *got;
        if (total > k_max_list_bytes) {
            return make_error(Errc::malformed, label, "list larger than 1 GiB");
        }
        if (*got == 0) {
            splitter.finish();
        } else {
            splitter.feed(std::span<const std::uint8_t>(buffer.data(), *got));
        }
        while (splitter.next_line(line)) {
            if (++lines > k_max_list_lines) {
                return make_error(Errc::malformed, label,
                                  fmt::format("more than {} {}s", k_max_list_lines, unit));
            }
            take(line, kind, null_separated, names);
        }
        if (splitter.too_long()) {
            return make_error(Errc::malformed, label,
                              fmt::format("{} {} is longer than {} MiB", unit,
                                          splitter.too_long_line(), splitter.max_line() >> 20));
        }
        if (*got == 0) {
            break;
        }
    }
    return names;
}

}  // namespace fhash::cli
