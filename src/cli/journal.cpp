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

void escape_into(std::string_view text, std::string& out) {
    for (const char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += c;
        }
    }
}

bool unescape(std::string_view text, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            out += text[i];
            continue;
        }
        if (++i == text.size()) {
            return false;
        }
        switch (text[i]) {
            case '\\':
                out += '\\';
                break;
            case 't':
                out += '\t';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            default:
                return false;
        }
    }
    return true;
}

/// Splits `line` at its tabs into exactly `n` fields.
bool split_fields(std::string_view line, std::string_view* fields, std::size_t n) {
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) {
            return false;
        }
        fields[i] = line.substr(0, tab);
        line.remove_prefix(tab + 1);
    }
    fields[n - 1] = line;
    return line.find('\t') == std::string_view::npos;
}

template <typename T>
bool number(std::string_view text, T& value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

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

std::string format_journal_line(const std::string& name, FileStamp stamp,
                                const std::string& record) {
    std::string line = fmt::format("{}\t{}\t", stamp.size, stamp.mtime);
    escape_into(name, line);
    line += '\t';
    escape_into(record, line);
    line += fmt::format("\t{:016x}\n", shard_hash(line));
    return line;
}

bool parse_journal_line(std::string_view line, std::string& name, FileStamp& stamp,
                        std::string& record) {
    std::string_view fields[5];
    if (line.size() < 17 || !split_fields(line, fields, 5) || fields[4].size() != 16) {
        return false;
    }
    std::uint64_t check = 0;
    const auto [end, ec] = std::from_chars(fields[4].data(), fields[4].data() + 16, check, 16);
    if (ec != std::errc() || end != fields[4].data() + 16 ||
        check != shard_hash(line.substr(0, line.size() - 17))) {
        return false;
    }
    return number(fields[0], stamp.size) && number(fields[1], stamp.mtime) &&
           unescape(fields[2], name) && unescape(fields[3], record);
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
        std::string name;
        std::string record;
        FileStamp stamp;
        while (std::getline(in, line) && !in.eof() &&
               parse_journal_line(line, name, stamp, record)) {
            valid += line.size() + 1;
            m_done.insert_or_assign(name, Done{stamp, record});
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
    std::string line = format_journal_line(name, stamp, record);
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
