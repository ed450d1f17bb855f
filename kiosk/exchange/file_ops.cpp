// This file implements FileOps on POSIX calls, and in memory.
#include "file_ops.hpp"

#include <cerrno>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dv {

namespace {

int retry_close(int fd) { return ::close(fd) == 0 ? 0 : errno; }

}  // namespace

int PosixFileOps::is_dir(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return errno;
    return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

int PosixFileOps::make_dir(const std::string& path) { return ::mkdir(path.c_str(), 0755) == 0 ? 0 : errno; }

int PosixFileOps::open_new(const std::string& path, int& fd) {
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    return fd >= 0 ? 0 : errno;
}

int PosixFileOps::write(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        if (n == 0) return EIO;
        data.remove_prefix(static_cast<size_t>(n));
    }
    return 0;
}

int PosixFileOps::sync(int fd) { return ::fsync(fd) == 0 ? 0 : errno; }

int PosixFileOps::close(int fd) { return retry_close(fd); }

int PosixFileOps::rename(const std::string& from, const std::string& to) {
    return ::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
}

int PosixFileOps::sync_dir(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return errno;
    const int rc = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return rc;
}

int PosixFileOps::remove(const std::string& path) { return ::unlink(path.c_str()) == 0 ? 0 : errno; }

int PosixFileOps::remove_dir(const std::string& path) { return ::rmdir(path.c_str()) == 0 ? 0 : errno; }

int PosixFileOps::read(const std::string& path, const std::function<bool(std::string_view)>& chunk) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    // The file was fsynced, so its cached pages are clean: dropping them makes the read below
    // come from the drive itself.
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    std::vector<char> buf(1 << 20);
    int rc = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            rc = errno;
            break;
        }
        if (n == 0) break;
        if (!chunk(std::string_view(buf.data(), static_cast<size_t>(n)))) {
            rc = ECANCELED;
            break;
        }
    }
    ::close(fd);
    return rc;
}

std::string describe_drive_error(int err) {
    switch (err) {
        case ENOSPC:
        case EDQUOT: return "the drive is full";
        case EROFS: return "the drive is read-only (check its lock switch)";
        case EACCES:
        case EPERM: return "the kiosk is not allowed to write on the drive";
        case ENOENT:
        case ENODEV:
        case ENXIO:
        case EIO:
        case ESTALE: return "the drive was removed or stopped working";
        case EEXIST: return "a folder with that name is already on the drive";
        case ENOTDIR: return "that is not a folder";
        case EFBIG: return "a file is too big for the drive's format (FAT32 stops at 4 GB)";
        default: return std::strerror(err);
    }
}

// --- in memory ---------------------------------------------------------------------------

namespace {
std::string parent_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos || slash == 0 ? "/" : path.substr(0, slash);
}
}  // namespace

int MemoryFileOps::is_dir(const std::string& path) {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_dirs.count(path) ? 0 : ENOENT;
}

int MemoryFileOps::make_dir(const std::string& path) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_dirs.count(path) || m_files.count(path)) return EEXIST;
    if (!m_dirs.count(parent_of(path))) return ENOENT;
    m_dirs.insert(path);
    return 0;
}

int MemoryFileOps::open_new(const std::string& path, int& fd) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_dirs.count(path) || m_files.count(path)) return EEXIST;
    if (!m_dirs.count(parent_of(path))) return ENOENT;
    m_files[path];
    fd = m_next_fd++;
    m_open[fd] = path;
    return 0;
}

int MemoryFileOps::write(int fd, std::string_view data) {
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_open.find(fd);
    if (it == m_open.end()) return EBADF;
    m_files[it->second].append(data);
    return 0;
}

int MemoryFileOps::close(int fd) {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_open.erase(fd) ? 0 : EBADF;
}

int MemoryFileOps::rename(const std::string& from, const std::string& to) {
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_files.find(from);
    if (it == m_files.end()) return ENOENT;
    m_files[to] = std::move(it->second);
    m_files.erase(from);
    for (auto& [fd, path] : m_open)
        if (path == from) path = to;
    return 0;
}

int MemoryFileOps::remove(const std::string& path) {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_files.erase(path) ? 0 : ENOENT;
}

int MemoryFileOps::remove_dir(const std::string& path) {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_dirs.erase(path) ? 0 : ENOENT;
}

int MemoryFileOps::read(const std::string& path, const std::function<bool(std::string_view)>& chunk) {
    std::string copy;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const auto it = m_files.find(path);
        if (it == m_files.end()) return ENOENT;
        copy = it->second;
    }
    return chunk(copy) ? 0 : ECANCELED;
}

const std::string* MemoryFileOps::file(const std::string& path) const {
    const auto it = m_files.find(path);
    return it == m_files.end() ? nullptr : &it->second;
}

}  // namespace dv
