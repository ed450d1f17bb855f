// The kiosk's window: GLFW, an OpenGL 3 context and Dear ImGui's GLFW/OpenGL3 backends.
//
// [X] One window: fullscreen-borderless at the monitor's size, or windowed at the profile's size.
// [X] Hidden cursor, no decorations, close requests ignored in lockdown.
// [X] Sleeps in glfwWaitEventsTimeout between frames; reports whether any input arrived.
// [X] Reads back the rendered frame for screenshots.
// [ ] Native Wayland touch: GLFW has none; run under Xwayland (docs/deploy.md).
// [ ] Rotating the picture: the compositor or the Pi's display settings do that; the profile's
//     rotation only tells the layout it is portrait.
#pragma once

#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;

namespace dv {

struct WindowOptions {
    std::string title = "datavoice";
    int width = 1920;
    int height = 1080;
    bool fullscreen = true;
    bool cursor_hidden = true;
    bool lockdown = false;
};

class Window {
public:
    static std::unique_ptr<Window> create(const WindowOptions& options, std::string& error);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    // The window is created hidden; this puts it on screen.
    void show();
    // Sleeps until input arrives or timeout_seconds pass (0: just polls).
    void wait(double timeout_seconds);
    // True once since the last call if any input or window event arrived.
    bool take_input_flag();
    // True once since the last call if a touch, click or key press arrived.
    bool take_touch_flag();
    bool close_requested() const;

    // Starts the backends' frame; call ImGui::NewFrame() after injecting scripted input.
    void begin_frame();
    // Clears the back buffer to `clear_rgba` (0xAABBGGRR, ImGui's IM_COL32 order) and renders
    // ImGui's draw data into it (not yet shown). Clearing to the screen's background colour
    // spares the software rasteriser a full-screen fill.
    void render(unsigned clear_rgba = 0xFF000000u);
    // Ends the ImGui frame without drawing it (layout still happens; nothing is rasterised).
    void discard();
    void present();
    // Waits until the GPU has finished everything drawn so far (for timing the first frame).
    void finish();

    int framebuffer_width() const;
    int framebuffer_height() const;
    // The back buffer as RGB rows, top row first.
    std::vector<unsigned char> read_pixels(int& width, int& height) const;

    // Reloads the font texture after the atlas was rebuilt (before the first frame there is
    // nothing to reload: begin_frame() makes it), then frees the atlas's pixels in memory.
    void refresh_fonts();

    GLFWwindow* handle() const { return m_window; }

private:
    static std::unique_ptr<Window> create_window(const WindowOptions& options, std::string& error);
    explicit Window(GLFWwindow* w, bool lockdown) : m_window(w), m_lockdown(lockdown) {}
    GLFWwindow* m_window;
    bool m_lockdown;
    bool m_device_ready = false;  // the backend's shaders and font texture exist (after a frame)
};

}  // namespace dv
