// The staff PIN lockout: the state machine and the invariants numbered in
// kiosk/core/staff_lock.hpp, with a storage the test can make fail.
#include "core/staff_lock.hpp"

#include <catch2/catch.hpp>
#include <sodium.h>

using namespace dv;
using Outcome = StaffLock::Outcome;

namespace {

// Keeps what was saved, the way the settings table would across a restart.
struct MemoryStorage : LockStorage {
    std::optional<LockRecord> saved;
    int saves = 0;
    bool fail = false;
    bool save(const LockRecord& r) override {
        if (fail) return false;
        saved = r;
        ++saves;
        return true;
    }
};

constexpr std::int64_t kNow = 1763800000;

// The kiosk's hash is slow on purpose. The cost is written inside the hash, so these tests
// use an Argon2id hash of "1234" at libsodium's minimum cost; one test checks the real one.
const std::string& pin_hash_1234() {
    static const std::string h = [] {
        REQUIRE(sodium_init() >= 0);
        char out[crypto_pwhash_STRBYTES];
        REQUIRE(crypto_pwhash_str_alg(out, "1234", 4, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN,
                                      crypto_pwhash_ALG_ARGON2ID13) == 0);
        return std::string(out);
    }();
    return h;
}

LockRecord set_up() {
    LockRecord r;
    r.pin_hash = pin_hash_1234();
    return r;
}

}  // namespace

TEST_CASE("Staff lock/(5) the stored hash is Argon2id and does not contain the PIN", "[staff-lock]") {
    const std::string h = hash_pin("1234");
    CHECK(h.rfind("$argon2id$v=19$m=32768,t=3,", 0) == 0);  // 32 MiB, 3 passes
    CHECK(h.find("1234") == std::string::npos);
    CHECK(pin_matches("1234", h));
    CHECK_FALSE(pin_matches("1235", h));
}

TEST_CASE("Staff lock/only 4 to 8 digits make a PIN", "[staff-lock]") {
    CHECK(is_valid_pin("0000"));
    CHECK(is_valid_pin("12345678"));
    CHECK_FALSE(is_valid_pin("123"));
    CHECK_FALSE(is_valid_pin("123456789"));
    CHECK_FALSE(is_valid_pin("12a4"));
    CHECK_FALSE(is_valid_pin(""));
}

TEST_CASE("Staff lock/without a PIN staff mode cannot be opened", "[staff-lock]") {
    MemoryStorage st;
    StaffLock lock(LockRecord{}, st);
    CHECK(lock.state(kNow) == StaffLock::State::NotSetUp);
    CHECK(lock.try_pin("1234", kNow).outcome == Outcome::NotSetUp);
    CHECK(st.saves == 0);
}

TEST_CASE("Staff lock/the right PIN unlocks and clears the count of wrong ones", "[staff-lock]") {
    MemoryStorage st;
    StaffLock lock(set_up(), st);
    CHECK(lock.try_pin("9999", kNow).outcome == Outcome::WrongPin);
    CHECK(lock.try_pin("1234", kNow).outcome == Outcome::Unlocked);
    REQUIRE(st.saved);
    CHECK(st.saved->failures == 0);
    CHECK(lock.tries_left() == 5);
}

TEST_CASE("Staff lock/(1) the attempt is counted and saved before the PIN is checked", "[staff-lock]") {
    // A storage that records what the counter was at the moment of each save.
    struct Watching : LockStorage {
        std::vector<int> failures_saved;
        bool save(const LockRecord& r) override {
            failures_saved.push_back(r.failures);
            return true;
        }
    } st;
    StaffLock lock(set_up(), st);
    CHECK(lock.try_pin("1234", kNow).outcome == Outcome::Unlocked);
    // First save: the counted attempt (1); second: cleared after the right PIN (0).
    CHECK(st.failures_saved == std::vector<int>{1, 0});
}

TEST_CASE("Staff lock/(1) when the count cannot be saved the PIN is not checked", "[staff-lock]") {
    MemoryStorage st;
    st.fail = true;
    StaffLock lock(set_up(), st);
    const auto a = lock.try_pin("1234", kNow);  // the right PIN, yet refused
    CHECK(a.outcome == Outcome::NotSaved);
    CHECK(lock.record().failures == 0);
}

TEST_CASE("Staff lock/(3) five wrong PINs lock for 5 minutes, then 10, then 20", "[staff-lock]") {
    MemoryStorage st;
    StaffLock lock(set_up(), st);
    std::int64_t now = kNow;
    for (std::int64_t expected : {300, 600, 1200}) {
        for (int i = 1; i <= 4; ++i) {
            const auto a = lock.try_pin("0000", now);
            CHECK(a.outcome == Outcome::WrongPin);
            CHECK(a.tries_left == 5 - i);
        }
        const auto a = lock.try_pin("0000", now);
        CHECK(a.outcome == Outcome::LockedOut);
        CHECK(a.lockout_started);
        CHECK(a.seconds_locked == expected);
        CHECK(lock.state(now + expected - 1) == StaffLock::State::LockedOut);
        now += expected;
        CHECK(lock.state(now) == StaffLock::State::Open);
    }
}

TEST_CASE("Staff lock/(2) while locked out even the right PIN is not checked", "[staff-lock]") {
    MemoryStorage st;
    StaffLock lock(set_up(), st);
    for (int i = 0; i < 5; ++i) lock.try_pin("0000", kNow);
    const int saves = st.saves;
    const auto a = lock.try_pin("1234", kNow + 60);
    CHECK(a.outcome == Outcome::LockedOut);
    CHECK(a.seconds_locked == 240);
    CHECK(st.saves == saves);  // not even counted: nothing was checked
}

TEST_CASE("Staff lock/(3) a right PIN resets the doubling", "[staff-lock]") {
    MemoryStorage st;
    StaffLock lock(set_up(), st);
    for (int i = 0; i < 5; ++i) lock.try_pin("0000", kNow);
    CHECK(lock.try_pin("1234", kNow + 300).outcome == Outcome::Unlocked);
    for (int i = 0; i < 4; ++i) lock.try_pin("0000", kNow + 400);
    CHECK(lock.try_pin("0000", kNow + 400).seconds_locked == 300);
}

TEST_CASE("Staff lock/(4) a lockout persists across a restart", "[staff-lock]") {
    MemoryStorage st;
    {
        StaffLock lock(set_up(), st);
        for (int i = 0; i < 5; ++i) lock.try_pin("0000", kNow);
    }
    // The kiosk restarts: the record comes back from the settings table as text.
    REQUIRE(st.saved);
    const auto reloaded = parse_lock_record(format_lock_record(*st.saved));
    REQUIRE(reloaded);
    StaffLock again(*reloaded, st);
    CHECK(again.state(kNow + 10) == StaffLock::State::LockedOut);
    CHECK(again.try_pin("1234", kNow + 10).outcome == Outcome::LockedOut);
    CHECK(again.try_pin("1234", kNow + 300).outcome == Outcome::Unlocked);
}

TEST_CASE("Staff lock/(4) a clock moved backwards does not shorten a lockout", "[staff-lock]") {
    MemoryStorage st;
    StaffLock lock(set_up(), st);
    for (int i = 0; i < 5; ++i) lock.try_pin("0000", kNow);
    CHECK(lock.seconds_locked(kNow - 3600) == 3600 + 300);
}

TEST_CASE("Staff lock/(1) a power cut between the fifth count and the lockout still locks", "[staff-lock]") {
    // The fifth wrong PIN was counted, then the lockout itself was never saved.
    LockRecord r = set_up();
    r.failures = 5;
    MemoryStorage st;
    StaffLock lock(*parse_lock_record(format_lock_record(r)), st);
    const auto a = lock.try_pin("1234", kNow);  // the right PIN gets no free check
    CHECK(a.outcome == Outcome::LockedOut);
    CHECK(a.seconds_locked == 300);
}

TEST_CASE("Staff lock/a malformed saved record is rejected", "[staff-lock]") {
    CHECK_FALSE(parse_lock_record(""));
    CHECK_FALSE(parse_lock_record("v2;0;0;0;0;x"));
    CHECK_FALSE(parse_lock_record("v1;a;0;0;0;x"));
    CHECK_FALSE(parse_lock_record("v1;0;0;0;0"));
    const auto ok = parse_lock_record("v1;2;1;100;300;$argon2id$x");
    REQUIRE(ok);
    CHECK(ok->failures == 2);
    CHECK(ok->lockouts == 1);
    CHECK(ok->locked_since == 100);
    CHECK(ok->locked_seconds == 300);
    CHECK(ok->pin_hash == "$argon2id$x");
}

TEST_CASE("Staff lock/setting a PIN replaces the old one and clears a lockout", "[staff-lock]") {
    MemoryStorage st;
    StaffLock lock(set_up(), st);
    for (int i = 0; i < 5; ++i) lock.try_pin("0000", kNow);
    CHECK_FALSE(lock.set_pin("12"));
    REQUIRE(lock.set_pin("5678"));
    CHECK(lock.state(kNow) == StaffLock::State::Open);
    CHECK(lock.try_pin("1234", kNow).outcome == Outcome::WrongPin);
    CHECK(lock.try_pin("5678", kNow).outcome == Outcome::Unlocked);
}
