// One file of an export bundle on its way to the drive: written under a temporary name,
// encrypted when a staff key is set, hashed as it goes out, then fsynced and renamed into
// place (bundle.hpp, invariant 1).
//
// [X] A writer thread hashes, encrypts and writes while the export reads the next rows; at
//     most kQueued buffers wait, so memory stays bounded however big the file.
// [X] The first write error stops the file; add() reports it so the export stops early.
// [X] The SHA-256 of the bytes written: the manifest's, and what the job checks the drive
//     gives back.
#pragma once

#include "core/hash.hpp"
#include "crypto.hpp"
#include "file_ops.hpp"
#include "manifest.hpp"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace dv {

class BundleFileWriter {
public:
    static constexpr size_t kFlushBytes = 1 << 20;
    static constexpr size_t kQueued = 4;

    BundleFileWriter(FileOps& fs, std::string dir, std::string name, const std::optional<StaffPublicKey>& recipient);
    ~BundleFileWriter();
    BundleFileWriter(const BundleFileWriter&) = delete;
    BundleFileWriter& operator=(const BundleFileWriter&) = delete;

    std::string temp_name() const { return "." + m_name + ".partial"; }
    int open();
    // Queues plain bytes; returns the first error the writer met so far (0: none).
    int add(std::string_view plain);
    // Writes the rest, fsyncs, renames into place, fsyncs the folder. Fills entry (name,
    // bytes, sha256 of the bytes on the drive).
    int finish(ManifestFile& entry);

private:
    void hand_over();
    void run_writer();
    int write_out(std::string_view bytes);
    void stop_writer();

    FileOps& m_fs;
    std::string m_dir, m_name;
    int m_fd = -1;
    std::unique_ptr<SealedStreamWriter> m_sealed;
    std::string m_buffer;  // filled by add(), handed over whole
    // Only the writer thread touches these while it runs.
    Sha256 m_hash;
    std::int64_t m_bytes = 0;
    // Shared with the writer thread.
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::string> m_queue;
    bool m_closing = false;
    int m_error = 0;
    std::thread m_writer;
};

}  // namespace dv
