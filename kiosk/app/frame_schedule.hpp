// When the kiosk draws: frames owed after input or a change (so a tap's press and release,
// and the layout that follows, are all drawn), and the timed wake-up the last frame asked
// for (an animation step, a countdown). Between them the loop sleeps.
#pragma once

#include <algorithm>

namespace dv {

class FrameSchedule {
public:
    // Input arrived or events were applied: move, press, release all need drawing.
    static constexpr int kAfterInput = 3;
    // Something the screens show changed by itself (a timeout, the opening hours).
    static constexpr int kAfterChange = 2;
    // Keep drawing one more frame: a finger is down, the layout is settling, an export runs.
    static constexpr int kKeepGoing = 1;

    // Makes sure at least `frames` more frames are drawn.
    void owe(int frames) { m_owed = std::max(m_owed, frames); }
    bool owed() const { return m_owed > 0; }
    // Called as a frame is drawn.
    void drawn() {
        if (m_owed > 0) --m_owed;
    }
    // The monotonic time the last frame asked to be drawn again at.
    void wake_at(double t) { m_wake_at = t; }
    double wake_time() const { return m_wake_at; }
    bool due(double now) const { return owed() || now >= m_wake_at; }

private:
    int m_owed = kAfterInput;  // the first frames, as after input
    double m_wake_at = 0;
};

}  // namespace dv
