// Staff mode's screens and requests: the invariants numbered in kiosk/core/staff_mode.hpp.
#include "core/staff_mode.hpp"

#include <catch2/catch.hpp>
#include <sodium.h>

using namespace dv;
using K = StaffEvent::Kind;

namespace {

struct NoStorage : LockStorage {
    bool save(const LockRecord&) override { return true; }
};

// A staff visit with the PIN 2468 (hashed at libsodium's minimum cost, to keep tests quick).
struct Visit {
    NoStorage storage;
    StaffLock lock{record(), storage};
    StaffMode staff{lock, 180};
    StaffTime now{1000, 1763800000, local("2025-11-22 08:33:20")};

    static CivilTime local(const char* text) {
        CivilTime t;
        REQUIRE(parse_civil(text, t));
        return t;
    }

    static LockRecord record() {
        REQUIRE(sodium_init() >= 0);
        char out[crypto_pwhash_STRBYTES];
        REQUIRE(crypto_pwhash_str_alg(out, "2468", 4, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN,
                                      crypto_pwhash_ALG_ARGON2ID13) == 0);
        LockRecord r;
        r.pin_hash = out;
        return r;
    }
    void send(K k, int n = 0) { staff.handle(StaffEvent::of(k, n), now); }
    void type(const std::string& pin) {
        for (char c : pin) send(K::Digit, c - '0');
        send(K::Submit);
    }
    // The PIN, then "Yes, that is right" on the clock check (invariant 6), as the app does it.
    void unlock() {
        staff.gesture(now);
        type("2468");
        REQUIRE(staff.screen() == StaffScreen::ClockCheck);
        send(K::ClockRight);
        REQUIRE(staff.pending().kind == StaffRequest::Kind::ConfirmClock);
        staff.request_done(true, "", now.monotonic);
        REQUIRE(staff.screen() == StaffScreen::Home);
    }
    // QR sync with `codes` codes built and showing.
    void show_qr_codes(int codes) {
        staff.handle(StaffEvent::open(StaffScreen::QrSync), now);
        send(K::StartQr);
        staff.qr_ready(codes, now.monotonic);
        staff.request_done(true, "", now.monotonic);
        REQUIRE(staff.screen() == StaffScreen::QrShow);
    }
    std::vector<std::string> audit_events() {
        std::vector<std::string> out;
        for (const auto& [event, detail] : staff.take_audit()) out.push_back(event);
        return out;
    }
};

RemovableDrive drive(const std::string& path) { return {path, path, 1000, 2000, true}; }

}  // namespace

TEST_CASE("Staff mode/the gesture opens the keypad, the right PIN the staff home", "[staff]") {
    Visit v;
    CHECK_FALSE(v.staff.active());
    v.staff.gesture(v.now);
    CHECK(v.staff.screen() == StaffScreen::Keypad);
    v.send(K::Digit, 2);
    v.send(K::Digit, 4);
    CHECK(v.staff.typed_digits() == 2);
    v.send(K::Erase);
    CHECK(v.staff.typed_digits() == 1);
    v.send(K::Erase);
    v.type("2468");
    CHECK(v.staff.screen() == StaffScreen::ClockCheck);
    CHECK(v.audit_events() == std::vector<std::string>{"staff_unlock"});
}

TEST_CASE("Staff mode/(1) a wrong PIN stays on the keypad and nothing else leaves it", "[staff]") {
    Visit v;
    v.staff.gesture(v.now);
    v.type("1111");
    CHECK(v.staff.screen() == StaffScreen::Keypad);
    CHECK(v.staff.last_outcome() == StaffLock::Outcome::WrongPin);
    CHECK(v.staff.tries_left() == 4);
    v.staff.handle(StaffEvent::open(StaffScreen::Export), v.now);
    v.send(K::StartExport);
    v.send(K::ConfirmPurge);
    CHECK(v.staff.screen() == StaffScreen::Keypad);
    CHECK(v.staff.pending().kind == StaffRequest::Kind::None);
    CHECK(v.audit_events() == std::vector<std::string>{"staff_pin_wrong"});
}

TEST_CASE("Staff mode/five wrong PINs lock the keypad and the lockout is logged", "[staff]") {
    Visit v;
    v.staff.gesture(v.now);
    for (int i = 0; i < 5; ++i) v.type("1111");
    CHECK(v.staff.last_outcome() == StaffLock::Outcome::LockedOut);
    CHECK(v.staff.seconds_locked(v.now.unix) == 300);
    v.type("2468");
    CHECK(v.staff.screen() == StaffScreen::Keypad);
    const auto events = v.audit_events();
    REQUIRE(events.size() == 6);
    CHECK(events[4] == "staff_lockout");
    CHECK(events[5] == "staff_pin_refused");
}

TEST_CASE("Staff mode/without a PIN the gesture shows how to set one up", "[staff]") {
    NoStorage storage;
    StaffLock lock(LockRecord{}, storage);
    StaffMode staff(lock, 180);
    staff.gesture({0, 0, {}});
    CHECK(staff.screen() == StaffScreen::NotSetUp);
    CHECK_FALSE(staff.may_use_drives());
    staff.handle(StaffEvent::of(K::Cancel), {0, 0, {}});
    CHECK_FALSE(staff.active());
}

TEST_CASE("Staff mode/(2) drives are listed only once unlocked", "[staff]") {
    Visit v;
    v.staff.set_drives({drive("/media/a")});
    CHECK(v.staff.drives().empty());
    v.staff.gesture(v.now);
    CHECK_FALSE(v.staff.may_use_drives());
    v.staff.set_drives({drive("/media/a")});
    CHECK(v.staff.drives().empty());
    v.type("2468");
    CHECK(v.staff.may_use_drives());
    v.staff.set_drives({drive("/media/a")});
    CHECK(v.staff.drives().size() == 1);
}

TEST_CASE("Staff mode/an export request carries the chosen drive and options, then shows the result", "[staff]") {
    Visit v;
    v.unlock();
    v.staff.handle(StaffEvent::open(StaffScreen::Export), v.now);
    v.staff.set_drives({drive("/media/a"), drive("/media/b")});
    v.send(K::StartExport);  // no drive chosen yet: nothing happens
    CHECK(v.staff.pending().kind == StaffRequest::Kind::None);
    v.send(K::ChooseDrive, 1);
    v.send(K::SetEverything, 1);
    v.send(K::SetDropPartOfDay, 1);
    v.send(K::StartExport);
    CHECK(v.staff.screen() == StaffScreen::Exporting);
    const StaffRequest r = v.staff.pending();
    CHECK(r.kind == StaffRequest::Kind::Export);
    CHECK(r.drive == "/media/b");
    CHECK(r.everything);
    CHECK(r.drop_part_of_day);
    v.staff.request_done(true, "Safe to remove the drive.", v.now.monotonic);
    CHECK(v.staff.screen() == StaffScreen::ExportResult);
    CHECK(v.staff.message() == "Safe to remove the drive.");
    v.send(K::Back);
    CHECK(v.staff.screen() == StaffScreen::Home);
}

TEST_CASE("Staff mode/(3) while a request is pending events are ignored and it never times out", "[staff]") {
    Visit v;
    v.unlock();
    v.staff.handle(StaffEvent::open(StaffScreen::Purge), v.now);
    v.send(K::ConfirmPurge);
    CHECK(v.staff.pending().kind == StaffRequest::Kind::Purge);
    v.send(K::Exit);
    CHECK(v.staff.active());
    v.now.monotonic += 10000;
    v.staff.tick(v.now);
    CHECK(v.staff.active());
    v.staff.request_done(true, "Deleted 3 exported visits.", v.now.monotonic);
    CHECK(v.staff.screen() == StaffScreen::Home);
    v.staff.tick(v.now);
    CHECK(v.staff.active());  // the idle time starts again when the request ends
}

TEST_CASE("Staff mode/(4)(5) after the idle time staff mode closes and forgets everything", "[staff]") {
    Visit v;
    v.unlock();
    v.staff.handle(StaffEvent::open(StaffScreen::Export), v.now);
    v.staff.set_drives({drive("/media/a")});
    v.now.monotonic += 179;
    v.staff.tick(v.now);
    CHECK(v.staff.active());
    CHECK(v.staff.next_deadline() == Approx(1180));
    v.now.monotonic += 1;
    v.staff.tick(v.now);
    CHECK_FALSE(v.staff.active());
    CHECK(v.staff.drives().empty());
    CHECK(v.staff.chosen_drive() == -1);
    const auto events = v.audit_events();
    CHECK(events.back() == "staff_exit");
    // The keypad forgets typed digits too.
    v.staff.gesture(v.now);
    v.send(K::Digit, 1);
    v.send(K::Cancel);
    v.staff.gesture(v.now);
    CHECK(v.staff.typed_digits() == 0);
}

TEST_CASE("Staff mode/exit returns to the visitor journey and is logged", "[staff]") {
    Visit v;
    v.unlock();
    v.audit_events();
    v.send(K::Exit);
    CHECK_FALSE(v.staff.active());
    CHECK(v.audit_events() == std::vector<std::string>{"staff_exit"});
}

TEST_CASE("Staff mode/(6) every visit starts at the clock check, and only an answer about the clock leads on",
          "[staff][clock]") {
    Visit v;
    v.staff.gesture(v.now);
    v.type("2468");
    REQUIRE(v.staff.screen() == StaffScreen::ClockCheck);
    CHECK(v.staff.unlocked());
    // Nothing but an answer leaves the check: not Back, not Open, not a request of another screen.
    v.send(K::Back);
    v.staff.handle(StaffEvent::open(StaffScreen::Export), v.now);
    v.send(K::StartExport);
    v.send(K::ConfirmPurge);
    v.send(K::SaveClock);  // only the editor saves
    CHECK(v.staff.screen() == StaffScreen::ClockCheck);
    CHECK(v.staff.pending().kind == StaffRequest::Kind::None);
    // Nor can Home open the clock screens afterwards without a new visit.
    v.send(K::ClockRight);
    const StaffRequest r = v.staff.pending();
    CHECK(r.kind == StaffRequest::Kind::ConfirmClock);
    CHECK_FALSE(r.clock_changed);
    v.send(K::Exit);  // invariant 3: ignored while the request is pending
    CHECK(v.staff.screen() == StaffScreen::ClockCheck);
    v.staff.request_done(true, "Thank you: the clock is confirmed.", v.now.monotonic);
    CHECK(v.staff.screen() == StaffScreen::Home);
    CHECK(v.staff.message() == "Thank you: the clock is confirmed.");
    v.staff.handle(StaffEvent::open(StaffScreen::ClockCheck), v.now);
    v.staff.handle(StaffEvent::open(StaffScreen::ClockSet), v.now);
    CHECK(v.staff.screen() == StaffScreen::Home);
}

TEST_CASE("Staff mode/(6) changing the clock starts at the time shown and saves what staff set", "[staff][clock]") {
    Visit v;
    v.staff.gesture(v.now);
    v.type("2468");
    v.send(K::ClockChange);
    REQUIRE(v.staff.screen() == StaffScreen::ClockSet);
    const CivilTime start = v.staff.clock_edit();
    CHECK(start.date() == "2025-11-22");
    CHECK(start.time_hm() == "08:33");
    CHECK(start.second == 0);  // staff set minutes; seconds start at 0
    // From 2025-11-22 08:33 to 2026-01-05 10:02 with the steppers.
    v.staff.handle(StaffEvent::step(ClockField::Year, +1), v.now);
    for (int i = 0; i < 2; ++i) v.staff.handle(StaffEvent::step(ClockField::Month, +1), v.now);  // Nov → Jan, wraps
    for (int i = 0; i < 17; ++i) v.staff.handle(StaffEvent::step(ClockField::Day, -1), v.now);
    for (int i = 0; i < 2; ++i) v.staff.handle(StaffEvent::step(ClockField::Hour, +1), v.now);
    for (int i = 0; i < 31; ++i) v.staff.handle(StaffEvent::step(ClockField::Minute, -1), v.now);
    CHECK(v.staff.clock_edit().date() == "2026-01-05");
    CHECK(v.staff.clock_edit().time_hm() == "10:02");
    // Back returns to the check, which still needs an answer; a second change starts afresh.
    v.send(K::Back);
    CHECK(v.staff.screen() == StaffScreen::ClockCheck);
    v.send(K::ClockChange);
    CHECK(v.staff.clock_edit().date() == "2025-11-22");
    v.staff.handle(StaffEvent::step(ClockField::Day, +1), v.now);
    v.send(K::SaveClock);
    const StaffRequest r = v.staff.pending();
    CHECK(r.kind == StaffRequest::Kind::ConfirmClock);
    CHECK(r.clock_changed);
    CHECK(r.clock_set.date() == "2025-11-23");
    CHECK(r.clock_set.time_hm() == "08:33");
    v.staff.request_done(false, "The clock is now 2025-11-23 08:33, but the kiosk could not record it.", v.now.monotonic);
    CHECK(v.staff.screen() == StaffScreen::Home);  // a failed record still lets staff work
    CHECK_FALSE(v.staff.message_ok());
}

TEST_CASE("Staff mode/(4)(5) the clock screens time out too and forget the time being set", "[staff][clock]") {
    Visit v;
    v.staff.gesture(v.now);
    v.type("2468");
    v.send(K::ClockChange);
    v.staff.handle(StaffEvent::step(ClockField::Year, +3), v.now);  // a step is one: ignored
    CHECK(v.staff.clock_edit().year == 2025);
    v.staff.handle(StaffEvent::step(ClockField::Year, +1), v.now);
    v.now.monotonic += 180;
    v.staff.tick(v.now);
    CHECK_FALSE(v.staff.active());
    CHECK(v.staff.clock_edit().year == 1970);  // forgotten
    CHECK(v.audit_events().back() == "staff_exit");
}

TEST_CASE("Staff mode/(7) the program ends only from the confirmed close screen, logged first", "[staff]") {
    Visit v;
    // Not from the keypad, nor from Home or any other screen without the confirmation.
    v.staff.gesture(v.now);
    v.send(K::ConfirmClose);
    CHECK(v.staff.screen() == StaffScreen::Keypad);
    CHECK_FALSE(v.staff.quit_requested());
    v.type("2468");
    v.send(K::ConfirmClose);
    CHECK(v.staff.screen() == StaffScreen::ClockCheck);
    CHECK_FALSE(v.staff.quit_requested());
    v.send(K::ClockRight);
    v.staff.request_done(true, "", v.now.monotonic);
    v.send(K::ConfirmClose);
    CHECK(v.staff.screen() == StaffScreen::Home);
    CHECK_FALSE(v.staff.quit_requested());
    v.audit_events();
    // Cancel on the confirmation goes back home and ends nothing.
    v.staff.handle(StaffEvent::open(StaffScreen::CloseProgram), v.now);
    CHECK(v.staff.screen() == StaffScreen::CloseProgram);
    v.send(K::Back);
    CHECK(v.staff.screen() == StaffScreen::Home);
    CHECK_FALSE(v.staff.quit_requested());
    // Confirmed: staff mode closes, the exit is logged, and only then may the program end.
    v.staff.handle(StaffEvent::open(StaffScreen::CloseProgram), v.now);
    v.send(K::ConfirmClose);
    CHECK_FALSE(v.staff.active());
    CHECK(v.staff.quit_requested());
    const auto audit = v.staff.take_audit();
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].first == "staff_exit");
    CHECK(audit[0].second == "closed the program");
}

TEST_CASE("Staff mode/QR sync asks for the codes with the chosen kind and size, then shows them", "[staff][qr]") {
    Visit v;
    v.unlock();
    v.staff.handle(StaffEvent::open(StaffScreen::QrShow), v.now);  // not reachable from Home
    CHECK(v.staff.screen() == StaffScreen::Home);
    v.staff.handle(StaffEvent::open(StaffScreen::QrSync), v.now);
    REQUIRE(v.staff.screen() == StaffScreen::QrSync);
    v.send(K::SetQrKind, 1);
    v.send(K::SetQrDensity, 2);
    v.send(K::StartQr);
    REQUIRE(v.staff.pending().kind == StaffRequest::Kind::BuildQr);
    CHECK(v.staff.pending().qr_full);
    CHECK(v.staff.pending().qr_version == 20);
    v.staff.qr_ready(5, v.now.monotonic);
    v.staff.request_done(true, "5 codes", v.now.monotonic);
    CHECK(v.staff.screen() == StaffScreen::QrShow);
    CHECK(v.staff.qr_index() == 0);
}

TEST_CASE("Staff mode/QR codes advance on timed wake-ups, pause, and step both ways round the loop",
          "[staff][qr]") {
    Visit v;
    v.unlock();
    v.show_qr_codes(3);
    const double per_code = kQrSecondsPerCode[v.staff.qr_speed()];
    CHECK(v.staff.next_deadline() == Approx(v.now.monotonic + per_code));  // a wake-up, not a busy loop
    v.now.monotonic += per_code;
    v.staff.tick(v.now);
    CHECK(v.staff.qr_index() == 1);
    v.send(K::QrPause);
    CHECK(v.staff.qr_paused());
    v.now.monotonic += 10 * per_code;
    v.staff.tick(v.now);
    CHECK(v.staff.qr_index() == 1);
    v.send(K::QrNext);
    v.send(K::QrNext);
    CHECK(v.staff.qr_index() == 0);
    v.send(K::QrPrevious);
    CHECK(v.staff.qr_index() == 2);
}

TEST_CASE("Staff mode/invariant 5: codes advancing on their own do not keep staff mode open", "[staff][qr]") {
    Visit v;
    v.unlock();
    v.show_qr_codes(4);
    for (int i = 0; i < 800; ++i) {
        v.now.monotonic += 0.25;
        v.staff.tick(v.now);
    }
    CHECK(v.staff.screen() == StaffScreen::Off);
    CHECK(v.staff.qr_codes() == 0);  // invariant 4: forgotten
}

TEST_CASE("Staff mode/the confirmation keypad takes six digits and sends them; a wrong code stays to try again",
          "[staff][qr]") {
    Visit v;
    v.unlock();
    v.staff.handle(StaffEvent::open(StaffScreen::QrSync), v.now);
    v.send(K::QrConfirmOpen);
    REQUIRE(v.staff.screen() == StaffScreen::QrConfirm);
    for (int d : {1, 2, 3, 4, 5, 6, 7}) v.send(K::Digit, d);
    CHECK(v.staff.typed_code() == "123456");
    v.send(K::Submit);
    REQUIRE(v.staff.pending().kind == StaffRequest::Kind::ConfirmQr);
    CHECK(v.staff.pending().code == "123456");
    v.staff.request_done(false, "That code does not match", v.now.monotonic);
    CHECK(v.staff.screen() == StaffScreen::QrConfirm);
    CHECK(v.staff.typed_code().empty());
    v.send(K::Cancel);
    CHECK(v.staff.screen() == StaffScreen::QrSync);
    v.send(K::Back);
    CHECK(v.staff.screen() == StaffScreen::Home);
}
