// Small file-system helpers shared by the kiosk and the staff tools.
#pragma once

#include <string>

namespace dv {

// Reads a whole file (at most max_bytes). False with error "PATH: reason".
bool read_text_file(const std::string& path, std::string& out, std::string& error, size_t max_bytes = 16u << 20);

// Creates dir (and parents) if needed and proves a file can be created in it.
// False with error "DIR: reason".
bool ensure_writable_dir(const std::string& dir, std::string& error);

// Proves a file can be created in dir, an existing folder, without creating the folder.
// False with error "DIR: reason".
bool can_write_in_dir(const std::string& dir, std::string& error);

// Where a program finds its content packs, profiles and other data: $DATAVOICE_HOME if set;
// else, for an installed program (PREFIX/bin/program beside PREFIX/share/share_name), that
// share folder; else the source tree the program was built from (a build-tree run).
std::string data_root(const std::string& share_name, const std::string& source_dir);

}  // namespace dv
