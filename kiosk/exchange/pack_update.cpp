// This file implements signing, checking and installing content packs (see pack_update.hpp).
#include "pack_update.hpp"

#include "core/hash.hpp"
#include "file_ops.hpp"
#include "files.hpp"
#include "pack_files.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace dv {

namespace fs = std::filesystem;

namespace {

std::string signing_payload(const PackFiles& files) {
    std::string out = "datavoice pack signature 1\n";
    for (const auto& [name, bytes] : files) out += name + " " + sha256_hex(bytes) + "\n";
    return out;
}

// Writes every file under dir (which must not exist yet), fsynced. Returns 0 or an errno.
int write_pack(FileOps& ops, const std::string& dir, const PackFiles& files) {
    if (int err = ops.make_dir(dir)) return err;
    for (const auto& [name, bytes] : files) {
        const fs::path p = fs::path(dir) / name;
        if (p.has_parent_path() && p.parent_path() != fs::path(dir)) {
            const int err = ops.make_dir(p.parent_path().string());
            if (err && err != EEXIST) return err;
        }
        int fd = -1;
        if (int err = ops.open_new(p.string(), fd)) return err;
        int err = ops.write(fd, bytes);
        if (!err) err = ops.sync(fd);
        const int closed = ops.close(fd);
        if (err || closed) return err ? err : closed;
        if (int e = ops.sync_dir(p.parent_path().string())) return e;
    }
    return ops.sync_dir(dir);
}

}  // namespace

std::string sign_pack_files(const PackFiles& files, const StaffSecretKey& key) {
    return sign_detached(signing_payload(files), key.sign) + "\n";
}

bool pack_files_signed_by(const PackFiles& files, const std::string& signature, const StaffPublicKey& key) {
    return verify_detached(signing_payload(files), signature, key.sign);
}

PackUpdateResult install_pack_from_drive(const std::string& drive, const StaffPublicKey& staff,
                                         const std::string& install_dir) {
    PackUpdateResult r;
    const std::string source = drive + "/" + kPackFolderOnDrive;
    std::error_code ec;
    if (!fs::is_directory(source, ec)) {
        r.message = "No content pack on this drive (a folder named " + std::string(kPackFolderOnDrive) + ").";
        return r;
    }
    PackFiles files;
    Problems problems;
    if (!read_pack_files(source, files, problems)) {
        r.message = problems.front().str();
        return r;
    }
    std::string signature, error;
    if (!read_text_file(source + "/pack.sig", signature, error, 4096)) {
        r.message = "Not installed: the pack is not signed (" + error + ").";
        return r;
    }
    if (!pack_files_signed_by(files, signature, staff)) {
        r.message = "Not installed: the pack's signature does not match the staff key on this kiosk.";
        return r;
    }
    PackResult parsed = parse_pack(files);
    if (!parsed.pack) {
        Problem p = parsed.problems.front();
        p.file = source + "/" + p.file;
        r.message = "Not installed: " + p.str() + (parsed.problems.size() > 1 ? " (and more)" : "");
        return r;
    }
    // A complete copy first; then the old pack steps aside and the new one takes its name.
    PosixFileOps ops;
    const std::string fresh = install_dir + ".new", old = install_dir + ".old";
    fs::remove_all(fresh, ec);
    fs::create_directories(fs::path(install_dir).parent_path(), ec);
    if (int err = write_pack(ops, fresh, files)) {
        fs::remove_all(fresh, ec);
        r.message = "Not installed: cannot copy the pack onto the kiosk (" + std::string(std::strerror(err)) + ").";
        return r;
    }
    fs::remove_all(old, ec);
    if (fs::exists(install_dir, ec)) fs::rename(install_dir, old, ec);
    if (!ec) fs::rename(fresh, install_dir, ec);
    if (ec) {
        r.message = "Not installed: cannot put the pack in place (" + ec.message() + ").";
        return r;
    }
    ops.sync_dir(fs::path(install_dir).parent_path().string());
    r.installed = true;
    r.message = "Installed " + parsed.pack->id + " " + parsed.pack->version +
                ". The kiosk uses it from its next start.";
    return r;
}

}  // namespace dv
