// This file implements writing one bundle file (see bundle_file.hpp).
#include "bundle_file.hpp"

namespace dv {

BundleFileWriter::BundleFileWriter(FileOps& fs, std::string dir, std::string name,
                                   const std::optional<StaffPublicKey>& recipient)
    : m_fs(fs), m_dir(std::move(dir)), m_name(std::move(name)) {
    if (recipient) m_sealed = std::make_unique<SealedStreamWriter>(*recipient);
}

BundleFileWriter::~BundleFileWriter() {
    stop_writer();
    if (m_fd >= 0) m_fs.close(m_fd);
}

int BundleFileWriter::open() {
    if (int err = m_fs.open_new(m_dir + "/" + temp_name(), m_fd)) return err;
    m_writer = std::thread([this] { run_writer(); });
    return 0;
}

int BundleFileWriter::add(std::string_view plain) {
    m_buffer.append(plain);
    if (m_buffer.size() >= kFlushBytes) hand_over();
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_error;
}

void BundleFileWriter::hand_over() {
    if (m_buffer.empty()) return;
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < kQueued || m_error; });
    if (!m_error) m_queue.push_back(std::move(m_buffer));
    m_buffer = std::string();
    m_buffer.reserve(kFlushBytes + 4096);
    m_changed.notify_all();
}

int BundleFileWriter::write_out(std::string_view bytes) {
    if (bytes.empty()) return 0;
    m_hash.update(bytes);
    m_bytes += static_cast<std::int64_t>(bytes.size());
    return m_fs.write(m_fd, bytes);
}

void BundleFileWriter::run_writer() {
    for (;;) {
        std::string block;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty() || m_closing; });
            if (m_queue.empty()) return;  // closing, and everything is written
            block = std::move(m_queue.front());
            m_queue.pop_front();
            m_changed.notify_all();
            if (m_error) continue;  // after an error, drain without writing
        }
        int err;
        if (m_sealed) {
            m_sealed->add(block);
            err = write_out(m_sealed->output());
            m_sealed->output().clear();
        } else {
            err = write_out(block);
        }
        if (err) {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (!m_error) m_error = err;
            m_changed.notify_all();
        }
    }
}

void BundleFileWriter::stop_writer() {
    if (!m_writer.joinable()) return;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closing = true;
        m_changed.notify_all();
    }
    m_writer.join();
}

int BundleFileWriter::finish(ManifestFile& entry) {
    hand_over();
    stop_writer();  // everything queued is written (or an error stopped it)
    if (m_error) return m_error;
    if (m_sealed) {
        m_sealed->finish();
        if (int err = write_out(m_sealed->output())) return err;
    }
    // Invariant 1 (bundle.hpp): fsynced under the temporary name, renamed, folder fsynced.
    if (int err = m_fs.sync(m_fd)) return err;
    const int fd = m_fd;
    m_fd = -1;
    if (int err = m_fs.close(fd)) return err;
    if (int err = m_fs.rename(m_dir + "/" + temp_name(), m_dir + "/" + m_name)) return err;
    if (int err = m_fs.sync_dir(m_dir)) return err;
    entry.name = m_name;
    entry.bytes = m_bytes;
    entry.sha256 = m_hash.hex();
    return 0;
}

}  // namespace dv
