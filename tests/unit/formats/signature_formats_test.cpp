#include "support/catch.hpp"

#include <string>

#include "fhash/base64.hpp"
#include "fhash/signature_formats.hpp"
#include "support/ed25519_vectors.hpp"

using namespace fhash;
using fhash::test::k_rfc8032_test1;

TEST_CASE("signature files are told apart by their first bytes", "[signature]") {
    CHECK(sniff_signature("-----BEGIN PGP SIGNATURE-----\n") == SignatureFormat::openpgp);
    CHECK(sniff_signature("\n-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n") ==
          SignatureFormat::clearsigned);
    CHECK(sniff_signature("\x88\x75") == SignatureFormat::openpgp);  // old-format tag 2
    CHECK(sniff_signature("\xc2\x75") == SignatureFormat::openpgp);  // new-format tag 2
    CHECK(sniff_signature("\x99\x01") == SignatureFormat::unknown);  // a public key packet
    CHECK(sniff_signature("untrusted comment: x\nRWQ=\nSHA256 (a) = 00\n") ==
          SignatureFormat::signify);
    CHECK(sniff_signature("untrusted comment: x\nRWQ=\ntrusted comment: t\nAA==\n") ==
          SignatureFormat::minisign);
    CHECK(sniff_signature("0123abcd  file\n") == SignatureFormat::unknown);
    CHECK(sniff_signature("") == SignatureFormat::unknown);
}

TEST_CASE("signify and minisign keys: file or inline base64", "[signature]") {
    const std::string file = test::signify_public_key(k_rfc8032_test1);
    const Result<Ed25519PublicKey> key = parse_ed25519_public_key(file);
    REQUIRE(key);
    CHECK(key_id_text(key->key_id) == "807060504030201");
    CHECK(std::string(key->key.begin(), key->key.end()) == test::unhex(k_rfc8032_test1.public_key));
    const std::string inline_key = file.substr(file.find('\n') + 1);
    const Result<Ed25519PublicKey> same = parse_ed25519_public_key(inline_key);
    REQUIRE(same);
    CHECK(same->key == key->key);
    CHECK_FALSE(parse_ed25519_public_key("untrusted comment: x\nnot base64!\n"));
    CHECK_FALSE(parse_ed25519_public_key(base64_encode("Ed12345678short")));
    CHECK_FALSE(parse_ed25519_public_key(base64_encode("XX" + std::string(40, 'k'))));
    CHECK_FALSE(parse_ed25519_public_key(""));
}

TEST_CASE("signify signatures: two lines, then the embedded text", "[signature]") {
    const std::string file = test::signify_embedded(k_rfc8032_test1, "SHA256 (a) = 00\n");
    const Result<Ed25519Signature> sig = parse_signify_signature(file);
    REQUIRE(sig);
    CHECK_FALSE(sig->prehashed);
    CHECK(file.substr(sig->message_offset) == "SHA256 (a) = 00\n");
    CHECK_FALSE(parse_signify_signature("untrusted comment: x\n"));
    CHECK_FALSE(parse_signify_signature("no comment\nRWQ=\n"));
    CHECK_FALSE(parse_signify_signature("untrusted comment: " + std::string(2000, 'c') + "\n"));
}

TEST_CASE("minisign signatures: ED and Ed, trusted comment, global signature", "[signature]") {
    const std::string sig64(64, 's');
    const std::string global(64, 'g');
    const auto file = [&](const char* algorithm, const std::string& tail) {
        return "untrusted comment: signature\n" +
               base64_encode(algorithm + std::string(8, 'k') + sig64) +
               "\r\ntrusted comment: timestamp:1\tfile:x\n" + base64_encode(global) + "\n" + tail;
    };
    const Result<Ed25519Signature> prehashed = parse_minisign_signature(file("ED", ""));
    REQUIRE(prehashed);
    CHECK(prehashed->prehashed);
    CHECK(prehashed->trusted_comment == "timestamp:1\tfile:x");
    CHECK(std::string(prehashed->global_signature.begin(), prehashed->global_signature.end()) ==
          global);
    const Result<Ed25519Signature> legacy = parse_minisign_signature(file("Ed", "\n"));
    REQUIRE(legacy);
    CHECK_FALSE(legacy->prehashed);
    CHECK_FALSE(parse_minisign_signature(file("ED", "more text\n")));
    CHECK_FALSE(parse_minisign_signature(file("EX", "")));
    CHECK_FALSE(parse_minisign_signature("untrusted comment: s\n" +
                                         base64_encode("ED" + std::string(8, 'k') + sig64) + "\n"));
}

TEST_CASE("OpenPGP armour is taken off with its CRC-24 checked", "[signature]") {
    // "hello" in armour; CRC-24 of "hello" is 0x47F58A (RFC 4880's algorithm).
    const std::string armoured =
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\nComment: x\n\naGVsbG8=\n=R/WK\n"
        "-----END PGP PUBLIC KEY BLOCK-----\n";
    const Result<std::string> bytes = dearmor_openpgp(armoured);
    REQUIRE(bytes);
    CHECK(*bytes == "hello");
    CHECK(is_armoured_openpgp("\n" + armoured));
    std::string twice = armoured + armoured;
    CHECK(*dearmor_openpgp(twice) == "hellohello");
    std::string bad = armoured;
    bad.replace(bad.find("=R/WK"), 5, "=AAAA");
    CHECK_FALSE(dearmor_openpgp(bad));
    CHECK_FALSE(dearmor_openpgp("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\naGVsbG8=\n"));
    CHECK_FALSE(dearmor_openpgp("not armour"));
}

TEST_CASE("clearsigned layout: lines outside the signed block are counted", "[signature]") {
    const std::string block =
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\ntext\n"
        "-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n";
    ClearsignedLayout layout = clearsigned_layout(block);
    CHECK(layout.blocks == 1);
    CHECK(layout.lines_before == 0);
    CHECK(layout.lines_after == 0);
    layout = clearsigned_layout("added\n\n" + block + "after 1\n  \nafter 2\n");
    CHECK(layout.lines_before == 1);
    CHECK(layout.lines_after == 2);
    CHECK(clearsigned_layout(block + block).blocks == 2);
    CHECK(clearsigned_layout("- -----BEGIN PGP SIGNED MESSAGE-----\n").blocks == 0);
}

TEST_CASE("gpgv status lines decide, whatever else is printed", "[signature]") {
    const std::string fpr = "0123456789ABCDEF0123456789ABCDEF01234567";
    const std::string good =
        "[GNUPG:] NEWSIG\n[GNUPG:] GOODSIG 89ABCDEF01234567 A <a@b>\n"
        "[GNUPG:] VALIDSIG " +
        fpr + " 2026-01-01 1 0 4 0 22 10 00 " + fpr + "\n";
    GpgvVerdict verdict = parse_gpgv_status(good);
    CHECK(verdict.trusted());
    CHECK(verdict.valid_fingerprints == std::vector<std::string>{fpr});
    verdict = parse_gpgv_status("[GNUPG:] NEWSIG\n[GNUPG:] BADSIG 89ABCDEF01234567 A\n");
    CHECK_FALSE(verdict.trusted());
    CHECK(verdict.problem == "BAD signature by key 89ABCDEF01234567");
    verdict = parse_gpgv_status(good +
                                "[GNUPG:] NEWSIG\n[GNUPG:] EXPKEYSIG 1111 B\n"
                                "[GNUPG:] VALIDSIG " +
                                fpr + "\n");
    CHECK_FALSE(verdict.trusted());
    CHECK(verdict.problem == "the signing key 1111 has expired");
    verdict = parse_gpgv_status(
        "[GNUPG:] NEWSIG\n[GNUPG:] ERRSIG 2222 22 10 00 1 9\n"
        "[GNUPG:] NO_PUBKEY 2222\n");
    CHECK(verdict.problem == "the signing key 2222 is not in the keyring");
    CHECK_FALSE(parse_gpgv_status("").trusted());
    CHECK_FALSE(parse_gpgv_status("gpgv: [GNUPG:] GOODSIG forged\n").trusted());
    CHECK(parse_gpgv_status("[GNUPG:] NODATA 1\n").problem == "no OpenPGP signature found");
    // Two signatures, one good and one without a result: not trusted.
    verdict = parse_gpgv_status(good + "[GNUPG:] NEWSIG\n");
    CHECK_FALSE(verdict.trusted());
    // Several signers, one of them not in the keyring: set aside, as apt does.
    verdict = parse_gpgv_status(good +
                                "[GNUPG:] NEWSIG\n[GNUPG:] ERRSIG 3333 22 8 00 1 9\n"
                                "[GNUPG:] NO_PUBKEY 3333\n");
    CHECK(verdict.trusted());
    CHECK(verdict.unknown_keys == std::vector<std::string>{"3333"});
    // ... but never with a bad one.
    CHECK_FALSE(parse_gpgv_status(good + "[GNUPG:] NEWSIG\n[GNUPG:] ERRSIG 3333 22 8 00 1 9\n"
                                         "[GNUPG:] NEWSIG\n[GNUPG:] BADSIG 4444 C\n")
                    .trusted());
}

TEST_CASE("DSSE pre-authentication encoding", "[signature]") {
    // The example of the DSSE specification (protocol.md).
    CHECK(dsse_pae("http://example.com/HelloWorld", "hello world") ==
          "DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    CHECK(dsse_pae("", "") == "DSSEv1 0  0 ");
}
