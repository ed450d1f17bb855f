// SHA-256 digests as lowercase hex, used for content hashes and export manifests. Computed by
// OpenSSL's libcrypto, which uses the processor's SHA instructions where it has them: about
// five times libsodium's speed on a recent x86, which matters for a year's export (hashed
// once on the way out and once more when read back).
#pragma once

#include <string>
#include <string_view>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX

namespace dv {

std::string sha256_hex(std::string_view data);

// Incremental form for large inputs and for hashing several fields without ambiguity.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view data);
    // Appends the length before the data, so ("ab","c") and ("a","bc") hash differently.
    void update_field(std::string_view data);
    std::string hex();  // finishes; the object must not be updated afterwards

private:
    evp_md_ctx_st* m_context;
};

}  // namespace dv
