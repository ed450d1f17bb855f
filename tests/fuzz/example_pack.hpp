// The example pack (assets/content/example) read from the source tree into PackFiles: the
// seed the malformed-pack corpus and the libFuzzer target both mutate. Header-only, so both
// build with nothing but kiosk/core.
#pragma once

#include "core/content.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dv::test {

// A pack folder under assets/content/ of the source tree, e.g. "example" or "default".
inline PackFiles source_pack_files(const std::string& name) {
    namespace fs = std::filesystem;
    PackFiles files;
    const fs::path root = fs::path(DATAVOICE_SOURCE_DIR) / "assets/content" / name;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".toml") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        files[fs::relative(entry.path(), root).generic_string()] = ss.str();
    }
    return files;
}

inline PackFiles example_pack_files() { return source_pack_files("example"); }

}  // namespace dv::test
