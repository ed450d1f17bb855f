// The staff PIN and its lockout: who may open staff mode, and how guessing is slowed down.
//
// STATES
//
//   NotSetUp ──set_pin()──► Open ──try_pin(): 5th wrong PIN in a row──► LockedOut
//                            ▲ │                                            │
//                            │ └─ try_pin(): right PIN → Open (counts reset) │
//                            └──────── the lockout's time has passed ───────┘
//
//   NotSetUp   no PIN hash stored: staff mode cannot be opened (datavoice-kiosk --set-pin).
//   Open       PINs are checked; `failures` wrong ones in a row so far (0–4).
//   LockedOut  no PIN is checked until locked_since + locked_seconds.
//
// TRANSITIONS (each names the function that performs it)
//   NotSetUp | Open | LockedOut → Open   StaffLock::set_pin()  (first-run set-up, or a reset)
//   Open → Open                          StaffLock::try_pin()  wrong PIN, fewer than 5 in a row
//   Open → LockedOut                     StaffLock::try_pin()  the 5th wrong PIN in a row
//   Open → Open                          StaffLock::try_pin()  right PIN: failures and lockouts reset
//   LockedOut → Open                     StaffLock::state()    once the wall clock passes the end
//
// INVARIANTS (tests in tests/unit/test_staff_lock.cpp name them)
//   (1) The failure counter is incremented and saved *before* the PIN is checked, and the PIN
//       is not checked if that save fails: cutting the power during the slow check never
//       gives a free guess.
//   (2) While LockedOut no PIN is checked, right or wrong.
//   (3) The n-th lockout in a row lasts 5 minutes × 2^(n-1) (the doubling stops at 2^12);
//       only a right PIN resets the count.
//   (4) Everything is in the LockRecord the caller persists, so a restart changes nothing;
//       a wall clock moved backwards lengthens a lockout, never shortens it.
//   (5) The PIN is never stored: only its Argon2id hash (libsodium crypto_pwhash_str).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace dv {

struct LockRecord {
    std::string pin_hash;  // crypto_pwhash_str output; empty: not set up
    int failures = 0;      // wrong PINs in a row since the last lockout or right PIN
    int lockouts = 0;      // lockouts in a row since the last right PIN
    std::int64_t locked_since = 0;    // unix seconds
    std::int64_t locked_seconds = 0;  // 0: not locked
};

// One line for the settings table, and back. parse returns nullopt when malformed.
std::string format_lock_record(const LockRecord& r);
std::optional<LockRecord> parse_lock_record(const std::string& text);

// Where the record is kept (the store's settings table, in the kiosk). save() returns false
// when it could not be made durable.
class LockStorage {
public:
    virtual ~LockStorage() = default;
    virtual bool save(const LockRecord& record) = 0;
};

// 4 to 8 digits.
bool is_valid_pin(const std::string& pin);

class StaffLock {
public:
    enum class State { NotSetUp, Open, LockedOut };
    enum class Outcome { Unlocked, WrongPin, LockedOut, NotSetUp, NotSaved };

    struct Attempt {
        Outcome outcome = Outcome::WrongPin;
        int tries_left = 0;                 // before the next lockout (WrongPin)
        std::int64_t seconds_locked = 0;    // LockedOut: how long from now
        bool lockout_started = false;       // this attempt started a lockout
    };

    static constexpr int kMaxFailures = 5;
    static constexpr std::int64_t kFirstLockoutSeconds = 5 * 60;

    StaffLock(LockRecord record, LockStorage& storage);

    State state(std::int64_t now_unix) const;
    std::int64_t seconds_locked(std::int64_t now_unix) const;
    int tries_left() const { return m_record.failures < kMaxFailures ? kMaxFailures - m_record.failures : 0; }

    // Checks a PIN (invariants 1, 2, 3). Takes a noticeable fraction of a second on purpose.
    Attempt try_pin(const std::string& pin, std::int64_t now_unix);

    // Replaces the PIN (a valid one) and clears failures and lockouts. False when the PIN is
    // not valid or the record could not be saved.
    bool set_pin(const std::string& pin);

    const LockRecord& record() const { return m_record; }

private:
    LockRecord m_record;
    LockStorage& m_storage;
};

// The Argon2id hash of a PIN, or "" if hashing failed (out of memory).
std::string hash_pin(const std::string& pin);
bool pin_matches(const std::string& pin, const std::string& hash);

}  // namespace dv
