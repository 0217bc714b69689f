#include "cli/journal.hpp"

#include <cerrno>
#include <charconv>

#include <fmt/format.h>

#include "fhash/shard.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_magic = "fhash-journal 1 ";
constexpr std::chrono::milliseconds k_interval{100};

Error journal_error(const fs::path& path, std::string detail) {
    return make_error(Errc::malformed, platform::path_to_utf8(path), std::move(detail));
}

}  // namespace

std::optional<FileStamp> stamp_of(const fs::path& path) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) {
        return std::nullopt;
    }
    const fs::file_time_type time = fs::last_write_time(path, ec);
    if (ec) {
        return std::nullopt;
    }
    return FileStamp{static_cast<std::uint64_t>(size),
                     static_cast<std::int64_t>(time.time_since_epoch().count())};
}

fs::path Journal::path_for(const std::string& output) {
    return platform::path_from_utf8(output + ".fhash-journal");
}

Result<std::unique_ptr<Journal>> Journal::open(const fs::path& path, const std::string& identity) {
    std::unique_ptr<Journal> journal(new Journal());
    journal->m_path = path;
    if (Result<void> loaded = journal->load(identity); !loaded) {
        return std::move(loaded).error();
    }
    journal->m_out.open(path, std::ios::binary | std::ios::app);
    if (!journal->m_out) {
        return errno_error(errno, platform::path_to_utf8(path));
    }
    if (fs::file_size(path) == 0) {
        journal->m_pending = std::string(k_magic) + identity + "\n";
        if (Result<void> flushed = journal->flush(); !flushed) {
            return std::move(flushed).error();
        }
    }
    journal->start_flusher();
    return journal;
}

/// Loads the valid lines of an existing journal and cuts the file after the last of them.
Result<void> Journal::load(const std::string& identity) {
    std::ifstream in(m_path, std::ios::binary);
    if (!in) {
        return {};  // no journal yet
    }
    std::string line;
    std::uint64_t valid = 0;
    if (std::getline(in, line) && !in.eof()) {
        if (line != std::string(k_magic) + identity) {
            return journal_error(m_path, line.starts_with(k_magic)
                                             ? "the journal of a run with other arguments; "
                                               "remove it to start afresh"
                                             : "not an fhash journal");
        }
        valid = line.size() + 1;
        JournalEntry entry;
        while (std::getline(in, line) && !in.eof() && parse_journal_line(line, entry)) {
            valid += line.size() + 1;
            m_done.insert_or_assign(std::move(entry.name), Done{FileStamp{entry.size, entry.mtime},
                                                                std::move(entry.record)});
        }
    }
    in.close();
    m_loaded = m_done.size();
    std::error_code ec;
    fs::resize_file(m_path, valid, ec);  // a damaged tail is hashed again
    if (ec) {
        return Error{ec, platform::path_to_utf8(m_path), {}};
    }
    return {};
}

std::optional<std::string> Journal::take(const std::string& name, FileStamp stamp) {
    const auto found = m_done.find(name);
    if (found == m_done.end() || !(found->second.stamp == stamp)) {
        return std::nullopt;
    }
    std::string record = std::move(found->second.record);
    m_done.erase(found);
    return record;
}

Journal::~Journal() {
    stop_flusher();
}

void Journal::start_flusher() {
    m_flusher = std::thread([this] {
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            m_wake.wait_for(lock, k_interval);
            (void)flush_locked();
        }
    });
}

void Journal::stop_flusher() {
    if (!m_flusher.joinable()) {
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_flusher.join();
}

void Journal::add(const std::string& name, FileStamp stamp, const std::string& record) {
    std::string line = format_journal_line(JournalEntry{name, stamp.size, stamp.mtime, record});
    const std::lock_guard lock(m_mutex);
    m_pending += line;
}

Result<void> Journal::flush() {
    const std::lock_guard lock(m_mutex);
    return flush_locked();
}

Result<void> Journal::flush_locked() {
    if (!m_error && !m_pending.empty()) {
        m_out.write(m_pending.data(), static_cast<std::streamsize>(m_pending.size()));
        m_out.flush();
        if (!m_out) {
            m_error = make_error(Errc::output_failure, platform::path_to_utf8(m_path),
                                 "cannot write the journal");
        }
    }
    m_pending.clear();
    if (m_error) {
        return *m_error;
    }
    return {};
}

Result<void> Journal::remove() {
    stop_flusher();
    m_out.close();
    std::error_code ec;
    fs::remove(m_path, ec);
    if (ec) {
        return Error{ec, platform::path_to_utf8(m_path), {}};
    }
    return {};
}

}  // namespace fhash::cli
