#include "cli/status.hpp"

#include <iterator>

#include "cli/names.hpp"

namespace fhash::cli {

namespace {

struct Word {
    std::string_view text;
    Tone tone;
};

/// Indexed by Status.
constexpr Word k_words[] = {
    {"OK", Tone::good},     {"FAILED", Tone::bad},  {"FAILED open or read", Tone::bad},
    {"CHANGED", Tone::bad}, {"MISSING", Tone::bad}, {"NEW", Tone::warn},
    {"MOVED", Tone::warn},
};
static_assert(std::size(k_words) == static_cast<std::size_t>(Status::moved) + 1);

}  // namespace

std::string status_word(const Console& console, Status status) {
    const Word& word = k_words[static_cast<std::size_t>(status)];
    return console.paint(word.text, word.tone);
}

std::string status_line(const Console& console, std::string_view name, Status status,
                        std::string_view suffix) {
    std::string line = status_name(std::string(name));
    line += ": ";
    line += status_word(console, status);
    line += suffix;
    line += '\n';
    return line;
}

}  // namespace fhash::cli
