// ChildProcess and TempDir on Windows: CreateProcessW with inheritable handles for the
// child's standard streams (STARTF_USESTDHANDLES), the command line quoted as the C runtime
// splits it (backslashes doubled before a quote), a Job-less kill (TerminateProcess) for a
// child that is dropped; the scratch folder under GetTempPathW with a unique name.

#include "io/process.hpp"

#include <windows.h>

#include <atomic>
#include <string>
#include <utility>

#include "platform/error_win32.hpp"
#include "platform/utf16_win32.hpp"

namespace fhash::io {
namespace {

/// One argument quoted for CommandLineToArgvW / the C runtime's parser.
std::wstring quote_argument(const std::wstring& arg) {
    if (!arg.empty() && arg.find_first_of(L" \t\n\v\"") == std::wstring::npos) {
        return arg;
    }
    std::wstring out = L"\"";
    std::size_t backslashes = 0;
    for (const wchar_t c : arg) {
        if (c == L'\\') {
            ++backslashes;
            continue;
        }
        out.append(c == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
        backslashes = 0;
        out += c;
    }
    out.append(backslashes * 2, L'\\');
    out += L'"';
    return out;
}

/// An inheritable handle: the file (created or truncated) or the NUL device.
HANDLE open_inheritable(const std::optional<std::filesystem::path>& path, bool write) {
    SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    const wchar_t* name = path ? path->c_str() : L"NUL";
    return CreateFileW(
        name, write ? GENERIC_WRITE : GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &inherit,
        write && path ? CREATE_ALWAYS : OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
}

/// Closes a HANDLE on scope exit.
struct HandleGuard {
    HANDLE handle;
    ~HandleGuard() {
        if (handle != INVALID_HANDLE_VALUE && handle != nullptr) {
            CloseHandle(handle);
        }
    }
};

}  // namespace

Result<TempDir> TempDir::create() {
    wchar_t base[MAX_PATH + 1];
    const DWORD length = GetTempPathW(MAX_PATH + 1, base);
    if (length == 0 || length > MAX_PATH) {
        return platform::last_win32_error("temporary folder");
    }
    static std::atomic<unsigned> counter{0};
    for (unsigned attempt = 0; attempt < 100; ++attempt) {
        const std::filesystem::path path =
            std::filesystem::path(base) / (L"fhash-" + std::to_wstring(GetCurrentProcessId()) +
                                           L"-" + std::to_wstring(GetTickCount64() % 1000000U) +
                                           L"-" + std::to_wstring(counter.fetch_add(1)));
        if (CreateDirectoryW(path.c_str(), nullptr)) {
            TempDir dir;
            dir.m_path = path;
            return dir;
        }
        if (GetLastError() != ERROR_ALREADY_EXISTS) {
            return platform::last_win32_error(platform::utf16_to_utf8(path.native()));
        }
    }
    return platform::win32_error(ERROR_ALREADY_EXISTS, "temporary folder");
}

Result<ChildProcess> ChildProcess::spawn(const std::string& program,
                                         const std::vector<std::string>& args,
                                         const ChildStreams& streams) {
    HandleGuard input{open_inheritable(std::nullopt, false)};
    HandleGuard output{open_inheritable(streams.output, true)};
    HandleGuard error{open_inheritable(streams.error, true)};
    if (input.handle == INVALID_HANDLE_VALUE || output.handle == INVALID_HANDLE_VALUE ||
        error.handle == INVALID_HANDLE_VALUE) {
        return platform::last_win32_error(program);
    }
    std::wstring command = quote_argument(platform::utf8_to_utf16(program));
    for (const std::string& arg : args) {
        command += L' ';
        command += quote_argument(platform::utf8_to_utf16(arg));
    }
    STARTUPINFOW startup{};
    startup.cb = sizeof(startup);
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = input.handle;
    startup.hStdOutput = output.handle;
    startup.hStdError = error.handle;
    PROCESS_INFORMATION info{};
    // No application name: the first word is looked up in PATH, with ".exe" appended.
    if (!CreateProcessW(nullptr, command.data(), nullptr, nullptr, TRUE, CREATE_NO_WINDOW, nullptr,
                        nullptr, &startup, &info)) {
        return platform::last_win32_error(program);
    }
    CloseHandle(info.hThread);
    ChildProcess child;
    child.m_process = info.hProcess;
    return child;
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : m_process(std::exchange(other.m_process, nullptr)) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
    if (this != &other) {
        kill_and_reap();
        m_process = std::exchange(other.m_process, nullptr);
    }
    return *this;
}

ChildProcess::~ChildProcess() {
    kill_and_reap();
}

void ChildProcess::kill_and_reap() noexcept {
    if (m_process != nullptr) {
        TerminateProcess(m_process, 1);
        WaitForSingleObject(m_process, INFINITE);
        CloseHandle(m_process);
        m_process = nullptr;
    }
}

Result<int> ChildProcess::wait() {
    if (WaitForSingleObject(m_process, INFINITE) != WAIT_OBJECT_0) {
        return platform::last_win32_error();
    }
    DWORD code = 0;
    const bool got = GetExitCodeProcess(m_process, &code) != 0;
    CloseHandle(m_process);
    m_process = nullptr;
    if (!got) {
        return platform::last_win32_error();
    }
    return static_cast<int>(code & 0xFF);
}

}  // namespace fhash::io
