// The floor the kiosk is measured against: a bare Dear ImGui + GLFW + OpenGL 3 window built
// in the same tree with the same window code, drawing one plain full-screen ImGui window.
//
//   bare_window --first-frame-exit        print the monotonic time the first frame was shown
//   bare_window --frames N --frame-stats F   draw N frames as fast as possible, write timings
//   bare_window --idle                    wait for events until killed (idle CPU floor)
#include "platform/window.hpp"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

double now_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void draw() {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("bare", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::Text("A bare ImGui window");
    for (int i = 0; i < 8; ++i) {
        char label[16];
        std::snprintf(label, sizeof label, "Button %d", i);
        ImGui::Button(label, ImVec2(200, 60));
    }
    ImGui::End();
}

}  // namespace

int main(int argc, char** argv) {
    std::string mode, stats_path;
    int frames = 300;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--first-frame-exit") || !std::strcmp(argv[i], "--idle")) mode = argv[i];
        else if (!std::strcmp(argv[i], "--frames") && i + 1 < argc) mode = "--frames", frames = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--frame-stats") && i + 1 < argc) stats_path = argv[++i];
    }
    if (mode.empty()) {
        std::fprintf(stderr, "usage: bare_window --first-frame-exit | --idle | --frames N [--frame-stats FILE]\n");
        return 2;
    }
    dv::WindowOptions o;
    o.fullscreen = true;
    o.cursor_hidden = false;
    std::string error;
    auto window = dv::Window::create(o, error);
    if (!window) {
        std::fprintf(stderr, "bare_window: %s\n", error.c_str());
        return 1;
    }
    std::vector<float> build_ms, frame_ms;
    for (int n = 0;; ++n) {
        if (mode == "--idle") window->wait(0.5);
        else window->wait(0);
        if (window->close_requested()) break;
        const double t0 = now_s();
        window->begin_frame();
        ImGui::NewFrame();
        const double t1 = now_s();
        draw();
        const double t2 = now_s();
        window->render();
        window->present();
        if (mode == "--first-frame-exit") {
            window->finish();
            std::printf("first-frame %.6f\n", now_s());
            return 0;
        }
        if (mode == "--frames") {
            build_ms.push_back(static_cast<float>((t2 - t1) * 1000));
            frame_ms.push_back(static_cast<float>((now_s() - t0) * 1000));
            if (n + 1 >= frames) break;
        }
    }
    if (!stats_path.empty()) {
        std::FILE* f = std::fopen(stats_path.c_str(), "w");
        if (!f) return 1;
        std::fprintf(f, "build_ms frame_ms\n");
        for (size_t i = 0; i < build_ms.size(); ++i) std::fprintf(f, "%.4f %.4f\n", build_ms[i], frame_ms[i]);
        std::fclose(f);
    }
    return 0;
}
