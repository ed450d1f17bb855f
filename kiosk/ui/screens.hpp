// The visitor screens, one per file (screen_<name>.cpp), and the frame around them.
//
// draw_visitor_frame() lays out the header (text size, finish), the content column and the
// footer (back, skip, next) for the journey's current screen, then calls that screen.
// Screens draw inside the content column and report taps through Frame::emit().
#pragma once

#include "widgets.hpp"

namespace dv::ui {

// The whole visitor UI for one frame. Call between ImGui::NewFrame() and ImGui::Render().
void draw_visitor_frame(Frame& f);
// Outside opening hours: a black screen, or (after a tap) when the kiosk wakes up.
void draw_closed_frame(Frame& f, double notice_until, const std::string& opens_at);

void screen_attract(Frame& f);
void screen_welcome(Frame& f);
void screen_topics(Frame& f);
void screen_explainer(Frame& f);  // also the closing screen (how to opt out)
void screen_question(Frame& f);   // every screen that asks_question(): views, how sure, knowledge, reasons
void screen_scenario(Frame& f);
void screen_card(Frame& f);
void screen_pause(Frame& f);              // the comparison group's "take a moment"
void screen_knowledge_answers(Frame& f);  // the right answers to the quick check
void screen_results(Frame& f);
void screen_thank_you(Frame& f);
void screen_resting(Frame& f);
void overlay_still_there(Frame& f);
void overlay_leave(Frame& f);  // "Leave now?"
// The box both overlays draw: begin_overlay() dims the screen and draws the title and words;
// the caller draws `buttons` buttons at buttons_at, then calls end_overlay().
struct OverlayPanel {
    bool tapped_anywhere = false;  // a tap (press and release) anywhere this frame
    bool tapped_outside = false;   // one outside the box
    ImVec2 buttons_at;
    float button_w = 0;
};
OverlayPanel begin_overlay(Frame& f, const char* window, const std::string& title, const std::string& body,
                           int buttons);
void end_overlay();

// What an explainer-like screen shows (screen_explainer.cpp draws it): the explainers, the
// scenario's introduction and the pause.
struct ExplainerView {
    const std::string& icon;
    const std::string& title;
    const std::string& text;
    const std::string& diagram;
    const std::string& qr_url;
    const std::string& qr_caption;
    const std::vector<std::string>& pictograms;
};
void explainer_body(Frame& f, const ExplainerView& v);

// The parts of a results screen (results_panels.cpp): the before/after bars, the shift in
// words, and the calm "not enough answers yet" panel. `big`: for a room (facilitator mode).
void results_bar_table(Frame& f, const ResultsView& r, float w, bool big = false);
void results_shift_panel(Frame& f, const ResultsView& r, float w, bool big = false);
void results_waiting_panel(Frame& f, const ResultsView& r, float w);
// Records a figure for tests (as its id); `spoken` is what read-aloud says for it, if anything.
void record_text(Frame& f, const std::string& id, ImVec2 a, ImVec2 b, const std::string& spoken = {});

// Animated diagrams an explainer can name (explainer.diagram); false when unknown.
bool draw_diagram(Frame& f, const std::string& name, ImVec2 pos, ImVec2 size);

}  // namespace dv::ui
