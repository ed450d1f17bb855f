// This file implements staff mode's screens and requests (states and invariants in
// staff_mode.hpp).
#include "staff_mode.hpp"

#include <algorithm>
#include <iterator>
#include <limits>

namespace dv {

namespace {

constexpr size_t kMaxPinDigits = 8;

std::string minutes(std::int64_t seconds) { return std::to_string((seconds + 59) / 60) + " min"; }

}  // namespace

const char* staff_screen_name(StaffScreen s) {
    switch (s) {
        case StaffScreen::Off: return "";
        case StaffScreen::NotSetUp: return "staff_not_set_up";
        case StaffScreen::Keypad: return "staff_keypad";
        case StaffScreen::ClockCheck: return "staff_clock";
        case StaffScreen::ClockSet: return "staff_clock_set";
        case StaffScreen::Home: return "staff_home";
        case StaffScreen::Export: return "staff_export";
        case StaffScreen::Exporting: return "staff_exporting";
        case StaffScreen::ExportResult: return "staff_export_result";
        case StaffScreen::Purge: return "staff_purge";
        case StaffScreen::PackUpdate: return "staff_pack_update";
        case StaffScreen::TouchTest: return "staff_touch_test";
        case StaffScreen::QrSync: return "staff_qr_sync";
        case StaffScreen::CloseProgram: return "staff_close_program";
        case StaffScreen::Facilitator: return "staff_facilitator";
        case StaffScreen::QrShow: return "staff_qr_show";
        case StaffScreen::QrConfirm: return "staff_qr_confirm";
    }
    return "";
}

StaffMode::StaffMode(StaffLock& lock, double idle_seconds) : m_lock(lock), m_idle_seconds(idle_seconds) {}

bool StaffMode::unlocked() const {
    return m_screen != StaffScreen::Off && m_screen != StaffScreen::Keypad && m_screen != StaffScreen::NotSetUp;
}

void StaffMode::gesture(const StaffTime& now) {
    if (m_screen != StaffScreen::Off) return;
    m_screen = m_lock.state(now.unix) == StaffLock::State::NotSetUp ? StaffScreen::NotSetUp : StaffScreen::Keypad;
    m_has_outcome = false;
    m_last_activity = now.monotonic;
}

void StaffMode::close(const char* why) {
    const bool was_unlocked = unlocked();
    // Invariant 4: nothing of this staff visit stays behind.
    m_screen = StaffScreen::Off;
    m_typed.clear();
    m_has_outcome = false;
    m_drives.clear();
    m_chosen = -1;
    m_everything = false;
    m_drop_part_of_day = false;
    m_clock_edit = CivilTime{};
    m_message.clear();
    m_qr_codes = 0;
    m_qr_index = 0;
    if (was_unlocked) m_audit.emplace_back("staff_exit", why);
}

void StaffMode::handle(const StaffEvent& e, const StaffTime& now) {
    using K = StaffEvent::Kind;
    if (m_screen == StaffScreen::Off) return;
    if (m_pending.kind != StaffRequest::Kind::None) return;  // invariant 3
    m_last_activity = now.monotonic;

    if (m_screen == StaffScreen::Keypad || m_screen == StaffScreen::NotSetUp) {
        switch (e.kind) {
            case K::Digit:
                if (m_screen == StaffScreen::Keypad && m_typed.size() < kMaxPinDigits && e.number >= 0 && e.number <= 9)
                    m_typed += static_cast<char>('0' + e.number);
                break;
            case K::Erase:
                if (!m_typed.empty()) m_typed.pop_back();
                break;
            case K::Submit:
                if (m_screen == StaffScreen::Keypad) submit_pin(now);
                break;
            case K::Cancel:
            case K::Exit:
            case K::Back: close("cancelled"); break;
            default: break;  // invariant 1: nothing else leaves the keypad
        }
        return;
    }

    if (m_screen == StaffScreen::ClockCheck || m_screen == StaffScreen::ClockSet) {
        // Invariant 6: from here only an answer about the clock leads on.
        switch (e.kind) {
            case K::ClockRight:
                if (m_screen == StaffScreen::ClockCheck) start_request(StaffRequest::Kind::ConfirmClock);
                break;
            case K::ClockChange:
                if (m_screen == StaffScreen::ClockCheck) {
                    m_clock_edit = now.local;
                    m_clock_edit.second = 0;
                    m_screen = StaffScreen::ClockSet;
                }
                break;
            case K::ClockStep:
                if (m_screen == StaffScreen::ClockSet && e.number >= 0 &&
                    e.number <= static_cast<int>(ClockField::Minute) && (e.delta == 1 || e.delta == -1))
                    m_clock_edit = step_civil(m_clock_edit, static_cast<ClockField>(e.number), e.delta);
                break;
            case K::SaveClock:
                if (m_screen == StaffScreen::ClockSet) start_request(StaffRequest::Kind::ConfirmClock);
                break;
            case K::Back:
                if (m_screen == StaffScreen::ClockSet) m_screen = StaffScreen::ClockCheck;
                break;
            case K::Exit: close("left staff mode"); break;
            default: break;
        }
        return;
    }
    if (is_qr_screen(m_screen) && handle_qr(e, now)) return;

    switch (e.kind) {
        case K::Open:
            if (m_screen == StaffScreen::Home && e.screen != StaffScreen::Off && e.screen != StaffScreen::Keypad &&
                e.screen != StaffScreen::NotSetUp && e.screen != StaffScreen::Exporting &&
                e.screen != StaffScreen::ExportResult && e.screen != StaffScreen::ClockCheck &&
                e.screen != StaffScreen::ClockSet && e.screen != StaffScreen::QrShow &&
                e.screen != StaffScreen::QrConfirm) {
                m_screen = e.screen;
                m_message.clear();
                m_chosen = m_drives.size() == 1 ? 0 : -1;
            }
            break;
        case K::ChooseDrive:
            if (e.number >= 0 && static_cast<size_t>(e.number) < m_drives.size()) m_chosen = e.number;
            break;
        case K::SetEverything: m_everything = e.number != 0; break;
        case K::SetDropPartOfDay: m_drop_part_of_day = e.number != 0; break;
        case K::StartExport:
            if (m_screen == StaffScreen::Export) start_request(StaffRequest::Kind::Export);
            break;
        case K::ConfirmPurge:
            if (m_screen == StaffScreen::Purge) start_request(StaffRequest::Kind::Purge);
            break;
        case K::InstallPack:
            if (m_screen == StaffScreen::PackUpdate) start_request(StaffRequest::Kind::InstallPack);
            break;
        case K::Back:
            m_screen = StaffScreen::Home;
            m_message.clear();  // a result belongs to the screen that showed it
            break;
        case K::ConfirmClose:
            if (m_screen == StaffScreen::CloseProgram) {  // invariant 7
                close("closed the program");
                m_quit_requested = true;
            }
            break;
        case K::Exit: close("left staff mode"); break;
        default: break;
    }
}

bool StaffMode::handle_qr(const StaffEvent& e, const StaffTime& now) {
    using K = StaffEvent::Kind;
    const double per_code = kQrSecondsPerCode[m_qr_speed];
    switch (e.kind) {
        case K::SetQrKind:
            if (m_screen == StaffScreen::QrSync) m_qr_full = e.number != 0;
            return true;
        case K::SetQrDensity:
            if (m_screen == StaffScreen::QrSync && e.number >= 0 && e.number < static_cast<int>(std::size(kQrVersions)))
                m_qr_density = e.number;
            return true;
        case K::SetQrSpeed:
            if (e.number >= 0 && e.number < static_cast<int>(std::size(kQrSecondsPerCode))) {
                m_qr_speed = e.number;
                m_qr_next_at = now.monotonic + kQrSecondsPerCode[m_qr_speed];
            }
            return true;
        case K::StartQr:
            if (m_screen == StaffScreen::QrSync) start_request(StaffRequest::Kind::BuildQr);
            return true;
        case K::QrPause:
            if (m_screen == StaffScreen::QrShow) {
                m_qr_paused = !m_qr_paused;
                m_qr_next_at = now.monotonic + per_code;
            }
            return true;
        case K::QrNext:
        case K::QrPrevious:
            if (m_screen == StaffScreen::QrShow && m_qr_codes > 0) {
                m_qr_index = (m_qr_index + (e.kind == K::QrNext ? 1 : m_qr_codes - 1)) % m_qr_codes;
                m_qr_next_at = now.monotonic + per_code;
            }
            return true;
        case K::QrConfirmOpen:
            m_screen = StaffScreen::QrConfirm;
            m_typed.clear();
            m_message.clear();
            return true;
        case K::Digit:
            if (m_screen == StaffScreen::QrConfirm && m_typed.size() < kQrConfirmDigits && e.number >= 0 && e.number <= 9)
                m_typed += static_cast<char>('0' + e.number);
            return true;
        case K::Erase:
            if (m_screen == StaffScreen::QrConfirm && !m_typed.empty()) m_typed.pop_back();
            return true;
        case K::Submit:
            if (m_screen == StaffScreen::QrConfirm && m_typed.size() == kQrConfirmDigits)
                start_request(StaffRequest::Kind::ConfirmQr);
            return true;
        case K::Back:
        case K::Cancel:
            if (m_screen == StaffScreen::QrSync) return false;  // to Home
            m_screen = StaffScreen::QrSync;
            m_typed.clear();
            m_message.clear();
            return true;
        default: return false;
    }
}

void StaffMode::qr_ready(int codes, double now_monotonic) {
    m_qr_codes = codes;
    m_qr_index = 0;
    m_qr_paused = false;
    m_qr_next_at = now_monotonic + kQrSecondsPerCode[m_qr_speed];
}

void StaffMode::submit_pin(const StaffTime& now) {
    const StaffLock::Attempt a = m_lock.try_pin(m_typed, now.unix);
    m_typed.clear();
    m_outcome = a.outcome;
    m_has_outcome = true;
    switch (a.outcome) {
        case StaffLock::Outcome::Unlocked:
            m_screen = StaffScreen::ClockCheck;  // invariants 1 and 6
            m_has_outcome = false;
            m_audit.emplace_back("staff_unlock", "");
            break;
        case StaffLock::Outcome::WrongPin:
            m_audit.emplace_back("staff_pin_wrong", std::to_string(a.tries_left) + " tries left before a lockout");
            break;
        case StaffLock::Outcome::LockedOut:
            if (a.lockout_started)
                m_audit.emplace_back("staff_lockout", "5 wrong PINs: locked for " + minutes(a.seconds_locked));
            else
                m_audit.emplace_back("staff_pin_refused", "locked for " + minutes(a.seconds_locked) + " more");
            break;
        case StaffLock::Outcome::NotSaved:
            m_audit.emplace_back("staff_pin_refused", "the attempt could not be counted, so it was not checked");
            break;
        case StaffLock::Outcome::NotSetUp: m_screen = StaffScreen::NotSetUp; break;
    }
}

void StaffMode::set_drives(std::vector<RemovableDrive> drives) {
    if (!may_use_drives()) return;  // invariant 2
    // Keep the choice on the same drive if it is still there.
    const std::string chosen = m_chosen >= 0 && static_cast<size_t>(m_chosen) < m_drives.size()
                                   ? m_drives[static_cast<size_t>(m_chosen)].path
                                   : std::string();
    m_drives = std::move(drives);
    m_chosen = -1;
    for (size_t i = 0; i < m_drives.size(); ++i)
        if (m_drives[i].path == chosen) m_chosen = static_cast<int>(i);
    if (m_chosen < 0 && m_drives.size() == 1) m_chosen = 0;
}

void StaffMode::start_request(StaffRequest::Kind kind) {
    StaffRequest r;
    r.kind = kind;
    if (kind == StaffRequest::Kind::ConfirmClock) {
        r.clock_changed = m_screen == StaffScreen::ClockSet;
        r.clock_set = m_clock_edit;
        m_pending = r;
        m_message.clear();
        return;
    }
    if (kind == StaffRequest::Kind::Export || kind == StaffRequest::Kind::InstallPack) {
        if (m_chosen < 0 || static_cast<size_t>(m_chosen) >= m_drives.size()) return;
        r.drive = m_drives[static_cast<size_t>(m_chosen)].path;
    }
    r.everything = m_everything;
    r.drop_part_of_day = m_drop_part_of_day;
    r.qr_full = m_qr_full;
    r.qr_version = kQrVersions[m_qr_density];
    if (kind == StaffRequest::Kind::ConfirmQr) r.code = m_typed;
    m_pending = r;
    m_message.clear();
    if (kind == StaffRequest::Kind::Export) m_screen = StaffScreen::Exporting;
}

void StaffMode::request_done(bool ok, std::string message, double now_monotonic) {
    const StaffRequest::Kind kind = m_pending.kind;
    if (kind == StaffRequest::Kind::None) return;
    m_pending = StaffRequest{};
    m_last_activity = now_monotonic;
    m_message = std::move(message);
    m_message_ok = ok;
    if (kind == StaffRequest::Kind::Export) m_screen = StaffScreen::ExportResult;
    if (kind == StaffRequest::Kind::Purge || kind == StaffRequest::Kind::ConfirmClock) m_screen = StaffScreen::Home;
    if (kind == StaffRequest::Kind::BuildQr && ok && m_qr_codes > 0) m_screen = StaffScreen::QrShow;
    if (kind == StaffRequest::Kind::ConfirmQr) {
        m_typed.clear();
        if (ok) m_screen = StaffScreen::QrSync;  // a wrong code stays on the keypad to try again
    }
}

void StaffMode::tick(const StaffTime& now) {
    if (m_screen == StaffScreen::Off || m_pending.kind != StaffRequest::Kind::None) return;  // invariant 3
    if (m_screen == StaffScreen::QrShow && !m_qr_paused && m_qr_codes > 0 && now.monotonic >= m_qr_next_at) {
        m_qr_index = (m_qr_index + 1) % m_qr_codes;  // not a staff event (invariant 5)
        m_qr_next_at = std::max(m_qr_next_at + kQrSecondsPerCode[m_qr_speed], now.monotonic);
    }
    if (now.monotonic - m_last_activity >= m_idle_seconds) close("timed out");                  // invariant 5
}

double StaffMode::next_deadline() const {
    if (m_screen == StaffScreen::Off || m_pending.kind != StaffRequest::Kind::None)
        return std::numeric_limits<double>::infinity();
    if (m_screen == StaffScreen::QrShow && !m_qr_paused && m_qr_codes > 0)
        return std::min(m_qr_next_at, m_last_activity + m_idle_seconds);
    return m_last_activity + m_idle_seconds;
}

std::vector<std::pair<std::string, std::string>> StaffMode::take_audit() {
    std::vector<std::pair<std::string, std::string>> out;
    out.swap(m_audit);
    return out;
}

}  // namespace dv
