// SHA-256 through OpenSSL's libcrypto (see hash.hpp for why not libsodium).
#include "hash.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace dv {

namespace {

std::string to_hex(const unsigned char* bytes, size_t n) {
    static const char digits[] = "0123456789abcdef";
    std::string out(n * 2, '0');
    for (size_t i = 0; i < n; ++i) {
        out[2 * i] = digits[bytes[i] >> 4];
        out[2 * i + 1] = digits[bytes[i] & 15];
    }
    return out;
}

// Fetched once: fetching the algorithm by name is the slow part of starting a digest.
const EVP_MD* sha256() {
    static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!md) throw std::runtime_error("OpenSSL has no SHA-256");
    return md;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
    Sha256 h;
    h.update(data);
    return h.hex();
}

Sha256::Sha256() : m_context(EVP_MD_CTX_new()) {
    if (!m_context || !EVP_DigestInit_ex2(m_context, sha256(), nullptr)) {
        EVP_MD_CTX_free(m_context);
        throw std::runtime_error("OpenSSL could not start a SHA-256 digest");
    }
}

Sha256::~Sha256() { EVP_MD_CTX_free(m_context); }

void Sha256::update(std::string_view data) { EVP_DigestUpdate(m_context, data.data(), data.size()); }

void Sha256::update_field(std::string_view data) {
    const std::string len = std::to_string(data.size()) + ":";
    update(len);
    update(data);
}

std::string Sha256::hex() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(m_context, out, &n);
    return to_hex(out, n);
}

}  // namespace dv
