#include "cli/fciv_args.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "fhash/text.hpp"

namespace fhash::cli {
namespace {

/// FCIV's option names (and fhash's -j); algorithm names are the others.
constexpr std::array<std::string_view, 14> k_option_names{
    "add", "list", "v", "?", "h", "help", "r", "type", "exc", "wp", "bp", "both", "xml", "j"};

bool known_option(const std::string& name) {
    return std::find(k_option_names.begin(), k_option_names.end(), name) != k_option_names.end() ||
           parse_algorithm(name).has_value();
}

void add_algorithm(FcivArgs& out, Algorithm a) {
    if (std::find(out.algorithms.begin(), out.algorithms.end(), a) == out.algorithms.end()) {
        out.algorithms.push_back(a);
    }
}

/// Splits "-type" values: several masks may share one argument ("*.exe *.dll", "*.a;*.b").
void add_masks(FcivArgs& out, const std::string& value) {
    std::size_t start = 0;
    while (start < value.size()) {
        std::size_t end = value.find_first_of(" ;,", start);
        if (end == std::string::npos) {
            end = value.size();
        }
        if (end > start) {
            out.masks.push_back(value.substr(start, end - start));
        }
        start = end + 1;
    }
}

/// One pass over the arguments; `m_next` is the index of the next one to read.
class FcivParser {
public:
    FcivParser(const std::vector<std::string>& args, FcivArgs& out, std::string& error)
        : m_args(args), m_out(out), m_error(error) {}

    bool run() {
        while (m_next < m_args.size() && m_out.command != FcivCommand::help) {
            const std::string& arg = m_args[m_next++];
            const std::optional<std::string> name = fciv_option_name(arg);
            if (!name) {
                m_out.targets.push_back(arg);
            } else if (!option(arg, *name)) {
                return false;
            }
        }
        std::sort(m_out.algorithms.begin(), m_out.algorithms.end());
        return true;
    }

private:
    bool option(const std::string& arg, const std::string& name) {
        if (name == "add" || name == "list" || name == "v") {
            return command(arg, name);
        }
        if (name == "?" || name == "h" || name == "help") {
            m_out.command = FcivCommand::help;
        } else if (name == "r") {
            m_out.recursive = true;
        } else if (name == "wp") {
            m_out.without_path = true;
        } else if (name == "type") {
            return type(arg);
        } else if (name == "j") {
            return jobs(arg);
        } else if (name == "exc" || name == "bp" || name == "xml") {
            std::string v;
            if (!value(arg, v)) {
                return false;
            }
            (name == "exc" ? m_out.exclusions : name == "bp" ? m_out.base_path : m_out.xml) = v;
        } else if (name == "both") {
            add_algorithm(m_out, Algorithm::md5);
            add_algorithm(m_out, Algorithm::sha1);
        } else if (const std::optional<Algorithm> a = parse_algorithm(name)) {
            add_algorithm(m_out, *a);  // -md5, -sha1, and the extensions -sha256, -sha3-256...
        } else {
            m_error = "unknown option " + arg;
            return false;
        }
        return true;
    }

    /// -add FILE, -list, -v: one command only (repeating the same one is allowed).
    bool command(const std::string& arg, const std::string& name) {
        const FcivCommand c = name == "add"    ? FcivCommand::add
                              : name == "list" ? FcivCommand::list
                                               : FcivCommand::verify;
        if (m_command_given && m_out.command != c) {
            m_error = "only one of -add, -list and -v may be given";
            return false;
        }
        m_command_given = true;
        m_out.command = c;
        std::string target;
        if (c == FcivCommand::add) {
            if (!value(arg, target)) {
                return false;
            }
            m_out.targets.push_back(target);
        }
        return true;
    }

    /// -type MASK: further bare masks right after it ("-type *.exe *.dll") belong to it.
    bool type(const std::string& arg) {
        std::string v;
        if (!value(arg, v)) {
            return false;
        }
        add_masks(m_out, v);
        while (m_next < m_args.size() && m_args[m_next].find_first_of("*?") != std::string::npos &&
               !fciv_option_name(m_args[m_next])) {
            m_out.masks.push_back(m_args[m_next++]);
        }
        return true;
    }

    /// -j N: a whole number (0 = one worker per core).
    bool jobs(const std::string& arg) {
        std::string v;
        if (!value(arg, v)) {
            return false;
        }
        const char* end = v.data() + v.size();
        const auto [stop, ec] = std::from_chars(v.data(), end, m_out.jobs);
        if (v.empty() || ec != std::errc() || stop != end) {
            m_error = "option " + arg + " needs a number, not '" + v + "'";
            return false;
        }
        return true;
    }

    /// The value of option `arg`: the next argument, whatever it looks like.
    bool value(const std::string& arg, std::string& into) {
        if (m_next >= m_args.size()) {
            m_error = "option " + arg + " needs a value";
            return false;
        }
        into = m_args[m_next++];
        return true;
    }

    const std::vector<std::string>& m_args;
    FcivArgs& m_out;
    std::string& m_error;
    std::size_t m_next = 0;
    bool m_command_given = false;
};

}  // namespace

std::optional<std::string> fciv_option_name(std::string_view arg) {
    if (arg.size() < 2 || (arg[0] != '-' && arg[0] != '/')) {
        return std::nullopt;
    }
    std::string name = ascii_lower(arg.substr(1));
    if (arg[0] == '/' && (name.find('/') != std::string::npos || !known_option(name))) {
        return std::nullopt;  // an absolute path
    }
    return name;
}

bool parse_fciv_args(const std::vector<std::string>& args, FcivArgs& out, std::string& error) {
    return FcivParser(args, out, error).run();
}

}  // namespace fhash::cli
