// Reads content pack folders from disk.
#include "pack_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dv {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxFileBytes = 4 * 1024 * 1024;

bool read_file(const fs::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return !in.bad();
}

}  // namespace

bool read_pack_files(const std::string& dir, PackFiles& files, Problems& problems) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        problems.push_back({dir, 0, "content folder not found (or not a folder)"});
        return false;
    }
    const fs::path root(dir);
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it.depth() > 1) {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec) || it->path().extension() != ".toml") continue;
        const std::string rel = fs::relative(it->path(), root, ec).generic_string();
        if (it->file_size(ec) > kMaxFileBytes) {
            problems.push_back({(root / rel).string(), 0, "file is larger than 4 MB"});
            continue;
        }
        std::string bytes;
        if (!read_file(it->path(), bytes)) {
            problems.push_back({(root / rel).string(), 0, "cannot read file"});
            continue;
        }
        files.emplace(rel, std::move(bytes));
    }
    if (ec) problems.push_back({dir, 0, "cannot list folder: " + ec.message()});
    return problems.empty();
}

PackLoad load_pack_dir(const std::string& dir) {
    PackLoad out;
    PackFiles files;
    if (!read_pack_files(dir, files, out.problems)) return out;
    PackResult r = parse_pack(files);
    for (auto& p : r.problems) {
        p.file = (fs::path(dir) / p.file).string();
        out.problems.push_back(std::move(p));
    }
    out.pack = std::move(r.pack);
    return out;
}

}  // namespace dv
