// The subcommands of the datavoice staff tool. Each returns the process exit code:
// 0 success, 1 problems found, 2 bad usage or unreadable input.
#pragma once

#include "core/content.hpp"
#include "exchange/crypto.hpp"
#include "cli/options.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dv::tools {

int cmd_lint(const std::vector<std::string>& args);
int cmd_export(const std::vector<std::string>& args);
int cmd_keygen(const std::vector<std::string>& args);
int cmd_verify(const std::vector<std::string>& args);
int cmd_sign_pack(const std::vector<std::string>& args);
int cmd_collect(const std::vector<std::string>& args);
int cmd_report(const std::vector<std::string>& args);
int cmd_qr(const std::vector<std::string>& args);
int cmd_simulate(const std::vector<std::string>& args);
int cmd_kiosk(const std::vector<std::string>& args);

// The staff secret key in `file` (the --key option; cmd_keygen.cpp), or nullopt when no file
// was given. False, after printing "datavoice COMMAND: FILE: what is wrong" to stderr, when
// the file cannot be read or holds no staff secret key.
bool read_staff_key_option(const Options& cli, const std::string& file, std::optional<StaffSecretKey>& key);

// The content packs of --pack-dir (a pack folder or a folder of packs; pack_dirs.cpp), or of
// the installed assets/content when it is empty. False, after saying why, when a folder given
// does not exist or holds no pack; a pack that does not load is named and left out.
bool load_pack_option(const Options& cli, const std::string& pack_dir, std::vector<Pack>& packs);

// The installed (or source) tree's default content pack folder.
std::string default_content_dir();

}  // namespace dv::tools
