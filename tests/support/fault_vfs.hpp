// Tests only: a SQLite VFS wrapped around the default one that makes the disk misbehave on
// cue, so the store's error paths and its durability can be proven in-process. While a
// FaultVfs object lives it is SQLite's default VFS, so product code (Store::open) uses it
// unchanged; product code never registers it.
//
// [X] Counts operations: every write, sync and truncate of any file, numbered from 0.
// [X] fail_after(n, code): operation n and every later one fail with SQLITE_FULL or an
//     SQLITE_IOERR_* code (write, fsync, truncate) until clear(): a full disk or a dying card.
//     Optionally only for files whose name ends with a given suffix (e.g. the database file
//     but not its -wal, to fail checkpoints alone).
// [X] power_cut_after(n): from operation n the machine is off: every write, sync, truncate and
//     delete fails. restore_power() then rewinds each file to what its last sync made durable,
//     keeping each write made after that sync only with a given probability (disks persist
//     unsynced writes partly and out of order).
// [X] Never forwards a sync to the real disk: durability is simulated by the bookkeeping
//     above, which keeps these tests fast on any file system.
// [X] fail_reads(true): every read fails with SQLITE_IOERR_READ (a card that cannot be read,
//     which is not the same thing as a corrupt database).
// [ ] Torn writes inside one write call: SQLite assumes powersafe overwrite, and so does this.
// [ ] Faults on the shared-memory index (-shm is memory-mapped, never written through here).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

struct sqlite3_vfs;

namespace dv::test {

class FaultVfs {
public:
    FaultVfs();  // registers "fault" as the default VFS
    ~FaultVfs();  // restores the previous default
    FaultVfs(const FaultVfs&) = delete;
    FaultVfs& operator=(const FaultVfs&) = delete;

    // code: SQLITE_FULL or SQLITE_IOERR (the kind of operation picks the extended code).
    // only_suffix: when not empty, other files keep working.
    void fail_after(std::int64_t n, int code, std::string only_suffix = {});
    void power_cut_after(std::int64_t n);
    void fail_reads(bool on) { m_fail_reads = on; }
    // The disk works again (room freed, card reseated). Does not restore lost writes.
    void clear();
    // After a power cut (once every connection is closed): rewinds every file to its last
    // sync, then re-applies each later write with probability keep_probability, in order.
    void restore_power(double keep_probability, std::uint32_t seed);

    std::int64_t operations() const { return m_operations; }
    bool tripped() const { return m_tripped; }  // a fault was returned since the last arm
    bool powered() const { return m_mode != Mode::PowerCut || m_operations < m_arm_at; }

    // --- used by the VFS callbacks (fault_vfs.cpp) ------------------------------------
    enum class Mode { None, Fail, PowerCut };
    struct Change {
        bool truncate = false;
        std::int64_t offset = 0;       // write: where; truncate: the new size
        std::vector<unsigned char> data;  // write: the new bytes
        std::vector<unsigned char> old;   // the bytes this change replaced or cut off
        std::int64_t old_size = 0;        // the file's size before the change
    };
    // 0 to go ahead, or the SQLite error code this operation (on file `path`) must return.
    int next_operation(int ioerr_code, const std::string* path);
    bool reads_fail() const { return m_fail_reads; }
    bool deletes_fail() const { return m_mode == Mode::PowerCut && m_operations >= m_arm_at; }
    void record(const std::string& path, Change change) { m_unsynced[path].push_back(std::move(change)); }
    void synced(const std::string& path) { m_unsynced.erase(path); }

private:
    sqlite3_vfs* m_vfs;
    sqlite3_vfs* m_previous_default;
    Mode m_mode = Mode::None;
    int m_code = 0;
    std::string m_only_suffix;
    std::int64_t m_arm_at = 0;
    std::int64_t m_operations = 0;
    bool m_tripped = false;
    bool m_fail_reads = false;
    std::map<std::string, std::vector<Change>> m_unsynced;  // per file, oldest first
};

}  // namespace dv::test
