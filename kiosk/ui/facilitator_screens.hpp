// Facilitator mode's screens, one per file (screen_facilitator_<name>.cpp), and the frame
// around them (facilitator_frame.cpp). They draw core's Facilitator (core/facilitator.hpp)
// and the results the app built, and report taps as FacilitatorEvents; the app stores.
//
// What the facilitator alone reads (the header, instructions, the counters' buttons) is in
// plain English, like the staff screens; what the group reads (the scenario, the question,
// its answers, the cards, the results) is in the pack's language, from the pack.
#pragma once

#include "core/facilitator.hpp"
#include "widgets.hpp"

#include <string>
#include <vector>

namespace dv::ui {

struct FacilitatorFrame {
    Frame& f;
    const Facilitator& group;
    const LanguageContent& content;  // the pack's words the group reads
    const ResultsView& results;      // filled on the Results screen
    const std::string& note;         // a line for the facilitator (e.g. the tally was not saved)
    std::vector<FacilitatorEvent>& events;

    void emit(FacilitatorEvent e) { events.push_back(std::move(e)); }
};

// The whole facilitator UI for one frame (not the Person screen: the visitor screens run it).
void draw_facilitator_frame(FacilitatorFrame& s);

void screen_facilitator_choose(FacilitatorFrame& s);
void screen_facilitator_between(FacilitatorFrame& s);
void screen_facilitator_hands(FacilitatorFrame& s);  // HandsFirst and HandsSecond
void screen_facilitator_cards(FacilitatorFrame& s);
void screen_facilitator_results(FacilitatorFrame& s);

// Shared by the facilitator screens: a row of buttons at the bottom of the content area
// (ids and labels; disabled ones grey), returning the index tapped or -1.
int facilitator_buttons(FacilitatorFrame& s, const std::vector<std::pair<std::string, std::string>>& buttons,
                        int primary = -1, const std::vector<bool>& enabled = {});

}  // namespace dv::ui
