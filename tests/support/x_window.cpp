// This file implements the X11 messages of x_window.hpp.
#include "x_window.hpp"

#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <memory>

namespace dv::test {

namespace {

using DisplayPtr = std::unique_ptr<Display, int (*)(Display*)>;

Window find_window(Display* d, Window parent, const std::string& title) {
    Window root_return = 0, parent_return = 0, *children = nullptr;
    unsigned n = 0;
    if (!XQueryTree(d, parent, &root_return, &parent_return, &children, &n)) return 0;
    Window found = 0;
    for (unsigned i = 0; i < n && !found; ++i) {
        char* name = nullptr;
        if (XFetchName(d, children[i], &name) && name) {
            if (title == name) found = children[i];
            XFree(name);
        }
        if (!found) found = find_window(d, children[i], title);
    }
    if (children) XFree(children);
    return found;
}

}  // namespace

bool request_window_close(const std::string& display, const std::string& title) {
    DisplayPtr d(XOpenDisplay(display.c_str()), XCloseDisplay);
    if (!d) return false;
    const Window w = find_window(d.get(), DefaultRootWindow(d.get()), title);
    if (!w) return false;
    XEvent e{};
    e.xclient.type = ClientMessage;
    e.xclient.window = w;
    e.xclient.message_type = XInternAtom(d.get(), "WM_PROTOCOLS", False);
    e.xclient.format = 32;
    e.xclient.data.l[0] = static_cast<long>(XInternAtom(d.get(), "WM_DELETE_WINDOW", False));
    e.xclient.data.l[1] = CurrentTime;
    XSendEvent(d.get(), w, False, NoEventMask, &e);
    XSync(d.get(), False);
    return true;
}

bool send_key(const std::string& display, const std::string& title, const std::string& keysym, bool alt) {
    DisplayPtr d(XOpenDisplay(display.c_str()), XCloseDisplay);
    if (!d) return false;
    const Window w = find_window(d.get(), DefaultRootWindow(d.get()), title);
    if (!w) return false;
    XSetInputFocus(d.get(), w, RevertToParent, CurrentTime);
    for (int type : {KeyPress, KeyRelease}) {
        XEvent e{};
        e.xkey.type = type;
        e.xkey.display = d.get();
        e.xkey.window = w;
        e.xkey.root = DefaultRootWindow(d.get());
        e.xkey.time = CurrentTime;
        e.xkey.same_screen = True;
        e.xkey.state = alt ? Mod1Mask : 0;
        e.xkey.keycode = XKeysymToKeycode(d.get(), XStringToKeysym(keysym.c_str()));
        XSendEvent(d.get(), w, True, type == KeyPress ? KeyPressMask : KeyReleaseMask, &e);
    }
    XSync(d.get(), False);
    return true;
}

}  // namespace dv::test
