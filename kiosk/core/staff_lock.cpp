// This file implements the staff PIN lockout (states and invariants in staff_lock.hpp).
#include "staff_lock.hpp"

#include "text.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace dv {

namespace {

// Argon2id cost: about a tenth of a second and 32 MiB on a Raspberry Pi class board. The
// parameters are stored inside the hash, so they can be raised later without a migration.
constexpr unsigned long long kOpsLimit = 3;
constexpr size_t kMemLimit = 32u << 20;
constexpr int kMaxDoublings = 12;

void start_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

bool parse_int(const std::string& s, std::int64_t& out) {
    if (s.empty() || s.size() > 18) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    out = std::strtoll(s.c_str(), nullptr, 10);
    return true;
}

}  // namespace

std::string format_lock_record(const LockRecord& r) {
    return "v1;" + std::to_string(r.failures) + ";" + std::to_string(r.lockouts) + ";" +
           std::to_string(r.locked_since) + ";" + std::to_string(r.locked_seconds) + ";" + r.pin_hash;
}

std::optional<LockRecord> parse_lock_record(const std::string& text) {
    // The hash comes last and holds no ';', so a plain split is unambiguous.
    const std::vector<std::string> f = split(text, ';');
    if (f.size() != 6 || f[0] != "v1") return std::nullopt;
    std::int64_t v[4];
    for (int i = 0; i < 4; ++i)
        if (!parse_int(f[static_cast<size_t>(i) + 1], v[i])) return std::nullopt;
    LockRecord r;
    r.failures = static_cast<int>(std::min<std::int64_t>(v[0], StaffLock::kMaxFailures));  // see try_pin()
    r.lockouts = static_cast<int>(std::min<std::int64_t>(v[1], 1000));
    r.locked_since = v[2];
    r.locked_seconds = v[3];
    r.pin_hash = f[5];
    return r;
}

bool is_valid_pin(const std::string& pin) {
    if (pin.size() < 4 || pin.size() > 8) return false;
    return std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string hash_pin(const std::string& pin) {
    start_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), kOpsLimit, kMemLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return out;
}

bool pin_matches(const std::string& pin, const std::string& hash) {
    start_sodium();
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

StaffLock::StaffLock(LockRecord record, LockStorage& storage) : m_record(std::move(record)), m_storage(storage) {}

std::int64_t StaffLock::seconds_locked(std::int64_t now_unix) const {
    if (m_record.locked_seconds <= 0) return 0;
    // Invariant 4: a clock moved backwards makes this larger, never smaller.
    const std::int64_t end = m_record.locked_since + m_record.locked_seconds;
    return std::max<std::int64_t>(0, end - now_unix);
}

StaffLock::State StaffLock::state(std::int64_t now_unix) const {
    if (m_record.pin_hash.empty()) return State::NotSetUp;
    return seconds_locked(now_unix) > 0 ? State::LockedOut : State::Open;
}

StaffLock::Attempt StaffLock::try_pin(const std::string& pin, std::int64_t now_unix) {
    Attempt a;
    switch (state(now_unix)) {
        case State::NotSetUp: a.outcome = Outcome::NotSetUp; return a;
        case State::LockedOut:  // invariant 2
            a.outcome = Outcome::LockedOut;
            a.seconds_locked = seconds_locked(now_unix);
            return a;
        case State::Open: break;
    }
    // Invariant 1: count the attempt durably first; check the PIN only once it is counted.
    LockRecord counted = m_record;
    counted.failures += 1;
    counted.locked_seconds = 0;
    if (!m_storage.save(counted)) {
        a.outcome = Outcome::NotSaved;
        return a;
    }
    m_record = counted;

    // A lockout whose save failed left the counter at 5: this attempt locks without a check.
    const bool owed_lockout = m_record.failures > kMaxFailures;
    if (!owed_lockout && is_valid_pin(pin) && pin_matches(pin, m_record.pin_hash)) {
        LockRecord cleared = m_record;
        cleared.failures = 0;
        cleared.lockouts = 0;
        // If this save fails the counter merely stays one higher: the safe direction.
        if (m_storage.save(cleared)) m_record = cleared;
        a.outcome = Outcome::Unlocked;
        return a;
    }
    if (m_record.failures < kMaxFailures) {
        a.outcome = Outcome::WrongPin;
        a.tries_left = tries_left();
        return a;
    }
    // Invariant 3: the n-th lockout in a row lasts 5 min × 2^(n-1).
    LockRecord locked = m_record;
    locked.failures = 0;
    locked.lockouts = m_record.lockouts + 1;
    locked.locked_since = now_unix;
    locked.locked_seconds = kFirstLockoutSeconds << std::min(locked.lockouts - 1, kMaxDoublings);
    m_storage.save(locked);  // if this fails, the saved counter stands at 5 and the next try locks
    m_record = locked;
    a.outcome = Outcome::LockedOut;
    a.lockout_started = true;
    a.seconds_locked = locked.locked_seconds;
    return a;
}

bool StaffLock::set_pin(const std::string& pin) {
    if (!is_valid_pin(pin)) return false;
    LockRecord r;
    r.pin_hash = hash_pin(pin);  // invariant 5
    if (r.pin_hash.empty() || !m_storage.save(r)) return false;
    m_record = r;
    return true;
}

}  // namespace dv
