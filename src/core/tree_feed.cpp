#include "core/tree_feed.hpp"

#include "io/file.hpp"
#include "platform/paths.hpp"

namespace fhash::detail {

Result<void> feed_text(Hasher& hasher, std::string_view text) {
    return hasher.update(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

Result<std::uint64_t> feed_file(Hasher& hasher, const std::filesystem::path& path,
                                std::span<std::uint8_t> buffer, const SizeHeader& header) {
    Result<io::File> file = io::File::open_read(path);
    if (!file) {
        return std::move(file).error();
    }
    if (header) {
        if (Result<void> fed = feed_text(hasher, header(file->size())); !fed) {
            return std::move(fed).error();
        }
    }
    std::uint64_t total = 0;
    for (;;) {
        Result<std::size_t> got = file->read(buffer);
        if (!got) {
            Error error = std::move(got).error();
            error.path = platform::generic_display(path);
            return error;
        }
        if (*got == 0) {
            break;
        }
        total += *got;
        if (Result<void> fed = hasher.update(buffer.first(*got)); !fed) {
            return std::move(fed).error();
        }
    }
    if (file->kind() == FileKind::regular && total != file->size()) {
        return make_error(Errc::changed_while_reading, platform::generic_display(path));
    }
    return total;
}

Result<std::unique_ptr<Hasher>> fresh_hasher(Algorithm a) {
    return make_hasher(a);
}

}  // namespace fhash::detail
