// The file operations an export makes on a drive, behind one interface so tests can make
// the drive fill up, turn read-only, vanish mid-write or return wrong bytes
// (tests/support/faulty_file_ops.hpp). Each call returns 0 or an errno value.
//
// [X] Creating files never replaces one (O_EXCL); creating a folder never reuses one.
// [X] fsync of files and of their folder, so a rename is on the drive before the next step.
// [X] Reading back drops the file's cached pages first, so verification reads the drive,
//     not the kernel's memory of what was written.
// [ ] Drives that acknowledge a flush they did not do: nothing in software can catch all of
//     those; the manifest-last rule means such a bundle fails verification on the laptop.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

namespace dv {

class FileOps {
public:
    virtual ~FileOps() = default;
    virtual int is_dir(const std::string& path) = 0;  // 0 when it is a folder
    virtual int make_dir(const std::string& path) = 0;  // EEXIST if anything is there
    virtual int open_new(const std::string& path, int& fd) = 0;
    virtual int write(int fd, std::string_view data) = 0;  // all of it, or an errno
    virtual int sync(int fd) = 0;
    virtual int close(int fd) = 0;
    virtual int rename(const std::string& from, const std::string& to) = 0;
    virtual int sync_dir(const std::string& dir) = 0;
    virtual int remove(const std::string& path) = 0;
    virtual int remove_dir(const std::string& path) = 0;  // an empty folder
    // Calls chunk() with the file's bytes in order; stops (returning ECANCELED) if it returns false.
    virtual int read(const std::string& path, const std::function<bool(std::string_view)>& chunk) = 0;
};

// The real thing, on POSIX.
class PosixFileOps final : public FileOps {
public:
    int is_dir(const std::string& path) override;
    int make_dir(const std::string& path) override;
    int open_new(const std::string& path, int& fd) override;
    int write(int fd, std::string_view data) override;
    int sync(int fd) override;
    int close(int fd) override;
    int rename(const std::string& from, const std::string& to) override;
    int sync_dir(const std::string& dir) override;
    int remove(const std::string& path) override;
    int remove_dir(const std::string& path) override;
    int read(const std::string& path, const std::function<bool(std::string_view)>& chunk) override;
};

// A drive in memory. QR sync runs the same export job into one and packs the files it wrote
// into QR frames, so a USB bundle and a QR export come from one code path.
class MemoryFileOps final : public FileOps {
public:
    int is_dir(const std::string& path) override;
    int make_dir(const std::string& path) override;
    int open_new(const std::string& path, int& fd) override;
    int write(int fd, std::string_view data) override;
    int sync(int) override { return 0; }
    int close(int fd) override;
    int rename(const std::string& from, const std::string& to) override;
    int sync_dir(const std::string&) override { return 0; }
    int remove(const std::string& path) override;
    int remove_dir(const std::string& path) override;
    int read(const std::string& path, const std::function<bool(std::string_view)>& chunk) override;

    // The bytes of a file written and closed, or nothing.
    const std::string* file(const std::string& path) const;

private:
    std::map<std::string, std::string> m_files;
    std::set<std::string> m_dirs{"/"};
    std::map<int, std::string> m_open;  // fd → path
    int m_next_fd = 3;
    std::mutex m_mutex;  // the bundle writer writes from its own thread
};

// Plain words for what an errno means on a removable drive, for the staff screen.
std::string describe_drive_error(int err);

}  // namespace dv
