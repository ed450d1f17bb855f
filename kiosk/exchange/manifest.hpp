// manifest.json of an export bundle: written last, it is what makes a bundle complete.
// It lists every other file with its size and sha256 (of the bytes on the drive, so of the
// ciphertext when the bundle is encrypted) and says where the rows came from. It never holds
// an answer. Format: docs/bundle-format.md.
#pragma once

#include "core/clock_trust.hpp"
#include "core/export_rows.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dv {

inline constexpr int kBundleFormatVersion = 1;

struct ManifestFile {
    std::string name;
    std::int64_t bytes = 0;
    std::string sha256;
    std::int64_t rows = -1;  // CSV data rows; -1 for files without rows
};

struct ManifestPack {
    std::string id, version, hash;
};

struct Manifest {
    int format_version = kBundleFormatVersion;
    std::string export_id;
    std::string site_label;
    std::string kiosk_key;  // the kiosk's Ed25519 public key, base64; it signed manifest.sig
    std::string created_on; // date
    bool everything = false;
    bool part_of_day_dropped = false;
    int min_group = 10;        // the privacy module's coarsening (core/export_rows.hpp)
    CoarsenReport coarsening;  // what it did to these rows
    std::string sessions_from, sessions_to;
    std::int64_t sessions = 0;
    std::int64_t answers = 0;
    std::vector<ManifestPack> packs;
    bool encrypted = false;
    std::string recipient;  // the staff public key (box), base64, when encrypted
    std::vector<ManifestFile> files;
    // The kiosk's clock at the export and the staff corrections for uncertain dates
    // (optional: older bundles have no "clock").
    std::optional<ExportClock> clock;

    const ManifestFile* file(const std::string& name) const;
};

std::string manifest_json(const Manifest& m);
// Strict; false with error naming `file` and what is wrong.
bool parse_manifest(const std::string& text, const std::string& file, Manifest& out, std::string& error);

}  // namespace dv
