// The subcommands of the datavoice staff tool. Each returns the process exit code:
// 0 success, 1 problems found, 2 bad usage or unreadable input.
#pragma once

#include <string>
#include <vector>

namespace dv::tools {

int cmd_lint(const std::vector<std::string>& args);

}  // namespace dv::tools
