// Windows entry point: wide arguments converted to UTF-8, standard streams in binary mode
// (output bytes identical to POSIX, no "\r\n"), a UTF-8 console for Unicode file names, and
// a crash that always ends with a non-zero exit code.

#include <fcntl.h>
#include <io.h>
#include <windows.h>

#include <cstdio>
#include <string>
#include <vector>

#include "cli/main.hpp"
#include "platform/utf16_win32.hpp"

namespace {

/// Without this a crash may go to a debugger (WER, winedbg) and, under Wine, sometimes
/// even end with exit code 0. End at once with the exception code instead.
LONG WINAPI terminate_on_crash(EXCEPTION_POINTERS* info) {
    const UINT code = info != nullptr && info->ExceptionRecord != nullptr
                          ? static_cast<UINT>(info->ExceptionRecord->ExceptionCode)
                          : 3U;
    TerminateProcess(GetCurrentProcess(), code != 0 ? code : 3U);
    return EXCEPTION_EXECUTE_HANDLER;
}

/// Sets the console output code page for the run and puts the old one back.
class ConsoleCodePage {
public:
    ConsoleCodePage() : m_previous(GetConsoleOutputCP()) {
        if (m_previous != 0 && m_previous != CP_UTF8) {
            SetConsoleOutputCP(CP_UTF8);
        }
    }
    ConsoleCodePage(const ConsoleCodePage&) = delete;
    ConsoleCodePage& operator=(const ConsoleCodePage&) = delete;
    ~ConsoleCodePage() {
        if (m_previous != 0 && m_previous != CP_UTF8) {
            SetConsoleOutputCP(m_previous);
        }
    }

private:
    UINT m_previous;
};

}  // namespace

int wmain(int argc, wchar_t** argv) {
    SetUnhandledExceptionFilter(terminate_on_crash);
    _setmode(_fileno(stdin), _O_BINARY);
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
    const ConsoleCodePage utf8_console;

    std::vector<std::string> args;
    args.reserve(static_cast<std::size_t>(argc));
    for (int i = 0; i < argc; ++i) {
        args.push_back(fhash::platform::utf16_to_utf8(argv[i]));
    }
    return fhash::cli::fhash_main(std::move(args));
}
