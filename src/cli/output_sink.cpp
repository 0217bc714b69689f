#include "cli/output_sink.hpp"

#include "io/atomic_file.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

class StdoutSink final : public OutputSink {
public:
    explicit StdoutSink(Console& console) : m_console(console) {}
    void write(std::string_view text) override { m_console.out(text); }
    /// Standard output is flushed and checked once, on the way out of the program
    /// (main.cpp), so that a failed write is reported once whatever the mode.
    Result<void> finish(bool /*success*/) override { return {}; }

private:
    Console& m_console;
};

class FileSink final : public OutputSink {
public:
    FileSink(io::AtomicFile file, std::string path)
        : m_file(std::move(file)), m_path(std::move(path)) {}
    void write(std::string_view text) override {
        m_pending.append(text);
        if (m_pending.size() >= k_chunk) {
            flush();
        }
    }
    Result<void> finish(bool success) override {
        if (!success) {
            return {};  // the AtomicFile's destructor removes the temporary file
        }
        flush();
        if (m_failed) {
            return std::move(m_error);
        }
        Result<void> committed = m_file.commit();
        if (!committed) {
            return with_path(std::move(committed).error(), m_path);
        }
        return {};
    }

private:
    static constexpr std::size_t k_chunk = 256 * 1024;
    void flush() {
        if (!m_failed && !m_pending.empty()) {
            Result<void> written = m_file.write(m_pending);
            if (!written) {
                m_failed = true;
                m_error = std::move(written).error();
                m_error.path = m_path;
            }
        }
        m_pending.clear();
    }
    io::AtomicFile m_file;
    std::string m_path;
    std::string m_pending;
    bool m_failed = false;
    Error m_error;
};

}  // namespace

std::unique_ptr<OutputSink> make_stdout_sink(Console& console) {
    return std::make_unique<StdoutSink>(console);
}

Result<std::unique_ptr<OutputSink>> make_file_sink(const std::string& path) {
    Result<io::AtomicFile> file = io::AtomicFile::create(platform::path_from_utf8(path));
    if (!file) {
        return with_path(std::move(file).error(), path);
    }
    return std::unique_ptr<OutputSink>(std::make_unique<FileSink>(std::move(*file), path));
}

}  // namespace fhash::cli
