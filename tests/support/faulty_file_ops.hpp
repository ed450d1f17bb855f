// A drive that misbehaves on cue, for export tests: it fills up, is read-only, disappears
// mid-write, or returns different bytes when read back. Wraps the real PosixFileOps and
// records every call in order, so tests can check what was written when.
#pragma once

#include "exchange/file_ops.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dv::test {

class FaultyFileOps final : public FileOps {
public:
    std::int64_t space_left = -1;    // bytes the drive still takes; -1: no limit
    int make_dir_error = 0;          // e.g. EROFS for a read-only drive
    int vanish_after_writes = -1;    // after this many write calls the drive is pulled
    std::string drive_dir;           // what disappears when it is pulled
    std::string corrupt_on_read;     // a file name whose bytes read back altered

    std::vector<std::string> log;    // "open_new NAME", "write NAME", "sync NAME", "rename A B", ...
    bool vanished() const { return m_vanished; }

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

private:
    std::string name_of(int fd) const;
    PosixFileOps m_real;
    std::vector<std::pair<int, std::string>> m_open;
    int m_writes = 0;
    bool m_vanished = false;
};

}  // namespace dv::test
