#pragma once
/// @file file.hpp
/// A read-only file handle (move-only RAII) with the few operations the read paths need.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>

#include "fhash/error.hpp"
#include "fhash/read_options.hpp"

namespace fhash::io {

class File {
public:
    /// Opens for reading. A missing file gives std::errc::no_such_file_or_directory, a
    /// directory Errc::is_a_directory. The error's path is `path` (UTF-8 on Windows, the
    /// native bytes elsewhere); callers that show another name replace it.
    static Result<File> open_read(const std::filesystem::path& path);
    /// Standard input, not owned (never closed).
    static File standard_input() noexcept;

    File() noexcept = default;
    File(File&& other) noexcept;
    File& operator=(File&& other) noexcept;
    File(const File&) = delete;
    File& operator=(const File&) = delete;
    ~File();

    /// True if the object holds a handle (not default-constructed or moved from).
    [[nodiscard]] bool is_open() const noexcept;

    /// Kind and size as of open (fstat); never updated (current_size() asks again).
    [[nodiscard]] FileKind kind() const noexcept { return m_kind; }
    [[nodiscard]] std::uint64_t size() const noexcept { return m_size; }
    /// Re-reads the current size; used to notice a file that changes while it is read.
    Result<std::uint64_t> current_size() const;

    /// Reads up to buffer.size() bytes; 0 at the end. Retries interrupted reads.
    Result<std::size_t> read(std::span<std::uint8_t> buffer);
    /// Hints that the file will be read sequentially (best effort).
    void advise_sequential() const noexcept;
    /// Starts reading [offset, offset + length) into the page cache without waiting (best
    /// effort; Linux posix_fadvise WILLNEED, nothing elsewhere).
    void advise_willneed(std::uint64_t offset, std::uint64_t length) const noexcept;
    /// Moves the read position back to the start (for a fallback after a failed map).
    Result<void> rewind();

    /// The OS handle (a HANDLE on Windows, a file descriptor elsewhere), for the platform
    /// files of src/io that map it; still owned by this object.
    [[nodiscard]] auto native_handle() const noexcept { return m_native; }

private:
    void close() noexcept;
#ifdef _WIN32
    using Native = void*;  // HANDLE
    static constexpr Native k_closed = nullptr;
#else
    using Native = int;  // file descriptor
    static constexpr Native k_closed = -1;
#endif
    Native m_native = k_closed;
    bool m_owned = false;
    FileKind m_kind = FileKind::other;
    std::uint64_t m_size = 0;
};

}  // namespace fhash::io
