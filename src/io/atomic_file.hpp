#pragma once
/// @file atomic_file.hpp
/// Writes a file so that readers see either the old content or the complete new one: the
/// data goes to a temporary file in the target's folder, which is renamed over the target
/// by commit(). Without commit() (an error, an exception) the temporary file is removed
/// and the target is untouched.

#include <filesystem>
#include <string_view>

#include "fhash/error.hpp"

namespace fhash::io {

class AtomicFile {
public:
    static Result<AtomicFile> create(const std::filesystem::path& target);

    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) noexcept;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    /// Appends data. Fails (ENOSPC, EIO, ...) without touching the target.
    Result<void> write(std::string_view data);
    /// Flushes to disk and renames over the target.
    Result<void> commit();

    /// The temporary file being written (empty when writing straight to a device).
    [[nodiscard]] const std::filesystem::path& temp_path() const noexcept { return m_temp; }

private:
    AtomicFile() = default;
    void discard() noexcept;
    std::filesystem::path m_target;
    std::filesystem::path m_temp;
#ifdef _WIN32
    void* m_handle = nullptr;
#else
    int m_fd = -1;
#endif
    bool m_committed = false;
};

}  // namespace fhash::io
