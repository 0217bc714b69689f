#include "fhash/error.hpp"

#include <cstring>

namespace fhash {
namespace {

class FhashCategory final : public std::error_category {
public:
    const char* name() const noexcept override { return "fhash"; }
    std::string message(int value) const override {
        switch (static_cast<Errc>(value)) {
            case Errc::ok:
                return "Success";
            case Errc::unsupported_algorithm:
                return "Algorithm not available in this digest backend";
            case Errc::backend_failure:
                return "Digest backend failure";
            case Errc::changed_while_reading:
                return "File changed while reading";
            case Errc::not_a_regular_file:
                return "Not a regular file";
            case Errc::is_a_directory:
                return "Is a directory";
            case Errc::malformed:
                return "Malformed input";
            case Errc::unsafe_path:
                return "Unsafe path (absolute, or outside the base folder)";
            case Errc::symlink_loop:
                return "Symbolic link loop";
            case Errc::output_failure:
                return "Cannot write output";
            case Errc::bad_signature:
                return "Signature not verified";
        }
        return "Unknown error";
    }
};

}  // namespace

const std::error_category& fhash_category() noexcept {
    static const FhashCategory category;
    return category;
}

std::error_code make_error_code(Errc e) noexcept {
    return {static_cast<int>(e), fhash_category()};
}

std::string Error::reason() const {
    std::string text = code.message();
    if (!detail.empty()) {
        text += " (";
        text += detail;
        text += ')';
    }
    return text;
}

Error errno_error(int err, std::string path) {
    return Error{std::error_code(err, std::generic_category()), std::move(path), {}};
}

Error make_error(Errc e, std::string path, std::string detail) {
    return Error{make_error_code(e), std::move(path), std::move(detail)};
}

}  // namespace fhash
