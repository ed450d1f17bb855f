// The payload QR frames carry (docs/qr-format.md): named files, deflated (zlib), signed by the
// kiosk key, and encrypted as a whole to the staff key when the kiosk has one.
//
//   payload   = flags(1) body          flags: 1 = encrypted, 2 = signed
//   body      = seal_box(signed) when encrypted, else signed
//   signed    = kiosk public key(32) signature(88, base64 Ed25519 of the zlib bytes) zlib
//               when signed, else zlib
//   zlib      = zlib stream of: per file, name length(1) name form(1) size(4, big-endian) bytes,
//               the bytes in a compact form restored exactly on receipt (qr_compact.hpp)
#pragma once

#include "crypto.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dv {

struct QrFile {
    std::string name;
    std::string bytes;
};

inline constexpr size_t kQrMaxUnpackedBytes = 256u << 20;  // refuse anything that inflates beyond this

// The Adler-32 of the preset deflate dictionary, frozen for QR format version 1 (a test checks
// it against docs/qr-format.md, so a change cannot slip in unnoticed).
std::uint32_t qr_dictionary_adler32();

// The files as one payload: compressed, signed when signer is given, sealed to recipient when
// given. nullopt with `error` set when compression fails.
std::optional<std::string> pack_qr_payload(const std::vector<QrFile>& files, const KioskKey* signer,
                                           const std::optional<StaffPublicKey>& recipient, std::string& error);

struct QrContents {
    std::vector<QrFile> files;
    bool encrypted = false;
    bool signed_by_kiosk = false;
    std::string kiosk_key;  // base64 of the public key that signed it
};

// Opens a whole payload. key: needed when it is encrypted. False with error saying what is wrong.
bool open_qr_payload(std::string_view payload, const StaffSecretKey* key, QrContents& out, std::string& error);

}  // namespace dv
