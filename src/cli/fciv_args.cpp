#include "cli/fciv_args.hpp"

#include <algorithm>
#include <string_view>

namespace fhash::cli {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

void add_algorithm(FcivArgs& out, Algorithm a) {
    if (std::find(out.algorithms.begin(), out.algorithms.end(), a) == out.algorithms.end()) {
        out.algorithms.push_back(a);
    }
}

}  // namespace

bool parse_fciv_args(const std::vector<std::string>& args, FcivArgs& out, std::string& error) {
    bool command_given = false;
    auto set_command = [&](FcivCommand c) {
        if (command_given && out.command != c) {
            error = "only one of -add, -list and -v may be given";
            return false;
        }
        command_given = true;
        out.command = c;
        return true;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool is_option = arg.size() > 1 && arg[0] == '-';
        if (!is_option) {
            out.targets.push_back(arg);
            continue;
        }
        const std::string name = lower(std::string_view(arg).substr(1));
        auto value = [&](std::string& into) {
            if (i + 1 >= args.size()) {
                error = "option " + arg + " needs a value";
                return false;
            }
            into = args[++i];
            return true;
        };
        std::string v;
        if (name == "add") {
            if (!set_command(FcivCommand::add) || !value(v)) {
                return false;
            }
            out.targets.push_back(v);
        } else if (name == "list") {
            if (!set_command(FcivCommand::list)) {
                return false;
            }
        } else if (name == "v") {
            if (!set_command(FcivCommand::verify)) {
                return false;
            }
        } else if (name == "?" || name == "h" || name == "help") {
            out.command = FcivCommand::help;
            return true;
        } else if (name == "r") {
            out.recursive = true;
        } else if (name == "type") {
            if (!value(v)) {
                return false;
            }
            // "-type *.exe" repeated, or several masks in one argument ("*.exe *.dll").
            std::size_t start = 0;
            while (start < v.size()) {
                std::size_t end = v.find_first_of(" ;,", start);
                if (end == std::string::npos) {
                    end = v.size();
                }
                if (end > start) {
                    out.masks.push_back(v.substr(start, end - start));
                }
                start = end + 1;
            }
            // Further bare masks right after -type ("-type *.exe *.dll") belong to it.
            while (i + 1 < args.size() && args[i + 1].find_first_of("*?") != std::string::npos &&
                   args[i + 1][0] != '-') {
                out.masks.push_back(args[++i]);
            }
        } else if (name == "exc") {
            if (!value(v)) {
                return false;
            }
            out.exclusions = v;
        } else if (name == "wp") {
            out.without_path = true;
        } else if (name == "bp") {
            if (!value(v)) {
                return false;
            }
            out.base_path = v;
        } else if (name == "both") {
            add_algorithm(out, Algorithm::md5);
            add_algorithm(out, Algorithm::sha1);
        } else if (name == "xml") {
            if (!value(v)) {
                return false;
            }
            out.xml = v;
        } else if (const std::optional<Algorithm> a = parse_algorithm(name)) {
            add_algorithm(out, *a);  // -md5, -sha1, and the extensions -sha256, -sha3-256, ...
        } else {
            error = "unknown option " + arg;
            return false;
        }
    }
    // FCIV writes MD5 before SHA-1 whatever the order given; keep every list in table order.
    std::sort(out.algorithms.begin(), out.algorithms.end());
    return true;
}

}  // namespace fhash::cli
