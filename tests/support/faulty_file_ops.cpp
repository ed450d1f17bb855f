// The misbehaving drive for export tests (see faulty_file_ops.hpp).
#include "faulty_file_ops.hpp"

#include <cerrno>
#include <filesystem>

namespace dv::test {

namespace {
std::string base(const std::string& path) { return std::filesystem::path(path).filename().string(); }
}  // namespace

std::string FaultyFileOps::name_of(int fd) const {
    for (const auto& [f, name] : m_open)
        if (f == fd) return name;
    return "?";
}

int FaultyFileOps::is_dir(const std::string& path) {
    if (m_vanished) return ENOENT;
    return m_real.is_dir(path);
}

int FaultyFileOps::make_dir(const std::string& path) {
    log.push_back("make_dir " + base(path));
    if (m_vanished) return ENOENT;
    if (make_dir_error) return make_dir_error;
    return m_real.make_dir(path);
}

int FaultyFileOps::open_new(const std::string& path, int& fd) {
    log.push_back("open_new " + base(path));
    if (m_vanished) return EIO;
    const int err = m_real.open_new(path, fd);
    if (!err) m_open.emplace_back(fd, base(path));
    return err;
}

int FaultyFileOps::write(int fd, std::string_view data) {
    log.push_back("write " + name_of(fd));
    if (m_vanished) return EIO;
    if (vanish_after_writes >= 0 && m_writes++ >= vanish_after_writes) {
        // The drive is pulled: its folder goes, and the kernel reports I/O errors from then on.
        std::error_code ec;
        std::filesystem::remove_all(drive_dir, ec);
        m_vanished = true;
        return EIO;
    }
    if (space_left >= 0) {
        if (static_cast<std::int64_t>(data.size()) > space_left) {
            m_real.write(fd, data.substr(0, static_cast<size_t>(space_left)));
            space_left = 0;
            return ENOSPC;
        }
        space_left -= static_cast<std::int64_t>(data.size());
    }
    return m_real.write(fd, data);
}

int FaultyFileOps::sync(int fd) {
    log.push_back("sync " + name_of(fd));
    return m_vanished ? EIO : m_real.sync(fd);
}

int FaultyFileOps::close(int fd) {
    log.push_back("close " + name_of(fd));
    for (auto it = m_open.begin(); it != m_open.end(); ++it)
        if (it->first == fd) {
            m_open.erase(it);
            break;
        }
    const int err = m_real.close(fd);
    return m_vanished ? EIO : err;
}

int FaultyFileOps::rename(const std::string& from, const std::string& to) {
    log.push_back("rename " + base(from) + " " + base(to));
    return m_vanished ? EIO : m_real.rename(from, to);
}

int FaultyFileOps::sync_dir(const std::string& dir) {
    log.push_back("sync_dir " + base(dir));
    return m_vanished ? EIO : m_real.sync_dir(dir);
}

int FaultyFileOps::remove(const std::string& path) {
    log.push_back("remove " + base(path));
    return m_vanished ? EIO : m_real.remove(path);
}

int FaultyFileOps::remove_dir(const std::string& path) {
    log.push_back("remove_dir " + base(path));
    return m_vanished ? EIO : m_real.remove_dir(path);
}

int FaultyFileOps::read(const std::string& path, const std::function<bool(std::string_view)>& chunk) {
    log.push_back("read " + base(path));
    if (m_vanished) return EIO;
    if (base(path) != corrupt_on_read) return m_real.read(path, chunk);
    bool first = true;
    return m_real.read(path, [&](std::string_view data) {
        if (!first || data.empty()) return chunk(data);
        first = false;
        std::string altered(data);
        altered[altered.size() / 2] ^= 0x01;  // one flipped bit, as a failing flash cell would
        return chunk(altered);
    });
}

}  // namespace dv::test
