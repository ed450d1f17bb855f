// Keys, sealed streams and signatures (kiosk/exchange/crypto.hpp).
#include "exchange/crypto.hpp"

#include <catch2/catch.hpp>

using namespace dv;

TEST_CASE("Crypto/a sealed stream opens with the right key at every size around a chunk", "[crypto]") {
    const StaffSecretKey key = generate_staff_key();
    const size_t k = SealedStreamWriter::kChunk;
    for (size_t n : {size_t{0}, size_t{1}, k - 1, k, k + 1, 3 * k + 17}) {
        INFO(n);
        std::string plain(n, '\0');
        for (size_t i = 0; i < n; ++i) plain[i] = static_cast<char>(i * 31 + 7);
        SealedStreamWriter w(key.pub);
        w.add(std::string_view(plain).substr(0, n / 3));  // in uneven pieces, as a writer would
        w.add(std::string_view(plain).substr(n / 3));
        w.finish();
        std::string back, error;
        REQUIRE(open_sealed_stream(w.output(), key, back, error));
        CHECK(back == plain);
    }
}

TEST_CASE("Crypto/a sealed stream cut off, altered or for another key does not open", "[crypto]") {
    const StaffSecretKey key = generate_staff_key();
    SealedStreamWriter w(key.pub);
    w.add(std::string(2 * SealedStreamWriter::kChunk + 10, 'x'));
    w.finish();
    const std::string cipher = w.output();
    std::string plain, error;
    // Cut exactly after the first whole chunk: every remaining byte decrypts, but no final tag.
    const size_t header = 8 + 80 + 24;
    CHECK_FALSE(open_sealed_stream(cipher.substr(0, header + SealedStreamWriter::kChunk + 17), key, plain, error));
    CHECK(error == "encrypted file is cut off");
    std::string altered = cipher;
    altered[header + 100] ^= 1;
    CHECK_FALSE(open_sealed_stream(altered, key, plain, error));
    CHECK(error == "encrypted file is damaged");
    CHECK_FALSE(open_sealed_stream(cipher, generate_staff_key(), plain, error));
    CHECK(error == "encrypted for a different staff key");
    CHECK_FALSE(open_sealed_stream(cipher + "x", key, plain, error));
}

TEST_CASE("Crypto/staff keys round-trip through their text form and bad ones are named", "[crypto]") {
    const StaffSecretKey key = generate_staff_key();
    std::string error;
    const auto pub = parse_staff_public_key(format_staff_public_key(key.pub), "staff.pub", error);
    REQUIRE(pub);
    CHECK(pub->box == key.pub.box);
    CHECK(pub->sign == key.pub.sign);
    const auto sec = parse_staff_secret_key(format_staff_secret_key(key), "staff.key", error);
    REQUIRE(sec);
    CHECK(sec->box == key.box);
    CHECK(sec->sign == key.sign);

    CHECK_FALSE(parse_staff_public_key(format_staff_secret_key(key), "staff.key", error));
    CHECK(error == "staff.key: not a datavoice staff public key (the first line should be 'datavoice staff public key 1')");
    CHECK_FALSE(parse_staff_public_key("datavoice staff public key 1\nbox AAAA\n", "p", error));
    CHECK(error == "p:2: expected one 'box BASE64' line with a key of the right length");
    std::string mixed = format_staff_secret_key(key);
    const StaffSecretKey other = generate_staff_key();
    const std::string other_box = to_base64(other.box.data(), 32);
    mixed.replace(mixed.find("box-secret ") + 11, other_box.size(), other_box);
    CHECK_FALSE(parse_staff_secret_key(mixed, "k", error));
    CHECK(error == "k: the secret and public halves do not belong together");
}

TEST_CASE("Crypto/a detached signature verifies only the exact message with the right key", "[crypto]") {
    const KioskKey k = generate_kiosk_key();
    const auto again = parse_kiosk_key(format_kiosk_key(k));
    REQUIRE(again);
    CHECK(again->pub == k.pub);
    const std::string sig = sign_detached("manifest bytes", k.secret);
    CHECK(verify_detached("manifest bytes", sig, k.pub));
    CHECK_FALSE(verify_detached("manifest bytez", sig, k.pub));
    CHECK_FALSE(verify_detached("manifest bytes", sig, generate_kiosk_key().pub));
    CHECK_FALSE(verify_detached("manifest bytes", "not base64!", k.pub));
}
