// Reading an export bundle back: the staff tools' side of bundle.hpp (verify, decrypt,
// parse). `datavoice verify` uses it now; `datavoice collect` will.
#pragma once

#include "core/export_rows.hpp"
#include "crypto.hpp"
#include "manifest.hpp"

#include <string>
#include <vector>

namespace dv {

struct BundleContents {
    Manifest manifest;
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
    std::string summary_json;
};

// Checks a bundle folder and reads it: manifest.json well-formed and of a known version,
// manifest.sig a valid signature by the kiosk key the manifest names, every listed file
// present with the listed size and sha256, encrypted files opened with `key`, both CSVs with
// the documented columns and the listed row counts. False with one line naming the file and
// what is wrong; nothing is returned from a bundle that fails any check.
bool open_bundle(const std::string& dir, const StaffSecretKey* key, BundleContents& out, std::string& error);

// Only the integrity checks (no key needed, nothing decrypted or parsed).
bool verify_bundle(const std::string& dir, Manifest& manifest, std::string& error);

}  // namespace dv
