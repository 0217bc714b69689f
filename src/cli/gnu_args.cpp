#include "cli/gnu_args.hpp"

#include <fmt/format.h>

namespace fhash::cli {
namespace {

/// The state of one parse: the arguments and where the reading is.
class ArgReader {
public:
    ArgReader(std::span<const std::string> args, std::span<const OptionDef> defs, ParsedArgs& out,
              bool permute)
        : m_args(args), m_defs(defs), m_out(out), m_permute(permute) {}

    bool run(std::string& error) {
        while (m_next < m_args.size()) {
            const std::string& arg = m_args[m_next++];
            if (arg == "--" || (!m_permute && (arg.size() < 2 || arg[0] != '-'))) {
                const std::size_t first = arg == "--" ? m_next : m_next - 1;
                for (std::size_t i = first; i < m_args.size(); ++i) {
                    m_out.operands.push_back(m_args[i]);
                }
                return true;
            }
            const bool ok = arg.size() > 2 && arg.starts_with("--") ? long_option(arg, error)
                            : arg.size() > 1 && arg[0] == '-'       ? short_options(arg, error)
                                                                    : operand(arg);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

private:
    bool operand(const std::string& arg) {
        m_out.operands.push_back(arg);
        return true;
    }

    /// The definition `name` (without "--") selects: an exact match, else the one option
    /// it abbreviates. nullptr with `error` set otherwise.
    const OptionDef* find_long(std::string_view name, std::string_view arg, std::string& error) {
        std::vector<const OptionDef*> prefixed;
        for (const OptionDef& def : m_defs) {
            if (def.long_name.empty()) {
                continue;
            }
            if (def.long_name == name) {
                return &def;
            }
            if (def.abbreviable && def.long_name.starts_with(name)) {
                prefixed.push_back(&def);
            }
        }
        if (prefixed.size() == 1) {
            return prefixed.front();
        }
        if (prefixed.empty()) {
            error = fmt::format("unrecognized option '{}'", arg);
            return nullptr;
        }
        error = fmt::format("option '{}' is ambiguous; possibilities:", arg);
        for (const OptionDef* def : prefixed) {
            error += fmt::format(" '--{}'", def->long_name);
        }
        return nullptr;
    }

    bool long_option(const std::string& arg, std::string& error) {
        const std::size_t eq = arg.find('=');
        const std::string_view name =
            std::string_view(arg).substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
        const std::string_view shown =
            eq == std::string::npos ? std::string_view(arg) : std::string_view(arg).substr(0, eq);
        const OptionDef* def = find_long(name, shown, error);
        if (def == nullptr) {
            return false;
        }
        if (!def->takes_value) {
            if (eq != std::string::npos) {
                error = fmt::format("option '--{}' doesn't allow an argument", def->long_name);
                return false;
            }
            m_out.options.push_back({def->id, {}});
            return true;
        }
        if (eq != std::string::npos) {
            m_out.options.push_back({def->id, arg.substr(eq + 1)});
            return true;
        }
        if (m_next >= m_args.size()) {
            error = fmt::format("option '--{}' requires an argument", def->long_name);
            return false;
        }
        m_out.options.push_back({def->id, m_args[m_next++]});
        return true;
    }

    bool short_options(const std::string& arg, std::string& error) {
        for (std::size_t i = 1; i < arg.size(); ++i) {
            const OptionDef* def = find_short(arg[i]);
            if (def == nullptr) {
                error = fmt::format("invalid option -- '{}'", arg[i]);
                return false;
            }
            if (!def->takes_value) {
                m_out.options.push_back({def->id, {}});
                continue;
            }
            if (i + 1 < arg.size()) {
                m_out.options.push_back({def->id, arg.substr(i + 1)});
            } else if (m_next < m_args.size()) {
                m_out.options.push_back({def->id, m_args[m_next++]});
            } else {
                error = fmt::format("option requires an argument -- '{}'", arg[i]);
                return false;
            }
            return true;
        }
        return true;
    }

    const OptionDef* find_short(char c) const {
        for (const OptionDef& def : m_defs) {
            if (def.short_name != 0 && def.short_name == c) {
                return &def;
            }
        }
        return nullptr;
    }

    std::span<const std::string> m_args;
    std::span<const OptionDef> m_defs;
    ParsedArgs& m_out;
    bool m_permute;
    std::size_t m_next = 0;
};

}  // namespace

bool parse_gnu_args(std::span<const std::string> args, std::span<const OptionDef> defs,
                    ParsedArgs& out, std::string& error, bool permute) {
    ArgReader reader(args, defs, out, permute);
    return reader.run(error);
}

}  // namespace fhash::cli
