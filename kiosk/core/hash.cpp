// SHA-256 through libsodium.
#include "hash.hpp"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace dv {

static_assert(sizeof(crypto_hash_sha256_state) <= 128, "Sha256 state buffer too small");

static std::string to_hex(const unsigned char* bytes, size_t n) {
    static const char digits[] = "0123456789abcdef";
    std::string out(n * 2, '0');
    for (size_t i = 0; i < n; ++i) {
        out[2 * i] = digits[bytes[i] >> 4];
        out[2 * i + 1] = digits[bytes[i] & 15];
    }
    return out;
}

std::string sha256_hex(std::string_view data) {
    Sha256 h;
    h.update(data);
    return h.hex();
}

Sha256::Sha256() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    crypto_hash_sha256_init(reinterpret_cast<crypto_hash_sha256_state*>(m_state));
}

void Sha256::update(std::string_view data) {
    crypto_hash_sha256_update(reinterpret_cast<crypto_hash_sha256_state*>(m_state),
                              reinterpret_cast<const unsigned char*>(data.data()), data.size());
}

void Sha256::update_field(std::string_view data) {
    const std::string len = std::to_string(data.size()) + ":";
    update(len);
    update(data);
}

std::string Sha256::hex() {
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(reinterpret_cast<crypto_hash_sha256_state*>(m_state), out);
    return to_hex(out, sizeof out);
}

}  // namespace dv
