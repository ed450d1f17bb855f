// The example pack (assets/content/example) read from the source tree into PackFiles: the
// seed the malformed-pack corpus and the libFuzzer target both mutate. Header-only, so both
// build with nothing but kiosk/core.
#pragma once

#include "core/content.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dv::test {

inline PackFiles example_pack_files() {
    namespace fs = std::filesystem;
    PackFiles files;
    const fs::path root = fs::path(DATAVOICE_SOURCE_DIR) / "assets/content/example";
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".toml") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        files[fs::relative(entry.path(), root).generic_string()] = ss.str();
    }
    return files;
}

}  // namespace dv::test
