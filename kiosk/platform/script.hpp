// Input scripts: drive the real kiosk headless, the way a visitor would, for tests, demos,
// screenshots and benchmarks. One command per line; '#' starts a comment.
//
//   tap ID               tap the widget with this id (as the last frame drew it); if it is
//                        scrolled out of view, tap the scroll arrows towards it first
//   tap-at X Y           tap at a pixel position
//   hold X Y SECONDS     press at a pixel position and keep the finger down while the clock
//                        moves on SECONDS (the staff gesture), then let go
//   key NAME             press and release a key: tab, shift-tab, enter, space, escape
//   wait N               let N frames pass
//   advance SECONDS      move the kiosk's monotonic clock on (inactivity timeouts)
//   screenshot NAME      write NAME.png into the --screenshots folder
//   dump-widgets NAME    write NAME.json there: every widget's id, kind and rectangle
//   expect-screen NAME   stop with an error unless this screen is showing (journey.hpp names)
//   expect-widget ID     stop with an error unless this widget is on screen
//   expect-spoken WORDS  stop with an error unless read-aloud's last words contain WORDS
//   wait-for-screen NAME SECONDS
//                        let frames pass until this screen shows (background work: an
//                        export); stop with an error if it has not within SECONDS of real time
//   quit                 leave the kiosk (exit code 0)
//
// [X] Taps take three frames (move, press, release), as imgui 1.86 needs, then the pointer
//     leaves the window so nothing stays highlighted in a screenshot.
// [X] Every command waits for two settled frames, so what it sees is what a visitor would.
// [ ] Multi-touch and drags: visitors only ever tap.
#pragma once

#include "core/problem.hpp"
#include "widget_registry.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

struct ImGuiIO;

namespace dv {

class ShiftedClock;

struct ScriptCommand {
    enum class Kind {
        Tap, TapAt, Hold, Key, Wait, Advance, Screenshot, DumpWidgets, ExpectScreen, ExpectWidget,
        ExpectSpoken, WaitForScreen, Quit
    };
    Kind kind = Kind::Wait;
    std::string arg;
    float x = 0, y = 0;
    double number = 0;
    int line = 0;
};

struct Script {
    std::string file;
    std::vector<ScriptCommand> commands;
};

// False with a problem naming file and line for anything it does not understand.
bool parse_script(const std::string& text, const std::string& file, Script& out, Problem& problem);

// What the driver needs from the running kiosk, without knowing the kiosk.
struct ScriptHost {
    std::function<std::string()> screen;                // the journey's current screen name
    std::function<std::string()> spoken;                // what read-aloud last said ("" if nothing)
    std::function<void(double)> advance_clock;          // moves the monotonic clock on
    std::function<bool(const std::string&)> write_png;  // the frame just rendered → file
};

class ScriptDriver {
public:
    ScriptDriver(Script script, std::string output_dir, ScriptHost host);

    bool running() const { return m_next < m_script.commands.size() && !m_failed && !m_quit; }
    bool quit_requested() const { return m_quit || (m_next >= m_script.commands.size() && !m_failed); }
    bool failed() const { return m_failed; }
    // True while a scripted tap or key press is down, as a real touch would be.
    bool pressing() const { return m_pressing; }
    const std::string& error() const { return m_error; }

    // After the backend's NewFrame and before ImGui::NewFrame(): sets this frame's input.
    // While the last frame's layout was still settling, nothing is tapped or checked.
    void before_frame(ImGuiIO& io, const WidgetRegistry& last_frame, bool layout_settling = false);
    // After rendering, before the frame is shown: screenshots and widget dumps.
    void after_render(const WidgetRegistry& this_frame);
    // True when this frame's pixels will be read (a screenshot), set by before_frame().
    bool reads_pixels() const;

private:
    void fail(const ScriptCommand& c, const std::string& message);
    void done(int settle_frames);

    Script m_script;
    std::string m_dir;
    ScriptHost m_host;
    size_t m_next = 0;
    int m_phase = 0;
    int m_settle = 2;
    bool m_capture = false;
    bool m_failed = false;
    bool m_quit = false;
    std::string m_error;
    float m_tx = 0, m_ty = 0;
    bool m_pressing = false;
    bool m_scroll_tap = false;  // the tap under way is on a scroll arrow, on the way to the target
    int m_scroll_taps = 0;
    int m_arrow_waits = 0;
    std::chrono::steady_clock::time_point m_wait_until;  // wait-for-screen's deadline
};

}  // namespace dv
