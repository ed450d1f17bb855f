// datavoice keygen: makes a staff key pair. staff.pub goes on every kiosk (exports are
// encrypted to it; content packs are checked against it); staff.key stays with staff.
#include "commands.hpp"

#include "exchange/crypto.hpp"
#include "exchange/files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace dv::tools {

std::optional<StaffSecretKey> read_staff_secret_key(const std::string& file, std::string& error) {
    std::string text;
    if (!read_text_file(file, text, error)) return std::nullopt;
    return parse_staff_secret_key(text, file, error);
}

namespace {

const char* const kUsage =
    "Usage: datavoice keygen --out DIR\n"
    "Writes DIR/staff.key (secret: keep it on the staff laptop, readable only by you) and\n"
    "DIR/staff.pub (copy it to kiosks: datavoice-kiosk --staff-key staff.pub).\n"
    "Existing key files are never overwritten.\n";

bool write_new_file(const std::string& path, const std::string& text, mode_t mode, std::string& error) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        error = path + ": " + (errno == EEXIST ? std::string("already exists; not overwritten") : std::strerror(errno));
        return false;
    }
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    if (!ok) error = path + ": " + std::strerror(errno);
    ::close(fd);
    return ok;
}

}  // namespace

int cmd_keygen(const std::vector<std::string>& args) {
    if (args.size() == 1 && args[0] == "--help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (args.size() != 2 || args[0] != "--out") {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string dir = args[1];
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const std::string secret = dir + "/staff.key", pub = dir + "/staff.pub";
    if (std::filesystem::exists(secret) || std::filesystem::exists(pub)) {
        std::fprintf(stderr, "datavoice keygen: %s: a staff key is already there; not overwritten\n", dir.c_str());
        return 1;
    }
    const StaffSecretKey key = generate_staff_key();
    std::string error;
    if (!write_new_file(secret, format_staff_secret_key(key), 0600, error) ||
        !write_new_file(pub, format_staff_public_key(key.pub), 0644, error)) {
        std::fprintf(stderr, "datavoice keygen: %s\n", error.c_str());
        return 1;
    }
    std::printf("%s: secret key (keep it safe; without it encrypted exports cannot be read)\n", secret.c_str());
    std::printf("%s: public key (put it on each kiosk)\n", pub.c_str());
    return 0;
}

}  // namespace dv::tools
