// What a window manager or a keyboard does to the kiosk's window, sent straight through X11
// (no window manager runs under the tests' Xvfb): the close request behind the close button
// and Alt+F4, and key presses.
#pragma once

#include <string>

namespace dv::test {

// Sends WM_DELETE_WINDOW to the top-level window titled `title` on `display`. False when no
// such window exists.
bool request_window_close(const std::string& display, const std::string& title);
// Sends a press and release of the key (an X keysym name: "Escape", "F4") with Alt held if
// `alt`, to that window. False when no such window exists.
bool send_key(const std::string& display, const std::string& title, const std::string& keysym, bool alt = false);

}  // namespace dv::test
