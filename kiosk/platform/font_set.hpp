// The fonts a frame draws with: the sizes the text size asks for, and the ImGui fonts the atlas
// built at them (fonts.hpp builds it; the UI picks one per kind of text).
#pragma once

#include <imgui.h>

namespace dv {

struct FontSizes {
    float small, body, heading, title;  // pixels
};

struct FontSet {
    ImFont* small = nullptr;
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
};

}  // namespace dv
