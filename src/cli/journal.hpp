#pragma once
/// @file journal.hpp
/// --resume's work-in-progress journal: what an interrupted run already hashed, so that the
/// run started again with the same arguments skips it.
///
/// The journal is FILE.fhash-journal beside -o FILE. Its first line names the run
/// ("fhash-journal 1 IDENTITY"); each further line is one input, as format_journal_line()
/// writes it (fhash/shard.hpp): its size, modification time, name and output bytes, and a
/// check. Lines are appended in batches that a thread of the journal hands to the OS every
/// 100 ms, whatever the run is doing (a file of hours does not hold back the lines before
/// it), so a `kill -9` loses at most the last 100 ms of results; a line cut short or damaged
/// (a crash, a power loss) fails its check, and it and everything after it are dropped and
/// hashed again. Nothing in it parses as a checksum line, so neither fhash -c nor GNU -c
/// mistakes it for a manifest.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

#include "fhash/error.hpp"

namespace fhash::cli {

/// What identifies a file's content cheaply: its size and modification time.
struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime = 0;  ///< file clock ticks since its epoch
    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

/// The stamp of `path`; nullopt if it cannot be read.
std::optional<FileStamp> stamp_of(const std::filesystem::path& path);

class Journal {
public:
    /// The journal path of -o `output`.
    static std::filesystem::path path_for(const std::string& output);

    /// Opens the journal at `path` for the run `identity`: loads the entries of an existing
    /// journal of that run (cutting a damaged tail off the file), or starts a new one.
    /// Errc::malformed if the file there is a journal of another run or not a journal.
    static Result<std::unique_ptr<Journal>> open(const std::filesystem::path& path,
                                                 const std::string& identity);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    /// The record of `name` if the journal holds it with this stamp (handed out once).
    std::optional<std::string> take(const std::string& name, FileStamp stamp);
    /// Appends one input's record (handed to the OS within 100 ms).
    void add(const std::string& name, FileStamp stamp, const std::string& record);
    /// Hands the pending lines to the OS now; the first failure is kept and returned.
    Result<void> flush();
    /// Deletes the journal (the run finished and its output was committed).
    Result<void> remove();
    /// Entries loaded from the previous attempts.
    [[nodiscard]] std::size_t loaded() const noexcept { return m_loaded; }

private:
    Journal() = default;
    Result<void> load(const std::string& identity);
    void start_flusher();
    void stop_flusher();
    Result<void> flush_locked();

    struct Done {
        FileStamp stamp;
        std::string record;
    };
    std::filesystem::path m_path;
    std::ofstream m_out;
    std::unordered_map<std::string, Done> m_done;
    std::size_t m_loaded = 0;
    std::mutex m_mutex;  // guards what follows, shared with the flusher thread
    std::string m_pending;
    std::optional<Error> m_error;
    bool m_stop = false;
    std::condition_variable m_wake;
    std::thread m_flusher;
};

}  // namespace fhash::cli
