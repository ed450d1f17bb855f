// This file implements reading and checking export bundles (see bundle_read.hpp).
#include "bundle_read.hpp"

#include "core/hash.hpp"
#include "core/text.hpp"
#include "bundle_rows.hpp"
#include "files.hpp"

namespace dv {

namespace {

constexpr size_t kMaxFileBytes = size_t{2} << 30;

bool check_files(const std::string& dir, Manifest& manifest, std::string& error,
                 std::vector<std::pair<std::string, std::string>>* contents) {
    const std::string manifest_path = dir + "/manifest.json";
    std::string text, sig;
    if (!read_text_file(manifest_path, text, error, 1 << 20)) {
        error += " (a bundle without a manifest is incomplete: the drive was probably pulled during an export)";
        return false;
    }
    if (!parse_manifest(text, manifest_path, manifest, error)) return false;
    if (!read_text_file(dir + "/manifest.sig", sig, error, 4096)) return false;
    KioskKey kiosk;
    const auto pub = from_base64(manifest.kiosk_key);
    if (!pub || pub->size() != kiosk.pub.size()) {
        error = manifest_path + ": kiosk_key is not a public key";
        return false;
    }
    std::copy(pub->begin(), pub->end(), kiosk.pub.begin());
    const std::string sig_line = trim(sig);
    if (sig_line.empty()) {
        error = dir + "/manifest.sig: empty (no signature: the export did not finish writing it, or it was emptied)";
        return false;
    }
    const auto sig_bytes = from_base64(sig_line);
    if (!sig_bytes || sig_bytes->size() != 64) {
        error = dir + "/manifest.sig: not a signature (one line of base64, 64 bytes, is expected)";
        return false;
    }
    if (!verify_detached(text, sig_line, kiosk.pub)) {
        error = dir + "/manifest.sig: the signature does not match manifest.json (changed after the kiosk wrote it)";
        return false;
    }
    for (const auto& f : manifest.files) {
        const std::string path = dir + "/" + f.name;
        std::string bytes;
        if (!read_text_file(path, bytes, error, kMaxFileBytes)) return false;
        if (static_cast<std::int64_t>(bytes.size()) != f.bytes || sha256_hex(bytes) != f.sha256) {
            error = path + ": does not match its sha256 in manifest.json (changed or damaged)";
            return false;
        }
        if (contents) contents->emplace_back(f.name, std::move(bytes));
    }
    return true;
}

}  // namespace

bool verify_bundle(const std::string& dir, Manifest& manifest, std::string& error) {
    return check_files(dir, manifest, error, nullptr);
}

namespace {

bool read_bundle(const std::string& dir, const StaffSecretKey* key, BundleContents& out, std::string& error) {
    std::vector<std::pair<std::string, std::string>> files;
    if (!check_files(dir, out.manifest, error, &files)) return false;
    if (out.manifest.encrypted && !key) {
        error = dir + ": the bundle is encrypted; give the staff secret key (--key)";
        return false;
    }
    for (const char* required : {"sessions.csv", "answers.csv", "summary.json"})
        if (!out.manifest.file(required)) {
            error = dir + "/manifest.json: does not list " + required;
            return false;
        }
    for (auto& [name, bytes] : files) {
        const std::string path = dir + "/" + name;
        if (out.manifest.encrypted) {
            std::string plain, why;
            if (!open_sealed_stream(bytes, *key, plain, why)) {
                error = path + ": " + why;
                return false;
            }
            bytes = std::move(plain);
        }
        const ManifestFile* entry = out.manifest.file(name);
        Problem problem;
        std::int64_t rows = -1;
        bool parsed = true;
        if (name == "sessions.csv") {
            parsed = parse_sessions_csv(bytes, path, out.sessions, problem);
            rows = static_cast<std::int64_t>(out.sessions.size());
        } else if (name == "answers.csv") {
            parsed = parse_answers_csv(bytes, path, out.answers, problem);
            rows = static_cast<std::int64_t>(out.answers.size());
        } else if (name == "summary.json") {
            out.summary_json = std::move(bytes);
        }
        if (!parsed) {
            error = problem.str();
            return false;
        }
        if (rows >= 0 && rows != entry->rows) {
            error = path + ": holds " + std::to_string(rows) + " rows; manifest.json says " + std::to_string(entry->rows);
            return false;
        }
    }
    return true;
}

}  // namespace

bool open_bundle(const std::string& dir, const StaffSecretKey* key, BundleContents& out, std::string& error) {
    out = BundleContents{};
    if (read_bundle(dir, key, out, error)) return true;
    out = BundleContents{};
    return false;
}

}  // namespace dv
