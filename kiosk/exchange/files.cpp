// File-system helpers.
#include "files.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace dv {

namespace fs = std::filesystem;

bool read_text_file(const std::string& path, std::string& out, std::string& error, size_t max_bytes) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        error = path + ": file not found";
        return false;
    }
    if (!fs::is_regular_file(path, ec)) {
        error = path + ": not a file";
        return false;
    }
    if (fs::file_size(path, ec) > max_bytes) {
        error = path + ": file is too large";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": cannot read file (" + std::strerror(errno) + ")";
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

bool ensure_writable_dir(const std::string& dir, std::string& error) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir, ec)) {
        error = dir + ": cannot create the data folder (" + (ec ? ec.message() : std::string("not a folder")) + ")";
        return false;
    }
    return can_write_in_dir(dir, error);
}

bool can_write_in_dir(const std::string& dir, std::string& error) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        error = dir + ": no such folder";
        return false;
    }
    const std::string probe = (fs::path(dir) / ".datavoice-write-test").string();
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        error = dir + ": cannot write in the data folder (" + std::strerror(errno) + ")";
        return false;
    }
    ::close(fd);
    ::unlink(probe.c_str());
    return true;
}

std::string data_root(const std::string& share_name, const std::string& source_dir) {
    if (const char* env = std::getenv("DATAVOICE_HOME"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / share_name;
        if (exe.parent_path().filename() == "bin" && fs::is_directory(installed / "assets", ec)) return installed.string();
    }
    return source_dir;
}

}  // namespace dv
