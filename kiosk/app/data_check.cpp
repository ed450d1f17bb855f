// The data-folder check run by the package before the kiosk service starts (data_check.hpp).
#include "data_check.hpp"

#include "exchange/files.hpp"
#include "store/store.hpp"

#include <cstdio>
#include <filesystem>

#include <pwd.h>
#include <unistd.h>

namespace dv {

namespace {

std::string user_name() {
    const passwd* pw = ::getpwuid(::geteuid());
    return pw && pw->pw_name ? pw->pw_name : std::to_string(::geteuid());
}

int refuse(const std::string& line) {
    std::fprintf(stderr, "datavoice-kiosk: %s\n", line.c_str());
    return 2;
}

}  // namespace

int check_data_folder(const std::string& dir) {
    const std::string user = user_name();
    std::string error;
    if (!can_write_in_dir(dir, error))
        return refuse(error + ": the " + user + " user must be able to write here; fix it with: chown -R " + user +
                      ": " + dir + " && chmod 0750 " + dir + " (then dpkg --configure -a)");
    const std::string db = (std::filesystem::path(dir) / "datavoice.sqlite").string();
    int version = 0;
    if (!Store::peek_schema_version(db, version, error))
        return refuse(error + "; nothing was changed: move the folder aside to start afresh");
    const int known = Store::current_schema_version();
    if (version > known)
        return refuse(db + ": written by a newer datavoice (schema " + std::to_string(version) +
                      "; this version reads up to " + std::to_string(known) +
                      "); nothing was changed: install that newer datavoice-kiosk again");
    return 0;
}

}  // namespace dv
