// Keys, encryption and signatures for export bundles and content packs (libsodium).
//
// Staff key pair (`datavoice keygen`): an X25519 pair that bundles are encrypted to and an
// Ed25519 pair that signs content packs. The public half goes on kiosks; the secret half
// stays on the staff laptop. Kiosk key: an Ed25519 pair made on a kiosk's first export and
// kept in its settings; it signs every bundle's manifest, so the laptop can tell kiosks apart
// and see that nothing was changed.
//
// Encrypted file ("sealed stream", docs/bundle-format.md):
//   "DVSEAL01" | crypto_box_seal(32-byte file key) (80 bytes) | secretstream header (24)
//   | chunks: crypto_secretstream_xchacha20poly1305 over 64 KiB of plaintext each (+17 bytes);
//   the last chunk, possibly empty, carries TAG_FINAL, so a cut-off file never decrypts.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dv {

struct StaffPublicKey {
    std::array<unsigned char, 32> box{};   // X25519, bundles are encrypted to it
    std::array<unsigned char, 32> sign{};  // Ed25519, content packs are checked against it
};

struct StaffSecretKey {
    StaffPublicKey pub;
    std::array<unsigned char, 32> box{};
    std::array<unsigned char, 64> sign{};
};

struct KioskKey {
    std::array<unsigned char, 32> pub{};
    std::array<unsigned char, 64> secret{};
};

StaffSecretKey generate_staff_key();
KioskKey generate_kiosk_key();

// Text forms: a first line naming the kind of key, then "name base64" lines.
std::string format_staff_public_key(const StaffPublicKey& k);
std::string format_staff_secret_key(const StaffSecretKey& k);
// `file` names the source in the error ("file: what is wrong").
std::optional<StaffPublicKey> parse_staff_public_key(std::string_view text, const std::string& file, std::string& error);
std::optional<StaffSecretKey> parse_staff_secret_key(std::string_view text, const std::string& file, std::string& error);
std::string format_kiosk_key(const KioskKey& k);  // one line, for the settings table
std::optional<KioskKey> parse_kiosk_key(std::string_view text);

// What staff compare by eye: the kiosk's staff screen shows it, `datavoice kiosk list` and
// collect's refusals print it. The first 8 bytes of the SHA-256 of the 32-byte public key,
// as 16 lower-case hex digits in groups of four joined by '-' ("3f2a-91bc-0d4e-77a1").
std::string key_fingerprint(const std::array<unsigned char, 32>& pub);
// The same for a base64 public key as manifest.json holds it; nullopt when it is not one.
std::optional<std::string> key_fingerprint(std::string_view pub_base64);

std::string to_base64(const unsigned char* bytes, size_t n);
std::string to_base64(std::string_view bytes);
std::optional<std::string> from_base64(std::string_view text);

// Ed25519 detached signatures, base64.
std::string sign_detached(std::string_view message, const std::array<unsigned char, 64>& secret);
bool verify_detached(std::string_view message, std::string_view signature_base64,
                     const std::array<unsigned char, 32>& pub);

// Encrypts a file's bytes as they are produced, in order.
class SealedStreamWriter {
public:
    static constexpr size_t kChunk = 64 * 1024;
    explicit SealedStreamWriter(const StaffPublicKey& recipient);
    ~SealedStreamWriter();
    SealedStreamWriter(const SealedStreamWriter&) = delete;
    SealedStreamWriter& operator=(const SealedStreamWriter&) = delete;

    // Ciphertext ready so far (the header first); take it and clear it as you write it out.
    std::string& output() { return m_out; }
    void add(std::string_view plain);
    void finish();  // the final chunk

private:
    void push(const unsigned char* p, size_t n, bool final);
    alignas(16) unsigned char m_state[64];
    std::string m_pending;
    std::string m_out;
};

// Decrypts a whole sealed stream. False with error saying what is wrong (not for this key,
// damaged, cut off).
bool open_sealed_stream(std::string_view cipher, const StaffSecretKey& key, std::string& plain, std::string& error);

bool is_sealed_stream(std::string_view bytes);

// A small message as one sealed box (crypto_box_seal: 48 bytes more than the message), for
// QR payloads where every byte is a fraction of a code. False if not for this key or damaged.
std::string seal_box(std::string_view plain, const StaffPublicKey& recipient);
bool open_box(std::string_view cipher, const StaffSecretKey& key, std::string& plain);

}  // namespace dv
