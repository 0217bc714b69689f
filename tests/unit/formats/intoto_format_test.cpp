#include "support/catch.hpp"

#include <string>

#include "fhash/base64.hpp"
#include "fhash/intoto_format.hpp"
#include "fhash/signature_formats.hpp"

using namespace fhash;

namespace {

const std::string k_abc_sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

std::string statement(const std::string& subjects) {
    return R"({"_type":"https://in-toto.io/Statement/v1","subject":[)" + subjects +
           R"(],"predicateType":"x"})";
}

}  // namespace

TEST_CASE("in-toto: a Statement's subjects become entries", "[intoto]") {
    const std::string doc =
        statement(R"({"name":"abc.txt","digest":{"sha256":")" + k_abc_sha256 +
                  R"(","gitCommit":"00"}},{"name":"repo","digest":{"gitCommit":"00"}})");
    CHECK(looks_like_intoto(doc));
    Result<std::vector<IntotoRecord>> records = parse_intoto(doc);
    REQUIRE(records);
    REQUIRE(records->size() == 1);
    const IntotoRecord& record = records->front();
    REQUIRE(record.subjects.size() == 1);
    CHECK(record.subjects[0].name == "abc.txt");
    CHECK(record.subjects[0].digests.size() == 1);
    CHECK(record.malformed_subjects == 1);
    CHECK_FALSE(record.envelope);
}

TEST_CASE("in-toto: DSSE envelopes, one per line", "[intoto]") {
    const std::string payload =
        statement(R"({"name":"abc.txt","digest":{"sha256":")" + k_abc_sha256 + "\"}}");
    const std::string line = R"({"payloadType":"application/vnd.in-toto+json","payload":")" +
                             base64_encode(payload) +
                             R"(","signatures":[{"keyid":"k","sig":"AAAA"}]})";
    Result<std::vector<IntotoRecord>> records = parse_intoto(line + "\n\n" + line + "\n");
    REQUIRE(records);
    REQUIRE(records->size() == 2);
    REQUIRE((*records)[1].envelope);
    CHECK((*records)[1].envelope->payload == payload);
    CHECK((*records)[1].envelope->signatures.at(0).signature == std::string(3, '\0'));
    CHECK((*records)[1].subjects.at(0).line == 2);
}

TEST_CASE("in-toto: refusals name the record", "[intoto]") {
    CHECK(parse_intoto("{\"a\":1}").error().detail == "in-toto record 1: not an in-toto Statement");
    CHECK(parse_intoto(statement("") + "\n{").error().detail == "in-toto record 2: not valid JSON");
    CHECK_FALSE(parse_intoto(R"({"payloadType":"t","payload":"!!"})"));
    CHECK_FALSE(parse_intoto(R"({"payloadType":"t","payload":"AAAA"})"));
    CHECK_FALSE(looks_like_intoto(R"({"path":"a","sha256":"00"})"));
}

TEST_CASE("in-toto: -f intoto writes a Statement that reads back", "[intoto]") {
    ManifestEntry entry;
    entry.name = "abc.txt";
    entry.digests.emplace_back(Algorithm::sha256, *digest_from_hex(k_abc_sha256));
    const std::string text = format_intoto_statement({&entry, 1}, k_intoto_predicate_type);
    CHECK(text == R"({"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"abc.txt",)"
                  R"("digest":{"sha256":")" +
                      k_abc_sha256 + R"("}}],"predicateType":"https://in-toto.io/Null"})" + "\n");
    Result<std::vector<IntotoRecord>> back = parse_intoto(text);
    REQUIRE(back);
    CHECK(back->front().subjects.at(0).digests == entry.digests);
    CHECK(intoto_digest_name(Algorithm::sha512_256) == "sha512_256");
    CHECK_FALSE(intoto_digest_name(Algorithm::blake3));
}

TEST_CASE("PEM public keys: Ed25519 and P-256 only", "[signature]") {
    // openssl genpkey -algorithm ed25519 | openssl pkey -pubout (RFC 8032 TEST 1's key)
    const std::string ed =
        "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
        "-----END PUBLIC KEY-----\n";
    Result<DssePublicKey> key = parse_pem_public_key(ed);
    REQUIRE(key);
    CHECK(key->kind == DssePublicKey::Kind::ed25519);
    CHECK(key->key.size() == 32);
    CHECK_FALSE(parse_pem_public_key("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
    CHECK_FALSE(parse_pem_public_key("nothing"));
}

TEST_CASE("ECDSA DER signatures become r || s", "[signature]") {
    // SEQUENCE { INTEGER 0x00ff (leading zero), INTEGER 0x01 }
    const std::string der("\x30\x07\x02\x02\x00\xff\x02\x01\x01", 9);
    const auto raw = ecdsa_der_to_raw(der);
    REQUIRE(raw);
    CHECK((*raw)[31] == 0xff);
    CHECK((*raw)[63] == 0x01);
    CHECK((*raw)[0] == 0);
    CHECK_FALSE(ecdsa_der_to_raw(std::string("\x30\x06\x02\x01\x80\x02\x01\x01", 8)));  // negative
    CHECK_FALSE(ecdsa_der_to_raw(der + "x"));
    CHECK_FALSE(ecdsa_der_to_raw(""));
}
