// SHA-256 digests as lowercase hex, used for content hashes and export manifests.
#pragma once

#include <string>
#include <string_view>

namespace dv {

std::string sha256_hex(std::string_view data);

// Incremental form for large inputs and for hashing several fields without ambiguity.
class Sha256 {
public:
    Sha256();
    void update(std::string_view data);
    // Appends the length before the data, so ("ab","c") and ("a","bc") hash differently.
    void update_field(std::string_view data);
    std::string hex();  // finishes; the object must not be updated afterwards

private:
    alignas(64) unsigned char m_state[128];
};

}  // namespace dv
