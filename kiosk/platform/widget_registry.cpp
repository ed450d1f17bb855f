// The widgets a frame drew (widget_registry.hpp).
#include "widget_registry.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

namespace dv {

void WidgetRegistry::add(WidgetInfo info) {
    ImVec2 clip_min(0, 0), clip_max(FLT_MAX, FLT_MAX);
    if (ImGui::GetCurrentContext() && ImGui::GetCurrentContext()->CurrentWindow) {
        clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
        clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
    }
    info.visible_min = ImVec2(std::max(info.min.x, clip_min.x), std::max(info.min.y, clip_min.y));
    info.visible_max = ImVec2(std::min(info.max.x, clip_max.x), std::min(info.max.y, clip_max.y));
    m_items.push_back(std::move(info));
}

const WidgetInfo* WidgetRegistry::find(const std::string& id) const {
    for (const auto& w : m_items)
        if (w.id == id) return &w;
    return nullptr;
}

}  // namespace dv
