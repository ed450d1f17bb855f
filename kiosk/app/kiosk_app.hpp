// The running kiosk: owns the journey, talks to the store, and runs the frame loop.
//
// Each frame: the script driver (if any) sets input → the screens draw the journey and
// return the visitor's events → the journey applies them → any answer it wants kept is
// committed to the store before the journey may move on → the frame is shown. While staff
// mode is active (the hidden gesture, then the PIN) its screens are drawn instead. Between
// frames the loop sleeps until input arrives or the next timed wake-up (an animation step,
// the "Still there?" timeout), so an idle kiosk uses next to no CPU. What the kiosk as a whole
// is doing (visitor, closed, staff, exporting, facilitating) is kiosk_mode.hpp's state machine,
// and active_journey() is the one place that says whose journey is on screen.
#pragma once

#include "core/clock.hpp"
#include "core/clock_trust.hpp"
#include "core/content.hpp"
#include "core/journey.hpp"
#include "core/opening_hours.hpp"
#include "core/profile.hpp"
#include "core/repeat_guard.hpp"
#include "store/clock_records.hpp"
#include "platform/fonts.hpp"
#include "platform/script.hpp"
#include "platform/watchdog.hpp"
#include "platform/window.hpp"
#include "speech/speech.hpp"
#include "facilitator_run.hpp"
#include "frame_schedule.hpp"
#include "frame_stats.hpp"
#include "kiosk_mode.hpp"
#include "staff_session.hpp"
#include "store/store.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <memory>
#include <vector>

namespace dv {

class KioskApp {
public:
    // `clock` is the system clock (or a test's stand-in); `trust` has already started.
    KioskApp(const HardwareProfile& profile, const Pack& pack, Store& store, Window& window, Clock& clock,
             ClockTrust& trust, FontFiles fonts, const StaffSessionConfig& staff);

    void play_script(Script script, std::string screenshot_dir);
    // Benchmark instruments: per-frame timings written on exit; or stop after the first frame.
    void record_frame_stats(std::string path) { m_frame_stats.record_to(std::move(path)); }
    void exit_after_first_frame() { m_exit_after_first_frame = true; }
    // Benchmarks and tests: leave the loop cleanly (exit 0, frame stats written) after `seconds`.
    void quit_after(double seconds) { m_quit_at = m_clock.monotonic_seconds() + seconds; }
    // Layout tests: frames no script screenshot reads are laid out but not rasterised.
    void skip_unseen_frames() { m_skip_unseen_frames = true; }
    // Returns the process exit code.
    int run();

private:
    int loop();
    Now now() const;
    void draw_frame();
    void apply(const Event& e);
    // kiosk_mode.hpp: the mode from what its owners report; true when it changed.
    bool sync_mode();
    // kiosk_mode.hpp invariant 1: the journey on screen, or null when none is.
    const Journey* active_journey() const;
    void say(const std::string& text, const std::string& voice);
    void rebuild_fonts_if_needed();
    void check_resting();
    void save_clock_reading();
    void update_opening_hours(bool input_arrived);
    void note_commit_failure(const char* what);
    void read_aloud(const ui::UiOutput& out, const std::string& page_key);
    static std::string page_read_key(const Journey& j);
    void sync_results();
    void watch_visit();
    void purge_expired_once_a_day();
    void sync_facilitator();
    std::string shown_screen() const;
    TextSize shown_text_size() const;

    const HardwareProfile& m_profile;
    const Pack& m_pack;
    Store& m_store;
    Window& m_window;
    Clock& m_system_clock;
    ShiftedClock m_clock;  // the system clock plus any correction staff confirmed
    ClockTrust& m_trust;
    KioskClocks m_clocks;  // the three above, for staff mode's clock check
    double m_next_clock_save = 0;
    FontFiles m_font_files;

    bool m_can_speak = false;  // a sound device was there at start-up: read-aloud is offered
    Journey m_journey;
    RepeatGuard m_repeat_guard;
    VisitWatch m_visit_watch{m_repeat_guard};
    ui::FontSet m_fonts;
    TextSize m_atlas_size = TextSize::Standard;
    bool m_atlas_built = false;
    ui::Palette m_palette;
    ui::UiState m_ui_state;
    ui::WidgetRegistry m_widgets;
    LinkCodes m_link_codes;     // the pack's links as QR codes, for the screens that show them
    ui::ResultsView m_results;  // filled only while the journey is on the results screen
    bool m_results_loaded = false;
    StaffSession m_staff;  // drawn instead of the journey while active
    FacilitatorRun m_facilitator;  // staff mode's Facilitator screen: a group session
    bool m_facilitator_opened = false;
    std::unique_ptr<ScriptDriver> m_script;

    KioskModes m_modes;
    FrameSchedule m_frames;
    bool m_layout_settling = false;  // the last frame's layout will still change
    double m_next_store_probe = 0;
    Speaker m_speaker;
    std::string m_spoken_page;  // the page read-aloud last read, so each page is read once
    std::string m_last_spoken;  // what was last handed to the speaker (scripts' expect-spoken)
    Watchdog m_watchdog;
    bool m_ready_sent = false;
    OpeningHours m_hours;
    double m_closed_notice_until = 0;  // a tap while closed shows when the kiosk wakes
    FrameStats m_frame_stats;
    double m_started_at = 0;                  // monotonic, for the frame stats' "at_s"
    double m_quit_at = 1e300;                 // --quit-after
    bool m_exit_after_first_frame = false;
    bool m_skip_unseen_frames = false;
    std::string m_retention_checked_on;  // the local date of the last retention purge
    bool m_fatal = false;
    std::string m_fatal_error;
};

}  // namespace dv
