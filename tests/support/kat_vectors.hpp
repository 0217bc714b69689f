#pragma once
// Known-answer vectors for every algorithm. Inputs: "", "abc", the 448-bit FIPS 180 message
// and "a" x 1,000,000. MD5, SHA-1, SHA-2 (224/256/384/512), SHA3-256 and BLAKE2b-512 were
// checked with coreutils, OpenSSL and Python hashlib (standards and the MD5/SHA-1/SHA-256
// values in docs/formats.md, "Known-answer values"); SHA-512/224, SHA-512/256,
// SHA3-224/384/512 and BLAKE2s-256 were computed with both `openssl dgst` 3.0 and Python
// hashlib, which agreed. BLAKE3 is b3sum 1.2.0's output; SM3, RIPEMD-160 and SHAKE128/256
// (at OpenSSL's default lengths, 128 and 256 bits) were computed with `openssl dgst` 3.0 and
// agree with Python hashlib (and, for "abc", with the SM3 and RIPEMD-160 specifications).
// xxHash values are xxhsum 0.8.1's (-H0, -H1, -H3, -H2); CRC-32 is Python's zlib.crc32;
// CRC-32C and CRC-64/NVME come from a bit-at-a-time Python model that gives the CRC
// catalogue's check values; cksum, sum -r (BSD) and sum -s (System V) are coreutils', in
// hex. The cloud digests of these inputs, all smaller than one part, are their base
// algorithm's (Python hashlib and zlib, the CRC rows above) with a part count of 0 where they
// carry one; Dropbox's is SHA-256 of the one block's SHA-256 (of no block for the empty
// input). Their multipart values are proven against their peers in
// tests/cli/cloud_oracles_test.sh.
// Rows are in table order (all_algorithms()), as the engine test compares them in order.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/algorithm.hpp"
#include "fhash/hasher.hpp"

namespace fhash::test {

inline constexpr std::string_view k_kat_448 =
    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

/// The four KAT inputs, in table column order.
inline std::array<std::string, 4> kat_inputs() {
    return {std::string(), std::string("abc"), std::string(k_kat_448), std::string(1000000, 'a')};
}

struct KatRow {
    Algorithm algorithm;
    std::array<std::string_view, 4> hex;  // "", "abc", 448-bit, "a" x 1e6
};

inline constexpr std::array<KatRow, 38> k_kat_rows{{
    {Algorithm::md5,
     {"d41d8cd98f00b204e9800998ecf8427e", "900150983cd24fb0d6963f7d28e17f72",
      "8215ef0796a20bcaaae116d3876c664a", "7707d6ae4e027c70eea2a935c2296f21"}},
    {Algorithm::sha1,
     {"da39a3ee5e6b4b0d3255bfef95601890afd80709", "a9993e364706816aba3e25717850c26c9cd0d89d",
      "84983e441c3bd26ebaae4aa1f95129e5e54670f1", "34aa973cd4c4daa4f61eeb2bdbad27316534016f"}},
    {Algorithm::sha224,
     {"d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f",
      "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
      "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525",
      "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67"}},
    {Algorithm::sha256,
     {"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"}},
    {Algorithm::sha384,
     {"38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898"
      "b95b",
      "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c8"
      "25a7",
      "3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05abfe8f450de5f36bc6b0455a8520bc4e6f5fe95b1fe3c8"
      "452b",
      "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d"
      "8985"}},
    {Algorithm::sha512,
     {"cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877e"
      "ec2f63b931bd47417a81a538327af927da3e",
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3fe"
      "ebbd454d4423643ce80e2a9ac94fa54ca49f",
      "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea5778"
      "9ca031ad85c7a71dd70354ec631238ca3445",
      "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577"
      "c31beb009c5c2c49aa2e4eadb217ad8cc09b"}},
    {Algorithm::sha512_224,
     {"6ed0dd02806fa89e25de060c19d3ac86cabb87d6a0ddd05c333b84f4",
      "4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa",
      "e5302d6d54bb242275d1e7622d68df6eb02dedd13f564c13dbda2174",
      "37ab331d76f0d36de422bd0edeb22a28accd487b7a8453ae965dd287"}},
    {Algorithm::sha512_256,
     {"c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a",
      "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23",
      "bde8e1f9f19bb9fd3406c90ec6bc47bd36d8ada9f11880dbc8a22a7078b6a461",
      "9a59a052930187a97038cae692f30708aa6491923ef5194394dc68d56c74fb21"}},
    {Algorithm::sha3_224,
     {"6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7",
      "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf",
      "8a24108b154ada21c9fd5574494479ba5c7e7ab76ef264ead0fcce33",
      "d69335b93325192e516a912e6d19a15cb51c6ed5c15243e7a7fd653c"}},
    {Algorithm::sha3_256,
     {"a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a",
      "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
      "41c0dba2a9d6240849100376a8235e2c82e1b9998a999e21db32dd97496d3376",
      "5c8875ae474a3634ba4fd55ec85bffd661f32aca75c6d699d0cdcb6c115891c1"}},
    {Algorithm::sha3_384,
     {"0c63a75b845e4f7d01107d852e4c2485c51a50aaaa94fc61995e71bbee983a2ac3713831264adb47fb6bd1e058d5"
      "f004",
      "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf22837"
      "6d25",
      "991c665755eb3a4b6bbdfb75c78a492e8c56a22c5c4d7e429bfdbc32b9d4ad5aa04a1f076e62fea19eef51acd065"
      "7c22",
      "eee9e24d78c1855337983451df97c8ad9eedf256c6334f8e948d252d5e0e76847aa0774ddb90a842190d2c558b4b"
      "8340"}},
    {Algorithm::sha3_512,
     {"a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3a"
      "c558f500199d95b6d3e301758586281dcd26",
      "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3"
      "934057340b4cf408d5a56592f8274eec53f0",
      "04a371e84ecfb5b8b77cb48610fca8182dd457ce6f326a0fd3d7ec2f1e91636dee691fbe0c985302ba1b0d8dc78c"
      "086346b533b49c030d99a27daf1139d6e75e",
      "3c3a876da14034ab60627c077bb98f7e120a2a5370212dffb3385a18d4f38859ed311d0a9d5141ce9cc5c66ee689"
      "b266a8aa18ace8282a0e0db596c90b0a7b87"}},
    {Algorithm::blake2b,
     {"786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934e"
      "b04b903a685b1448b755d56f701afe9be2ce",
      "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533"
      "cc9518d38aa8dbf1925ab92386edd4009923",
      "7285ff3e8bd768d69be62b3bf18765a325917fa9744ac2f582a20850bc2b1141ed1b3e4528595acc90772bdf2d37"
      "dc8a47130b44f33a02e8730e5ad8e166e888",
      "98fb3efb7206fd19ebf69b6f312cf7b64e3b94dbe1a17107913975a793f177e1d077609d7fba363cbba00d05f7aa"
      "4e4fa8715d6428104c0a75643b0ff3fd3eaf"}},
    {Algorithm::blake2s,
     {"69217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9",
      "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982",
      "6f4df5116a6f332edab1d9e10ee87df6557beab6259d7663f3bcd5722c13f189",
      "bec0c0e6cde5b67acb73b81f79a67a4079ae1c60dac9d2661af18e9f8b50dfa5"}},
    // BLAKE3: b3sum 1.2.0.
    {Algorithm::blake3,
     {"af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
      "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85",
      "c19012cc2aaf0dc3d8e5c45a1b79114d2df42abb2a410bf54be09e891af06ff8",
      "616f575a1b58d4c9797d4217b9730ae5e6eb319d76edef6549b46f4efe31ff8b"}},
    {Algorithm::xxh32, {"02cc5d05", "32d153ff", "89ea60c3", "e1155920"}},
    {Algorithm::xxh64,
     {"ef46db3751d8e999", "44bc2cf5ad770999", "f06103773e8585df", "dc483aaa9b4fdc40"}},
    {Algorithm::xxh3,
     {"2d06800538d394c2", "78af5f94892f3950", "5bbcbbabcdcc3d3f", "b1fd6fae5285c4eb"}},
    {Algorithm::xxh128,
     {"99aa06d3014798d86001c324468d497f", "06b05ab6733a618578af5f94892f3950",
      "3d62d22a5169b016c0d894fd4828a1a7", "a545df8e384a9579b1fd6fae5285c4eb"}},
    {Algorithm::crc32, {"00000000", "352441c2", "171a3f5f", "dc25bfbc"}},
    {Algorithm::crc32c, {"00000000", "364b3fb7", "071325f5", "436fe240"}},
    {Algorithm::crc64nvme,
     {"0000000000000000", "05e5cabb3fc1faeb", "f01a771de91f90d4", "38b0ef50419e0b4c"}},
    {Algorithm::cksum, {"ffffffff", "48aa78a2", "97d32c84", "cac55e1f"}},
    {Algorithm::sm3,
     {"1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b",
      "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
      "639b6cc5e64d9e37a390b192df4fa1ea0720ab747ff692b9f38c4e66ad7b8c05",
      "c8aaf89429554029e231941a2acc0ad61ff2a5acd8fadd25847a3a732b3b02c3"}},
    {Algorithm::ripemd160,
     {"9c1185a5c5e9fc54612808977ee8f548b2258d31", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
      "12a053384a9c0c88e405a06c27dcf49ada62eb2b", "52783243c1697bdbe16d37f97f68f08325dc1528"}},
    {Algorithm::shake128,
     {"7f9c2ba4e88f827d616045507605853e", "5881092dd818bf5cf8a3ddb793fbcba7",
      "1a96182b50fb8c7e74e0a707788f55e9", "9d222c79c4ff9d092cf6ca86143aa411"}},
    {Algorithm::shake256,
     {"46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f",
      "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739",
      "4d8c2dd2435a0128eefbb8c36f6f87133a7911e18d979ee1ae6be5d4fd2e3329",
      "3578a7a4ca9137569cdf76ed617d31bb994fca9c1bbf8b184013de8234dfd13a"}},
    {Algorithm::sum_bsd, {"0000", "40ac", "d612", "f531"}},
    {Algorithm::sum_sysv, {"0000", "0126", "16f8", "2008"}},
    {Algorithm::s3_etag,
     {"d41d8cd98f00b204e9800998ecf8427e00000000", "900150983cd24fb0d6963f7d28e17f7200000000",
      "8215ef0796a20bcaaae116d3876c664a00000000", "7707d6ae4e027c70eea2a935c2296f2100000000"}},
    {Algorithm::s3_sha256,
     {"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85500000000",
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad00000000",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c100000000",
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd000000000"}},
    {Algorithm::s3_sha1,
     {"da39a3ee5e6b4b0d3255bfef95601890afd8070900000000",
      "a9993e364706816aba3e25717850c26c9cd0d89d00000000",
      "84983e441c3bd26ebaae4aa1f95129e5e54670f100000000",
      "34aa973cd4c4daa4f61eeb2bdbad27316534016f00000000"}},
    {Algorithm::s3_crc32,
     {"0000000000000000", "352441c200000000", "171a3f5f00000000", "dc25bfbc00000000"}},
    {Algorithm::s3_crc32c,
     {"0000000000000000", "364b3fb700000000", "071325f500000000", "436fe24000000000"}},
    {Algorithm::s3_crc64nvme,
     {"0000000000000000", "05e5cabb3fc1faeb", "f01a771de91f90d4", "38b0ef50419e0b4c"}},
    {Algorithm::gcs_crc32c, {"00000000", "364b3fb7", "071325f5", "436fe240"}},
    {Algorithm::azure_md5,
     {"d41d8cd98f00b204e9800998ecf8427e", "900150983cd24fb0d6963f7d28e17f72",
      "8215ef0796a20bcaaae116d3876c664a", "7707d6ae4e027c70eea2a935c2296f21"}},
    {Algorithm::dropbox,
     {"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "4f8b42c22dd3729b519ba6f68d2da7cc5b2d606d05daed5ad5128cc03e6c6358",
      "0cffe17f68954dac3a84fb1458bd5ec99209449749b2b308b7cb55812f9563af",
      "80d1189477563e1b5206b2749f1afe4807e5705e8bd77887a60187a712156688"}},
}};

/// The check input of the CRC catalogue (reveng.sourceforge.io) and of xxHash's own tests.
inline constexpr std::string_view k_check_input = "123456789";

/// An algorithm's digest of k_check_input, in hex.
struct CheckRow {
    Algorithm algorithm;
    std::string_view hex;
};

/// The check values of the non-cryptographic algorithms (same sources as k_kat_rows; cksum
/// prints 930766865, 0x377a6011), in the order of all_algorithms().
inline constexpr std::array<CheckRow, 10> k_check_rows{{
    {Algorithm::xxh32, "937bad67"},
    {Algorithm::xxh64, "8cb841db40e6ae83"},
    {Algorithm::xxh3, "72dcb18b67a17dff"},
    {Algorithm::xxh128, "33119477ede5dcd5e9716427681d5860"},
    {Algorithm::crc32, "cbf43926"},
    {Algorithm::crc32c, "e3069283"},
    {Algorithm::crc64nvme, "ae8b14860a799888"},
    {Algorithm::cksum, "377a6011"},
    {Algorithm::sum_bsd, "d16f"},
    {Algorithm::sum_sysv, "01dd"},
}};

/// The rows whose algorithm this build computes (all with OpenSSL; Windows CNG lacks
/// SHA-224, SHA-512/t, SHA-3, BLAKE2, SM3, RIPEMD-160 and SHAKE, which are checked to be
/// refused instead).
inline std::vector<KatRow> supported_kat_rows() {
    std::vector<KatRow> rows;
    for (const KatRow& row : k_kat_rows) {
        if (backend_supports(row.algorithm)) {
            rows.push_back(row);
        }
    }
    return rows;
}

/// The check rows whose algorithm this build computes.
inline std::vector<CheckRow> supported_check_rows() {
    std::vector<CheckRow> rows;
    for (const CheckRow& row : k_check_rows) {
        if (backend_supports(row.algorithm)) {
            rows.push_back(row);
        }
    }
    return rows;
}

}  // namespace fhash::test
