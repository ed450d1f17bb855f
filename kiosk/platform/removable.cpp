// This file implements finding removable drives (see removable.hpp).
#include "removable.hpp"

#include <algorithm>
#include <filesystem>

#include <sys/stat.h>
#include <sys/statvfs.h>

namespace dv {

namespace fs = std::filesystem;

namespace {

bool device_of(const std::string& path, dev_t& dev) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
    dev = st.st_dev;
    return true;
}

RemovableDrive describe(const fs::path& p, bool separate) {
    RemovableDrive d;
    d.path = p.string();
    d.label = p.filename().string();
    d.separate_device = separate;
    struct statvfs vfs {};
    if (::statvfs(d.path.c_str(), &vfs) == 0) {
        d.free_bytes = static_cast<std::int64_t>(vfs.f_bavail) * static_cast<std::int64_t>(vfs.f_frsize);
        d.total_bytes = static_cast<std::int64_t>(vfs.f_blocks) * static_cast<std::int64_t>(vfs.f_frsize);
    }
    return d;
}

std::vector<fs::path> subfolders(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] != '.' && it->is_directory(ec)) out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

std::vector<RemovableDrive> list_removable_drives(const std::string& root) {
    std::vector<RemovableDrive> out;
    dev_t root_dev{};
    if (!device_of(root, root_dev)) return out;
    for (const auto& entry : subfolders(root)) {
        dev_t dev{};
        if (!device_of(entry.string(), dev)) continue;
        if (dev != root_dev) {  // a mount point: a drive
            out.push_back(describe(entry, true));
            continue;
        }
        // /media/USER/LABEL: mount points one level down.
        bool found = false;
        for (const auto& inner : subfolders(entry)) {
            dev_t inner_dev{};
            if (device_of(inner.string(), inner_dev) && inner_dev != dev) {
                out.push_back(describe(inner, true));
                found = true;
            }
        }
        if (!found) out.push_back(describe(entry, false));
    }
    return out;
}

}  // namespace dv
