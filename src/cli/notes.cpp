#include "cli/notes.hpp"

namespace fhash::cli {

bool report_note(Console& console, const io::WalkNote& note) {
    console.file_error(note.error);
    return note.kind == io::WalkNote::Kind::error;
}

}  // namespace fhash::cli
