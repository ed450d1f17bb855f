// GLFW window, OpenGL context and ImGui backends.
#include "window.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>

#include <cstdio>

namespace dv {

namespace {

bool g_input_seen = false;  // any event: set by the callbacks below, read by take_input_flag()
bool g_touch_seen = false;  // a press (touch, click or key): read by take_touch_flag()

void on_cursor(GLFWwindow*, double, double) { g_input_seen = true; }
void on_mouse(GLFWwindow*, int, int action, int) { g_input_seen = true, g_touch_seen |= action == GLFW_PRESS; }
void on_key(GLFWwindow*, int, int, int action, int) { g_input_seen = true, g_touch_seen |= action == GLFW_PRESS; }
void on_char(GLFWwindow*, unsigned int) { g_input_seen = true; }
void on_scroll(GLFWwindow*, double, double) { g_input_seen = true; }
void on_refresh(GLFWwindow*) { g_input_seen = true; }
void on_size(GLFWwindow*, int, int) { g_input_seen = true; }
// While create() runs, GLFW's complaints are kept for its error line (the caller may have a
// better reason to refuse to start, found meanwhile); afterwards they go to the log.
bool g_creating = false;
std::string g_create_errors;
void on_error(int code, const char* text) {
    if (g_creating) {
        g_create_errors += std::string(g_create_errors.empty() ? "" : "; ") + "GLFW error " + std::to_string(code) + ": " + text;
        return;
    }
    std::fprintf(stderr, "datavoice-kiosk: GLFW error %d: %s\n", code, text);
}

}  // namespace

std::unique_ptr<Window> Window::create(const WindowOptions& o, std::string& error) {
    g_creating = true;
    g_create_errors.clear();
    std::unique_ptr<Window> w = create_window(o, error);
    g_creating = false;
    if (!w && !g_create_errors.empty()) error += " (" + g_create_errors + ")";
    return w;
}

std::unique_ptr<Window> Window::create_window(const WindowOptions& o, std::string& error) {
    glfwSetErrorCallback(on_error);
    if (!glfwInit()) {
        error = "cannot start GLFW (is there a display? set DISPLAY or run under xvfb-run)";
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_DECORATED, o.fullscreen ? GLFW_FALSE : GLFW_TRUE);
    glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // show() maps it, once the caller is ready

    int w = o.width, h = o.height;
    if (o.fullscreen) {
        // Borderless at the monitor's size: robust on X11 with or without a window manager.
        if (GLFWmonitor* mon = glfwGetPrimaryMonitor()) {
            if (const GLFWvidmode* mode = glfwGetVideoMode(mon)) {
                w = mode->width;
                h = mode->height;
            }
        }
        glfwWindowHint(GLFW_FLOATING, GLFW_TRUE);
    }
    GLFWwindow* win = glfwCreateWindow(w, h, o.title.c_str(), nullptr, nullptr);
    if (!win) {
        glfwTerminate();
        error = "cannot create an OpenGL 3 window";
        return nullptr;
    }
    if (o.fullscreen) glfwSetWindowPos(win, 0, 0);
    glfwMakeContextCurrent(win);
    glfwSwapInterval(1);
    if (o.cursor_hidden) glfwSetInputMode(win, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);

    // Our callbacks first: ImGui's backend chains to them.
    glfwSetCursorPosCallback(win, on_cursor);
    glfwSetMouseButtonCallback(win, on_mouse);
    glfwSetKeyCallback(win, on_key);
    glfwSetCharCallback(win, on_char);
    glfwSetScrollCallback(win, on_scroll);
    glfwSetWindowRefreshCallback(win, on_refresh);
    glfwSetFramebufferSizeCallback(win, on_size);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // Keyboard and switch access is the kiosk's own (Tab, Enter, Space over its big buttons);
    // ImGui's navigation would act on the same keys a second time.
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.WindowRounding = 0;
    style.ItemSpacing = ImVec2(0, 0);
    ImGui_ImplGlfw_InitForOpenGL(win, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    return std::unique_ptr<Window>(new Window(win, o.lockdown));
}

Window::~Window() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(m_window);
    glfwTerminate();
}

void Window::show() { glfwShowWindow(m_window); }

void Window::wait(double timeout_seconds) {
    if (timeout_seconds <= 0)
        glfwPollEvents();
    else
        glfwWaitEventsTimeout(timeout_seconds);
}

bool Window::take_input_flag() {
    const bool seen = g_input_seen;
    g_input_seen = false;
    return seen;
}

bool Window::take_touch_flag() {
    const bool seen = g_touch_seen;
    g_touch_seen = false;
    return seen;
}

bool Window::close_requested() const {
    if (m_lockdown && glfwWindowShouldClose(m_window)) glfwSetWindowShouldClose(m_window, GLFW_FALSE);
    return glfwWindowShouldClose(m_window);
}

void Window::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    if (!m_device_ready) {
        m_device_ready = true;
        // The font atlas is in the texture: its two copies in memory (alpha and RGBA) can go.
        ImGui::GetIO().Fonts->ClearTexData();
    }
    ImGui_ImplGlfw_NewFrame();
}

void Window::render(unsigned clear_rgba) {
    ImGui::Render();
    int w, h;
    glfwGetFramebufferSize(m_window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor((clear_rgba & 0xFF) / 255.0f, ((clear_rgba >> 8) & 0xFF) / 255.0f, ((clear_rgba >> 16) & 0xFF) / 255.0f,
                 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::discard() { ImGui::Render(); }

void Window::present() { glfwSwapBuffers(m_window); }

void Window::finish() { glFinish(); }

int Window::framebuffer_width() const {
    int w, h;
    glfwGetFramebufferSize(m_window, &w, &h);
    return w;
}

int Window::framebuffer_height() const {
    int w, h;
    glfwGetFramebufferSize(m_window, &w, &h);
    return h;
}

std::vector<unsigned char> Window::read_pixels(int& width, int& height) const {
    glfwGetFramebufferSize(m_window, &width, &height);
    std::vector<unsigned char> rgb(static_cast<size_t>(width) * static_cast<size_t>(height) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, rgb.data());
    // OpenGL's first row is the bottom one.
    const size_t row = static_cast<size_t>(width) * 3;
    std::vector<unsigned char> tmp(row);
    for (int y = 0; y < height / 2; ++y) {
        unsigned char* a = rgb.data() + static_cast<size_t>(y) * row;
        unsigned char* b = rgb.data() + static_cast<size_t>(height - 1 - y) * row;
        std::copy(a, a + row, tmp.data());
        std::copy(b, b + row, a);
        std::copy(tmp.data(), tmp.data() + row, b);
    }
    return rgb;
}

void Window::refresh_fonts() {
    // Before the first frame the backend makes the texture itself (its NewFrame creates every
    // device object); making one here as well would leave a second, unused copy behind.
    if (!m_device_ready) return;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ImGui::GetIO().Fonts->ClearTexData();  // the pixels live in the texture now
}

}  // namespace dv
