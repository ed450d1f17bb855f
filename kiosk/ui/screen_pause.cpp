// The pause: what the comparison group sees where the others read the perspective cards. It
// is neutral on purpose (nothing about the scenario or data), so a change of view after it
// is what asking twice does on its own.
#include "screens.hpp"

namespace dv::ui {

void screen_pause(Frame& f) {
    static const std::string icon = "hourglass", none;
    static const std::vector<std::string> no_pictograms;
    explainer_body(f, {icon, f.word("pause_title"), f.word("pause_text"), none, none, none, no_pictograms});
}

}  // namespace dv::ui
