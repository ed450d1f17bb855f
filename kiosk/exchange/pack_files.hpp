// Reading a content pack folder from disk into the PackFiles map that core parses.
#pragma once

#include "core/content.hpp"

#include <string>

namespace dv {

struct PackLoad {
    std::optional<Pack> pack;
    Problems problems;  // file names are prefixed with the folder, so messages point at real files
};

// Reads every *.toml file under dir (one level of language folders), then parses the pack.
// A missing or unreadable folder is one problem naming it.
PackLoad load_pack_dir(const std::string& dir);

// The raw files, for tools that hash or lint without parsing. False with a problem on failure.
bool read_pack_files(const std::string& dir, PackFiles& files, Problems& problems);

}  // namespace dv
