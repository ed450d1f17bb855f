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

bool read_staff_key_option(const Options& cli, const std::string& file, std::optional<StaffSecretKey>& key) {
    key.reset();
    if (file.empty()) return true;
    std::string text, error;
    if (read_text_file(file, text, error)) key = parse_staff_secret_key(text, file, error);
    if (!key) cli.say(error);
    return key.has_value();
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
    std::string dir;
    Options cli("datavoice keygen", kUsage);
    cli.text("--out", dir, Options::Need::Required);
    if (const auto code = cli.parse_or_exit_code(args)) return *code;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const std::string secret = dir + "/staff.key", pub = dir + "/staff.pub";
    if (std::filesystem::exists(secret) || std::filesystem::exists(pub)) {
        cli.say(dir + ": a staff key is already there; not overwritten");
        return 1;
    }
    const StaffSecretKey key = generate_staff_key();
    std::string error;
    if (!write_new_file(secret, format_staff_secret_key(key), 0600, error) ||
        !write_new_file(pub, format_staff_public_key(key.pub), 0644, error)) {
        cli.say(error);
        return 1;
    }
    std::printf("%s: secret key (keep it safe; without it encrypted exports cannot be read)\n", secret.c_str());
    std::printf("%s: public key (put it on each kiosk)\n", pub.c_str());
    return 0;
}

}  // namespace dv::tools
