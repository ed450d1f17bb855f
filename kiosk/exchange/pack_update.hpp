// Content packs from a USB drive: signed with the staff key on a laptop (`datavoice
// sign-pack`), checked and installed by the kiosk in staff mode only.
//
// A signed pack is a folder named datavoice-pack at the top of the drive, holding the pack's
// files and pack.sig: an Ed25519 signature (staff key) over "datavoice pack signature 1" and
// one "NAME SHA256" line per .toml file, sorted by name.
#pragma once

#include "core/content.hpp"
#include "crypto.hpp"

#include <string>

namespace dv {

inline constexpr const char* kPackFolderOnDrive = "datavoice-pack";

std::string sign_pack_files(const PackFiles& files, const StaffSecretKey& key);
bool pack_files_signed_by(const PackFiles& files, const std::string& signature, const StaffPublicKey& key);

struct PackUpdateResult {
    bool installed = false;
    std::string message;  // one line for the staff screen
};

// Reads DRIVE/datavoice-pack, checks its signature against the staff key, parses it (the
// same checks as `datavoice lint`), then installs it as install_dir (the old one kept as
// install_dir.old). Nothing on the drive is run or opened before the signature is checked,
// except reading the files' bytes.
PackUpdateResult install_pack_from_drive(const std::string& drive, const StaffPublicKey& staff,
                                         const std::string& install_dir);

}  // namespace dv
