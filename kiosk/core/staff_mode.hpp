// Staff mode: the screens behind the hidden gesture, as a state machine separate from the
// visitor journey. The app shows the journey while staff mode is Off and these screens
// otherwise; it performs the requests (the clock check, export, purge, pack update) and
// reports back.
//
// STATES (StaffScreen)
//
//          gesture()            Submit, right PIN              ClockRight
//   Off ─────────────► Keypad ─────────────────────► ClockCheck ─────────────► (clock request) ──done──► Home
//    ▲                  │  ▲ wrong PIN / locked       │      ▲                        ▲                    │
//    │                  │  └──────┘        ClockChange│      │Back                    │ SaveClock          │
//    │                  │                             ▼      │                        │                    │
//    │                  │                            ClockSet ⟲ ClockStep ────────────┘                    │
//    │     Cancel       │                                                                                  │
//    ├──────────────────┘     Home ──Open──► Export ──StartExport──► Exporting ──done──► ExportResult       │
//    │                        Home ──Open──► Purge ──ConfirmPurge──► (request) ──done──► Home              │
//    │                        Home ──Open──► PackUpdate ──InstallPack──► (request) ──done──► PackUpdate    │
//    │                        Home ──Open──► TouchTest, QrSync;   any of these ──Back──► Home              │
//    │                        Home ──Open──► Facilitator (core/facilitator.hpp runs the group session)     │
//    │                        Home ──Open──► CloseProgram ──ConfirmClose──► Off, quit_requested()          │
//    │  (NotSetUp: gesture when no PIN exists)                                                             │
//    └──────── Exit, or staff_idle_seconds without a touch, from any screen ◄──────────────────────────────┘
//
//   QR sync:  QrSync ──StartQr──► (request: build the codes) ──done──► QrShow ⟲ tick(): next code
//               │ ▲                                                      │ QrConfirmOpen
//               │ └──── Back / done ◄── (request: check the code) ◄──Submit── QrConfirm
//               └──QrConfirmOpen (an earlier export waits) ──────────────────► QrConfirm
//
// TRANSITIONS (each names the function that performs it)
//   Off → Keypad | NotSetUp          StaffMode::gesture()
//   Keypad → ClockCheck              handle(Submit) → submit_pin(): StaffLock says Unlocked
//   Keypad → Keypad                  handle(Submit) → submit_pin(): wrong PIN, locked out, not saved
//   Keypad | NotSetUp → Off          handle(Cancel)
//   ClockCheck → (request)           handle(ClockRight) → start_request(): the time shown is right
//   ClockCheck → ClockSet            handle(ClockChange): the editor starts at the time shown
//   ClockSet → ClockSet              handle(ClockStep): one field one step (step_civil())
//   ClockSet → (request)             handle(SaveClock) → start_request(): the time staff set
//   ClockSet → ClockCheck            handle(Back)
//   (clock request) → Home           request_done(), whether or not it could be saved (the
//                                    message says so)
//   Home → Export | Purge | ...      handle(Open)
//   Export → Exporting               handle(StartExport) → start_request()
//   Purge | PackUpdate → same        handle(ConfirmPurge | InstallPack) → start_request()
//   Exporting → ExportResult         request_done()
//   (request) → Home | PackUpdate    request_done()
//   QrSync → QrShow                  handle(StartQr) → start_request(); request_done(true)
//   QrShow → QrShow (next code)      tick() while not paused; handle(QrNext | QrPrevious)
//   QrSync | QrShow → QrConfirm      handle(QrConfirmOpen)
//   QrConfirm → QrSync               handle(Submit) → start_request(); request_done(true);
//                                    a wrong code stays on QrConfirm; handle(Back | Cancel)
//   any screen after the clock → Home  handle(Back)
//   CloseProgram → Off (program ends) handle(ConfirmClose) → close(), m_quit_requested
//   any → Off                        handle(Exit), tick() → close()
//
// INVARIANTS (tests in tests/unit/test_staff_mode.cpp name them)
//   (1) No unlocked screen is reached but through Keypad with the StaffLock's Unlocked.
//   (2) may_use_drives() is true only on unlocked screens: the kiosk lists, reads or writes a
//       removable drive only then, never while a visitor can reach the screen.
//   (3) While a request is pending every staff event is ignored and the idle timeout waits.
//   (4) Leaving staff mode forgets the typed PIN, the drive list, the last message and the
//       time being set.
//   (5) After idle_seconds without a staff event, staff mode closes itself (→ Off). Codes
//       advancing on their own are not a staff event: a forgotten QR screen closes too.
//   (6) Every staff visit starts with the clock check: the right PIN leads to ClockCheck, and
//       Home (so every other staff screen) is reached only after staff said the time is right
//       or set it (a ConfirmClock request), never by Back or Open from the clock screens.
//   (7) The program may end (quit_requested()) only by ConfirmClose on the CloseProgram
//       screen, which only Home opens: so only after an unlock, and never from a visitor
//       screen, the keypad or a pending request. The staff_exit audit entry "closed the
//       program" is queued before quit_requested() turns true.
//   (8) Only the confirmation request marks a QR export; leaving QrShow marks nothing.
#pragma once

#include "clock.hpp"
#include "staff_lock.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dv {

// What the staff home screen shows: counts only, never a row (Store::staff_totals()).
struct DayTotal {
    std::string date;
    std::int64_t sessions = 0;
    std::int64_t answers = 0;
    std::int64_t flagged = 0;  // visits flagged as repeat presses (core/repeat_guard.hpp)
    std::int64_t date_uncertain = 0;  // of them, stored while the kiosk did not trust its clock
};
struct QuestionTotal {
    std::string question_id;
    std::int64_t answers = 0;  // effective answers (first views for a scenario question)
    std::int64_t flagged = 0;  // of them, from visits flagged as repeat presses
};
struct StaffTotals {
    std::int64_t sessions = 0;
    std::int64_t answers = 0;  // effective answers
    std::int64_t flagged = 0;  // visits flagged as repeat presses
    std::int64_t sessions_not_exported = 0;
    std::int64_t sessions_date_uncertain = 0;  // stored while the kiosk did not trust its clock
    std::int64_t sessions_purgeable = 0;  // in a verified export, nothing added since
    std::vector<DayTotal> days;           // newest first, at most 14
    std::vector<QuestionTotal> questions;
    bool has_last_export = false;
    std::string last_export_on, last_export_name;
    std::int64_t last_export_sessions = 0;
};

enum class StaffScreen {
    Off,
    NotSetUp,
    Keypad,
    ClockCheck,
    ClockSet,
    Home,
    Export,
    Exporting,
    ExportResult,
    Purge,
    PackUpdate,
    TouchTest,
    QrSync,
    QrShow,
    QrConfirm,
    CloseProgram,
    Facilitator,
};
// "staff_home" etc., as input scripts name screens (expect-screen); "" for Off.
const char* staff_screen_name(StaffScreen s);
// QR sync's three screens: choosing, showing the codes, typing the confirmation code.
inline bool is_qr_screen(StaffScreen s) {
    return s == StaffScreen::QrSync || s == StaffScreen::QrShow || s == StaffScreen::QrConfirm;
}

// A removable drive as the staff screen lists it (kiosk/platform/removable.hpp finds them).
struct RemovableDrive {
    std::string path;
    std::string label;
    std::int64_t free_bytes = 0;
    std::int64_t total_bytes = 0;
    bool separate_device = true;  // false: a plain folder on the kiosk's own storage
};

// QR sync choices: density (largest QR version) and speed (seconds each code shows).
inline constexpr int kQrVersions[] = {10, 15, 20};
inline constexpr double kQrSecondsPerCode[] = {1.0, 0.5, 0.25};
inline constexpr size_t kQrConfirmDigits = 6;

struct StaffTime {
    double monotonic = 0;     // for the idle timeout
    std::int64_t unix = 0;    // for the PIN lockout, which must survive a restart
    CivilTime local;          // the kiosk's local time, where the clock editor starts
};

struct StaffEvent {
    enum class Kind {
        Digit,             // number = 0..9
        Erase,             // the last digit
        Submit,            // the typed PIN
        Cancel,            // leave the keypad
        Open,              // screen = where to go from Home
        ChooseDrive,       // number = index in drives()
        SetEverything,     // number = 0/1
        SetDropPartOfDay,  // number = 0/1
        StartExport,
        ConfirmPurge,
        InstallPack,
        Back,              // to Home
        Exit,              // back to the visitor journey
        Touch,             // a touch on the touch-test pattern (keeps staff mode awake)
        ClockRight,        // "Yes, that is right"
        ClockChange,       // "No, change it"
        ClockStep,         // number = ClockField, delta = +1 / -1
        SaveClock,         // the time set in the editor
        ConfirmClose,      // end the program (CloseProgram screen only)
        SetQrKind,         // number = 0 summary, 1 full
        SetQrDensity,      // number = index in kQrVersions
        SetQrSpeed,        // number = index in kQrSecondsPerCode
        StartQr,           // build the codes and show them
        QrPause,           // pause or resume the auto-advance
        QrNext,
        QrPrevious,
        QrConfirmOpen,     // the keypad for the receiving tool's confirmation code
    };
    Kind kind = Kind::Back;
    int number = 0;
    StaffScreen screen = StaffScreen::Home;
    int delta = 0;

    static StaffEvent of(Kind k, int n = 0) { return {k, n, StaffScreen::Home}; }
    static StaffEvent open(StaffScreen s) { return {Kind::Open, 0, s}; }
    static StaffEvent step(ClockField f, int delta) {
        return {Kind::ClockStep, static_cast<int>(f), StaffScreen::Home, delta};
    }
};

struct StaffRequest {
    enum class Kind { None, Export, Purge, InstallPack, ConfirmClock, BuildQr, ConfirmQr };
    Kind kind = Kind::None;
    bool qr_full = false;  // BuildQr
    int qr_version = 15;   // BuildQr: the largest QR version
    std::string code;      // ConfirmQr: the digits typed
    std::string drive;  // Export, InstallPack
    bool everything = false;
    bool drop_part_of_day = false;
    // ConfirmClock: false = the time shown is right; true = the actual time is clock_set
    // (local, to the minute).
    bool clock_changed = false;
    CivilTime clock_set;
};

class StaffMode {
public:
    StaffMode(StaffLock& lock, double idle_seconds);

    void gesture(const StaffTime& now);
    void handle(const StaffEvent& e, const StaffTime& now);
    void tick(const StaffTime& now);
    double next_deadline() const;  // monotonic; +infinity when Off or a request is pending

    StaffScreen screen() const { return m_screen; }
    bool active() const { return m_screen != StaffScreen::Off; }
    bool unlocked() const;
    bool may_use_drives() const { return unlocked(); }  // invariant 2
    // Staff confirmed "Close program": the app ends the process cleanly (invariant 6).
    bool quit_requested() const { return m_quit_requested; }

    // Keypad
    size_t typed_digits() const { return m_typed.size(); }
    // The confirmation code typed so far (QrConfirm only; a PIN is never shown).
    std::string typed_code() const { return m_screen == StaffScreen::QrConfirm ? m_typed : std::string(); }
    StaffLock::Outcome last_outcome() const { return m_outcome; }
    bool has_outcome() const { return m_has_outcome; }
    int tries_left() const { return m_lock.tries_left(); }
    std::int64_t seconds_locked(std::int64_t now_unix) const { return m_lock.seconds_locked(now_unix); }

    // Export and pack update choices
    const std::vector<RemovableDrive>& drives() const { return m_drives; }
    void set_drives(std::vector<RemovableDrive> drives);
    int chosen_drive() const { return m_chosen; }  // -1: none
    bool everything() const { return m_everything; }
    bool drop_part_of_day() const { return m_drop_part_of_day; }

    // The time being set on ClockSet (local, to the minute).
    const CivilTime& clock_edit() const { return m_clock_edit; }
    // QR sync
    bool qr_full() const { return m_qr_full; }
    int qr_density() const { return m_qr_density; }  // index in kQrVersions
    int qr_speed() const { return m_qr_speed; }      // index in kQrSecondsPerCode
    // The app built `codes` codes (BuildQr done): QrShow starts at the first, advancing.
    void qr_ready(int codes, double now_monotonic);
    int qr_codes() const { return m_qr_codes; }
    int qr_index() const { return m_qr_index; }  // 0-based, the code on screen
    bool qr_paused() const { return m_qr_paused; }
    double qr_next_at() const { return m_qr_next_at; }  // monotonic; when the next code shows

    // Requests the app performs, and their outcome.
    const StaffRequest& pending() const { return m_pending; }
    // The request finished; the idle timeout starts again from now_monotonic.
    void request_done(bool ok, std::string message, double now_monotonic);
    const std::string& message() const { return m_message; }
    bool message_ok() const { return m_message_ok; }

    // Staff events for the audit log, oldest first; taking them clears the list.
    std::vector<std::pair<std::string, std::string>> take_audit();

private:
    void submit_pin(const StaffTime& now);
    bool handle_qr(const StaffEvent& e, const StaffTime& now);  // true: the event was QR sync's
    void start_request(StaffRequest::Kind kind);
    void close(const char* why);

    StaffLock& m_lock;
    double m_idle_seconds;
    StaffScreen m_screen = StaffScreen::Off;
    std::string m_typed;
    StaffLock::Outcome m_outcome = StaffLock::Outcome::WrongPin;
    bool m_has_outcome = false;
    std::vector<RemovableDrive> m_drives;
    int m_chosen = -1;
    bool m_everything = false;
    bool m_drop_part_of_day = false;
    CivilTime m_clock_edit;
    bool m_qr_full = false;
    int m_qr_density = 1, m_qr_speed = 1;
    int m_qr_codes = 0, m_qr_index = 0;
    bool m_qr_paused = false;
    double m_qr_next_at = 0;
    StaffRequest m_pending;
    std::string m_message;
    bool m_message_ok = true;
    double m_last_activity = 0;
    bool m_quit_requested = false;
    std::vector<std::pair<std::string, std::string>> m_audit;
};

}  // namespace dv
