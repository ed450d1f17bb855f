// This file implements the QR payload (layout in qr_payload.hpp).
#include "qr_payload.hpp"

#include "qr_compact.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace dv {

namespace {

constexpr unsigned char kEncrypted = 1, kSigned = 2;
constexpr size_t kSignatureChars = 88;  // base64 of 64 bytes

// A preset dictionary (zlib's deflateSetDictionary): text every export repeats, so even a
// summary of a few codes does not spend bytes on it. Frozen for QR format version 1: the
// receiving side must use exactly these bytes (zlib checks their Adler-32).
const char kDictionary[] =
    "\"format\":\"datavoice-bundle\",\"format_version\":1,\"export_id\":\"\",\"site_label\":\"\",\"kiosk_key\":\"\","
    "\"created_on\":\"\",\"scope\":\"new\",\"part_of_day\":\"kept\",\"privacy\":{\"min_group\":10,"
    "\"rows_with_part_of_day\":,\"rows_with_date\":0,\"rows_with_period\":0,\"languages_blanked\":0,"
    "\"answers_removed\":0},\"counts\":{\"sessions\":,\"answers\":},\"packs\":[{\"id\":\"default\",\"version\":"
    "\"\",\"hash\":\"\"}],\"encrypted\":false,\"files\":[{\"name\":\"sessions.csv\",\"bytes\":,\"sha256\":\"\","
    "\"rows\":},{\"name\":\"answers.csv\",{\"name\":\"summary.json\","
    "session_id,visit_date,part_of_day,date_uncertain,boot,language,pack_id,pack_version,pack_hash,mode,"
    "flagged_repeat\r\nsession_id,question_id,phase,value,wording\r\nmorning afternoon evening visitor "
    "{\"format_version\":1,\"kind\":\"summary\",\"export_id\":\"\",\"site_label\":\"\",\"created_on\":\"\","
    "\"sessions_from\":\"\",\"sessions_to\":\"\"}"
    "{\"format_version\":1,\"suppression\":{\"hide_up_to\":7,\"round_to\":5,\"note\":\"* means a count from 1 "
    "to 7, hidden to protect privacy. Other counts are rounded to the nearest 5, so figures may not add up "
    "exactly to their totals. Some larger counts are also shown as * so that a hidden count cannot be worked "
    "out from the totals.\"},\"periods\":{\"min_group\":10,\"flagged_repeats_left_out\":0,\"withheld\":false},"
    "\"questions\":[{\"question_id\":\"\",\"phase\":\"\",\"periods\":[{\"period\":\"2025-\",\"counts\":{"
    "\"yes\":\"*\",\"no\":\"*\",\"not_sure\":\"*\"},\"total\":\"*\"},{\"period\":\"2026-\",\"counts\":{\"";

// Compresses in one call with the preset dictionary; false with `error` when zlib refuses
// (out of memory, or the output did not fit its bound and the stream did not end).
bool deflate_bytes(std::string_view in, std::string& out, std::string& error) {
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
        error = "zlib could not start compressing";
        return false;
    }
    if (deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(kDictionary), sizeof kDictionary - 1) != Z_OK) {
        deflateEnd(&z);
        error = "zlib refused the preset dictionary";
        return false;
    }
    out.assign(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) {
        error = "zlib could not compress the codes' contents (code " + std::to_string(rc) + ")";
        out.clear();
        return false;
    }
    return true;
}

bool inflate_bytes(std::string_view in, std::string& out, std::string& error) {
    z_stream z{};
    if (inflateInit(&z) != Z_OK) {
        error = "zlib could not start";
        return false;
    }
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    out.clear();
    char buf[65536];
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc == Z_NEED_DICT)
            rc = inflateSetDictionary(&z, reinterpret_cast<const Bytef*>(kDictionary), sizeof kDictionary - 1);
        out.append(buf, sizeof buf - z.avail_out);
        if (out.size() > kQrMaxUnpackedBytes) {
            rc = Z_MEM_ERROR;
            break;
        }
        if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
    }
    const bool ended = rc == Z_STREAM_END && z.avail_in == 0;
    inflateEnd(&z);
    if (!ended) error = out.size() > kQrMaxUnpackedBytes ? "the payload unpacks to more than 256 MB"
                                                           : "the compressed data is damaged or cut off";
    return ended;
}

}  // namespace

std::uint32_t qr_dictionary_adler32() {
    return static_cast<std::uint32_t>(
        adler32(adler32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(kDictionary), sizeof kDictionary - 1));
}

std::optional<std::string> pack_qr_payload(const std::vector<QrFile>& files, const KioskKey* signer,
                                           const std::optional<StaffPublicKey>& recipient, std::string& error) {
    std::string plain;
    std::vector<std::string> earlier_column;  // the previous CSV's first column
    for (const auto& f : files) {
        const CompactFile c = compact_qr_file(f.name, f.bytes, earlier_column);
        if (auto column = csv_first_column(f.name, f.bytes); !column.empty()) earlier_column = std::move(column);
        plain += static_cast<char>(f.name.size());
        plain += f.name;
        plain += static_cast<char>(c.form);
        const auto n = static_cast<std::uint32_t>(c.bytes.size());
        for (int i = 3; i >= 0; --i) plain += static_cast<char>((n >> (8 * i)) & 0xFF);
        plain += c.bytes;
    }
    std::string body;
    if (!deflate_bytes(plain, body, error)) return std::nullopt;
    unsigned char flags = 0;
    if (signer) {
        flags |= kSigned;
        body = std::string(reinterpret_cast<const char*>(signer->pub.data()), signer->pub.size()) +
               sign_detached(body, signer->secret) + body;
    }
    if (recipient) {
        flags |= kEncrypted;
        body = seal_box(body, *recipient);
    }
    return std::string(1, static_cast<char>(flags)) + body;
}

bool open_qr_payload(std::string_view payload, const StaffSecretKey* key, QrContents& out, std::string& error) {
    out = QrContents{};
    if (payload.empty()) {
        error = "the payload is empty";
        return false;
    }
    const auto flags = static_cast<unsigned char>(payload[0]);
    if (flags & ~(kEncrypted | kSigned)) {
        error = "the payload has flags this tool does not know (" + std::to_string(flags) + ")";
        return false;
    }
    std::string body(payload.substr(1));
    if (flags & kEncrypted) {
        out.encrypted = true;
        if (!key) {
            error = "the codes are encrypted: give the staff key with --key";
            return false;
        }
        std::string plain;
        if (!open_box(body, *key, plain)) {
            error = "the codes are encrypted to another staff key, or damaged";
            return false;
        }
        body = std::move(plain);
    }
    std::string_view zipped = body;
    if (flags & kSigned) {
        if (body.size() < 32 + kSignatureChars) {
            error = "the signature is cut off";
            return false;
        }
        std::array<unsigned char, 32> pub{};
        std::copy(body.begin(), body.begin() + 32, pub.begin());
        const std::string_view signature = zipped.substr(32, kSignatureChars);
        zipped = zipped.substr(32 + kSignatureChars);
        if (!verify_detached(zipped, signature, pub)) {
            error = "the kiosk's signature does not match: the codes were changed or damaged";
            return false;
        }
        out.signed_by_kiosk = true;
        out.kiosk_key = to_base64(pub.data(), pub.size());
    }
    std::string plain;
    if (!inflate_bytes(zipped, plain, error)) return false;
    size_t at = 0;
    std::vector<std::string> earlier_column;
    while (at < plain.size()) {
        const size_t name_len = static_cast<unsigned char>(plain[at]);
        if (name_len == 0 || at + 1 + name_len + 5 > plain.size()) {
            error = "the file list inside the payload is damaged";
            return false;
        }
        QrFile f;
        f.name = plain.substr(at + 1, name_len);
        const auto form = static_cast<unsigned char>(plain[at + 1 + name_len]);
        at += 2 + name_len;
        if (form > static_cast<unsigned char>(QrFileForm::Columns)) {
            error = "the file " + f.name + " inside the payload has an unknown form";
            return false;
        }
        std::uint32_t n = 0;
        for (int i = 0; i < 4; ++i) n = (n << 8) | static_cast<unsigned char>(plain[at + static_cast<size_t>(i)]);
        at += 4;
        if (n > plain.size() - at) {
            error = "the file " + f.name + " inside the payload is cut off";
            return false;
        }
        for (char c : f.name)
            if (f.name[0] == '.' || !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
                error = "a file inside the payload has a name this tool will not write";
                return false;
            }
        if (!restore_qr_file(static_cast<QrFileForm>(form), f.name, std::string_view(plain).substr(at, n), earlier_column,
                             f.bytes, error))
            return false;
        if (auto column = csv_first_column(f.name, f.bytes); !column.empty()) earlier_column = std::move(column);
        at += n;
        out.files.push_back(std::move(f));
    }
    return true;
}

}  // namespace dv
