// This file implements FileOps on POSIX calls.
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

}  // namespace dv
