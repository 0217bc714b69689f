#include "cli/notes.hpp"

#include "cli/hints.hpp"

namespace fhash::cli {

bool report_note(Console& console, const io::WalkNote& note) {
    console.file_error(worded(note));
    return note.kind == io::WalkNote::Kind::error;
}

}  // namespace fhash::cli
