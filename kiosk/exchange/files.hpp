// Small file-system helpers shared by the kiosk and the staff tools.
#pragma once

#include <string>

namespace dv {

// Reads a whole file (at most max_bytes). False with error "PATH: reason".
bool read_text_file(const std::string& path, std::string& out, std::string& error, size_t max_bytes = 16u << 20);

// Creates dir (and parents) if needed and proves a file can be created in it.
// False with error "DIR: reason".
bool ensure_writable_dir(const std::string& dir, std::string& error);

}  // namespace dv
