// The subcommands of the datavoice staff tool. Each returns the process exit code:
// 0 success, 1 problems found, 2 bad usage or unreadable input.
#pragma once

#include "exchange/crypto.hpp"

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

// Reads the staff secret key file (cmd_keygen.cpp). nullopt with error naming the file.
std::optional<StaffSecretKey> read_staff_secret_key(const std::string& file, std::string& error);
int cmd_qr(const std::vector<std::string>& args);
int cmd_simulate(const std::vector<std::string>& args);

// The installed (or source) tree's default content pack folder.
std::string default_content_dir();

}  // namespace dv::tools
