#include <optional>
#include <string>
#include <vector>

#include "cli/fciv_args.hpp"
#include "support/catch.hpp"

using namespace fhash;
using namespace fhash::cli;

namespace {

/// Parses `args`, which must succeed.
FcivArgs parsed(const std::vector<std::string>& args) {
    FcivArgs out;
    std::string error;
    const bool ok = parse_fciv_args(args, out, error);
    INFO(error);
    REQUIRE(ok);
    return out;
}

/// Parses `args`, which must fail; returns the message.
std::string failure(const std::vector<std::string>& args) {
    FcivArgs out;
    std::string error;
    REQUIRE_FALSE(parse_fciv_args(args, out, error));
    return error;
}

using Targets = std::vector<std::string>;
using Algorithms = std::vector<Algorithm>;

}  // namespace

TEST_CASE("fciv: the command defaults to -add; -add takes the next argument", "[cli][fciv]") {
    const FcivArgs plain = parsed({"a.txt", "b.txt"});
    CHECK(plain.command == FcivCommand::add);
    CHECK(plain.targets == Targets{"a.txt", "b.txt"});
    CHECK(plain.algorithms.empty());

    const FcivArgs add = parsed({"-add", "-r", "x"});
    CHECK(add.command == FcivCommand::add);
    CHECK(add.targets == Targets{"-r", "x"});  // the value of -add is taken as it is
    CHECK_FALSE(add.recursive);

    CHECK(parsed({}).targets.empty());
}

TEST_CASE("fciv: -list, -v and help", "[cli][fciv]") {
    const FcivArgs list = parsed({"-list", "-xml", "db.xml"});
    CHECK(list.command == FcivCommand::list);
    CHECK(list.xml == std::optional<std::string>("db.xml"));
    CHECK(parsed({"-v", "-xml", "db.xml", "-bp", "base"}).command == FcivCommand::verify);
    CHECK(parsed({"-v", "-xml", "db.xml", "-bp", "base"}).base_path ==
          std::optional<std::string>("base"));
    for (const char* help : {"-?", "-h", "-help", "/?", "/H", "-HELP"}) {
        INFO(help);
        CHECK(parsed({help}).command == FcivCommand::help);
    }
    // Help ends the parse: what follows is not looked at.
    CHECK(parsed({"-h", "-frobnicate"}).command == FcivCommand::help);
}

TEST_CASE("fciv: one command only", "[cli][fciv]") {
    CHECK(failure({"-list", "-v", "-xml", "db"}) == "only one of -add, -list and -v may be given");
    CHECK(failure({"-add", "a", "-list"}) == "only one of -add, -list and -v may be given");
    CHECK(parsed({"-v", "-V", "-xml", "db"}).command == FcivCommand::verify);
}

TEST_CASE("fciv: options are case-insensitive", "[cli][fciv]") {
    const FcivArgs args = parsed({"-ADD", "dir", "-R", "-Wp", "-XML", "db", "-SHA1"});
    CHECK(args.targets == Targets{"dir"});
    CHECK(args.recursive);
    CHECK(args.without_path);
    CHECK(args.xml == std::optional<std::string>("db"));
    CHECK(args.algorithms == Algorithms{Algorithm::sha1});
}

TEST_CASE("fciv: '/' starts an option only for a known option name", "[cli][fciv]") {
    const FcivArgs args = parsed({"/sha1", "/add", "f.txt", "/XML", "db.xml", "/r", "/Both"});
    CHECK(args.targets == Targets{"f.txt"});
    CHECK(args.xml == std::optional<std::string>("db.xml"));
    CHECK(args.recursive);
    CHECK(args.algorithms == Algorithms{Algorithm::md5, Algorithm::sha1});
    CHECK(parsed({"/sha3-256", "f"}).algorithms == Algorithms{Algorithm::sha3_256});
    CHECK(parsed({"/list", "/xml", "db"}).command == FcivCommand::list);
    CHECK(parsed({"/V", "/xml", "db"}).command == FcivCommand::verify);

    // Absolute paths stay files: unknown words, further '/', the root itself.
    const FcivArgs paths =
        parsed({"/tmp", "/etc/passwd", "/", "//r", "/sha1/x", "/frobnicate", "/r.txt"});
    CHECK(paths.targets ==
          Targets{"/tmp", "/etc/passwd", "/", "//r", "/sha1/x", "/frobnicate", "/r.txt"});
    CHECK_FALSE(paths.recursive);
    CHECK(paths.algorithms.empty());

    CHECK(fciv_option_name("/SHA1") == std::optional<std::string>("sha1"));
    CHECK(fciv_option_name("-Frob") == std::optional<std::string>("frob"));
    CHECK_FALSE(fciv_option_name("/frob").has_value());
    CHECK_FALSE(fciv_option_name("-").has_value());
    CHECK_FALSE(fciv_option_name("file").has_value());
}

TEST_CASE("fciv: -type masks", "[cli][fciv]") {
    CHECK(parsed({"dir", "-type", "*.exe"}).masks == Targets{"*.exe"});
    // Several in one argument, repeated, or bare masks right after -type.
    CHECK(parsed({"dir", "-type", "*.exe *.dll;*.sys,*.ocx"}).masks ==
          Targets{"*.exe", "*.dll", "*.sys", "*.ocx"});
    CHECK(parsed({"dir", "-type", "*.exe", "-TYPE", "*.dll"}).masks == Targets{"*.exe", "*.dll"});
    const FcivArgs bare = parsed({"-type", "*.exe", "*.dll", "a?.txt", "dir"});
    CHECK(bare.masks == Targets{"*.exe", "*.dll", "a?.txt"});
    CHECK(bare.targets == Targets{"dir"});
    // An option after -type is not a mask, even one holding '?'.
    CHECK(parsed({"-type", "*.exe", "/?"}).command == FcivCommand::help);
    CHECK(parsed({"-type", "*.exe", "/r", "dir"}).recursive);
}

TEST_CASE("fciv: algorithms come out in table order, once", "[cli][fciv]") {
    CHECK(parsed({"f", "-sha1", "-md5"}).algorithms == Algorithms{Algorithm::md5, Algorithm::sha1});
    CHECK(parsed({"f", "-sha1", "-both"}).algorithms ==
          Algorithms{Algorithm::md5, Algorithm::sha1});
    CHECK(parsed({"f", "-both", "-md5", "-both"}).algorithms ==
          Algorithms{Algorithm::md5, Algorithm::sha1});
    CHECK(parsed({"f", "-sha256", "-md5"}).algorithms ==
          Algorithms{Algorithm::md5, Algorithm::sha256});
}

TEST_CASE("fciv: values missing, unknown options", "[cli][fciv]") {
    CHECK(failure({"f", "-xml"}) == "option -xml needs a value");
    CHECK(failure({"-add"}) == "option -add needs a value");
    CHECK(failure({"f", "/TYPE"}) == "option /TYPE needs a value");
    CHECK(failure({"f", "-exc"}) == "option -exc needs a value");
    CHECK(failure({"f", "-bp"}) == "option -bp needs a value");
    CHECK(failure({"-frobnicate"}) == "unknown option -frobnicate");
    CHECK(failure({"f", "-sha1/x"}) == "unknown option -sha1/x");
}

TEST_CASE("fciv: -j N (fhash extension)", "[cli][fciv]") {
    CHECK(parsed({"f"}).jobs == 0);
    CHECK(parsed({"f", "-j", "4"}).jobs == 4);
    CHECK(parsed({"/J", "2", "f"}).jobs == 2);
    CHECK(parsed({"/J", "2", "f"}).targets == Targets{"f"});
    CHECK(parsed({"-j", "0", "-v", "-xml", "db"}).jobs == 0);
    CHECK(failure({"f", "-j"}) == "option -j needs a value");
    CHECK(failure({"f", "-j", "x"}) == "option -j needs a number, not 'x'");
    CHECK(failure({"f", "-j", "-1"}) == "option -j needs a number, not '-1'");
    CHECK(failure({"f", "-j", "4x"}) == "option -j needs a number, not '4x'");
    CHECK(failure({"f", "-j", ""}) == "option -j needs a number, not ''");
    CHECK(failure({"f", "-j4"}) == "unknown option -j4");
}
