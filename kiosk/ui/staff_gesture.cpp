// The hidden way into staff mode: press and hold the top-left corner for five seconds on the
// attract or resting screen. A shorter press is an ordinary tap (it starts a visit on the
// attract screen), so visitors never stumble into staff mode.
#include "staff_screens.hpp"

#include <algorithm>

namespace dv::ui {

void watch_staff_gesture(Frame& f) {
    const ImGuiIO& io = ImGui::GetIO();
    const float corner = std::max(f.m.min_target * 2, 160 * f.m.scale);
    const bool in_corner = io.MouseDown[0] && io.MousePos.x >= 0 && io.MousePos.y >= 0 && io.MousePos.x < corner &&
                           io.MousePos.y < corner;
    double& since = f.state.corner_held_since;
    if (!in_corner) {
        since = -1;
        return;
    }
    if (since < 0) since = f.now;
    if (f.now - since >= kStaffGestureSeconds) {
        f.out.staff_gesture = true;
        since = -1;
    } else {
        f.out.wake_at = std::min(f.out.wake_at, since + kStaffGestureSeconds);
    }
}

}  // namespace dv::ui
