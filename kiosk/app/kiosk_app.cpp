// The kiosk's frame loop and the glue between screens, journey and store.
#include "kiosk_app.hpp"

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

JourneyConfig journey_config(const HardwareProfile& p, const Pack& pack) {
    JourneyConfig c;
    c.pack = &pack;
    c.idle_seconds = p.idle_seconds;
    c.still_there_seconds = p.still_there_seconds;
    c.thank_you_seconds = p.thank_you_seconds;
    c.default_text_size = text_size_from_name(p.text_size);
    c.default_read_aloud = p.read_aloud;
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
      m_journey(journey_config(profile, pack)),
      m_repeat_guard(profile.repeat_seconds),
      m_palette(ui::standard_palette()),
      m_staff(staff, store, m_clocks),
      m_facilitator(pack, store, journey_config(profile, pack)),
      m_hours(OpeningHours::from_text(profile.opens, profile.closes)) {
    m_clock.set_wall_offset(m_trust.offset());
    m_next_clock_save = m_clock.monotonic_seconds() + kClockSaveSeconds;
    m_started_at = m_clock.monotonic_seconds();
}

void KioskApp::play_script(Script script, std::string screenshot_dir) {
    ScriptHost host;
    host.screen = [this] { return shown_screen(); };
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
    if (!m_staff.active()) return screen_name(m_journey.screen());
    return m_staff.facilitating() && m_facilitator.active() ? m_facilitator.screen_name() : m_staff.screen_name();
}

// Staff and facilitator screens are laid out for standard text (the facilitator's screens for
// the room draw their own larger type, and the profile's scale makes it larger still); a
// person's turn in facilitator mode uses the size that person chose.
TextSize KioskApp::shown_text_size() const {
    if (!m_staff.active()) return m_journey.text_size();
    if (m_staff.facilitating() && m_facilitator.person_turn()) return m_facilitator.journey().text_size();
    return TextSize::Standard;
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
    if (apply_event(m_journey, m_store, e, now()) == CommitOutcome::Failed) {
        std::fprintf(stderr, "datavoice-kiosk: %s: answer not saved: %s\n", m_store.path().c_str(),
                     m_store.last_error().c_str());
        m_next_store_probe = m_clock.monotonic_seconds() + kStoreProbeSeconds;
    }
    watch_visit();
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
    const Question* q = nullptr;
    if (const Scenario* s = m_journey.scenario()) q = m_journey.content().question(s->question);
    if (!q) return;
    m_results = build_scenario_results(*q, m_store.view_pairs(m_pack.id, q->id), m_pack.privacy, m_journey.content());
}

void KioskApp::check_resting() {
    if (m_journey.screen() != Screen::Resting) return;
    const double t = m_clock.monotonic_seconds();
    if (t < m_next_store_probe) return;
    m_next_store_probe = t + kStoreProbeSeconds;
    if (recover_if_writable(m_journey, m_store, now())) {
        std::fprintf(stderr, "datavoice-kiosk: %s: the store accepts answers again\n", m_store.path().c_str());
        m_frames_owed = 3;
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
    if (!build_font_atlas(m_font_files, ui::font_sizes(scale, size), codepoints_used(m_pack), m_fonts,
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
    m_palette = m_journey.high_contrast() ? ui::high_contrast_palette() : ui::standard_palette();
    m_widgets.clear();
    ui::UiOutput out;
    ui::Frame frame{m_journey, m_ui_state, m_fonts, m_palette, metrics, m_widgets, out,
                    m_clock.monotonic_seconds(), display, &m_results};
    if (m_staff.active() && m_staff.facilitating() && m_facilitator.active()) {
        if (m_facilitator.draw(frame, now())) m_staff.keep_awake();
        sync_facilitator();
    } else if (m_staff.active())
        m_staff.draw(frame);
    else if (m_closed)
        ui::draw_closed_frame(frame, m_closed_notice_until, m_profile.opens);
    else
        ui::draw_visitor_frame(frame);
    const auto t_built = clock::now();

    if (m_skip_unseen_frames && m_script && m_script->running() && !m_script->reads_pixels()) {
        m_window.discard();
        m_script->after_render(m_widgets);
    } else {
        m_window.render(out.clear_colour);
        if (m_script) m_script->after_render(m_widgets);
        m_window.present();
    }
    if (!m_frame_stats_path.empty()) {
        using ms = std::chrono::duration<float, std::milli>;
        m_build_ms.push_back(ms(t_built - t_built_from).count());
        m_frame_ms.push_back(ms(clock::now() - t_start).count());
        m_frame_at.push_back(static_cast<float>(m_clock.monotonic_seconds() - m_started_at));
    }

    // Whatever was drawn says when it next needs a frame; a blank closed screen needs none, so
    // the loop then sleeps until input, the watchdog or the opening-hours change.
    m_wake_at = out.wake_at;
    m_layout_settling = out.layout_settling;
    if (m_layout_settling) m_frames_owed = std::max(m_frames_owed, 1);
    read_aloud(out);
    if (!m_ready_sent) {
        m_watchdog.ready();
        m_ready_sent = true;
    }
    for (const auto& e : out.events) apply(e);
    sync_results();
    if (!out.events.empty()) m_frames_owed = std::max(m_frames_owed, 3);
    if (out.staff_gesture && !m_staff.active()) {
        m_staff.gesture(m_journey.screen() == Screen::Resting);
        m_frames_owed = std::max(m_frames_owed, 3);
    }
    // While a finger is down, keep drawing: a press and release in one sleep can lose a tap.
    if (ImGui::IsAnyItemActive() || io.MouseDown[0]) m_frames_owed = std::max(m_frames_owed, 1);
}

void KioskApp::write_frame_stats() const {
    if (m_frame_stats_path.empty()) return;
    std::FILE* f = std::fopen(m_frame_stats_path.c_str(), "w");
    if (!f) {
        std::fprintf(stderr, "datavoice-kiosk: %s: cannot write frame stats\n", m_frame_stats_path.c_str());
        return;
    }
    std::fprintf(f, "build_ms frame_ms at_s\n");
    for (size_t i = 0; i < m_build_ms.size(); ++i)
        std::fprintf(f, "%.4f %.4f %.4f\n", m_build_ms[i], m_frame_ms[i], m_frame_at[i]);
    std::fclose(f);
}

int KioskApp::run() {
    const int code = loop();
    write_frame_stats();
    return code;
}

// Read-aloud: a new page is read once when it appears; a tap or focus change reads that item.
void KioskApp::read_aloud(const ui::UiOutput& out) {
    const std::string& voice = m_journey.content().info.voice;
    if (!m_journey.read_aloud() || m_closed || m_staff.active()) {
        if (!m_spoken_page.empty()) m_speaker.stop();
        m_spoken_page.clear();
        return;
    }
    if (!out.speak.empty()) {
        m_speaker.say(out.speak, voice);
        return;
    }
    std::string page;
    for (const auto& w : m_widgets.all())
        if (w.read && !w.text.empty()) page += w.text + ".\n";
    const std::string key = std::string(screen_name(m_journey.screen())) + "#" +
                            std::to_string(m_journey.step_number()) + "#" + m_journey.language() + "#" +
                            (m_journey.still_there_showing() ? "overlay" : "");
    if (key != m_spoken_page && !page.empty()) {
        m_speaker.say(page, voice);
        m_spoken_page = key;
    }
}

void KioskApp::update_opening_hours(bool input_arrived) {
    const bool open = m_hours.is_open(m_clock.local_now());
    const double t = m_clock.monotonic_seconds();
    if (!open && !m_closed && m_journey.screen() == Screen::Attract) {
        m_closed = true;  // a visitor mid-journey is never cut off: close once they have gone
        m_frames_owed = std::max(m_frames_owed, 2);
    } else if (open && m_closed) {
        m_closed = false;
        m_frames_owed = std::max(m_frames_owed, 2);
    }
    if (m_closed && input_arrived) {
        const bool was_showing = t < m_closed_notice_until;
        m_closed_notice_until = t + kClosedNoticeSeconds;
        if (!was_showing) m_frames_owed = std::max(m_frames_owed, 2);
    }
}

int KioskApp::loop() {
    while (!m_window.close_requested()) {
        const bool scripted = m_script && m_script->running();
        if (!scripted && m_frames_owed == 0) {
            const double t = m_clock.monotonic_seconds();
            double wake = std::min({m_wake_at, m_journey.next_deadline(), m_staff.next_deadline(),
                                    m_facilitator.next_deadline(),
                                    m_watchdog.next_due(), t + m_hours.seconds_until_change(m_clock.local_now()),
                                    m_quit_at});
            if (m_journey.screen() == Screen::Resting) wake = std::min(wake, m_next_store_probe);
            const double timeout = std::clamp(wake - t, 0.0, kMaxSleepSeconds);
            if (timeout > 0) m_window.wait(timeout);
        } else {
            m_window.wait(0);
        }
        const bool input = m_window.take_input_flag();
        const bool touched = m_window.take_touch_flag() || (m_script && m_script->pressing());
        if (input && !m_closed) m_frames_owed = std::max(m_frames_owed, 3);
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
        const bool changed = before != m_journey.screen() || overlay_before != m_journey.still_there_showing() ||
                             staff_before != shown_screen();
        if (changed) m_frames_owed = std::max(m_frames_owed, 2);
        if (m_staff.busy()) m_frames_owed = std::max(m_frames_owed, 1);  // an export shows its progress

        if (!(scripted || m_frames_owed > 0 || t >= m_wake_at)) continue;
        if (m_frames_owed > 0) --m_frames_owed;
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
