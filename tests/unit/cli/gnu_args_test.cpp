#include "support/catch.hpp"

#include <string>
#include <vector>

#include "cli/gnu_args.hpp"

namespace fhash::cli {
namespace {

enum Id { check, status, strict, length, tag, text, jobs };

constexpr OptionDef k_defs[] = {
    {check, 'c', "check"},
    {status, 0, "status"},
    {strict, 0, "strict"},
    {length, 'l', "length", true},
    {tag, 0, "tag"},
    {text, 't', "text"},
    {jobs, 'j', "jobs", true, false},
};

struct Parse {
    bool ok = false;
    ParsedArgs out;
    std::string error;
};

Parse parse(std::vector<std::string> args, bool permute = true) {
    Parse p;
    p.ok = parse_gnu_args(args, k_defs, p.out, p.error, permute);
    return p;
}

}  // namespace

TEST_CASE("gnu_args: options anywhere until --, clustered short options, values", "[gnu_args]") {
    const Parse p = parse({"f1", "-ctl", "256", "f2", "--", "-c", "--tag"});
    REQUIRE(p.ok);
    REQUIRE(p.out.options.size() == 3);
    CHECK(p.out.options[0].id == check);
    CHECK(p.out.options[1].id == text);
    CHECK(p.out.options[2].id == length);
    CHECK(p.out.options[2].value == "256");
    CHECK(p.out.operands == std::vector<std::string>{"f1", "f2", "-c", "--tag"});

    const Parse attached = parse({"-l128", "--length=64", "-", "--length", "8"});
    REQUIRE(attached.ok);
    CHECK(attached.out.options[0].value == "128");
    CHECK(attached.out.options[1].value == "64");
    CHECK(attached.out.options[2].value == "8");
    CHECK(attached.out.operands == std::vector<std::string>{"-"});
}

TEST_CASE("gnu_args: long options abbreviate to unambiguous prefixes only", "[gnu_args]") {
    const Parse unique = parse({"--che", "--stat", "--ta"});
    REQUIRE(unique.ok);
    CHECK(unique.out.options[0].id == check);
    CHECK(unique.out.options[1].id == status);
    CHECK(unique.out.options[2].id == tag);

    const Parse ambiguous = parse({"--st"});
    CHECK_FALSE(ambiguous.ok);
    CHECK(ambiguous.error == "option '--st' is ambiguous; possibilities: '--status' '--strict'");

    // fhash's extras are spelled out in full: "--jo" is not --jobs.
    const Parse extra = parse({"--jo", "2"});
    CHECK_FALSE(extra.ok);
    CHECK(extra.error == "unrecognized option '--jo'");
}

TEST_CASE("gnu_args: getopt's messages", "[gnu_args]") {
    CHECK(parse({"-x"}).error == "invalid option -- 'x'");
    CHECK(parse({"-cx"}).error == "invalid option -- 'x'");
    CHECK(parse({"--bogus"}).error == "unrecognized option '--bogus'");
    CHECK(parse({"--bogus=1"}).error == "unrecognized option '--bogus'");
    CHECK(parse({"-l"}).error == "option requires an argument -- 'l'");
    CHECK(parse({"--length"}).error == "option '--length' requires an argument");
    CHECK(parse({"--tag=yes"}).error == "option '--tag' doesn't allow an argument");
}

TEST_CASE("gnu_args: without permutation the first operand ends the options", "[gnu_args]") {
    const Parse p = parse({"-c", "file", "-t"}, false);
    REQUIRE(p.ok);
    REQUIRE(p.out.options.size() == 1);
    CHECK(p.out.operands == std::vector<std::string>{"file", "-t"});
    const Parse dash = parse({"-", "-c"}, false);
    REQUIRE(dash.ok);
    CHECK(dash.out.options.empty());
    CHECK(dash.out.operands == std::vector<std::string>{"-", "-c"});
}

}  // namespace fhash::cli
