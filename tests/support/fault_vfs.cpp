// The fault-injecting SQLite VFS for tests (what it does and does not do: fault_vfs.hpp).
// Every call is forwarded to the VFS that was the default before it, except that writes,
// syncs and truncates are counted (and may fail), syncs never reach the disk, and every
// write since a file's last sync is remembered so a power cut can be simulated.
#include "fault_vfs.hpp"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <stdexcept>

namespace dv::test {

namespace {

FaultVfs* g_fault = nullptr;
sqlite3_vfs* g_root = nullptr;

struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;  // the wrapped file, stored right after this struct
    std::string* path;   // nullptr for nameless temporary files
};
constexpr int kHeader = (sizeof(FaultFile) + 7) & ~7;

sqlite3_file* real_of(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->real; }
const std::string* path_of(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->path; }

std::vector<unsigned char> read_range(sqlite3_file* real, std::int64_t offset, std::int64_t size) {
    std::vector<unsigned char> out(static_cast<size_t>(std::max<std::int64_t>(size, 0)));
    if (!out.empty()) real->pMethods->xRead(real, out.data(), static_cast<int>(out.size()), offset);
    return out;
}

std::int64_t file_size(sqlite3_file* real) {
    sqlite3_int64 size = 0;
    real->pMethods->xFileSize(real, &size);
    return size;
}

// --- io methods -----------------------------------------------------------------------

int f_close(sqlite3_file* f) {
    auto* ff = reinterpret_cast<FaultFile*>(f);
    const int rc = ff->real->pMethods->xClose(ff->real);
    delete ff->path;
    ff->path = nullptr;
    return rc;
}
int f_read(sqlite3_file* f, void* buf, int amt, sqlite3_int64 off) {
    if (g_fault->reads_fail()) return SQLITE_IOERR_READ;
    return real_of(f)->pMethods->xRead(real_of(f), buf, amt, off);
}
int f_write(sqlite3_file* f, const void* buf, int amt, sqlite3_int64 off) {
    if (const int rc = g_fault->next_operation(SQLITE_IOERR_WRITE, path_of(f))) return rc;
    sqlite3_file* real = real_of(f);
    if (const std::string* path = path_of(f)) {
        FaultVfs::Change c;
        c.offset = off;
        const auto* bytes = static_cast<const unsigned char*>(buf);
        c.data.assign(bytes, bytes + amt);
        c.old_size = file_size(real);
        c.old = read_range(real, off, std::min<std::int64_t>(amt, c.old_size - off));
        g_fault->record(*path, std::move(c));
    }
    return real->pMethods->xWrite(real, buf, amt, off);
}
int f_truncate(sqlite3_file* f, sqlite3_int64 size) {
    if (const int rc = g_fault->next_operation(SQLITE_IOERR_TRUNCATE, path_of(f))) return rc;
    sqlite3_file* real = real_of(f);
    if (const std::string* path = path_of(f)) {
        FaultVfs::Change c;
        c.truncate = true;
        c.offset = size;
        c.old_size = file_size(real);
        c.old = read_range(real, size, c.old_size - size);
        g_fault->record(*path, std::move(c));
    }
    return real->pMethods->xTruncate(real, size);
}
int f_sync(sqlite3_file* f, int) {
    if (const int rc = g_fault->next_operation(SQLITE_IOERR_FSYNC, path_of(f))) return rc;
    if (const std::string* path = path_of(f)) g_fault->synced(*path);
    return SQLITE_OK;
}
int f_file_size(sqlite3_file* f, sqlite3_int64* size) { return real_of(f)->pMethods->xFileSize(real_of(f), size); }
int f_lock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xLock(real_of(f), level); }
int f_unlock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xUnlock(real_of(f), level); }
int f_check_reserved(sqlite3_file* f, int* out) {
    return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}
int f_file_control(sqlite3_file* f, int op, void* arg) {
    return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}
int f_sector_size(sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); }
int f_device(sqlite3_file* f) { return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f)); }
int f_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return real_of(f)->pMethods->xShmMap(real_of(f), page, size, extend, out);
}
int f_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
}
void f_shm_barrier(sqlite3_file* f) { real_of(f)->pMethods->xShmBarrier(real_of(f)); }
int f_shm_unmap(sqlite3_file* f, int delete_flag) {
    return real_of(f)->pMethods->xShmUnmap(real_of(f), delete_flag);
}
int f_fetch(sqlite3_file* f, sqlite3_int64 off, int amt, void** out) {
    return real_of(f)->pMethods->xFetch(real_of(f), off, amt, out);
}
int f_unfetch(sqlite3_file* f, sqlite3_int64 off, void* p) { return real_of(f)->pMethods->xUnfetch(real_of(f), off, p); }

const sqlite3_io_methods kIo = {
    3,           f_close,     f_read,          f_write,      f_truncate,  f_sync,        f_file_size,
    f_lock,      f_unlock,    f_check_reserved, f_file_control, f_sector_size, f_device, f_shm_map,
    f_shm_lock,  f_shm_barrier, f_shm_unmap,   f_fetch,      f_unfetch,
};

// --- vfs methods ----------------------------------------------------------------------

int v_open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
    auto* ff = reinterpret_cast<FaultFile*>(f);
    ff->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + kHeader);
    ff->path = nullptr;
    const int rc = g_root->xOpen(g_root, name, ff->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        ff->base.pMethods = nullptr;
        return rc;
    }
    ff->base.pMethods = &kIo;
    if (name) ff->path = new std::string(name);
    return SQLITE_OK;
}
int v_delete(sqlite3_vfs*, const char* name, int sync_dir) {
    if (g_fault->deletes_fail()) return SQLITE_IOERR_DELETE;
    g_fault->synced(name);  // gone: nothing of it to rewind
    return g_root->xDelete(g_root, name, sync_dir);
}
int v_access(sqlite3_vfs*, const char* name, int flags, int* out) { return g_root->xAccess(g_root, name, flags, out); }
int v_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) {
    return g_root->xFullPathname(g_root, name, n, out);
}
void* v_dl_open(sqlite3_vfs*, const char* name) { return g_root->xDlOpen(g_root, name); }
void v_dl_error(sqlite3_vfs*, int n, char* msg) { g_root->xDlError(g_root, n, msg); }
void (*v_dl_sym(sqlite3_vfs*, void* lib, const char* sym))(void) { return g_root->xDlSym(g_root, lib, sym); }
void v_dl_close(sqlite3_vfs*, void* lib) { g_root->xDlClose(g_root, lib); }
int v_randomness(sqlite3_vfs*, int n, char* out) { return g_root->xRandomness(g_root, n, out); }
int v_sleep(sqlite3_vfs*, int us) { return g_root->xSleep(g_root, us); }
int v_current_time(sqlite3_vfs*, double* out) { return g_root->xCurrentTime(g_root, out); }
int v_last_error(sqlite3_vfs*, int n, char* out) { return g_root->xGetLastError(g_root, n, out); }
int v_current_time64(sqlite3_vfs*, sqlite3_int64* out) { return g_root->xCurrentTimeInt64(g_root, out); }
int v_set_syscall(sqlite3_vfs*, const char* name, sqlite3_syscall_ptr p) {
    return g_root->xSetSystemCall(g_root, name, p);
}
sqlite3_syscall_ptr v_get_syscall(sqlite3_vfs*, const char* name) { return g_root->xGetSystemCall(g_root, name); }
const char* v_next_syscall(sqlite3_vfs*, const char* name) { return g_root->xNextSystemCall(g_root, name); }

void pwrite_all(int fd, const std::vector<unsigned char>& bytes, std::int64_t offset) {
    if (!bytes.empty() && pwrite(fd, bytes.data(), bytes.size(), offset) != static_cast<ssize_t>(bytes.size()))
        throw std::runtime_error("fault VFS: cannot rewind a file");
}

}  // namespace

FaultVfs::FaultVfs() {
    if (g_fault) throw std::logic_error("only one FaultVfs at a time");
    sqlite3_initialize();
    m_previous_default = sqlite3_vfs_find(nullptr);
    g_root = m_previous_default;
    g_fault = this;
    m_vfs = new sqlite3_vfs{};
    m_vfs->iVersion = 3;
    m_vfs->szOsFile = kHeader + g_root->szOsFile;
    m_vfs->mxPathname = g_root->mxPathname;
    m_vfs->zName = "fault";
    m_vfs->xOpen = v_open;
    m_vfs->xDelete = v_delete;
    m_vfs->xAccess = v_access;
    m_vfs->xFullPathname = v_full_pathname;
    m_vfs->xDlOpen = v_dl_open;
    m_vfs->xDlError = v_dl_error;
    m_vfs->xDlSym = v_dl_sym;
    m_vfs->xDlClose = v_dl_close;
    m_vfs->xRandomness = v_randomness;
    m_vfs->xSleep = v_sleep;
    m_vfs->xCurrentTime = v_current_time;
    m_vfs->xGetLastError = v_last_error;
    m_vfs->xCurrentTimeInt64 = v_current_time64;
    m_vfs->xSetSystemCall = v_set_syscall;
    m_vfs->xGetSystemCall = v_get_syscall;
    m_vfs->xNextSystemCall = v_next_syscall;
    sqlite3_vfs_register(m_vfs, 1);
}

FaultVfs::~FaultVfs() {
    sqlite3_vfs_unregister(m_vfs);
    sqlite3_vfs_register(m_previous_default, 1);
    delete m_vfs;
    g_fault = nullptr;
    g_root = nullptr;
}

void FaultVfs::fail_after(std::int64_t n, int code, std::string only_suffix) {
    m_mode = Mode::Fail;
    m_code = code;
    m_only_suffix = std::move(only_suffix);
    m_arm_at = m_operations + n;
    m_tripped = false;
}

void FaultVfs::power_cut_after(std::int64_t n) {
    m_mode = Mode::PowerCut;
    m_only_suffix.clear();
    m_arm_at = m_operations + n;
    m_tripped = false;
}

void FaultVfs::clear() {
    m_mode = Mode::None;
    m_fail_reads = false;
}

int FaultVfs::next_operation(int ioerr_code, const std::string* path) {
    const std::int64_t n = m_operations++;
    if (m_mode == Mode::None || n < m_arm_at) return 0;
    if (m_mode == Mode::Fail && !m_only_suffix.empty()) {
        const size_t k = m_only_suffix.size();
        if (!path || path->size() < k || path->compare(path->size() - k, k, m_only_suffix) != 0) return 0;
    }
    m_tripped = true;
    if (m_mode == Mode::Fail && m_code == SQLITE_FULL) return SQLITE_FULL;
    return ioerr_code;
}

void FaultVfs::restore_power(double keep_probability, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::bernoulli_distribution keep(keep_probability);
    for (const auto& [path, changes] : m_unsynced) {
        const int fd = ::open(path.c_str(), O_RDWR);
        if (fd < 0) continue;
        for (auto c = changes.rbegin(); c != changes.rend(); ++c) {  // rewind, newest first
            if (c->truncate && ftruncate(fd, c->old_size) != 0) throw std::runtime_error("fault VFS: ftruncate");
            pwrite_all(fd, c->old, c->offset);
            if (!c->truncate && ftruncate(fd, c->old_size) != 0) throw std::runtime_error("fault VFS: ftruncate");
        }
        for (const auto& c : changes) {  // what the disk happened to keep, in order
            if (!keep(rng)) continue;
            if (c.truncate) {
                if (ftruncate(fd, c.offset) != 0) throw std::runtime_error("fault VFS: ftruncate");
            } else {
                pwrite_all(fd, c.data, c.offset);
            }
        }
        ::close(fd);
    }
    m_unsynced.clear();
    m_mode = Mode::None;
}

}  // namespace dv::test
