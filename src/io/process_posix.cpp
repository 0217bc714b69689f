// ChildProcess and TempDir on POSIX: posix_spawnp (PATH lookup, and glibc reports a program
// that could not be executed as the spawn's own error), the child's streams opened by the
// spawn's file actions, mkdtemp for the scratch folder.

#include "io/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <utility>

extern char** environ;

namespace fhash::io {
namespace {

/// posix_spawn_file_actions_t as an RAII value.
class FileActions {
public:
    FileActions() { m_ok = ::posix_spawn_file_actions_init(&m_actions) == 0; }
    ~FileActions() {
        if (m_ok) {
            ::posix_spawn_file_actions_destroy(&m_actions);
        }
    }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;

    /// Opens `path` (or /dev/null) as descriptor `fd` in the child.
    bool open(int fd, const std::optional<std::filesystem::path>& path, int flags) {
        const char* name = path ? path->c_str() : "/dev/null";
        return m_ok && ::posix_spawn_file_actions_addopen(&m_actions, fd, name, flags, 0600) == 0;
    }
    posix_spawn_file_actions_t* get() noexcept { return &m_actions; }

private:
    posix_spawn_file_actions_t m_actions{};
    bool m_ok = false;
};

}  // namespace

Result<TempDir> TempDir::create() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern =
        std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/fhash-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
        return errno_error(errno, pattern);
    }
    TempDir dir;
    dir.m_path = pattern;
    return dir;
}

Result<ChildProcess> ChildProcess::spawn(const std::string& program,
                                         const std::vector<std::string>& args,
                                         const ChildStreams& streams) {
    FileActions actions;
    const int out_flags = O_WRONLY | O_CREAT | O_TRUNC;
    if (!actions.open(STDIN_FILENO, std::nullopt, O_RDONLY) ||
        !actions.open(STDOUT_FILENO, streams.output, out_flags) ||
        !actions.open(STDERR_FILENO, streams.error, out_flags)) {
        return errno_error(ENOMEM, program);
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const std::string& arg : args) {
        argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc =
        ::posix_spawnp(&pid, program.c_str(), actions.get(), nullptr, argv.data(), environ);
    if (rc != 0) {
        return errno_error(rc, program);
    }
    ChildProcess child;
    child.m_pid = pid;
    return child;
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept : m_pid(std::exchange(other.m_pid, -1)) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
    if (this != &other) {
        kill_and_reap();
        m_pid = std::exchange(other.m_pid, -1);
    }
    return *this;
}

ChildProcess::~ChildProcess() {
    kill_and_reap();
}

void ChildProcess::kill_and_reap() noexcept {
    if (m_pid > 0) {
        (void)::kill(m_pid, SIGKILL);
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
        m_pid = -1;
    }
}

Result<int> ChildProcess::wait() {
    int status = 0;
    pid_t got = -1;
    while ((got = ::waitpid(m_pid, &status, 0)) < 0 && errno == EINTR) {
    }
    if (got < 0) {
        return errno_error(errno, {});
    }
    m_pid = -1;
    if (WIFSIGNALED(status)) {
        return 128 + WTERMSIG(status);
    }
    return WEXITSTATUS(status);
}

}  // namespace fhash::io
