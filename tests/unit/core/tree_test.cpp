#include "support/catch.hpp"

#include <optional>
#include <string>

#include "fhash/tree.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;  // NOLINT: test file

// The tools' own answers are the oracles of tests/cli/tree_oracles_test.sh; here the pieces
// that need no tool, with values those tools printed once (nix-hash 2.8, git 2.39).

TEST_CASE("tree schemes by name", "[tree]") {
    CHECK(parse_tree_scheme("h1") == TreeScheme::h1);
    CHECK(parse_tree_scheme("NAR") == TreeScheme::nar);
    CHECK(parse_tree_scheme("git-sha256") == TreeScheme::git_sha256);
    CHECK_FALSE(parse_tree_scheme("git-sha1"));
    for (const TreeScheme s : {TreeScheme::h1, TreeScheme::dirhash, TreeScheme::nar,
                               TreeScheme::git, TreeScheme::git_sha256}) {
        CHECK(parse_tree_scheme(tree_scheme_name(s)) == s);
    }
}

TEST_CASE("Nix base32 both ways", "[tree]") {
    // nix-hash --type sha256 --to-base32 <sha256 of nothing>
    const std::optional<Digest> empty =
        digest_from_hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    REQUIRE(empty);
    CHECK(to_nix_base32(*empty) == "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73");
    CHECK(parse_tree_digest(TreeScheme::nar,
                            "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73") == *empty);
    CHECK(parse_tree_digest(TreeScheme::nar,
                            "sha256:0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73") ==
          *empty);
    CHECK(parse_tree_digest(TreeScheme::nar, "sha256-" + to_base64(*empty)) == *empty);
    // A last character that carries bits beyond 256 is not a digest.
    CHECK_FALSE(
        parse_tree_digest(TreeScheme::nar, "zmdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73"));
    CHECK_FALSE(
        parse_tree_digest(TreeScheme::nar, "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c7e"));
}

TEST_CASE("a digest's form names its scheme where it can", "[tree]") {
    CHECK(tree_scheme_of("h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=") == TreeScheme::h1);
    CHECK(tree_scheme_of("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=") == TreeScheme::nar);
    CHECK(tree_scheme_of("0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73") ==
          TreeScheme::nar);
    CHECK(tree_scheme_of("4b825dc642cb6eb9a060e54bf8d69288fbee4904") == TreeScheme::git);
    CHECK_FALSE(tree_scheme_of("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

TEST_CASE("an empty folder in every scheme", "[tree]") {
    const test::TempDir dir;
    Result<TreeNode> tree = read_tree(dir.path(), {});
    REQUIRE(tree);
    CHECK(tree->children.empty());
    Result<TreeDigest> git = digest_tree(TreeScheme::git, *tree);
    REQUIRE(git);
    CHECK(git->text == "4b825dc642cb6eb9a060e54bf8d69288fbee4904");  // git's empty tree
    Result<TreeDigest> nar = digest_tree(TreeScheme::nar, *tree);
    REQUIRE(nar);
    CHECK(to_hex(nar->digest) ==  // nix-hash --type sha256 of an empty folder
          "a50a5ab6d992f5598edd92105059fae9acfc192981e08bd88534c2167e92526a");
    Result<TreeDigest> h1 = digest_tree(TreeScheme::h1, *tree, true);
    REQUIRE(h1);
    CHECK(h1->text == "h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");  // SHA-256 of nothing
    CHECK(h1->explanation.empty());
}

TEST_CASE("a file is not a tree", "[tree]") {
    const test::TempDir dir;
    const std::filesystem::path file = dir.path() / "f";
    { std::ofstream(file) << "x"; }
    Result<TreeNode> tree = read_tree(file, {});
    REQUIRE_FALSE(tree);
    CHECK(tree.error().code == make_error_code(Errc::not_a_regular_file));
}
