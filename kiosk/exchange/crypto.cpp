// This file implements keys, sealed streams and signatures on libsodium (see crypto.hpp).
#include "crypto.hpp"

#include "core/text.hpp"

#include <sodium.h>

#include <cstring>
#include <stdexcept>
#include <vector>

namespace dv {

namespace {

using StreamState = crypto_secretstream_xchacha20poly1305_state;
static_assert(sizeof(StreamState) <= 64, "SealedStreamWriter state buffer too small");

constexpr std::string_view kMagic = "DVSEAL01";
constexpr size_t kSealedKeyBytes = crypto_box_SEALBYTES + crypto_secretstream_xchacha20poly1305_KEYBYTES;
constexpr size_t kHeaderBytes = kMagic.size() + kSealedKeyBytes + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr size_t kCipherChunk = SealedStreamWriter::kChunk + crypto_secretstream_xchacha20poly1305_ABYTES;

constexpr std::string_view kStaffPublicTitle = "datavoice staff public key 1";
constexpr std::string_view kStaffSecretTitle = "datavoice staff secret key 1";

void start_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

template <size_t N>
bool decode_into(std::string_view b64, std::array<unsigned char, N>& out) {
    const auto bytes = from_base64(b64);
    if (!bytes || bytes->size() != N) return false;
    std::memcpy(out.data(), bytes->data(), N);
    return true;
}

// Reads "title\nname value\n..." into the named arrays; every name must appear exactly once.
struct Field {
    const char* name;
    unsigned char* data;
    size_t size;
    bool seen = false;
};

bool parse_key_text(std::string_view text, std::string_view title, std::vector<Field> fields, const std::string& file,
                    std::string& error) {
    const auto lines = split(text, '\n');
    if (lines.empty() || trim(lines[0]) != title) {
        error = file + ": not a " + std::string(title.substr(0, title.size() - 2)) + " (the first line should be '" +
                std::string(title) + "')";
        return false;
    }
    for (size_t i = 1; i < lines.size(); ++i) {
        const std::string line = trim(lines[i]);
        if (line.empty()) continue;
        const size_t sp = line.find(' ');
        const std::string name = line.substr(0, sp);
        Field* f = nullptr;
        for (auto& candidate : fields)
            if (name == candidate.name) f = &candidate;
        const auto bytes = sp == std::string::npos ? std::nullopt : from_base64(trim(line.substr(sp + 1)));
        if (!f || f->seen || !bytes || bytes->size() != f->size) {
            error = file + ":" + std::to_string(i + 1) + ": expected one '" + (f ? name : std::string("name")) +
                    " BASE64' line with a key of the right length";
            return false;
        }
        std::memcpy(f->data, bytes->data(), f->size);
        f->seen = true;
    }
    for (const auto& f : fields)
        if (!f.seen) {
            error = file + ": the '" + f.name + "' line is missing";
            return false;
        }
    return true;
}

}  // namespace

std::string to_base64(const unsigned char* bytes, size_t n) {
    start_sodium();
    std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, n, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::string to_base64(std::string_view bytes) {
    return to_base64(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::optional<std::string> from_base64(std::string_view text) {
    start_sodium();
    std::string out(text.size() * 3 / 4 + 3, '\0');
    size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    out.resize(len);
    return out;
}

StaffSecretKey generate_staff_key() {
    start_sodium();
    StaffSecretKey k;
    crypto_box_keypair(k.pub.box.data(), k.box.data());
    crypto_sign_keypair(k.pub.sign.data(), k.sign.data());
    return k;
}

KioskKey generate_kiosk_key() {
    start_sodium();
    KioskKey k;
    crypto_sign_keypair(k.pub.data(), k.secret.data());
    return k;
}

std::string format_staff_public_key(const StaffPublicKey& k) {
    return std::string(kStaffPublicTitle) + "\nbox " + to_base64(k.box.data(), k.box.size()) + "\nsign " +
           to_base64(k.sign.data(), k.sign.size()) + "\n";
}

std::string format_staff_secret_key(const StaffSecretKey& k) {
    return std::string(kStaffSecretTitle) + "\nbox " + to_base64(k.pub.box.data(), 32) + "\nsign " +
           to_base64(k.pub.sign.data(), 32) + "\nbox-secret " + to_base64(k.box.data(), k.box.size()) +
           "\nsign-secret " + to_base64(k.sign.data(), k.sign.size()) + "\n";
}

std::optional<StaffPublicKey> parse_staff_public_key(std::string_view text, const std::string& file,
                                                     std::string& error) {
    StaffPublicKey k;
    if (!parse_key_text(text, kStaffPublicTitle, {{"box", k.box.data(), 32}, {"sign", k.sign.data(), 32}}, file, error))
        return std::nullopt;
    return k;
}

std::optional<StaffSecretKey> parse_staff_secret_key(std::string_view text, const std::string& file,
                                                     std::string& error) {
    StaffSecretKey k;
    if (!parse_key_text(text, kStaffSecretTitle,
                        {{"box", k.pub.box.data(), 32},
                         {"sign", k.pub.sign.data(), 32},
                         {"box-secret", k.box.data(), 32},
                         {"sign-secret", k.sign.data(), 64}},
                        file, error))
        return std::nullopt;
    // The halves must belong together, or decryption would fail later with a vaguer message.
    unsigned char derived[32];
    crypto_scalarmult_base(derived, k.box.data());
    if (std::memcmp(derived, k.pub.box.data(), 32) != 0 || std::memcmp(k.sign.data() + 32, k.pub.sign.data(), 32) != 0) {
        error = file + ": the secret and public halves do not belong together";
        return std::nullopt;
    }
    return k;
}

std::string key_fingerprint(const std::array<unsigned char, 32>& pub) {
    start_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, pub.data(), pub.size());
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 8; ++i) {
        if (i && i % 2 == 0) out += '-';
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 15];
    }
    return out;
}

std::optional<std::string> key_fingerprint(std::string_view pub_base64) {
    std::array<unsigned char, 32> pub{};
    if (!decode_into(pub_base64, pub)) return std::nullopt;
    return key_fingerprint(pub);
}

std::string format_kiosk_key(const KioskKey& k) { return "ed25519 " + to_base64(k.secret.data(), k.secret.size()); }

std::optional<KioskKey> parse_kiosk_key(std::string_view text) {
    if (text.substr(0, 8) != "ed25519 ") return std::nullopt;
    KioskKey k;
    if (!decode_into(text.substr(8), k.secret)) return std::nullopt;
    std::memcpy(k.pub.data(), k.secret.data() + 32, 32);  // an Ed25519 secret key ends with its public key
    return k;
}

std::string sign_detached(std::string_view message, const std::array<unsigned char, 64>& secret) {
    start_sodium();
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         secret.data());
    return to_base64(sig, sizeof sig);
}

bool verify_detached(std::string_view message, std::string_view signature_base64,
                     const std::array<unsigned char, 32>& pub) {
    std::array<unsigned char, crypto_sign_BYTES> sig{};
    if (!decode_into(trim(signature_base64), sig)) return false;
    return crypto_sign_verify_detached(sig.data(), reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), pub.data()) == 0;
}

// --- sealed streams ---------------------------------------------------------------------

SealedStreamWriter::SealedStreamWriter(const StaffPublicKey& recipient) {
    start_sodium();
    unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    crypto_secretstream_xchacha20poly1305_keygen(key);
    unsigned char sealed[kSealedKeyBytes];
    crypto_box_seal(sealed, key, sizeof key, recipient.box.data());
    unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    crypto_secretstream_xchacha20poly1305_init_push(reinterpret_cast<StreamState*>(m_state), header, key);
    sodium_memzero(key, sizeof key);
    m_out.append(kMagic);
    m_out.append(reinterpret_cast<const char*>(sealed), sizeof sealed);
    m_out.append(reinterpret_cast<const char*>(header), sizeof header);
}

SealedStreamWriter::~SealedStreamWriter() { sodium_memzero(m_state, sizeof m_state); }

void SealedStreamWriter::push(const unsigned char* p, size_t n, bool final) {
    const size_t at = m_out.size();
    m_out.resize(at + n + crypto_secretstream_xchacha20poly1305_ABYTES);
    crypto_secretstream_xchacha20poly1305_push(
        reinterpret_cast<StreamState*>(m_state), reinterpret_cast<unsigned char*>(m_out.data() + at), nullptr, p, n,
        nullptr, 0,
        final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
}

void SealedStreamWriter::add(std::string_view plain) {
    // Whole chunks straight from the input; only a tail waits in m_pending.
    if (!m_pending.empty()) {
        const size_t take = std::min(plain.size(), kChunk - m_pending.size());
        m_pending.append(plain.substr(0, take));
        plain.remove_prefix(take);
        if (m_pending.size() < kChunk) return;
        push(reinterpret_cast<const unsigned char*>(m_pending.data()), kChunk, false);
        m_pending.clear();
    }
    while (plain.size() >= kChunk) {
        push(reinterpret_cast<const unsigned char*>(plain.data()), kChunk, false);
        plain.remove_prefix(kChunk);
    }
    m_pending.append(plain);
}

void SealedStreamWriter::finish() {
    push(reinterpret_cast<const unsigned char*>(m_pending.data()), m_pending.size(), true);
    m_pending.clear();
}

bool is_sealed_stream(std::string_view bytes) { return bytes.substr(0, kMagic.size()) == kMagic; }

bool open_sealed_stream(std::string_view cipher, const StaffSecretKey& key, std::string& plain, std::string& error) {
    start_sodium();
    plain.clear();
    if (!is_sealed_stream(cipher)) {
        error = "not an encrypted datavoice file";
        return false;
    }
    if (cipher.size() < kHeaderBytes + crypto_secretstream_xchacha20poly1305_ABYTES) {
        error = "encrypted file is cut off";
        return false;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(cipher.data()) + kMagic.size();
    unsigned char file_key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    if (crypto_box_seal_open(file_key, p, kSealedKeyBytes, key.pub.box.data(), key.box.data()) != 0) {
        error = "encrypted for a different staff key";
        return false;
    }
    StreamState st;
    const int init = crypto_secretstream_xchacha20poly1305_init_pull(&st, p + kSealedKeyBytes, file_key);
    sodium_memzero(file_key, sizeof file_key);
    if (init != 0) {
        error = "encrypted file header is damaged";
        return false;
    }
    std::string_view rest = cipher.substr(kHeaderBytes);
    plain.reserve(rest.size());
    while (true) {
        // Every chunk is full size but the last, which is shorter and carries TAG_FINAL.
        const size_t n = std::min(rest.size(), kCipherChunk);
        if (n < crypto_secretstream_xchacha20poly1305_ABYTES) {
            error = "encrypted file is cut off";
            return false;
        }
        const size_t at = plain.size();
        plain.resize(at + n - crypto_secretstream_xchacha20poly1305_ABYTES);
        unsigned long long got = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&st, reinterpret_cast<unsigned char*>(plain.data() + at), &got,
                                                       &tag, reinterpret_cast<const unsigned char*>(rest.data()), n,
                                                       nullptr, 0) != 0) {
            error = "encrypted file is damaged";
            return false;
        }
        plain.resize(at + got);
        rest.remove_prefix(n);
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
            if (!rest.empty()) {
                error = "encrypted file has bytes after its end";
                return false;
            }
            return true;
        }
        if (rest.empty()) {
            error = "encrypted file is cut off";
            return false;
        }
    }
}

std::string seal_box(std::string_view plain, const StaffPublicKey& recipient) {
    start_sodium();
    std::string out(plain.size() + crypto_box_SEALBYTES, '\0');
    crypto_box_seal(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(plain.data()),
                    plain.size(), recipient.box.data());
    return out;
}

bool open_box(std::string_view cipher, const StaffSecretKey& key, std::string& plain) {
    start_sodium();
    if (cipher.size() < crypto_box_SEALBYTES) return false;
    plain.assign(cipher.size() - crypto_box_SEALBYTES, '\0');
    return crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()),
                                reinterpret_cast<const unsigned char*>(cipher.data()), cipher.size(),
                                key.pub.box.data(), key.box.data()) == 0;
}

}  // namespace dv
