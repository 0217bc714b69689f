#pragma once
/// @file process.hpp
/// Running a helper program (gpgv) to completion, and the scratch folder it works in. Both
/// are move-only RAII types: a ChildProcess that is destroyed while its program still runs
/// kills it and waits for it, so no child outlives the run; a TempDir removes its folder
/// and everything in it.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/error.hpp"

namespace fhash::io {

/// A private scratch folder (mode 0700 where the system has modes), removed with its
/// content on destruction.
class TempDir {
public:
    /// Creates a new folder in the system's temporary folder (TMPDIR, or GetTempPathW).
    static Result<TempDir> create();

    TempDir() noexcept = default;
    TempDir(TempDir&& other) noexcept;
    TempDir& operator=(TempDir&& other) noexcept;
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir();

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }

    /// Writes `bytes` to a new file `name` in the folder and returns its path. Not synced
    /// to disk: scratch files live only as long as the run (an fsync per file cost ~30 ms
    /// per gpgv check on a loaded disk). Errc::output_failure when the write fails.
    Result<std::filesystem::path> write(const std::string& name, std::string_view bytes) const;

private:
    void remove() noexcept;
    std::filesystem::path m_path;
};

/// Where a child's standard streams go: standard input always reads nothing (the null
/// device); output and error are written to the given files (created or truncated), or
/// discarded when none is given.
struct ChildStreams {
    std::optional<std::filesystem::path> output;
    std::optional<std::filesystem::path> error;
};

/// A child process running `program` with `args`.
class ChildProcess {
public:
    /// Starts `program` (a bare name is looked up in PATH; ".exe" is implied on Windows)
    /// with `args` (argv[1..], UTF-8; quoted for the Windows command line as the C runtime
    /// parses it). Errors: std::errc::no_such_file_or_directory when the program is not
    /// found, the system's error otherwise; the error's path is `program`.
    static Result<ChildProcess> spawn(const std::string& program,
                                      const std::vector<std::string>& args,
                                      const ChildStreams& streams);

    ChildProcess() noexcept = default;
    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    /// Kills and reaps a child that was not waited for.
    ~ChildProcess();

    /// Waits for the child to end; its exit status (0-255), or 128 + the signal number for
    /// a child killed by a signal (POSIX). Only once: the handle is empty afterwards.
    Result<int> wait();

private:
    void kill_and_reap() noexcept;
#ifdef _WIN32
    void* m_process = nullptr;  // HANDLE
#else
    int m_pid = -1;
#endif
};

}  // namespace fhash::io
