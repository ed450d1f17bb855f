// Input script parsing and the driver that plays a script into ImGui, frame by frame.
#include "script.hpp"

#include "core/text.hpp"

#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <nlohmann/json.hpp>

#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace dv {

namespace {

constexpr int kMaxScrollTaps = 20;
constexpr int kArrowWaitFrames = 5;

bool is_name(const std::string& s) {
    if (s.empty() || s.size() > 100) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              c == '.'))
            return false;
    return s != "." && s != "..";
}

bool to_number(const std::string& s, double& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end && *end == '\0';
}

int key_code(const std::string& name, bool& shift) {
    shift = false;
    if (name == "tab") return GLFW_KEY_TAB;
    if (name == "shift-tab") {
        shift = true;
        return GLFW_KEY_TAB;
    }
    if (name == "enter") return GLFW_KEY_ENTER;
    if (name == "space") return GLFW_KEY_SPACE;
    if (name == "escape") return GLFW_KEY_ESCAPE;
    return -1;
}

std::string seconds_text(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", s);
    return buf;
}

}  // namespace

bool parse_script(const std::string& text, const std::string& file, Script& out, Problem& problem) {
    out.file = file;
    out.commands.clear();
    std::istringstream in(text);
    std::string raw;
    int line = 0;
    while (std::getline(in, raw)) {
        ++line;
        const size_t hash = raw.find('#');
        const std::string body = trim(hash == std::string::npos ? raw : raw.substr(0, hash));
        if (body.empty()) continue;
        std::vector<std::string> w;
        for (auto& part : split(body, ' '))
            if (!part.empty()) w.push_back(trim(part));
        auto bad = [&](const std::string& msg) {
            problem = {file, line, msg};
            return false;
        };
        ScriptCommand c;
        c.line = line;
        const std::string& cmd = w[0];
        using K = ScriptCommand::Kind;
        auto want = [&](size_t n) { return w.size() == n + 1; };
        if (cmd == "tap" || cmd == "screenshot" || cmd == "dump-widgets" || cmd == "expect-screen" ||
            cmd == "expect-widget") {
            if (!want(1) || !is_name(w[1])) return bad("'" + cmd + "' needs one name (letters, digits, _ - .)");
            c.kind = cmd == "tap" ? K::Tap
                     : cmd == "screenshot" ? K::Screenshot
                     : cmd == "dump-widgets" ? K::DumpWidgets
                     : cmd == "expect-screen" ? K::ExpectScreen
                                              : K::ExpectWidget;
            c.arg = w[1];
        } else if (cmd == "tap-at") {
            double x, y;
            if (!want(2) || !to_number(w[1], x) || !to_number(w[2], y) || x < 0 || y < 0)
                return bad("'tap-at' needs two pixel positions: tap-at X Y");
            c.kind = K::TapAt;
            c.x = static_cast<float>(x);
            c.y = static_cast<float>(y);
        } else if (cmd == "hold") {
            double x, y;
            if (!want(3) || !to_number(w[1], x) || !to_number(w[2], y) || x < 0 || y < 0 ||
                !to_number(w[3], c.number) || c.number < 0 || c.number > 3600)
                return bad("'hold' needs a pixel position and seconds: hold X Y SECONDS");
            c.kind = K::Hold;
            c.x = static_cast<float>(x);
            c.y = static_cast<float>(y);
        } else if (cmd == "wait") {
            if (!want(1) || !to_number(w[1], c.number) || c.number < 0 || c.number > 100000 ||
                c.number != static_cast<int>(c.number))
                return bad("'wait' needs a whole number of frames");
            c.kind = K::Wait;
        } else if (cmd == "advance") {
            if (!want(1) || !to_number(w[1], c.number) || c.number < 0 || c.number > 86400 * 365)
                return bad("'advance' needs a number of seconds");
            c.kind = K::Advance;
        } else if (cmd == "key") {
            bool shift;
            if (!want(1) || key_code(w[1], shift) < 0)
                return bad("'key' needs one of: tab, shift-tab, enter, space, escape");
            c.kind = K::Key;
            c.arg = w[1];
        } else if (cmd == "wait-for-screen") {
            if (!want(2) || !is_name(w[1]) || !to_number(w[2], c.number) || c.number <= 0 || c.number > 3600)
                return bad("'wait-for-screen' needs a screen name and seconds: wait-for-screen NAME SECONDS");
            c.kind = K::WaitForScreen;
            c.arg = w[1];
        } else if (cmd == "expect-spoken") {
            if (w.size() < 2) return bad("'expect-spoken' needs the words read aloud");
            c.kind = K::ExpectSpoken;
            c.arg = trim(body.substr(cmd.size()));
        } else if (cmd == "quit") {
            if (!want(0)) return bad("'quit' takes nothing after it");
            c.kind = K::Quit;
        } else {
            return bad("unknown command '" + cmd + "'");
        }
        out.commands.push_back(std::move(c));
    }
    return true;
}

ScriptDriver::ScriptDriver(Script script, std::string output_dir, ScriptHost host)
    : m_script(std::move(script)), m_dir(std::move(output_dir)), m_host(std::move(host)) {}

void ScriptDriver::fail(const ScriptCommand& c, const std::string& message) {
    m_failed = true;
    m_error = Problem{m_script.file, c.line, message}.str();
}

void ScriptDriver::done(int settle_frames) {
    ++m_next;
    m_phase = 0;
    m_settle = settle_frames;
}

void ScriptDriver::before_frame(ImGuiIO& io, const WidgetRegistry& last_frame, bool layout_settling) {
    // The pointer rests outside the window unless a tap is under way.
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = false;
    m_capture = false;
    m_pressing = false;
    if (!running()) return;
    if (layout_settling && m_phase == 0) return;  // wait for the page to take its final shape
    if (m_settle > 0) {
        --m_settle;
        return;
    }
    const ScriptCommand& c = m_script.commands[m_next];
    using K = ScriptCommand::Kind;
    switch (c.kind) {
        case K::Tap:
        case K::TapAt:
            if (m_phase == 0) {
                if (c.kind == K::Tap) {
                    const WidgetInfo* w = last_frame.find(c.arg);
                    if (!w) {
                        fail(c, "no widget '" + c.arg + "' on screen '" + m_host.screen() + "'");
                        return;
                    }
                    m_scroll_tap = !w->visible();
                    if (m_scroll_tap) {
                        // Out of view: scroll towards it first with the arrows, as a visitor would.
                        const WidgetInfo* arrow = nullptr;
                        for (const char* id : {"scroll_down", "scroll_up"}) {
                            const WidgetInfo* a = last_frame.find(id);
                            const bool below = w->min.y >= (a ? a->min.y : 0);
                            if (a && a->visible() && (std::string(id) == "scroll_down") == below) arrow = a;
                        }
                        if (!arrow && ++m_arrow_waits <= kArrowWaitFrames) {
                            return;  // a page's arrows appear a frame or two after its content: wait
                        }
                        if (!arrow || ++m_scroll_taps > kMaxScrollTaps) {
                            fail(c, "widget '" + c.arg + "' is out of view on screen '" + m_host.screen() +
                                        "' and scrolling does not reach it");
                            return;
                        }
                        w = arrow;
                    }
                    // A finger lands on the part a visitor can see.
                    m_tx = (w->visible_min.x + w->visible_max.x) * 0.5f;
                    m_ty = (w->visible_min.y + w->visible_max.y) * 0.5f;
                } else {
                    m_tx = c.x;
                    m_ty = c.y;
                }
            }
            io.MousePos = ImVec2(m_tx, m_ty);
            io.MouseDown[0] = m_phase == 1;
            m_pressing = m_phase == 1;
            if (++m_phase == 3) {
                if (m_scroll_tap) {  // that was a scroll arrow: try the real tap again
                    m_phase = 0;
                    m_settle = 2;
                } else {
                    m_scroll_taps = 0;
                    m_arrow_waits = 0;
                    done(2);
                }
            }
            break;
        case K::Hold:
            // Move, press, then the clock jumps while the finger stays down, two more frames
            // held so the screen sees the time pass, then release.
            io.MousePos = ImVec2(c.x, c.y);
            io.MouseDown[0] = m_phase >= 1 && m_phase <= 4;
            if (m_phase == 2) m_host.advance_clock(c.number);
            if (++m_phase == 6) done(2);
            break;
        case K::Key: {
            bool shift;
            const int code = key_code(c.arg, shift);
            io.KeysDown[code] = m_phase == 0;
            m_pressing = m_phase == 0;
            io.KeyShift = shift && m_phase == 0;
            if (++m_phase == 2) done(2);
            break;
        }
        case K::Wait:
            if (m_phase++ >= static_cast<int>(c.number)) done(0);
            break;
        case K::Advance:
            m_host.advance_clock(c.number);
            done(2);
            break;
        case K::Screenshot:
        case K::DumpWidgets: m_capture = true; break;
        case K::ExpectScreen:
            if (m_host.screen() != c.arg)
                fail(c, "expected screen '" + c.arg + "' but '" + m_host.screen() + "' is showing");
            else
                done(0);
            break;
        case K::ExpectWidget:
            if (!last_frame.find(c.arg))
                fail(c, "expected widget '" + c.arg + "' on screen '" + m_host.screen() + "'");
            else
                done(0);
            break;
        case K::WaitForScreen: {
            // Background work (an export) takes real time, however fast the frames come.
            const auto t = std::chrono::steady_clock::now();
            if (m_phase++ == 0) m_wait_until = t + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                       std::chrono::duration<double>(c.number));
            if (m_host.screen() == c.arg)
                done(2);
            else if (t >= m_wait_until)
                fail(c, "screen '" + c.arg + "' did not show within " + seconds_text(c.number) + " s; '" +
                            m_host.screen() + "' is showing");
            break;
        }
        case K::ExpectSpoken: {
            const std::string said = m_host.spoken ? m_host.spoken() : std::string();
            if (said.find(c.arg) == std::string::npos)
                fail(c, "expected read-aloud to say '" + c.arg + "' but it last said '" + said + "'");
            else
                done(0);
            break;
        }
        case K::Quit:
            m_quit = true;
            break;
    }
}

bool ScriptDriver::reads_pixels() const {
    return m_capture && running() && m_script.commands[m_next].kind == ScriptCommand::Kind::Screenshot;
}

void ScriptDriver::after_render(const WidgetRegistry& this_frame) {
    if (!m_capture || !running()) return;
    const ScriptCommand& c = m_script.commands[m_next];
    if (c.kind == ScriptCommand::Kind::Screenshot) {
        const std::string path = m_dir + "/" + c.arg + ".png";
        if (!m_host.write_png(path)) {
            fail(c, "cannot write " + path);
            return;
        }
    } else {
        const std::string path = m_dir + "/" + c.arg + ".json";
        nlohmann::json widgets = nlohmann::json::array();
        for (const auto& w : this_frame.all())
            widgets.push_back({{"id", w.id}, {"kind", w.kind}, {"x0", w.min.x}, {"y0", w.min.y}, {"x1", w.max.x},
                               {"y1", w.max.y}, {"overflow", w.overflow}, {"visible", w.visible()},
                               {"vx0", w.visible_min.x}, {"vy0", w.visible_min.y}, {"vx1", w.visible_max.x},
                               {"vy1", w.visible_max.y}});
        std::ofstream out(path);
        out << nlohmann::json{{"screen", m_host.screen()}, {"widgets", widgets}}.dump(1) << "\n";
        if (!out) {
            fail(c, "cannot write " + path);
            return;
        }
    }
    done(0);
}

}  // namespace dv
