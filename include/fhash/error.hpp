#pragma once
/// @file error.hpp
/// Error values and the Result<T> type returned by every fallible core function.
/// The core never throws across its API and never prints: failures travel as values.

#include <cassert>
#include <string>
#include <system_error>
#include <type_traits>
#include <utility>
#include <variant>

namespace fhash {

/// Error conditions that are not operating-system errors.
enum class Errc {
    ok = 0,
    unsupported_algorithm = 1,  ///< the algorithm is not available in this backend
    backend_failure,            ///< the digest backend reported an internal error
    changed_while_reading,      ///< the file shrank or grew while it was being hashed
    not_a_regular_file,         ///< a directory or special file where a regular file is needed
    is_a_directory,             ///< a directory given where a file is needed
    malformed,                  ///< input data (manifest, XML, list) cannot be parsed
    unsafe_path,                ///< a manifest path escapes its base folder or holds a NUL byte
    symlink_loop,               ///< a followed symbolic link leads back into its own ancestry
    output_failure,             ///< writing the result failed
    bad_signature,              ///< a signature is bad, by another key, or cannot be checked
};

/// The error category of Errc values ("fhash").
const std::error_category& fhash_category() noexcept;

/// Makes an error_code in fhash_category().
std::error_code make_error_code(Errc e) noexcept;

/// An error as a value: what went wrong (code), on which file (path, UTF-8 display
/// form, may be empty) and optional detail text (e.g. an OpenSSL reason or a line number).
struct Error {
    std::error_code code;
    std::string path;
    std::string detail;

    /// Human-readable reason without the path, e.g. "No such file or directory".
    [[nodiscard]] std::string reason() const;
};

/// Builds an Error from an errno value.
Error errno_error(int err, std::string path);
/// Builds an Error from an Errc value.
Error make_error(Errc e, std::string path = {}, std::string detail = {});

/// `error` naming `path` (the name the user knows the file by) instead of its own path.
inline Error with_path(Error error, std::string path) {
    error.path = std::move(path);
    return error;
}

/// Value-or-Error. A small stand-in for std::expected (C++23), which not every compiler we
/// build with has yet.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}      // NOLINT(implicit)
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}  // NOLINT(implicit)

    [[nodiscard]] bool has_value() const noexcept { return m_data.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    T& value() & {
        assert(has_value());
        return std::get<0>(m_data);
    }
    const T& value() const& {
        assert(has_value());
        return std::get<0>(m_data);
    }
    T&& value() && {
        assert(has_value());
        return std::get<0>(std::move(m_data));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const& {
        assert(!has_value());
        return std::get<1>(m_data);
    }
    Error&& error() && {
        assert(!has_value());
        return std::get<1>(std::move(m_data));
    }

private:
    std::variant<T, Error> m_data;
};

/// Result of an operation that yields no value.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT(implicit)

    [[nodiscard]] bool has_value() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return has_value(); }
    const Error& error() const& {
        assert(m_failed);
        return m_error;
    }
    Error&& error() && {
        assert(m_failed);
        return std::move(m_error);
    }

private:
    Error m_error;
    bool m_failed = false;
};

}  // namespace fhash

template <>
struct std::is_error_code_enum<fhash::Errc> : std::true_type {};
