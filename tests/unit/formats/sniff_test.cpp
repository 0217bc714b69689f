#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/manifest.hpp"
#include "support/catch.hpp"

using namespace fhash;

namespace {

ManifestFormat sniff(std::string_view text) {
    return sniff_manifest_format(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

}  // namespace

TEST_CASE("sniff_manifest_format", "[sniff]") {
    struct Case {
        std::string head;
        ManifestFormat expected;
    };
    const std::vector<Case> cases{
        {"", ManifestFormat::gnu},
        {"   \r\n", ManifestFormat::gnu},
        {"900150983cd24fb0d6963f7d28e17f72  abc.txt\n", ManifestFormat::gnu},
        {"MD5 (abc.txt) = 900150983cd24fb0d6963f7d28e17f72\n", ManifestFormat::gnu},
        {"# comment\n", ManifestFormat::gnu},
        {"<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<FCIV>", ManifestFormat::fciv_xml},
        {"\xEF\xBB\xBF<?XML version=\"1.0\"?>", ManifestFormat::fciv_xml},
        {"\r\n  <FCIV>", ManifestFormat::fciv_xml},
        {std::string("\xFF\xFE<\0F\0", 6), ManifestFormat::fciv_xml},
        {std::string("\xFE\xFF\0{\0\"", 6), ManifestFormat::json},
        {"{\"name\":\"abc.txt\"}\n", ManifestFormat::json},
        {"\"Algorithm\",\"Hash\",\"Path\"\r\n", ManifestFormat::csv},
        {"Algorithm,Hash,Path\n", ManifestFormat::csv},
        {"#TYPE Microsoft.Powershell.Utility.FileHash\r\n", ManifestFormat::csv},
        {"#type of files: md5\n", ManifestFormat::gnu},
        {std::string("\xFF\xFE\"\0A\0l\0g\0o\0r\0i\0t\0h\0m\0\"\0,\0", 26), ManifestFormat::csv},
        {"\xFF\xFF\xFF", ManifestFormat::gnu},
    };
    for (const Case& c : cases) {
        INFO("head size " << c.head.size());
        CHECK(sniff(c.head) == c.expected);
    }
}
