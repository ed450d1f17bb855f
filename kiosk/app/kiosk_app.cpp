// The kiosk's frame loop and the glue between screens, journey and store.
#include "kiosk_app.hpp"

#include "exchange/qr.hpp"

#include "platform/screenshot.hpp"
#include "store/clock_records.hpp"
#include "store/journey_commit.hpp"
#include "ui/screens.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace dv {

namespace {

// Read-aloud is on from the start only where the profile asks and there is a device to hear it on.
JourneyConfig journey_config(const HardwareProfile& p, const Pack& pack, bool can_speak) {
    JourneyConfig c;
    c.pack = &pack;
    c.idle_seconds = p.idle_seconds;
    c.still_there_seconds = p.still_there_seconds;
    c.thank_you_seconds = p.thank_you_seconds;
    c.default_text_size = text_size_from_name(p.text_size);
    c.default_read_aloud = p.read_aloud && can_speak;
    return c;
}

constexpr double kStoreProbeSeconds = 5.0;  // while resting, how often to try writing again
constexpr double kMaxSleepSeconds = 30.0;
constexpr double kClosedNoticeSeconds = 15.0;
// How often a running kiosk records its latest trusted clock reading. Rounded down to the
// hour and saved on a timer, never at a visit, so the settings table cannot date a visitor.
constexpr double kClockSaveSeconds = 3600.0;

}  // namespace

KioskApp::KioskApp(const HardwareProfile& profile, const Pack& pack, Store& store, Window& window, Clock& clock,
                   ClockTrust& trust, FontFiles fonts, const StaffSessionConfig& staff)
    : m_profile(profile),
      m_pack(pack),
      m_store(store),
      m_window(window),
      m_system_clock(clock),
      m_clock(clock),
      m_trust(trust),
      m_clocks{clock, m_clock, trust, profile.set_system_clock},
      m_font_files(std::move(fonts)),
      m_can_speak(sound_device_present()),
      m_journey(journey_config(profile, pack, m_can_speak)),
      m_repeat_guard(profile.repeat_seconds),
      m_palette(ui::standard_palette()),
      m_staff(staff, store, m_clocks),
      m_facilitator(pack, store, journey_config(profile, pack, m_can_speak)),
      m_hours(OpeningHours::from_text(profile.opens, profile.closes)) {
    m_clock.set_wall_offset(m_trust.offset());
    m_next_clock_save = m_clock.monotonic_seconds() + kClockSaveSeconds;
    m_started_at = m_clock.monotonic_seconds();
    if (!m_can_speak) std::fprintf(stderr, "datavoice-kiosk: no sound device; read-aloud is not offered\n");
    // Encoded once here, so no screen calls the encoder while it draws.
    for (const auto& language : m_pack.languages)
        for (const auto& e : language.explainers)
            if (!e.qr_url.empty() && !m_link_codes.count(e.qr_url)) m_link_codes.emplace(e.qr_url, encode_qr_text(e.qr_url));
}

void KioskApp::play_script(Script script, std::string screenshot_dir) {
    ScriptHost host;
    host.screen = [this] { return shown_screen(); };
    host.spoken = [this] { return m_last_spoken; };
    host.advance_clock = [this](double s) { m_clock.shift_monotonic(s); };
    host.write_png = [this](const std::string& path) {
        int w = 0, h = 0;
        const auto rgb = m_window.read_pixels(w, h);
        return write_png(path, rgb, w, h);
    };
    m_script = std::make_unique<ScriptDriver>(std::move(script), std::move(screenshot_dir), std::move(host));
}

// The screen as input scripts name it: a visitor screen, a staff screen, or facilitator mode's.
std::string KioskApp::shown_screen() const {
    switch (m_modes.mode()) {
        case KioskMode::Visitor:
        case KioskMode::Closed: return screen_name(m_journey.screen());
        case KioskMode::Facilitating:
        case KioskMode::FacilitatorTurn: return m_facilitator.screen_name();
        default: return m_staff.screen_name();
    }
}

bool KioskApp::sync_mode() {
    ModeSignals s;
    s.open = m_hours.is_open(m_clock.local_now());
    s.visitor_on_attract = m_journey.screen() == Screen::Attract;
    s.staff_active = m_staff.active();
    s.exporting = m_staff.busy();
    s.facilitating = m_staff.facilitating() && m_facilitator.active();
    s.person_turn = m_facilitator.person_turn();
    return m_modes.update(s);
}

// kiosk_mode.hpp invariant 1. Closed counts the walk-up journey as active too: it waits on
// Attract with the profile's defaults, which the closed screen's notice is drawn in.
const Journey* KioskApp::active_journey() const {
    switch (m_modes.mode()) {
        case KioskMode::Visitor:
        case KioskMode::Closed: return &m_journey;
        case KioskMode::FacilitatorTurn: return &m_facilitator.journey();
        default: return nullptr;
    }
}

// Staff and facilitator screens are laid out for standard text (the facilitator's screens for
// the room draw their own larger type, and the profile's scale makes it larger still); a
// visitor, walk-up or in a facilitator's turn, gets the size they chose (invariant 2).
TextSize KioskApp::shown_text_size() const {
    const Journey* j = active_journey();
    return j ? j->text_size() : TextSize::Standard;
}

// Facilitator mode opens with staff mode's Facilitator screen and closes with it (staff mode
// timed out or was left); when the facilitator finishes, staff mode goes back to its home.
void KioskApp::sync_facilitator() {
    if (m_staff.facilitating() && !m_facilitator.active()) {
        if (m_facilitator_opened) {
            m_facilitator_opened = false;
            m_staff.back_home();
        } else {
            m_facilitator.open();
            m_facilitator_opened = true;
        }
    } else if (!m_staff.facilitating() && m_facilitator_opened) {
        m_facilitator.close();
        m_facilitator_opened = false;
    }
    if (m_facilitator.active()) m_facilitator.update(now());
}

Now KioskApp::now() const {
    Now n;
    n.monotonic = m_clock.monotonic_seconds();
    n.local = m_clock.local_now();
    n.clock_trusted = m_trust.trusted();
    n.boot = m_trust.boot();
    return n;
}

void KioskApp::save_clock_reading() {
    save_clock_memory(m_store, m_trust.remember(m_system_clock.unix_seconds()));
}

void KioskApp::apply(const Event& e) {
    if (e.kind == Event::Kind::Start) {
        // A visit is about to be stamped: make sure the clock has not jumped since start-up.
        const bool was_trusted = m_trust.trusted();
        m_trust.check(m_system_clock.unix_seconds(), m_system_clock.monotonic_seconds());
        if (was_trusted && !m_trust.trusted())
            std::fprintf(stderr, "datavoice-kiosk: %s Visits are marked date-uncertain until staff confirm the time.\n",
                         verdict_text(m_trust.verdict()));
    }
    // Journey invariants 1 and 2: the answer is durable before the journey moves on.
    if (apply_event(m_journey, m_store, e, now()) == CommitOutcome::Failed) note_commit_failure("answer not saved");
    watch_visit();
}

// A journey is resting: say so, and probe the store again after kStoreProbeSeconds.
void KioskApp::note_commit_failure(const char* what) {
    std::fprintf(stderr, "datavoice-kiosk: %s: %s: %s\n", m_store.path().c_str(), what, m_store.last_error().c_str());
    m_next_store_probe = m_clock.monotonic_seconds() + kStoreProbeSeconds;
}

// When a visit ends (the journey resets, or the next one starts), flag it if it repeats the
// one before: same answers, started within the profile's repeat_seconds (repeat_guard.hpp).
void KioskApp::watch_visit() {
    const auto repeated = m_visit_watch.observe(m_journey.session_id(), m_journey.answers(), m_clock.monotonic_seconds());
    if (repeated && !m_store.flag_repeat(*repeated))
        std::fprintf(stderr, "datavoice-kiosk: %s: could not flag a repeated visit: %s\n", m_store.path().c_str(),
                     m_store.last_error().c_str());
}

// "What others said here" is computed once, as the visitor reaches the screen, and cleared as
// they leave it, so no figures linger for the next screen or the next visitor.
void KioskApp::sync_results() {
    const bool on_results = m_journey.screen() == Screen::Results;
    if (on_results == m_results_loaded) return;
    m_results_loaded = on_results;
    m_results = {};
    if (!on_results) return;
    const Scenario* s = m_journey.scenario();
    const Question* q = s ? m_journey.content().question(s->question) : nullptr;
    if (!q) return;
    m_results = build_scenario_results(*q, m_store.view_pairs(m_pack.id, q->id, s->id), m_pack.privacy,
                                       m_journey.content());
}

// kiosk_mode.hpp invariant 4: the walk-up journey and a person's turn are both probed.
void KioskApp::check_resting() {
    const bool turn_resting = m_facilitator.resting();
    if (m_journey.screen() != Screen::Resting && !turn_resting) return;
    const double t = m_clock.monotonic_seconds();
    if (t < m_next_store_probe) return;
    m_next_store_probe = t + kStoreProbeSeconds;
    const bool recovered = turn_resting ? m_facilitator.recover_if_writable(now())
                                        : recover_if_writable(m_journey, m_store, now());
    if (recovered) {
        std::fprintf(stderr, "datavoice-kiosk: %s: the store accepts answers again\n", m_store.path().c_str());
        m_frames.owe(FrameSchedule::kAfterInput);
    }
}

void KioskApp::purge_expired_once_a_day() {
    // Only between visitors, and at most once per local date. The clock must be trusted
    // (store invariant 9): now().clock_trusted is ClockTrust's verdict.
    if (m_profile.retention_days <= 0 || m_journey.screen() != Screen::Attract) return;
    const Now n = now();
    if (n.local.date() == m_retention_checked_on) return;
    m_retention_checked_on = n.local.date();
    const PurgeResult r = m_store.purge_expired(m_profile.retention_days, n.local, n.clock_trusted);
    if (!r.ok)
        std::fprintf(stderr, "datavoice-kiosk: %s: retention purge failed: %s\n", m_store.path().c_str(),
                     m_store.last_error().c_str());
    else if (r.sessions > 0)
        std::fprintf(stderr, "datavoice-kiosk: %s: removed %lld sessions dated before %s (retention_days = %d)\n",
                     m_store.path().c_str(), static_cast<long long>(r.sessions), r.cutoff_date.c_str(),
                     m_profile.retention_days);
}

void KioskApp::rebuild_fonts_if_needed() {
    const TextSize size = shown_text_size();
    if (m_atlas_built && m_atlas_size == size) return;
    const float scale = static_cast<float>(m_profile.ui_scale());
    std::string error;
    if (!build_font_atlas(m_font_files, ui::font_sizes(scale, size), codepoints_used(m_pack), ui::icon_codepoints(), m_fonts,
                          error)) {
        m_fatal = true;
        m_fatal_error = error;
        return;
    }
    m_window.refresh_fonts();
    m_atlas_size = size;
    m_atlas_built = true;
}

void KioskApp::draw_frame() {
    using clock = std::chrono::steady_clock;
    rebuild_fonts_if_needed();
    if (m_fatal) return;
    const auto t_start = clock::now();
    m_window.begin_frame();
    ImGuiIO& io = ImGui::GetIO();
    if (m_script) m_script->before_frame(io, m_widgets, m_layout_settling);
    ImGui::NewFrame();
    const auto t_built_from = clock::now();

    const ImVec2 display = io.DisplaySize;
    const float scale = static_cast<float>(m_profile.ui_scale());
    const ui::Metrics metrics = ui::make_metrics(scale, static_cast<float>(m_profile.min_touch_target_px()),
                                                 shown_text_size(), display.x, display.y);
    const Journey* shown = active_journey();  // kiosk_mode.hpp invariant 2
    // The page as drawn, before a person's turn applies this frame's taps (during the draw).
    const std::string page_key = shown ? page_read_key(*shown) : std::string();
    m_palette = shown && shown->high_contrast() ? ui::high_contrast_palette() : ui::standard_palette();
    m_widgets.clear();
    ui::UiOutput out;
    ui::Frame frame{m_journey, m_ui_state, m_fonts, m_palette, metrics, m_widgets, out,
                    m_clock.monotonic_seconds(), display, &m_results, &m_link_codes};
    frame.read_aloud_offered = m_can_speak;
    switch (m_modes.mode()) {
        case KioskMode::Facilitating:
        case KioskMode::FacilitatorTurn: {
            const FacilitatorRun::Drawn drawn = m_facilitator.draw(frame, now());
            if (drawn.tapped) m_staff.keep_awake();
            if (drawn.commit_failed) note_commit_failure("a facilitator answer was not saved");
            sync_facilitator();
            break;
        }
        case KioskMode::Staff:
        case KioskMode::Exporting: m_staff.draw(frame); break;
        case KioskMode::Closed: ui::draw_closed_frame(frame, m_closed_notice_until, m_profile.opens); break;
        case KioskMode::Visitor: ui::draw_visitor_frame(frame); break;
    }
    sync_mode();  // what was tapped may have ended a turn or left facilitator mode
    const auto t_built = clock::now();

    if (m_skip_unseen_frames && m_script && m_script->running() && !m_script->reads_pixels()) {
        m_window.discard();
        m_script->after_render(m_widgets);
    } else {
        m_window.render(out.clear_colour);
        if (m_script) m_script->after_render(m_widgets);
        m_window.present();
    }
    if (m_frame_stats.recording()) {
        using ms = std::chrono::duration<float, std::milli>;
        m_frame_stats.add(ms(t_built - t_built_from).count(), ms(clock::now() - t_start).count(),
                          static_cast<float>(m_clock.monotonic_seconds() - m_started_at));
    }

    // Whatever was drawn says when it next needs a frame; a blank closed screen needs none, so
    // the loop then sleeps until input, the watchdog or the opening-hours change.
    m_frames.wake_at(out.wake_at);
    m_layout_settling = out.layout_settling;
    if (m_layout_settling) m_frames.owe(FrameSchedule::kKeepGoing);
    read_aloud(out, page_key);
    if (!m_ready_sent) {
        m_watchdog.ready();
        m_ready_sent = true;
    }
    // Events drawn on the walk-up screens; a person's turn applied its own in FacilitatorRun::draw().
    for (const auto& e : out.events) apply(e);
    sync_results();
    if (!out.events.empty()) m_frames.owe(FrameSchedule::kAfterInput);
    if (out.staff_gesture && !m_staff.active()) {
        m_staff.gesture(m_journey.screen() == Screen::Resting);
        m_frames.owe(FrameSchedule::kAfterInput);
    }
    sync_mode();
    // While a finger is down, keep drawing: a press and release in one sleep can lose a tap.
    if (ImGui::IsAnyItemActive() || io.MouseDown[0]) m_frames.owe(FrameSchedule::kKeepGoing);
}

int KioskApp::run() {
    const int code = loop();
    m_frame_stats.write();
    return code;
}

// Which page read-aloud is on: each is read once as it appears.
std::string KioskApp::page_read_key(const Journey& j) {
    return std::string(screen_name(j.screen())) + "#" + std::to_string(j.step_number()) + "#" + j.language() + "#" +
           (j.still_there_showing() ? "overlay" : "");
}

void KioskApp::say(const std::string& text, const std::string& voice) {
    m_last_spoken = text;
    m_speaker.say(text, voice);
}

// Read-aloud: a new page is read once when it appears; a tap or focus change reads that item.
// kiosk_mode.hpp invariant 2: only a visitor's journey, walk-up or a facilitator's turn, speaks.
void KioskApp::read_aloud(const ui::UiOutput& out, const std::string& page_key) {
    const KioskMode mode = m_modes.mode();
    const Journey* j = mode == KioskMode::Visitor || mode == KioskMode::FacilitatorTurn ? active_journey() : nullptr;
    if (!j || !j->read_aloud()) {
        if (!m_spoken_page.empty()) m_speaker.stop();
        m_spoken_page.clear();
        return;
    }
    const std::string& voice = j->content().info.voice;
    if (!out.speak.empty()) {
        say(out.speak, voice);
        return;
    }
    std::string page;
    for (const auto& w : m_widgets.all())
        if (w.read && !w.text.empty()) page += w.text + ".\n";
    if (page_key != m_spoken_page && !page.empty()) {
        say(page, voice);
        m_spoken_page = page_key;
    }
}

// Closing and opening are kiosk_mode.hpp's transitions (a visitor mid-journey is never cut
// off: invariant 3); a tap while closed shows when the kiosk wakes.
void KioskApp::update_opening_hours(bool input_arrived) {
    const bool was_closed = m_modes.closed();
    sync_mode();
    if (was_closed != m_modes.closed()) m_frames.owe(FrameSchedule::kAfterChange);
    const double t = m_clock.monotonic_seconds();
    if (m_modes.closed() && input_arrived) {
        const bool was_showing = t < m_closed_notice_until;
        m_closed_notice_until = t + kClosedNoticeSeconds;
        if (!was_showing) m_frames.owe(FrameSchedule::kAfterChange);
    }
}

int KioskApp::loop() {
    while (!m_window.close_requested()) {
        const bool scripted = m_script && m_script->running();
        if (!scripted && !m_frames.owed()) {
            const double t = m_clock.monotonic_seconds();
            double wake = std::min({m_frames.wake_time(), m_journey.next_deadline(), m_staff.next_deadline(),
                                    m_facilitator.next_deadline(),
                                    m_watchdog.next_due(), t + m_hours.seconds_until_change(m_clock.local_now()),
                                    m_quit_at});
            if (m_journey.screen() == Screen::Resting || m_facilitator.resting())
                wake = std::min(wake, m_next_store_probe);
            const double timeout = std::clamp(wake - t, 0.0, kMaxSleepSeconds);
            if (timeout > 0) m_window.wait(timeout);
        } else {
            m_window.wait(0);
        }
        const bool input = m_window.take_input_flag();
        const bool touched = m_window.take_touch_flag() || (m_script && m_script->pressing());
        if (input && !m_modes.closed()) m_frames.owe(FrameSchedule::kAfterInput);
        m_watchdog.ping(m_clock.monotonic_seconds());
        update_opening_hours(touched);

        const double t = m_clock.monotonic_seconds();
        if (t >= m_quit_at) return 0;
        if (t >= m_next_clock_save) {
            save_clock_reading();
            m_next_clock_save = t + kClockSaveSeconds;
        }
        const Screen before = m_journey.screen();
        const bool overlay_before = m_journey.still_there_showing();
        const std::string staff_before = shown_screen();
        m_journey.tick(now());
        check_resting();
        sync_results();
        watch_visit();
        purge_expired_once_a_day();
        m_staff.update();
        sync_facilitator();
        const bool mode_changed = sync_mode();
        const bool changed = mode_changed || before != m_journey.screen() ||
                             overlay_before != m_journey.still_there_showing() || staff_before != shown_screen();
        if (changed) m_frames.owe(FrameSchedule::kAfterChange);
        if (m_modes.mode() == KioskMode::Exporting) m_frames.owe(FrameSchedule::kKeepGoing);  // its progress

        if (!(scripted || m_frames.due(t))) continue;
        m_frames.drawn();
        draw_frame();
        if (m_fatal) {
            std::fprintf(stderr, "datavoice-kiosk: %s\n", m_fatal_error.c_str());
            return 1;
        }
        if (m_script && m_script->failed()) {
            std::fprintf(stderr, "datavoice-kiosk: %s\n", m_script->error().c_str());
            return 3;
        }
        if (m_exit_after_first_frame) {
            m_window.finish();
            std::printf("first-frame %.6f\n", std::chrono::duration<double>(
                                                   std::chrono::steady_clock::now().time_since_epoch()).count());
            return 0;
        }
        if (m_script && m_script->quit_requested()) return 0;
        if (m_staff.quit_requested()) {  // staff_mode.hpp invariant 7: the audit entry is written
            std::fprintf(stderr, "datavoice-kiosk: closed by staff\n");
            return 0;
        }
    }
    return 0;
}

}  // namespace dv
