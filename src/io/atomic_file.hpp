#pragma once
/// @file atomic_file.hpp
/// Writes a file so that readers see either the old content or the complete new one: the
/// data goes to a temporary file in the target's folder, which is renamed over the target
/// by commit(). Without commit() (an error, an exception) the temporary file is removed
/// and the target is untouched.
///
/// A process killed outright (kill -9, a node's crash) leaves its temporary file behind. On
/// POSIX the name of the temporary file says which machine and process writes it
/// (".NAME.tmp-HOST-PID-XXXXXX", HOST 8 hex digits of the host name), the writer holds an
/// flock() on it while it lives, and create() first removes the temporary files of the same
/// target that a dead process of this machine left (remove_stale_temps()).

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "fhash/error.hpp"

namespace fhash::io {

class AtomicFile {
public:
    static Result<AtomicFile> create(const std::filesystem::path& target);

    /// Removes the temporary files of `target` left by dead writers: only names of exactly
    /// the form create() gives, of this machine, whose process no longer exists and which no
    /// process holds locked; never a live writer's file, nor any other. Returns how many
    /// were removed. (Windows: none is ever removed; its temporary files stay, as before.)
    static std::size_t remove_stale_temps(const std::filesystem::path& target);

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
