#pragma once
/// @file fciv_xml_entry.hpp
/// The FCIV-XML rules shared by every XML reader (pugixml on Unix, XmlLite on Windows): what
/// makes one <FILE_ENTRY> a valid manifest entry. The readers only walk their parser's tree
/// and hand the entry's child elements over.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "fhash/error.hpp"
#include "fhash/manifest.hpp"

namespace fhash::formats {

/// A UTF-16 document (with its BOM, as Windows tools may save FCIV-XML) converted to UTF-8,
/// line ends normalised to LF (as XML parsers do anyway); nullopt for anything else, which
/// the readers take as UTF-8 (an optional UTF-8 BOM included). Every XML reader calls it
/// first, so both platforms read the same documents.
std::optional<std::string> fciv_xml_from_utf16(std::string_view document);

/// One child element of a <FILE_ENTRY>: its name and its character data.
struct FcivField {
    std::string name;
    std::string text;
};

/// Most element levels an FCIV database may nest (it needs 3).
inline constexpr std::size_t k_fciv_max_depth = 64;

/// Builds the entry numbered `index` (1-based) from its fields: <name> (required, not empty,
/// no NUL), digest elements named as FCIV/PsFCIV write them (MD5, SHA1, SHA256, ...;
/// case-insensitive) holding base64 (or hex of the right length), at least one digest, none
/// twice. Other elements (PsFCIV's Size, TimeStamp) are ignored. Errc::malformed otherwise,
/// detail "entry N (name): ...".
Result<ManifestEntry> build_fciv_entry(std::size_t index, std::span<const FcivField> fields);

/// True if `text` holds a character reference to U+0000 ("&#0;", "&#x00;", ...): XML 1.0
/// forbids it, and parsers that keep strings NUL-terminated would silently cut a name short.
bool has_nul_reference(std::string_view text) noexcept;

/// The error for an element other than <FILE_ENTRY> under <FCIV>.
Error unexpected_fciv_element(std::size_t index, std::string_view element);

}  // namespace fhash::formats
