// The kiosk's touch widgets and the per-frame context every screen draws with.
//
// Screens are functions of the journey state: they draw, and report what the visitor did as
// core Events in Frame::out. Every tappable widget records its id and rectangle in the
// WidgetRegistry, which the headless script driver uses to tap "next" by name and the
// layout tests use to find clipped text, overlaps and targets smaller than 9 mm.
#pragma once

#include "core/journey.hpp"
#include "core/results.hpp"
#include "core/qr_matrix.hpp"
#include "platform/font_set.hpp"
#include "platform/widget_registry.hpp"
#include "theme.hpp"

#include <imgui.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dv::ui {

using dv::WidgetInfo;
using dv::WidgetRegistry;
using dv::FontSet;

// What the visitor (or staff) did this frame.
struct UiOutput {
    std::vector<Event> events;
    bool staff_gesture = false;  // the hidden press-and-hold in the corner
    double wake_at = 1e300;      // monotonic time an animation needs the next frame
    std::string speak;           // read-aloud: say this now (replacing anything being said)
    ImU32 clear_colour = 0;      // the colour behind everything: the platform clears to it
    bool layout_settling = false;  // the layout will change next frame (e.g. scroll arrows arriving)
};

// Aggregated answers for the "what others said here" screen, already made safe by the
// privacy rules (threshold, rounding, refresh every N sessions) before the UI sees them:
// core/results.hpp builds them, the app computes them when the visitor reaches the screen.
using ResultsView = ScenarioResults;

// What the UI itself remembers between frames: only layout, never anything a visitor chose.
struct UiState {
    float scroll_request = 0;  // set by the scroll arrows, applied next frame
    Screen last_screen = Screen::Attract;
    int last_step = -1;
    bool content_overflows = false;  // last frame's content was taller than its column
    float scroll_max = 0;            // how far it can scroll
    // Keyboard and switch access: the focused widget, the order Tab moves through (last
    // frame's buttons), and whether Enter/Space activates the focused one this frame.
    std::string focus_id;
    std::vector<std::pair<std::string, std::string>> focus_order;  // (id, what it says)
    bool activate_focus = false;
    bool scroll_to_focus = false;
    bool keyboard_used = false;  // focus rings show only once someone uses a key
    double corner_held_since = -1;  // the staff gesture
    // The on-screen keyboard (keyboard.cpp): which page and case it shows, for which step,
    // and the extra letters of the language it last showed. Never the typed words.
    struct Keyboard {
        std::string step;
        bool shift = false;
        bool numbers = false;
        std::string language;
        std::vector<char32_t> extra_letters;
    } keyboard;

};

struct Frame {
    const Journey& journey;
    UiState& state;
    const FontSet& fonts;
    const Palette& pal;
    const Metrics& m;
    WidgetRegistry& widgets;
    UiOutput& out;
    double now = 0;  // monotonic seconds, for animation
    ImVec2 display{1920, 1080};
    const ResultsView* results = nullptr;
    const LinkCodes* links = nullptr;  // the pack's links as QR codes, encoded by the app
    bool read_aloud_offered = true;    // false: the app found no sound device, so no read-aloud control

    void emit(Event e) { out.events.push_back(std::move(e)); }
    // The QR code of one of the pack's links; nullptr when the app encoded none for it.
    const QrMatrix* link_code(const std::string& url) const {
        if (!links) return nullptr;
        const auto it = links->find(url);
        return it == links->end() || it->second.size == 0 ? nullptr : &it->second;
    }
    const std::string& word(const char* key) const { return journey.content().word(key); }
};

enum class ButtonKind { Primary, Secondary, Quiet };

// A large rounded button; returns true when tapped (on release, as ImGui buttons do) or
// activated from the keyboard. With read-aloud on, the press reads it and the same tap chooses.
// `read`: whether its label belongs to the page read aloud (false for header/footer buttons).
// `spoken`: what read-aloud says for it when the label is only a pictogram.
bool button(Frame& f, const std::string& id, const std::string& label, ImVec2 size, ButtonKind kind,
            const std::string& icon = {}, bool enabled = true, ImFont* font = nullptr, bool read = false,
            const std::string& spoken = {});

// The shared rule behind every tappable thing, for widgets drawn by hand (topic cards):
// call right after the item; returns whether it was chosen (a tap, which with read-aloud on
// also reads it out as it is pressed, or Enter/Space on the focused item), and draws the
// keyboard focus ring.
bool activated(Frame& f, const std::string& id, const std::string& spoken, bool tapped, ImVec2 a, ImVec2 b);

// An answer option: full width, grows to fit its words, shows a round (one) or square (many)
// indicator and a tick when chosen. `text_scale` draws its words smaller than the body font
// (a question fitting all its answers on a short screen).
bool option_button(Frame& f, const std::string& id, const std::string& label, float width, bool selected,
                   bool multi, const std::string& icon = {}, float min_height = 0, float text_scale = 1);
// The height option_button would take, so a row of options can share one height.
float option_height(const Frame& f, const std::string& label, float width, const std::string& icon = {},
                    float text_scale = 1);

// Wrapped text at the cursor; advances the cursor. Recorded as a "text" widget when id is set.
// `size`: pixel size to draw at (0: the font's own).
void text_block(Frame& f, ImFont* font, const std::string& text, float wrap_width, ImU32 colour,
                const char* id = nullptr, bool centered = false, float size = 0);

// Height that text_block would use. `size`: pixel size to draw at (0: the font's own).
float text_height(ImFont* font, const std::string& text, float wrap_width, float size = 0);

// Draws wrapped lines at pos inside width; returns the height used.
float draw_wrapped(ImDrawList* dl, ImFont* font, ImVec2 pos, float width, const std::string& text, ImU32 colour,
                   bool centered, float size = 0);

// The glyph of a named pictogram (kiosk/core/icons.hpp), as UTF-8; empty when unknown.
const char* icon_glyph(const std::string& name);
// Glyphs the interface itself uses besides pack icons.
namespace glyph {
extern const char* const back;
extern const char* const next;
extern const char* const text_size;
extern const char* const tick;
extern const char* const circle;
extern const char* const square;
extern const char* const up;
extern const char* const down;
extern const char* const hand;
extern const char* const speaker;
extern const char* const contrast;
extern const char* const usb;  // staff screens
extern const char* const trash;
extern const char* const sign_out;
extern const char* const grid;
extern const char* const upload;
extern const char* const plus;
extern const char* const minus;
}  // namespace glyph
// Every icon code point the UI may draw, so the font atlas can include them.
std::vector<ImWchar> icon_codepoints();

// A QR code drawn as squares (modules: size×size, 1 = dark), with its quiet zone.
void draw_qr(ImDrawList* dl, const std::vector<std::uint8_t>& modules, int size, ImVec2 pos, float side);

// The staff and facilitator frames: a full-screen, undecorated window on the background
// colour (end with end_full_screen()), and below a header of height header_h the content
// column, at most max_w wide, as a child window (end with ImGui::EndChild()).
void begin_full_screen(Frame& f, const char* id);
void end_full_screen();
void begin_content_column(Frame& f, const char* id, float header_h, float max_w);

// Centres the next item of width w within the available width.
void centre_next(float w);

}  // namespace dv::ui
