// Tests only: loaded into the real kiosk with LD_PRELOAD, it makes the disk under
// $DATAVOICE_TEST_FULL_DIR "full" (writes fail with ENOSPC) on cue from the kiosk's own input
// script, so a headless test can fill and free the disk at exact points of a journey:
//   screenshot disk-full-on    from now on, writes to files in that folder fail
//   screenshot disk-full-off   they work again
// (the cue is the name of the PNG the script asks for). Nothing else changes.
#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

std::atomic<bool> g_full{false};

template <typename F>
F real(const char* name) {
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

void notice(const char* path) {
    if (!path) return;
    const char* slash = std::strrchr(path, '/');
    const char* base = slash ? slash + 1 : path;
    if (std::strncmp(base, "disk-full-on", 12) == 0) g_full = true;
    if (std::strncmp(base, "disk-full-off", 13) == 0) g_full = false;
}

bool refused(int fd) {
    if (!g_full) return false;
    const char* dir = std::getenv("DATAVOICE_TEST_FULL_DIR");
    if (!dir || !*dir) return false;
    char link[64], target[4096];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0) return false;
    target[n] = '\0';
    if (std::strncmp(target, dir, std::strlen(dir)) != 0) return false;
    errno = ENOSPC;
    return true;
}

}  // namespace

extern "C" {

FILE* fopen(const char* path, const char* mode) {
    notice(path);
    static const auto f = real<FILE* (*)(const char*, const char*)>("fopen");
    return f(path, mode);
}

FILE* fopen64(const char* path, const char* mode) {
    notice(path);
    static const auto f = real<FILE* (*)(const char*, const char*)>("fopen64");
    return f(path, mode);
}

ssize_t write(int fd, const void* buf, size_t n) {
    if (refused(fd)) return -1;
    static const auto f = real<ssize_t (*)(int, const void*, size_t)>("write");
    return f(fd, buf, n);
}

ssize_t pwrite(int fd, const void* buf, size_t n, off_t offset) {
    if (refused(fd)) return -1;
    static const auto f = real<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
    return f(fd, buf, n, offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t n, off64_t offset) {
    if (refused(fd)) return -1;
    static const auto f = real<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64");
    return f(fd, buf, n, offset);
}

}  // extern "C"
